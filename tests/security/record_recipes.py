"""Hostile and wrong record messages (message types 5, 6 and 8) for the corpus.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key. A case
that needs an enrolled student enrolls a fresh one first (``Attack.before``); the
support cases use the demo primary school's students of 2022-2023
(``fixtures/records.py``), since the support model ended with that school year.
Registered in :data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.generator import DEMO_PRIMARY, DEMO_SECONDARY, insz_for
from discimus_fixtures.records import DEMO_SPECIAL
from discimus_service.domain.model import Sex
from tests.security.absence_recipes import BIRTH, ENROLL, _enrolled
from tests.security.recipes import Attack, recipe

START = dt.date(2026, 9, 2)


def _measure(kit, institution: str, stamnummer: str, sequence: int, start: dt.date,
             end: dt.date) -> bytes:
    return kit.signed_op("RegistreerTuchtmaatregel", {
        "Instellingsnummer": institution, "UniekeIdentificatorLeerling": f"INF-{stamnummer}",
        "Stamnummer": stamnummer, "INSZ": insz_for(BIRTH, Sex.V, sequence), "Type": "TU",
        "BeginDatum": start, "EindDatum": end})


def _refusal(kit, stamnummer: str, sequence: int, kind: str) -> bytes:
    return kit.signed_op("RegistreerWeigering", {
        "Instellingsnummer": DEMO_SECONDARY, "UniekeIdentificatorLeerling": f"INF-{stamnummer}",
        "INSZ": insz_for(BIRTH, Sex.V, sequence), "Soort": kind, "Datum": START,
        "Stamnummer": stamnummer})


@recipe
def measure_other_schools_student(kit):
    # The student is enrolled at the secondary school; the primary school, whose
    # mandate is fine, sends a measure about it: 40010.
    return Attack(_measure(kit, DEMO_PRIMARY, "2600981", 481, START, START),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600981", 481, START)],
                  operation="RegistreerTuchtmaatregel", path="/tucht",
                  before_operation=ENROLL)


@recipe
def measure_outside_enrollment(kit):
    # Enrolled from 2 September; a temporary exclusion from 1 September: 40010.
    return Attack(_measure(kit, DEMO_SECONDARY, "2600982", 482, START - dt.timedelta(days=1),
                           START),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600982", 482, START)],
                  operation="RegistreerTuchtmaatregel", path="/tucht",
                  before_operation=ENROLL)


@recipe
def support_outside_enrollment(kit):
    # The demo student 2290001 left 012345 on 30 June 2023: 40010 on 15 July.
    return Attack(kit.signed_op("RegistreerOndersteuning", {
        "Instellingsnummer": DEMO_PRIMARY, "UniekeIdentificatorLeerling": "INF-2290001",
        "Stamnummer": "2290001", "BeginDatum": dt.date(2023, 7, 15),
        "OndersteunendeInstelling": DEMO_SPECIAL}),
        operation="RegistreerOndersteuning", path="/ondersteuning")


@recipe
def support_other_schools_student(kit):
    # 2290001 is a student of the primary school, not of the secondary one: 40010.
    return Attack(kit.signed_op("RegistreerOndersteuning", {
        "Instellingsnummer": DEMO_SECONDARY, "UniekeIdentificatorLeerling": "INF-2290001",
        "Stamnummer": "2290001", "BeginDatum": dt.date(2022, 10, 3),
        "OndersteunendeInstelling": DEMO_SPECIAL}),
        operation="RegistreerOndersteuning", path="/ondersteuning")


@recipe
def refusal_of_an_enrolled_student(kit):
    # A school cannot refuse a student it has enrolled: 30402.
    return Attack(_refusal(kit, "2600983", 483, "W"),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600983", 483, START)],
                  operation="RegistreerWeigering", path="/weigering",
                  before_operation=ENROLL)


@recipe
def dissolution_of_a_running_enrollment(kit):
    # A dissolution whose enrollment was never de-registered with reason O: 30403.
    return Attack(_refusal(kit, "2600984", 484, "O"),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600984", 484, START)],
                  operation="RegistreerWeigering", path="/weigering",
                  before_operation=ENROLL)
