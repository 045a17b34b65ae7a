"""The README's "Calling the emulator from your own stack" recipes, run as written.

Code blocks are taken from the README itself: the Python ones run against the real
server (its URL and PKI folder substituted for ``http://127.0.0.1:8080`` and
``var/pki``), the scripts must be the files the xmlsec1 tests run, the WSS4J lines must
be in the Java client, and the CXF properties sign a request through WSS4J's handler.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.interop.conftest import HERE, run

ROOT = HERE.parent.parent
SECTION = "Calling the emulator from your own stack"
VERIFIED = "verified CN=agodi-discimus-emulator,O=Discimus emulator"


def literal_blocks() -> list[tuple[str, str]]:
    """(the line introducing it, the block) for every ``::`` block of the section."""
    lines = (ROOT / "README.rst").read_text().split(SECTION + "\n", 1)[1].splitlines()
    end = next(i for i, line in enumerate(lines[2:], 2)
               if set(line) == {"-"} and lines[i - 1].strip())
    lines = lines[:end - 1]
    blocks = []
    for i, line in enumerate(lines):
        if line.endswith("::"):
            body = []
            for following in lines[i + 1:]:
                if following and not following.startswith("    "):
                    break
                body.append(following)
            blocks.append((line, textwrap.dedent("\n".join(body)).strip("\n") + "\n"))
    return blocks


def block(containing: str) -> str:
    found = [text for intro, text in literal_blocks() if containing in intro + text]
    assert len(found) == 1, f"{len(found)} README blocks contain {containing!r}"
    return found[0]


def on_server(text: str, server) -> str:
    return (text.replace("http://127.0.0.1:8080", server.url)
            .replace("var/pki", str(server.pki_dir))
            .replace("tests/interop/", f"{HERE}/"))


@pytest.mark.parametrize("script", ["send.sh", "verify.sh"])
def test_the_xmlsec1_scripts_in_the_readme_are_the_ones_tested(script):
    path = HERE / "xmlsec1" / script
    assert block(f"``tests/interop/xmlsec1/{script}``::") == path.read_text()


def test_the_wss4j_lines_in_the_readme_are_in_the_tested_client():
    source = {line.strip() for line in
              (HERE / "java" / "Wss4jClient.java").read_text().splitlines()}
    lines = [line.strip() for line in block("setSignatureAlgorithm").splitlines()]
    assert lines and all(line in source for line in lines if line)


def test_our_client_recipe(server):
    namespace: dict = {}
    exec(on_server(block("DiscimusClient.from_pki"), server), namespace)
    assert namespace["result"].ok


def test_the_zeep_recipe(server):
    namespace: dict = {}
    exec(on_server(block("ZeepSignature("), server), namespace)
    assert namespace["repliek"].Antwoorden.Antwoord.Inhoud.Instellingsnummer == "034567"


def test_the_xmlsec1_command_line(xmlsec1, server, tmp_path):
    sent = run(["sh", "-c", on_server(block("sh tests/interop/xmlsec1/send.sh"), server)],
               cwd=tmp_path)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip() == "200"
    assert (tmp_path / "answer.xml").exists()


def test_the_cxf_properties_sign_a_request_through_wss4j_s_handler(wss4j, server,
                                                                   tmp_path: Path):
    properties = tmp_path / "cxf.properties"
    properties.write_text(block("action=Timestamp Signature"))
    ran = wss4j(server.url, server.pki_dir, tmp_path, f"properties={properties}")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.splitlines() == ["status 200", VERIFIED]
