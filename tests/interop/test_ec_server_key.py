"""The EC option (``discimus pki init --server-key ec``): xmlsec1 and WSS4J still verify.

The default server key is RSA (the other interop tests); a PKI made with an EC server
key signs answers with ecdsa-sha256, which these stacks verify when they are not told
to enforce the WSDL's policy (WCF and policy-enforcing CXF are not: docs/wcf.rst).
"""
from __future__ import annotations

import pytest
from lxml import etree

from discimus_fixtures.senders import SENDER_IDS
from discimus_service.security.pki import init_pki, key_type_of
from tests.e2e.server import start_server
from tests.interop.conftest import HERE, run
from tests.interop.test_wss4j import VERIFIED

ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
DS = "{http://www.w3.org/2000/09/xmldsig#}"


@pytest.fixture(scope="module")
def ec_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("ec-server")
    init_pki(root / "pki", SENDER_IDS, server_key_type="ec")
    running = start_server(root, f"sqlite:///{root / 'discimus.sqlite'}", workers=1)
    yield running
    running.stop()


def _method(answer_file) -> str:
    return etree.parse(str(answer_file)).find(f".//{DS}SignatureMethod").get("Algorithm")


def test_serve_init_keeps_the_ec_key_and_xmlsec1_verifies_its_answer(xmlsec1, ec_server,
                                                                     tmp_path):
    assert key_type_of(ec_server.pki_dir / "server.key") == "ec"
    pki = ec_server.pki_dir
    sent = run(["sh", HERE / "xmlsec1" / "send.sh", ec_server.url, pki / "informat.key",
                pki / "informat.pem", pki / "server.pem", "informat", "034567"],
               cwd=tmp_path)
    assert sent.returncode == 0, sent.stderr      # send.sh ends by verifying the answer
    assert sent.stdout.strip() == "200"
    assert _method(tmp_path / "answer.xml") == ECDSA_SHA256


def test_wss4j_verifies_an_ecdsa_answer(wss4j, ec_server, tmp_path):
    ran = wss4j(ec_server.url, ec_server.pki_dir, tmp_path, "profile")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.splitlines() == ["status 200", VERIFIED]
    assert _method(tmp_path / "wss4j-answer.xml") == ECDSA_SHA256
