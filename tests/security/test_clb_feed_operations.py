"""The CLB feed gets the MAGDA side's protection: unsigned, tampered, schema-breaking,
replayed and unauthorised messages, at the shared endpoint and at its own path; a
refusal writes nothing but its journal entry (no audit)."""
from __future__ import annotations

import pytest
from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.magda import MagdaClient
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda.catalogue import SERVICES
from tests import magda

WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
FEED = next(s for s in SERVICES if s.naam == "GeefMeldingenProblematischeAfwezigheden")
E = ElementMaker()


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def _signed(server, sender="clb", criteria=None, capacity="1400") -> bytes:
    client = MagdaClient.from_pki(server.url, server.pki_dir, sender, capacity=capacity)
    criteria = criteria if criteria is not None else E.Criteria(E.Na("0"), E.Maximum("5"))
    return client.sign(client.request(FEED.namespace, FEED.naam, FEED.versie,
                                      E.Inhoud(criteria)))


def _unsigned(data: bytes) -> bytes:
    root = etree.fromstring(data)
    security = root.find(f".//{{{WSSE}}}Security")
    security.getparent().remove(security)
    return etree.tostring(root)


def _tampered(data: bytes) -> bytes:
    root = etree.fromstring(data)
    root.find(".//Na").text = "7"
    return etree.tostring(root)


@pytest.mark.parametrize("path", ["shared", "own"])
@pytest.mark.parametrize("spoil, code", [(_unsigned, b"[S120]"), (_tampered, b"[S133]")],
                         ids=["unsigned", "tampered"])
def test_spoiled_messages_are_refused_and_write_nothing(server, engine, path, spoil, code):
    url = server.url + (magda.SHARED_PATH if path == "shared" else FEED.path)
    before = row_counts(engine)
    response = magda.post(url, spoil(_signed(server)))
    assert response.status_code == 500 and code in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("criteria", [E.Criteria(E.Maximum("501")),
                                      E.Criteria(E.Na("-1")),
                                      E.Criteria(E.Maximum("0"))],
                         ids=["too-many", "negative-cursor", "none"])
def test_a_question_breaking_the_schema_is_s115_and_writes_nothing(server, engine, criteria):
    before = row_counts(engine)
    response = magda.post(server.url + magda.SHARED_PATH, _signed(server, criteria=criteria))
    assert response.status_code == 500 and b"[S115]" in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("sender, capacity", [("informat", "1400"), ("groeipakket", "1300")])
def test_a_sender_without_the_authorisation_is_40006_journaled_not_audited(
        server, engine, sender, capacity):
    before = row_counts(engine)
    response = magda.post(server.url + FEED.path, _signed(server, sender, capacity=capacity))
    root = etree.fromstring(response.content)
    codes = [u.findtext("Identificatie") for u in root.iter("Uitzondering")]
    assert response.status_code == 200 and codes == ["40006"]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}


def test_a_replayed_message_is_s160(server):
    data = _signed(server)
    assert magda.post(server.url + magda.SHARED_PATH, data).status_code == 200
    again = magda.post(server.url + FEED.path, data)
    assert again.status_code == 500 and b"[S160]" in again.content


REPORT = next(s for s in SERVICES if s.naam == "RegistreerGemotiveerdVerslag")


def _report(server, sender="clb", kind="9", capacity="1400") -> bytes:
    client = MagdaClient.from_pki(server.url, server.pki_dir, sender, capacity=capacity)
    block = E.GemotiveerdVerslag(E.INSZ("12031555672"), E.Datum("2026-06-15"), E.Type(kind),
                                 E.Geldigheid(E.Begin("2026-09-01")))
    return client.sign(client.request(REPORT.namespace, REPORT.naam, REPORT.versie,
                                      E.Inhoud(block)))


@pytest.mark.parametrize("path", ["shared", "own"])
def test_a_tampered_report_is_refused_and_writes_nothing(server, engine, path):
    url = server.url + (magda.SHARED_PATH if path == "shared" else REPORT.path)
    data = etree.fromstring(_report(server))
    data.find(".//Type").text = "2"
    before = row_counts(engine)
    response = magda.post(url, etree.tostring(data))
    assert response.status_code == 500 and b"[S133]" in response.content
    assert row_counts(engine) == before


def test_a_report_breaking_the_schema_is_s115_and_writes_nothing(server, engine):
    before = row_counts(engine)
    response = magda.post(server.url + REPORT.path, _report(server, kind="123"))
    assert response.status_code == 500 and b"[S115]" in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("sender, capacity", [("informat", "1400"), ("groeipakket", "1300")])
def test_a_report_without_the_authorisation_is_40006_and_stores_nothing(
        server, engine, sender, capacity):
    before = row_counts(engine)
    response = magda.post(server.url + REPORT.path,
                          _report(server, sender, capacity=capacity))
    codes = [u.findtext("Identificatie")
             for u in etree.fromstring(response.content).iter("Uitzondering")]
    assert response.status_code == 200 and codes == ["40006"]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}
