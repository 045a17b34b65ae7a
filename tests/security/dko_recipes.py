"""Hostile and wrong DKO messages for the corpus: the channel's own rights and rules.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key. A case
that needs a registration first sends one (``Attack.before``, posted to /dko) with
stamnummers of its own, so it does not depend on the generated demo data. Registered
in :data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.dko import DEMO_ACADEMY
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests.security.recipes import Attack, recipe

REGISTER = "RegistreerDkoInschrijving"
PATH = "/dko"
BIRTH = dt.date(2010, 10, 4)


def _inhoud(stamnummer: str, *, sequence: int | None = 490, year: int = 2026,
            institution: str = DEMO_ACADEMY, first_name: str = "Lars",
            address: dict | None = None) -> dict:
    return {
        "Leerling": {
            "INSZ": insz_for(BIRTH, Sex.M, sequence) if sequence is not None else None,
            "Stamnummer": stamnummer, "Voornaam": first_name, "Naam": "Goossens",
            "Geboortedatum": BIRTH, "Geslacht": "M", "Nationaliteit": "00150",
            "Adres": address or {"Straat": "Veldstraat", "Huisnummer": "3",
                                 "Postcode": "9000", "Land": "00150"}},
        "Inschrijving": {"Instellingsnummer": institution, "Schooljaar": year,
                         "Studierichting": "WO", "Tariefcategorie": "J",
                         "DatumInschrijving": dt.date(year, 9, 2)}}


def _dko(kit, inhoud: dict, sender: str = "dkosoft", operation: str = REGISTER) -> bytes:
    return kit.signed_op(operation, inhoud, sender=sender)


@recipe
def dko_school_package_on_an_academy(kit):
    # informat's school mandates (and its DKO mandate for 130002) do not cover 130001
    return Attack(_dko(kit, _inhoud("2600801"), sender="informat"), operation=REGISTER,
                  path=PATH)


@recipe
def dko_school_number_on_the_dko_channel(kit):
    return Attack(_dko(kit, _inhoud("2600802", institution=DEMO_SECONDARY)),
                  operation=REGISTER, path=PATH)


@recipe
def dko_package_on_the_school_channel(kit):
    # dkosoft is a registered, trusted sender, but has no school mandate at all
    from discimus_client.client import DiscimusClient
    from discimus_client.results import Address, EnrollmentData, Student
    student = Student(insz=insz_for(BIRTH, Sex.M, 491), stamnummer="2600803",
                      first_name="Lars", last_name="Goossens", birth_date=BIRTH, sex="M",
                      address=Address("Veldstraat", "3", "9000", "Gent"))
    inhoud = DiscimusClient.enrollment_inhoud(student, EnrollmentData(
        DEMO_SECONDARY, "1A", dt.date(2026, 9, 1), dt.date(2026, 8, 30)))
    return Attack(kit.signed_op("RegistreerInschrijving", inhoud, sender="dkosoft"),
                  operation="RegistreerInschrijving")


@recipe
def dko_stamnummer_of_another_student(kit):
    first = _dko(kit, _inhoud("2500804", year=2025))
    other = _inhoud("2500804", sequence=492, first_name="Jonas")
    return Attack(_dko(kit, other), before=[first], before_path=PATH, operation=REGISTER,
                  path=PATH)


@recipe
def dko_returning_student_renumbered(kit):
    first = _dko(kit, _inhoud("2500805", sequence=493, year=2025))
    return Attack(_dko(kit, _inhoud("2600806", sequence=493)), before=[first],
                  before_path=PATH, operation=REGISTER, path=PATH)


@recipe
def dko_registered_twice(kit):
    first = _dko(kit, _inhoud("2600807", sequence=494))
    return Attack(_dko(kit, _inhoud("2600807", sequence=494)), before=[first],
                  before_path=PATH, operation=REGISTER, path=PATH)


@recipe
def dko_school_year_long_past(kit):
    return Attack(_dko(kit, _inhoud("2600808", sequence=495, year=2019)),
                  operation=REGISTER, path=PATH)


@recipe
def dko_street_abroad(kit):
    # 00999 (other/unknown country) keeps the street empty: message type 1's rule
    inhoud = _inhoud("2600809", sequence=496,
                     address={"Straat": "Rue de Rivoli", "Huisnummer": "1",
                              "Land": "00999"})
    return Attack(_dko(kit, inhoud), operation=REGISTER, path=PATH)


@recipe
def dko_deregister_unknown(kit):
    inhoud = {"Instellingsnummer": DEMO_ACADEMY, "Stamnummer": "2600810",
              "Schooljaar": 2026, "EindDatum": dt.date(2026, 9, 3)}
    return Attack(_dko(kit, inhoud, operation="RegistreerDkoUitschrijving"),
                  operation="RegistreerDkoUitschrijving", path=PATH)
