"""The committed golden pairs still verify: yesterday's valid messages stay valid.

Each request is checked as the service would check it at the moment it was signed
(hardened parse, envelope, strict signature profile), its certificate must chain to the
committed development CA, and each response must verify against the committed server
certificate.
"""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from discimus_client.wsse import ns
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.parser import parse_xml
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.verifying import Verifier
from discimus_service.security.trust import TrustStore, sender_id_of

GOLDEN = Path(str(resources.files("discimus_fixtures").joinpath("golden")))
INDEX = json.loads((GOLDEN / "index.json").read_text())["pairs"]


def _verify(data: bytes, expected_der: bytes | None = None):
    envelope = check_envelope(parse_xml(data, STRICT), STRICT, require_security=True)
    # Verify as of the moment the message was made: the Timestamp is long stale now.
    created = envelope.security.find("{*}Timestamp/{*}Created").text
    now = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
    return Verifier(STRICT).verify(envelope, now=now, expected_certificate_der=expected_der)


@pytest.mark.parametrize("pair", INDEX, ids=[p["name"] for p in INDEX])
def test_golden_request_verifies_and_chains_to_the_ca(pair):
    verified = _verify((GOLDEN / f"{pair['name']}.request.xml").read_bytes())
    trust = TrustStore(x509.load_pem_x509_certificate((GOLDEN / "ca.pem").read_bytes()),
                       None)
    trust.validate(verified.certificate, at=verified.created)
    assert sender_id_of(verified.certificate) == pair["sender"]


@pytest.mark.parametrize("pair", INDEX, ids=[p["name"] for p in INDEX])
def test_golden_response_is_signed_by_the_server(pair):
    server = x509.load_pem_x509_certificate((GOLDEN / "server.pem").read_bytes())
    data = (GOLDEN / f"{pair['name']}.response.xml").read_bytes()
    verified = _verify(data, server.public_bytes(Encoding.DER))
    assert verified.payload is not None
    # Recorded with a default PKI: what vendors copy is what every stack verifies.
    method = etree.fromstring(data).find(f".//{{{ns.DS}}}SignatureMethod")
    assert method.get("Algorithm") == ns.RSA_SHA256


def test_every_golden_file_is_indexed():
    names = {p["name"] for p in INDEX}
    files = {f.name.split(".")[0] for f in GOLDEN.glob("*.xml")}
    assert files == names and len(names) == 7
