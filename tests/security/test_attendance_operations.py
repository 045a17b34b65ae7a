"""The school-allowance services get the MAGDA side's protection: unsigned, tampered,
schema-breaking, replayed and unauthorised messages, at the shared endpoint and at each
service's own path; a refusal writes nothing but its journal entry (no audit)."""
from __future__ import annotations

import pytest
from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.magda import MagdaClient
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda.catalogue import SERVICES
from tests import magda

INSZ = "12031555672"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
# The own-design consultations asked with Criteria (INSZ and Periode); the
# home-education registrations and the CLB feed have their own files
# (test_home_education.py, test_clb_feed_operations.py).
OWN = [s for s in SERVICES if s.own_design and (
    s.naam.startswith("GeefAantal") or s.naam == "GeefLaatsteInschrijvingHuisonderwijs")]
E = ElementMaker()


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def _signed(server, service, sender="groeipakket", criteria=None) -> bytes:
    client = MagdaClient.from_pki(server.url, server.pki_dir, sender)
    criteria = criteria if criteria is not None else E.Criteria(
        E.INSZ(INSZ), E.Periode(E.Begin("2026-09-01"), E.Einde("2027-08-31")))
    return client.sign(client.request(service.namespace, service.naam, service.versie,
                                      E.Inhoud(criteria)))


def _unsigned(data: bytes) -> bytes:
    root = etree.fromstring(data)
    security = root.find(f".//{{{WSSE}}}Security")
    security.getparent().remove(security)
    return etree.tostring(root)


def _tampered(data: bytes) -> bytes:
    root = etree.fromstring(data)
    root.find(".//INSZ").text = "85073003328"
    return etree.tostring(root)


@pytest.mark.parametrize("service", OWN, ids=lambda s: s.naam)
@pytest.mark.parametrize("path", ["shared", "own"])
@pytest.mark.parametrize("spoil, code", [(_unsigned, b"[S120]"), (_tampered, b"[S133]")],
                         ids=["unsigned", "tampered"])
def test_spoiled_messages_are_refused_and_write_nothing(server, engine, service, path,
                                                       spoil, code):
    url = server.url + (magda.SHARED_PATH if path == "shared" else service.path)
    before = row_counts(engine)
    response = magda.post(url, spoil(_signed(server, service)))
    assert response.status_code == 500 and code in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("service", OWN, ids=lambda s: s.naam)
def test_a_question_breaking_the_schema_is_s115_and_writes_nothing(server, engine, service):
    before = row_counts(engine)
    data = _signed(server, service, criteria=E.Criteria(E.INSZ(INSZ)))      # no Periode
    response = magda.post(server.url + magda.SHARED_PATH, data)
    assert response.status_code == 500 and b"[S115]" in response.content
    assert b"Periode" in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("service", OWN, ids=lambda s: s.naam)
def test_a_sender_that_is_no_partner_is_40006_journaled_not_audited(server, engine, service):
    before = row_counts(engine)
    response = magda.post(server.url + service.path, _signed(server, service, "informat"))
    root = etree.fromstring(response.content)
    codes = [u.findtext("Identificatie") for u in root.iter("Uitzondering")]
    assert response.status_code == 200 and codes == ["40006"]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}


@pytest.mark.parametrize("service", OWN, ids=lambda s: s.naam)
def test_a_replayed_message_is_s160(server, service):
    data = _signed(server, service)
    assert magda.post(server.url + magda.SHARED_PATH, data).status_code == 200
    again = magda.post(server.url + service.path, data)
    assert again.status_code == 500 and b"[S160]" in again.content
