"""The home-education registrations get the MAGDA side's protection: unsigned, tampered,
schema-breaking, replayed and unauthorised messages, at the shared endpoint and at each
service's own path; a refusal writes nothing but its journal entry. (The consultation,
asked with Criteria like the attendance services, is covered with them:
tests/security/test_attendance_operations.py.)"""
from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree
from lxml.builder import ElementMaker

from discimus_client.magda import EXAM_NS, INSPECTION_NS, MagdaClient
from discimus_fixtures.generator import insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.soap.magda.catalogue import BY_REQUEST
from tests import magda

# A child of its own: nothing these messages store shows in another test's answer.
INSZ = insz_for(dt.date(2016, 2, 2), Sex.V, 487)
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
E = ElementMaker()
INSPECTION = BY_REQUEST[f"{{{INSPECTION_NS}}}RegistreerControleHuisonderwijs"]
EXAM = BY_REQUEST[f"{{{EXAM_NS}}}RegistreerResultaatExamencommissie"]
# Dated before the business date (2026-09-03).
INHOUD = {
    INSPECTION: lambda result="voldoende": E.Inhoud(E.Controle(
        E.INSZ(INSZ), E.Datum("2026-03-03"), E.Resultaat(result))),
    EXAM: lambda result="geslaagd": E.Inhoud(
        E.Kandidaat(E.INSZ(INSZ), E.Naam("Maes"), E.Voornaam("Lotte"), E.Geslacht("V"),
                    E.Geboortedatum("2016-02-02")),
        E.Beslissing(E.Datum("2026-03-03"), E.Resultaat(result))),
}


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def _signed(server, service, sender="onderwijsinspectie", inhoud=None) -> bytes:
    client = MagdaClient.from_pki(server.url, server.pki_dir, sender, capacity="1200")
    return client.sign(client.request(service.namespace, service.naam, service.versie,
                                      inhoud if inhoud is not None else INHOUD[service]()))


def _unsigned(data: bytes) -> bytes:
    root = etree.fromstring(data)
    security = root.find(f".//{{{WSSE}}}Security")
    security.getparent().remove(security)
    return etree.tostring(root)


def _tampered(data: bytes) -> bytes:
    root = etree.fromstring(data)
    result = root.find(".//Resultaat")
    result.text = "onvoldoende" if result.text == "voldoende" else "niet geslaagd"
    return etree.tostring(root)


SERVICES = [INSPECTION, EXAM]


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.naam)
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


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.naam)
def test_a_result_outside_the_code_list_is_s115_and_writes_nothing(server, engine, service):
    before = row_counts(engine)
    data = _signed(server, service, inhoud=INHOUD[service]("misschien"))
    response = magda.post(server.url + magda.SHARED_PATH, data)
    assert response.status_code == 500 and b"[S115]" in response.content
    assert b"Resultaat" in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.naam)
def test_a_sender_that_is_no_partner_is_40006_journaled_only(server, engine, service):
    before = row_counts(engine)
    response = magda.post(server.url + service.path, _signed(server, service, "informat"))
    root = etree.fromstring(response.content)
    codes = [u.findtext("Identificatie") for u in root.iter("Uitzondering")]
    assert response.status_code == 200 and codes == ["40006"]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.naam)
def test_a_replayed_message_is_s160(server, service):
    data = _signed(server, service)
    assert magda.post(server.url + magda.SHARED_PATH, data).status_code == 200
    again = magda.post(server.url + service.path, data)
    assert again.status_code == 500 and b"[S160]" in again.content
