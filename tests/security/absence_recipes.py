"""Hostile and wrong absence messages (message type 2) for the corpus.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key. Where a
case needs an enrolled student it enrolls a fresh one first (``Attack.before``), so it
does not depend on the generated demo data. Registered in
:data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.generator import DEMO_PRIMARY, DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests.security.recipes import Attack, recipe

REGISTER = "RegistreerAfwezigheden"
ENROLL = "RegistreerInschrijving"
PATH = "/afwezigheid"
BIRTH = dt.date(2011, 1, 17)


def _item(stamnummer: str, day: dt.date, half: str = "VM", code: str = "Z") -> dict:
    return {"UniekeIdentificatorLeerling": f"INF-{stamnummer}", "Stamnummer": stamnummer,
            "Datum": day, "Dagdeel": half, "Code": code}


def _absences(kit, institution: str, items: list[dict]) -> bytes:
    return kit.signed_op(REGISTER, {"Instellingsnummer": institution,
                                    "Afwezigheden": {"Afwezigheid": items}})


def _enrolled(kit, institution: str, stamnummer: str, sequence: int,
              start: dt.date) -> bytes:
    """A signed RegistreerInschrijving of a fresh student (sent before the attack)."""
    from discimus_client.client import DiscimusClient
    from discimus_client.results import Address, EnrollmentData, Student
    student = Student(insz=insz_for(BIRTH, Sex.V, sequence), stamnummer=stamnummer,
                      first_name="Ella", last_name="Jacobs", birth_date=BIRTH, sex="V",
                      address=Address("Kerkstraat", "1", "9000", "Gent"))
    group = "L6" if institution == DEMO_PRIMARY else "1A"
    return kit.signed_op(ENROLL, DiscimusClient.enrollment_inhoud(
        student, EnrollmentData(institution, group, start, dt.date(2026, 8, 30))))


@recipe
def absence_not_enrolled_here(kit):
    # The sending school's mandate is fine, the student is not enrolled there: 40010.
    return Attack(_absences(kit, DEMO_PRIMARY, [_item("2600991", dt.date(2026, 9, 2))]),
                  operation=REGISTER, path=PATH)


@recipe
def absence_outside_enrollment(kit):
    start = dt.date(2026, 9, 2)
    return Attack(_absences(kit, DEMO_SECONDARY, [_item("2600992", start),
                                                  _item("2600992", start, "NM"),
                                                  _item("2600992", dt.date(2026, 9, 1))]),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600992", 471, start)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


@recipe
def absence_code_not_for_the_level(kit):
    # M (work-based learning) exists only in secondary education.
    start = dt.date(2026, 9, 1)
    return Attack(_absences(kit, DEMO_PRIMARY, [_item("2600993", start, code="M")]),
                  before=[_enrolled(kit, DEMO_PRIMARY, "2600993", 472, start)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


@recipe
def absence_duplicate_half_day(kit):
    start = dt.date(2026, 9, 1)
    return Attack(_absences(kit, DEMO_SECONDARY, [_item("2600994", start),
                                                  _item("2600994", start, code="B")]),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600994", 473, start)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


def _many(count: int) -> list[dict]:
    day, items = dt.date(2026, 9, 1), []
    for n in range(count):
        items.append(_item(f"26{n // 2 % 99999 + 1:05d}", day, ("VM", "NM")[n % 2]))
    return items


@recipe
def absence_too_many_items(kit):
    return Attack(_absences(kit, DEMO_SECONDARY, _many(1001)), operation=REGISTER,
                  path=PATH)


@recipe
def absence_10000_items(kit):
    # Over the 1 MB cap before any item is read.
    return Attack(_absences(kit, DEMO_SECONDARY, _many(10_000)), operation=REGISTER,
                  path=PATH)


# The consultations of issue 6 have their own module beside this one; importing it here
# registers its recipes too (it imports the helpers above, so it comes last).
from tests.security import absence_consult_recipes  # noqa: E402,F401
