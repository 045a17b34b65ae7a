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
from discimus_client import internaat_messages
from discimus_client.results import Address, BoardingData, EnrollmentData, Student
from discimus_fixtures.boarding import DEMO_BOARDING
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
_STAY = internaat_messages.stay_inhoud(_STUDENT, BoardingData(
    DEMO_BOARDING, "Gent", START, agreement_framework=True, support_plan=True))
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
    "RegistreerKlasinformatie": {
        "Instellingsnummer": DEMO_SECONDARY, "Klassen": {"Klas": [{
            "UniekeIdentificatorLeerling": "INF-2600450", "Stamnummer": "2600450",
            "Klas": "1A"}]}},
    "GeefKlasinformatie": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefKlasinformatieDeling": {"Instellingsnummer": DEMO_SECONDARY},
    "RegistreerStudiebewijzen": {
        "Instellingsnummer": DEMO_SECONDARY, "Studiebewijzen": {"Studiebewijs": [{
            "UniekeIdentificatorLeerling": "INF-2600450", "Stamnummer": "2600450",
            "Soort": "AVB", "Datum": START, "Graad": "1", "Leerjaar": 1,
            "Onderwijsvorm": "A"}]}},
    "AnnuleerStudiebewijzen": {
        "Instellingsnummer": DEMO_SECONDARY, "TeAnnulerenStudiebewijzen": {
            "Studiebewijs": [{"UniekeIdentificatorLeerling": "INF-2600450",
                              "Stamnummer": "2600450", "Soort": "AVB",
                              "Schooljaar": 2026}]}},
    "GeefStudiebewijzen": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefVorigeStudiebewijzen": {"Instellingsnummer": DEMO_SECONDARY,
                                 "Stamnummer": "2600450"},
    "ControleerToelatingsvoorwaarden": {
        "Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600450", "Graad": "1",
        "Leerjaar": 1, "Onderwijsvorm": "A"},
    "ControleerOvergang": {
        "Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600450", "Graad": "1",
        "Leerjaar": 1, "Onderwijsvorm": "B", "Datum": START},
    "RegistreerLeerlingenkenmerken": {
        "Instellingsnummer": DEMO_SECONDARY, "Leerlingenkenmerken": {"Leerlingenkenmerk": [{
            "UniekeIdentificatorLeerling": "INF-2600450", "Stamnummer": "2600450",
            "DatumVerklaring": START, "Thuistaal": "N", "OpleidingsniveauMoeder": "4"}]}},
    "AnnuleerLeerlingenkenmerken": {
        "Instellingsnummer": DEMO_SECONDARY, "Verklaringen": {"Verklaring": [{
            "UniekeIdentificatorLeerling": "INF-2600450", "Stamnummer": "2600450",
            "DatumVerklaring": START}]}},
    "GeefLeerlingenkenmerken": {"Instellingsnummer": DEMO_SECONDARY,
                                "Leerlingen": {"Leerling": [{"Stamnummer": "2600450"}]}},
    "GeefIndicatoren": {"Instellingsnummer": DEMO_SECONDARY,
                        "Leerlingen": {"Leerling": [{"Stamnummer": "2600450"}]}},
    "GeefGeregistreerdeLeerlingenkenmerken": {"Instellingsnummer": DEMO_SECONDARY},
    "RegistreerInternaatInschrijving": _STAY,
    "CorrigeerInternaatInschrijving": _STAY,
    "BeeindigInternaatInschrijving": {
        "Instellingsnummer": DEMO_BOARDING, "Stamnummer": "2600450", "BeginDatum": START,
        "EindDatum": START},
    "GeefInternaatInschrijvingen": {"Instellingsnummer": DEMO_BOARDING},
    "GeefSchoolInschrijvingenInternen": {"Instellingsnummer": DEMO_BOARDING},
    "GeefDoorlopendeTellingen": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefLeerlingenMet30Problematisch": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefKleuterparticipatie": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefAfwezigheidsproblemen": {"Instellingsnummer": DEMO_SECONDARY},
    "GeefIngeschrevenLeerlingen": {"Instellingsnummer": DEMO_SECONDARY},
    "VergelijkLeerlingen": {"Instellingsnummer": DEMO_SECONDARY, "Leerlingen": {
        "Leerling": [{"Stamnummer": "2600450", "Voornaam": "Mats", "Naam": "Claes",
                      "Geboortedatum": dt.date(2012, 2, 2)}]}},
    "GeefOpenProblemen": {"Instellingsnummer": DEMO_SECONDARY},
}
PATHS = {"RegistreerAfwezigheden": "/afwezigheid", "AnnuleerAfwezigheden": "/afwezigheid",
         "GeefAfwezigheden": "/afwezigheid", "GeefProblematischeAfwezigheden": "/afwezigheid",
         "RegistreerKlasinformatie": "/klasinformatie", "GeefKlasinformatie": "/klasinformatie",
         "GeefKlasinformatieDeling": "/klasinformatie"}


