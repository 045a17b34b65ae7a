"""The README's "Partner agencies (MAGDA)" example, run as written, against a real server."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docutils.core
import docutils.nodes
from lxml import etree

from tests import magda

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def section_blocks() -> list[str]:
    tree = docutils.core.publish_doctree((ROOT / "README.rst").read_text(),
                                         settings_overrides={"report_level": 5})
    section = tree.next_node(lambda n: isinstance(n, docutils.nodes.section) and
                             n["names"][0].startswith("partner agencies"))
    return [block.astext() for block in section.findall(docutils.nodes.literal_block)]


def test_the_partner_example_runs_as_written(server):
    commands, refusal, python = section_blocks()
    env = {**os.environ, "DISCIMUS_URL": server.url, "DISCIMUS_PKI_DIR": str(server.pki_dir),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}

    def run(argv):
        return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)

    done = run(["bash", "-e", "-c", commands])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "034567 Sint-Jozefscollege  school year 2026  group 1A" in done.stdout
    refused = run(["bash", "-c", refusal])
    assert refused.returncode == 1 and "40006 MAGDA (Discimus 40020)" in refused.stdout
    example = run([sys.executable, "-c", python])
    assert example.returncode == 0, example.stderr
    answer = etree.fromstring(example.stdout.encode())
    magda.assert_valid(answer, magda.HISTORY_XSD + "Response")
    assert answer.findtext(".//Inschrijving/Instelling/Instellingsnummer") == "034567"
