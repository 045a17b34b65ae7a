"""Every operation of every service gets the same protection, not only the corpus's one.

The hostile corpus attacks one operation; the security middleware runs before dispatch,
so this checks that claim for all of them: unsigned, tampered and unauthorised messages
are refused with their code and write nothing (the unauthorised one its journal entry).
A test keeps the list below complete against ``app.SERVICES``.
"""
from __future__ import annotations

import datetime as dt

import pytest
import requests
from lxml import etree

from discimus_client.client import DiscimusClient
from discimus_client.results import Address, EnrollmentData, Student
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from discimus_service.persistence.database import make_engine, row_counts

WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
START = dt.date(2026, 9, 1)
_STUDENT = Student(insz=insz_for(dt.date(2012, 2, 2), Sex.M, 450), stamnummer="2600450",
                   first_name="Mats", last_name="Claes", birth_date=dt.date(2012, 2, 2),
                   sex="M", address=Address("Markt", "1", "9000", "Gent"))
_ENROLLMENT = DiscimusClient.enrollment_inhoud(
    _STUDENT, EnrollmentData(DEMO_SECONDARY, "1A", START, dt.date(2026, 8, 30)))
_DKO = {"Leerling": {**_ENROLLMENT["Leerling"], "INSZ": None},
        "Inschrijving": {"Instellingsnummer": "130001", "Schooljaar": 2026,
                         "Studierichting": "MU", "Tariefcategorie": "J",
                         "DatumInschrijving": dt.date(2026, 9, 2)}}
OPERATIONS = {
    "RegistreerInschrijving": _ENROLLMENT,
    "CorrigeerInschrijving": _ENROLLMENT,
    "RegistreerUitschrijving": {
        "Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600450", "BeginDatum": START,
        "Uitschrijving": {"EindDatum": START, "Aanleiding": "S", "SituatieNa": "1"}},
    "GeefDubbeleInschrijvingen": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefSchoolloopbaan": {"Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600450"},
    "RegistreerAfwezigheden": {
        "Instellingsnummer": DEMO_SECONDARY, "Afwezigheden": {"Afwezigheid": [{
            "UniekeIdentificatorLeerling": "INF-2600450", "Stamnummer": "2600450",
            "Datum": START, "Dagdeel": "VM", "Code": "Z"}]}},
    "AnnuleerAfwezigheden": {
        "Instellingsnummer": DEMO_SECONDARY, "HalveDagen": {"HalveDag": [{
            "UniekeIdentificatorLeerling": "INF-2600450", "Stamnummer": "2600450",
            "Datum": START, "Dagdeel": "VM"}]}},
    "GeefAfwezigheden": {"Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600450"},
    "GeefProblematischeAfwezigheden": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefIdentificatienummers": {"Instellingsnummer": DEMO_SECONDARY},
    # DKO, the academies' channel; an operation both contracts have is keyed by path.
    "RegistreerDkoInschrijving": _DKO,
    "CorrigeerDkoInschrijving": _DKO,
    "RegistreerDkoUitschrijving": {"Instellingsnummer": "130001", "Stamnummer": "2600450",
                                   "Schooljaar": 2026, "EindDatum": START},
    "dko/GeefIdentificatienummers": {"Instellingsnummer": "130001"},
}
PATHS = {"RegistreerAfwezigheden": "/afwezigheid", "AnnuleerAfwezigheden": "/afwezigheid",
         "GeefAfwezigheden": "/afwezigheid", "GeefProblematischeAfwezigheden": "/afwezigheid",
         "RegistreerDkoInschrijving": "/dko", "CorrigeerDkoInschrijving": "/dko",
         "RegistreerDkoUitschrijving": "/dko", "dko/GeefIdentificatienummers": "/dko"}
# wisa has no mandate for the demo academy either: on DKO that is refused with 40600.
REFUSALS = {key: "40600" for key, path in PATHS.items() if path == "/dko"}


def _op(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def _service(key: str) -> str | None:
    return "dko" if PATHS.get(key) == "/dko" else None


def test_every_served_operation_is_attacked():
    from discimus_service.app import SERVICES, operations_of
    served = [(path, name) for path, (_title, factory) in SERVICES.items()
              for name in operations_of(factory()).values()]
    shared = {name for _path, name in served
              if sum(1 for _p, n in served if n == name) > 1}
    keys = {f"{path.strip('/')}/{name}" if name in shared and path != "/inschrijving"
            else name for path, name in served}
    assert keys == set(OPERATIONS)


@pytest.fixture(scope="module")
def engine(server):
    engine = make_engine(server.database_url)
    yield engine
    engine.dispose()


def _post(server, data: bytes, headers: dict, operation: str) -> requests.Response:
    return requests.post(server.url + PATHS.get(operation, "/inschrijving"), data=data,
                         timeout=30, headers=headers)


def _unsigned(data: bytes) -> bytes:
    root = etree.fromstring(data)
    security = root.find(f".//{{{WSSE}}}Security")
    security.getparent().remove(security)
    return etree.tostring(root)


def _tampered(data: bytes) -> bytes:
    root = etree.fromstring(data)
    root.find(".//{*}Body//{*}Instellingsnummer").text = "056789"
    return etree.tostring(root)


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("spoil, code", [(_unsigned, b"[S120]"), (_tampered, b"[S133]")],
                         ids=["unsigned", "tampered"])
def test_spoiled_messages_are_refused_and_write_nothing(server, client_for, engine,
                                                        operation, spoil, code):
    informat = client_for("informat")
    data = informat.signed_request(_op(operation), OPERATIONS[operation],
                                   service=_service(operation))
    before = row_counts(engine)
    response = _post(server, spoil(data),
                     informat.http_headers(_op(operation), _service(operation)), operation)
    assert response.status_code == 500 and code in response.content
    assert row_counts(engine) == before


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_sender_without_mandate_is_refused_with_40006(server, client_for, engine,
                                                        operation):
    wisa = client_for("wisa")
    data = wisa.signed_request(_op(operation), OPERATIONS[operation],
                               service=_service(operation))
    before = row_counts(engine)
    response = _post(server, data, wisa.http_headers(_op(operation), _service(operation)),
                     operation)
    codes = [u.findtext("{*}Identificatie") for u in
             etree.fromstring(response.content).iter("{*}Uitzondering")]
    assert response.status_code == 200 and codes == [REFUSALS.get(operation, "40006")]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}
