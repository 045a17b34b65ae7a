"""The MAGDA operations get the school side's protection: same middleware, same codes.

Unsigned, tampered and unauthorised messages on every MAGDA operation, at the shared
endpoint and at each service's own path; the SOAPAction rule of the shared endpoint
(``""`` as MAGDA's connector sends it) and its limits.
"""
from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from discimus_client.magda import MagdaClient
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda.catalogue import SERVICES
from tests import magda

INSZ = "12031555672"
URI = "kb.vlaanderen.be/aiv/groeipakket"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
TEMPLATES = {
    "GeefHistoriekInschrijving-02.01": "GeefHistoriekInschrijving-02.01.0000",
    "RegistreerInschrijving-02.00": "RegistreerInschrijving-02.00.0000",
    "RegistreerInschrijving-02.01": "RegistreerInschrijving-02.01.0000",
    "RegistreerUitschrijving-02.00": "RegistreerUitschrijving-02.00.0000",
}


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def _request(server, sender="groeipakket", identification=URI, operation=None):
    client = MagdaClient.from_pki(server.url, server.pki_dir, sender,
                                  identification=identification)
    envelope = magda.mock_request(TEMPLATES[operation], identification=identification,
                                  capacity="1300", insz=INSZ, begin=dt.date(2026, 9, 1),
                                  end=dt.date(2027, 8, 31))
    return client, client.sign(envelope)


def _unsigned(data: bytes) -> bytes:
    root = etree.fromstring(data)
    security = root.find(f".//{{{WSSE}}}Security")
    security.getparent().remove(security)
    return etree.tostring(root)


def _tampered(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for element in root.iter("INSZ", "Sleutel"):
        element.text = "85073003328"
    return etree.tostring(root)


@pytest.mark.parametrize("operation", TEMPLATES)
@pytest.mark.parametrize("path", ["shared", "own"])
@pytest.mark.parametrize("spoil, code", [(_unsigned, b"[S120]"), (_tampered, b"[S133]")],
                         ids=["unsigned", "tampered"])
def test_spoiled_messages_are_refused_and_write_nothing(server, engine, operation, path,
                                                       spoil, code):
    _client, data = _request(server, operation=operation)
    service = next(s for s in SERVICES if s.operation == operation)
    url = server.url + (magda.SHARED_PATH if path == "shared" else service.path)
    before = row_counts(engine)
    response = magda.post(url, spoil(data))
    assert response.status_code == 500 and code in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("operation", TEMPLATES)
def test_a_sender_that_is_no_partner_is_refused_40006_and_journaled(server, engine,
                                                                    operation):
    client, data = _request(server, "informat", "informat", operation)
    before = row_counts(engine)
    response = magda.post(server.url + magda.SHARED_PATH, data)
    root = etree.fromstring(response.content)
    client.wsse.verify(root)
    codes = [u.findtext("Identificatie") for u in root.iter("Uitzondering")]
    assert response.status_code == 200 and codes == ["40006"]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}


def test_a_partner_without_the_authorisation_is_refused_40006(server):
    client = MagdaClient.from_pki(server.url, server.pki_dir, "onderwijsinspectie",
                                  capacity="1200")
    result = client.enrollment_history(INSZ, dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert result.codes() == [40006] and result.errors[0].omstandigheid == "40020"


@pytest.mark.parametrize("action", ['""', "", "GeefHistoriekInschrijving",
                                    '"GeefHistoriekInschrijving"'])
def test_the_shared_endpoint_takes_an_empty_soapaction_or_the_service_name(server, action):
    client, data = _request(server, operation="GeefHistoriekInschrijving-02.01")
    response = magda.post(server.url + magda.SHARED_PATH, data, soap_action=action)
    assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize("action", [None, '"RegistreerInschrijving"', '"anything"'],
                         ids=["missing", "other-service", "other"])
def test_a_missing_or_wrong_soapaction_is_s116(server, engine, action):
    client, data = _request(server, operation="GeefHistoriekInschrijving-02.01")
    before = row_counts(engine)
    response = magda.post(server.url + magda.SHARED_PATH, data, soap_action=action)
    assert response.status_code == 500 and b"[S116]" in response.content
    assert b'SOAPAction: ""' in response.content
    assert row_counts(engine) == before


def test_a_context_naming_another_service_is_s115(server):
    client = MagdaClient.from_pki(server.url, server.pki_dir, "groeipakket")
    envelope = magda.mock_request(TEMPLATES["GeefHistoriekInschrijving-02.01"],
                                  identification=URI, capacity="1300", insz=INSZ)
    envelope.find(".//Context/Versie").text = "02.00.0000"
    response = magda.post(server.url + magda.SHARED_PATH, client.sign(envelope))
    assert response.status_code == 500 and b"[S115]" in response.content
    assert b"Versie '02.01.0000'" in response.content


def test_a_replayed_magda_message_is_s160(server):
    client, data = _request(server, operation="RegistreerInschrijving-02.00")
    assert magda.post(server.url + magda.SHARED_PATH, data).status_code == 200
    again = magda.post(server.url + magda.SHARED_PATH, data)
    assert again.status_code == 500 and b"[S160]" in again.content
