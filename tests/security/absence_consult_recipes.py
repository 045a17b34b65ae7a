"""Hostile and wrong questions to the consultations of issue 6, for the corpus.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key.
Registered in :data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.generator import DEMO_PRIMARY, DEMO_SECONDARY
from tests.security.absence_recipes import ENROLL, PATH, REGISTER, _absences, _enrolled
from tests.security.recipes import Attack, recipe


@recipe
def sick_note_on_unjustified_absence(kit):
    # ZonderMedischAttest marks illness (Z) only; on B it would hide a problematic
    # half day as a sick note.
    start = dt.date(2026, 9, 1)
    item = {"UniekeIdentificatorLeerling": "INF-2600995", "Stamnummer": "2600995",
            "Datum": start, "Dagdeel": "VM", "Code": "B", "ZonderMedischAttest": True}
    return Attack(_absences(kit, DEMO_SECONDARY, [item]),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600995", 474, start)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


@recipe
def counts_of_another_schools_student(kit):
    # A stamnummer the asking school has no student under: the counts of whoever holds
    # it elsewhere are not its business (004 §67).
    return Attack(kit.signed_op("GeefDoorlopendeTellingen", {
        "Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2699998"}),
        operation="GeefDoorlopendeTellingen", path=PATH)


@recipe
def counts_of_an_old_school_year(kit):
    return Attack(kit.signed_op("GeefDoorlopendeTellingen", {
        "Instellingsnummer": DEMO_SECONDARY, "Schooljaar": 2020}),
        operation="GeefDoorlopendeTellingen", path=PATH)


@recipe
def nursery_attendance_asked_by_a_secondary_school(kit):
    return Attack(kit.signed_op("GeefKleuterparticipatie", {
        "Instellingsnummer": DEMO_SECONDARY}),
        operation="GeefKleuterparticipatie", path=PATH)


@recipe
def nursery_attendance_of_the_running_year(kit):
    # The running school year has not ended: no attendance to judge yet.
    return Attack(kit.signed_op("GeefKleuterparticipatie", {
        "Instellingsnummer": DEMO_PRIMARY, "Schooljaar": 2026}),
        operation="GeefKleuterparticipatie", path=PATH)


def _listed(stamnummer: str) -> dict:
    return {"Stamnummer": stamnummer, "Voornaam": "Lotte", "Naam": "Peeters",
            "Geboortedatum": dt.date(2012, 3, 15)}


@recipe
def comparison_with_a_student_twice(kit):
    return Attack(kit.signed_op("VergelijkLeerlingen", {
        "Instellingsnummer": DEMO_SECONDARY, "Leerlingen": {"Leerling": [
            _listed("2600001"), _listed("2600002"), _listed("2600001")]}}),
        operation="VergelijkLeerlingen")


@recipe
def comparison_of_1501_students(kit):
    return Attack(kit.signed_op("VergelijkLeerlingen", {
        "Instellingsnummer": DEMO_SECONDARY, "Leerlingen": {"Leerling": [
            _listed(f"26{n:05d}") for n in range(1, 1502)]}}),
        operation="VergelijkLeerlingen")


@recipe
def comparison_with_a_bad_stamnummer(kit):
    return Attack(kit.signed_op("VergelijkLeerlingen", {
        "Instellingsnummer": DEMO_SECONDARY, "Leerlingen": {"Leerling": [
            _listed("2600001"), _listed("26-0001")]}}),
        operation="VergelijkLeerlingen")
