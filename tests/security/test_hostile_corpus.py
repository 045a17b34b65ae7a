"""Every hostile message of fixtures/attacks/ against the real server.

For each case: the answer carries the expected code, a security refusal is a fault
signed by the server, nothing was written (a business refusal writes only its journal
entry and replay key), the worker is alive, and the next valid message is served. An
``HTTP…`` expectation is a refusal before any SOAP processing (a path not served).
"""
from __future__ import annotations

import datetime as dt
import http.client
import json
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import pytest
import requests
from lxml import etree

from discimus_client.client import DiscimusClient
from discimus_client.wsse.envelope import check_envelope
from discimus_client.wsse.policy import STRICT
from discimus_client.wsse.verifying import Verifier
from discimus_fixtures.generator import DEMO_SECONDARY
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.security import pki
from tests.security.recipes import CONSULTATION, RECIPES, Attack, Kit

ATTACKS = Path(str(resources.files("discimus_fixtures").joinpath("attacks")))
MANIFEST = json.loads((ATTACKS / "manifest.json").read_text())["cases"]
UITZONDERING = "{urn:discimus-emulator:generiek:02.00}Uitzondering"


def consultation():
    return {"Instellingsnummer": DEMO_SECONDARY, "Datum": None}


@pytest.fixture(scope="module")
def kit(server):
    paths = pki.PkiPaths(server.pki_dir)
    clients: dict = {}

    def client(sender, afzender=None, key_pem=None, cert_pem=None):
        key = (sender, afzender, key_pem, cert_pem)
        if key not in clients:
            clients[key] = DiscimusClient(
                server.url, sender_id=afzender or sender,
                key_pem=key_pem or paths.sender_key(sender).read_bytes(),
                cert_pem=cert_pem or paths.sender_cert(sender).read_bytes(),
                server_cert_pem=paths.server_cert.read_bytes())
        return clients[key]

    def signed(sender="informat", afzender=None, referte=None):
        return client(sender, afzender).signed_request(CONSULTATION, consultation(),
                                                       referte=referte)

    def signed_op(operation, inhoud, sender="informat", referte=None):
        return client(sender).signed_request(operation, inhoud, referte=referte)

    def signed_with(key_pem, cert_pem, sender="informat"):
        return client(sender, None, key_pem, cert_pem).signed_request(
            "GeefDubbeleInschrijvingen", consultation())

    def issue(common_name, **options):
        return pki.issue_certificate(paths, common_name, **options)

    def revoke(cert_pem):
        from cryptography import x509
        pki.revoke(paths, x509.load_pem_x509_certificate(cert_pem))

    return Kit(signed=signed, signed_op=signed_op, key_pem=lambda s: paths.sender_key(s).read_bytes(),
               cert_pem=lambda s: paths.sender_cert(s).read_bytes(),
               signed_with=signed_with, revoke=revoke, issue=issue,
               headers=lambda operation: client("informat").http_headers(operation),
               ca_pem=lambda: paths.ca_cert.read_bytes())


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server_certificate_der(server):
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    pem = (server.pki_dir / "server.pem").read_bytes()
    return x509.load_pem_x509_certificate(pem).public_bytes(Encoding.DER)


def _post(server, body: bytes, headers: dict, path: str = "/inschrijving"):
    if "Content-Length" in headers:      # requests would correct a lying length
        return _post_raw(server, body, headers)
    return requests.post(server.url + path, data=body, headers=headers, timeout=30)


class _Raw:
    def __init__(self, status: int, content: bytes):
        self.status_code, self.content = status, content
        self.text = content.decode("utf-8", "replace")


def _post_raw(server, body: bytes, headers: dict) -> _Raw:
    target = urlparse(server.url)
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    try:
        connection.putrequest("POST", "/inschrijving")
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return _Raw(response.status, response.read())
    finally:
        connection.close()


def _signed_by_server(response, server_certificate_der):
    root = etree.fromstring(response.content)
    envelope = check_envelope(root, STRICT, require_security=True)
    Verifier(STRICT).verify(envelope, now=dt.datetime.now(dt.timezone.utc),
                            expected_certificate_der=server_certificate_der)
    return envelope


@pytest.mark.parametrize("case", MANIFEST, ids=[c["name"] for c in MANIFEST])
def test_hostile_message_is_refused_and_changes_nothing(case, server, kit, engine,
                                                        server_certificate_der):
    attack = (RECIPES[case["recipe"]](kit) if "recipe" in case
              else Attack((ATTACKS / case["file"]).read_bytes()))
    headers = kit.headers(attack.operation) if attack.headers is None else attack.headers
    for data in attack.before:
        if attack.before_path is not None:   # e.g. a MAGDA original, with the attack's headers
            assert _post(server, data, headers, attack.before_path).status_code == 200
            continue
        before_headers = kit.headers(attack.before_operation or attack.operation)
        assert _post(server, data, before_headers,
                     attack.before_path or "/inschrijving").status_code == 200
    counts = row_counts(engine)

    response = _post(server, attack.body, headers, attack.path)

    assert response.status_code == case["status"], response.text[:500]
    if case["expect"].startswith("HTTP"):
        assert not response.content.lstrip().startswith(b"<")
        assert row_counts(engine) == counts, "a refused request wrote something"
    elif case["expect"].startswith("S"):
        envelope = _signed_by_server(response, server_certificate_der)
        after = row_counts(engine)
        fault = envelope.payload
        assert etree.QName(fault).localname == "Fault"
        faultstring = fault.findtext("faultstring")
        assert faultstring.startswith(f"[{case['expect']}] "), faultstring
        assert case.get("says", "") in faultstring
        assert "Traceback" not in faultstring and "/work" not in faultstring
        assert after == counts, "a refused message wrote something"
    else:
        envelope = _signed_by_server(response, server_certificate_der)
        after = row_counts(engine)
        codes = [u.findtext("{*}Identificatie") for u in envelope.payload.iter(UITZONDERING)]
        assert case["expect"][1:] in codes, codes
        assert after == {**counts, "journal": counts["journal"] + 1,
                         "replay_keys": counts["replay_keys"] + 1}, \
            "a business refusal writes its journal entry and replay key, nothing else"

    valid = _post(server, kit.signed(), kit.headers(CONSULTATION))   # the worker is alive
    assert valid.status_code == 200, valid.text[:500]


def test_every_static_attack_file_is_in_the_manifest():
    named = {c["file"] for c in MANIFEST if "file" in c}
    assert named == {p.name for p in ATTACKS.glob("*.xml")}


def test_every_recipe_is_in_the_manifest():
    assert {c["recipe"] for c in MANIFEST if "recipe" in c} == set(RECIPES)