# Operations whose right is not a school's mandate: only LeerID reads classes (40150).
REFUSED_AS = {"GeefKlasinformatie": "40150"}
# Message types 5, 6 and 8: a contract and a path each.
_MEASURE = {"Instellingsnummer": DEMO_SECONDARY, "UniekeIdentificatorLeerling": "INF-2600450",
            "Stamnummer": "2600450", "INSZ": _STUDENT.insz, "Type": "TU",
            "BeginDatum": START, "EindDatum": START}
_SUPPORT = {"Instellingsnummer": DEMO_SECONDARY, "UniekeIdentificatorLeerling": "INF-2600450",
            "Stamnummer": "2600450", "BeginDatum": dt.date(2022, 10, 3),
            "OndersteunendeInstelling": "090123"}
_REFUSAL = {"Instellingsnummer": DEMO_SECONDARY, "UniekeIdentificatorLeerling": "INF-2600450",
            "INSZ": _STUDENT.insz, "Soort": "W", "Datum": START}
_CONSULT = {"Instellingsnummer": DEMO_SECONDARY, "Schooljaar": 2026}
for _path, _ops in {
        "/tucht": {"RegistreerTuchtmaatregel": _MEASURE, "CorrigeerTuchtmaatregel": _MEASURE,
                   "AnnuleerTuchtmaatregel": {k: _MEASURE[k] for k in (
                       "Instellingsnummer", "Stamnummer", "Type", "BeginDatum")},
                   "GeefTuchtmaatregelen": _CONSULT},
        "/ondersteuning": {"RegistreerOndersteuning": _SUPPORT,
                           "CorrigeerOndersteuning": _SUPPORT,
                           "AnnuleerOndersteuning": {k: _SUPPORT[k] for k in (
                               "Instellingsnummer", "Stamnummer", "BeginDatum")},
                           "GeefOndersteundeLeerlingen": _CONSULT},
        "/weigering": {"RegistreerWeigering": _REFUSAL, "CorrigeerWeigering": _REFUSAL,
                       "AnnuleerWeigering": {k: _REFUSAL[k] for k in (
                           "Instellingsnummer", "INSZ", "Datum")},
                       "GeefWeigeringen": _CONSULT}}.items():
    OPERATIONS.update(_ops)
    PATHS.update(dict.fromkeys(_ops, _path))
PATHS.update(dict.fromkeys(("RegistreerStudiebewijzen", "AnnuleerStudiebewijzen",
                            "GeefStudiebewijzen", "GeefVorigeStudiebewijzen",
                            "ControleerToelatingsvoorwaarden", "ControleerOvergang"),
                           "/studiebewijs"))
PATHS.update(dict.fromkeys(("RegistreerLeerlingenkenmerken", "AnnuleerLeerlingenkenmerken",
                          "GeefLeerlingenkenmerken", "GeefIndicatoren",
                          "GeefGeregistreerdeLeerlingenkenmerken"),
                           "/leerlingenkenmerken"))
PATHS.update({name: "/internaat" for name in internaat_messages.OPERATIONS})
PATHS.update(dict.fromkeys(("GeefDoorlopendeTellingen", "GeefLeerlingenMet30Problematisch",
                            "GeefKleuterparticipatie", "GeefAfwezigheidsproblemen"),
                           "/afwezigheid"))
# DKO, the academies' channel; an operation both contracts have is keyed by path.
PATHS.update({"RegistreerDkoInschrijving": "/dko", "CorrigeerDkoInschrijving": "/dko",
              "RegistreerDkoUitschrijving": "/dko", "dko/GeefIdentificatienummers": "/dko"})
# wisa has no mandate for the demo academy either: on DKO that is refused with 40600.
REFUSED_AS.update({key: "40600" for key, path in PATHS.items() if path == "/dko"})


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
    assert response.status_code == 200 and codes == [REFUSED_AS.get(operation, "40006")]
    assert row_counts(engine) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}
