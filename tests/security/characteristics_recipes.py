"""Hostile and wrong characteristics messages (message type 3) for the corpus.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key. The
students are enrolled fresh first (``Attack.before``, by the package of their school),
so no case depends on the generated demo data. Registered in
:data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.generator import DEMO_OTHER, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests.security.recipes import Attack, recipe

REGISTER = "RegistreerLeerlingenkenmerken"
CANCEL = "AnnuleerLeerlingenkenmerken"
CHARACTERISTICS = "GeefLeerlingenkenmerken"
INDICATORS = "GeefIndicatoren"
ENROLL = "RegistreerInschrijving"
PATH = "/leerlingenkenmerken"
BIRTH = dt.date(2011, 5, 5)
START = dt.date(2026, 9, 1)


def _item(stamnummer: str, on: dt.date = dt.date(2026, 8, 20)) -> dict:
    return {"UniekeIdentificatorLeerling": f"INF-{stamnummer}", "Stamnummer": stamnummer,
            "DatumVerklaring": on, "Thuistaal": "A", "OpleidingsniveauMoeder": "2"}


def _register(kit, institution: str, items: list[dict]) -> bytes:
    return kit.signed_op(REGISTER, {"Instellingsnummer": institution,
                                    "Leerlingenkenmerken": {"Leerlingenkenmerk": items}})


def _ask(kit, operation: str, institution: str, stamnummers: list[str]) -> bytes:
    return kit.signed_op(operation, {"Instellingsnummer": institution, "Leerlingen": {
        "Leerling": [{"Stamnummer": s} for s in stamnummers]}})


def _enrolled(kit, institution: str, stamnummer: str, sequence: int,
              sender: str = "informat") -> bytes:
    """A signed RegistreerInschrijving of a fresh student (sent before the attack)."""
    from discimus_client.client import DiscimusClient
    from discimus_client.results import Address, EnrollmentData, Student
    student = Student(insz=insz_for(BIRTH, Sex.M, sequence), stamnummer=stamnummer,
                      first_name="Bram", last_name="Wouters", birth_date=BIRTH, sex="M",
                      address=Address("Veldstraat", "5", "9000", "Gent"))
    return kit.signed_op(ENROLL, DiscimusClient.enrollment_inhoud(
        student, EnrollmentData(institution, "1A", START, dt.date(2026, 8, 20))),
        sender=sender)


def _elsewhere(kit, stamnummer: str, sequence: int) -> bytes:
    """The student enrolled at the other demo school only, by its own package."""
    return _enrolled(kit, DEMO_OTHER, stamnummer, sequence, sender="wisa")


@recipe
def characteristics_for_another_schools_student(kit):
    # informat is mandated for 034567, the student is enrolled only at 056789: 40010.
    return Attack(_register(kit, DEMO_SECONDARY, [_item("2600961")]),
                  before=[_elsewhere(kit, "2600961", 461)], operation=REGISTER,
                  path=PATH, before_operation=ENROLL)


@recipe
def characteristics_of_another_schools_student(kit):
    # Asking what AGODI holds about a student of another school, beside one's own.
    return Attack(_ask(kit, CHARACTERISTICS, DEMO_SECONDARY, ["2600963", "2600962"]),
                  before=[_elsewhere(kit, "2600962", 462),
                          _enrolled(kit, DEMO_SECONDARY, "2600963", 463)],
                  operation=CHARACTERISTICS, path=PATH, before_operation=ENROLL)


@recipe
def indicators_of_another_schools_student(kit):
    return Attack(_ask(kit, INDICATORS, DEMO_SECONDARY, ["2600964"]),
                  before=[_elsewhere(kit, "2600964", 464)], operation=INDICATORS,
                  path=PATH, before_operation=ENROLL)


@recipe
def characteristics_declared_before_birth(kit):
    return Attack(_register(kit, DEMO_SECONDARY, [_item("2600965"),
                                                  _item("2600965", dt.date(2011, 5, 4))]),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600965", 465)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


@recipe
def characteristics_duplicate_declaration(kit):
    return Attack(_register(kit, DEMO_SECONDARY, [_item("2600966"), _item("2600966")]),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600966", 466)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


@recipe
def characteristics_too_many_students(kit):
    return Attack(_ask(kit, INDICATORS, DEMO_SECONDARY,
                       [f"26{n:05d}" for n in range(1, 502)]),
                  operation=INDICATORS, path=PATH)


@recipe
def characteristics_cancel_not_registered(kit):
    # Another school's declaration cannot be cancelled: only one's own registrations.
    return Attack(kit.signed_op(CANCEL, {"Instellingsnummer": DEMO_SECONDARY,
                                         "Verklaringen": {"Verklaring": [{
                                             "UniekeIdentificatorLeerling": "INF-2600987",
                                             "Stamnummer": "2600987",
                                             "DatumVerklaring": dt.date(2026, 8, 20)}]}}),
                  operation=CANCEL, path=PATH)
