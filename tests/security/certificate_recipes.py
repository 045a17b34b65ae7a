"""Hostile and wrong certificate messages (message type 4) for the corpus.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key. A case
that needs an enrolled student enrolls a fresh one first (``Attack.before``). Registered
in :data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.generator import DEMO_SECONDARY
from tests.security.absence_recipes import ENROLL, _enrolled
from tests.security.recipes import Attack, recipe

REGISTER = "RegistreerStudiebewijzen"
PATH = "/studiebewijs"
JUNE = dt.date(2026, 6, 30)


def _item(stamnummer: str, kind: str = "OA", day: dt.date = JUNE, **more) -> dict:
    base = {"UniekeIdentificatorLeerling": f"INF-{stamnummer}", "Stamnummer": stamnummer,
            "Soort": kind, "Datum": day, "Graad": "1", "Leerjaar": 1,
            "Onderwijsvorm": "A"}
    return {**base, **more}


def _certificates(kit, items: list[dict], institution: str = DEMO_SECONDARY) -> bytes:
    return kit.signed_op(REGISTER, {"Instellingsnummer": institution,
                                    "Studiebewijzen": {"Studiebewijs": items}})


@recipe
def certificate_not_exchanged(kit):
    # A safety-course sanction stays with the school (000 §5.1): 10300.
    return Attack(_certificates(kit, [_item("2600981", "VEI")]), operation=REGISTER,
                  path=PATH)


@recipe
def certificate_not_enrolled_here(kit):
    return Attack(_certificates(kit, [_item("2600982")]), operation=REGISTER, path=PATH)


@recipe
def certificate_primary_from_a_secondary_school(kit):
    return Attack(_certificates(kit, [_item("2600983", "GBO", Graad=None, Leerjaar=None,
                                            Onderwijsvorm=None)]),
                  operation=REGISTER, path=PATH)


@recipe
def certificate_b_attest_without_restrictions(kit):
    return Attack(_certificates(kit, [_item("2600984", "OB")]), operation=REGISTER,
                  path=PATH)


@recipe
def certificate_twice_in_one_message(kit):
    start, day = dt.date(2026, 9, 1), dt.date(2026, 9, 2)
    item = _item("2600985", "AVB", day, Onderwijsvorm="B")
    return Attack(_certificates(kit, [item, {**item, "Studierichting": "Other"}]),
                  before=[_enrolled(kit, DEMO_SECONDARY, "2600985", 486, start)],
                  operation=REGISTER, path=PATH, before_operation=ENROLL)


@recipe
def certificate_too_many_items(kit):
    items = [_item(f"26{n + 1:05d}") for n in range(1001)]
    return Attack(_certificates(kit, items), operation=REGISTER, path=PATH)


@recipe
def certificate_cancel_not_registered(kit):
    body = kit.signed_op("AnnuleerStudiebewijzen", {
        "Instellingsnummer": DEMO_SECONDARY, "TeAnnulerenStudiebewijzen": {
            "Studiebewijs": [{"UniekeIdentificatorLeerling": "x", "Stamnummer": "2600986",
                              "Soort": "DSO", "Schooljaar": 2025}]}})
    return Attack(body, operation="AnnuleerStudiebewijzen", path=PATH)


@recipe
def certificate_previous_of_another_schools_student(kit):
    # A school sees the certificates of its own students only.
    body = kit.signed_op("GeefVorigeStudiebewijzen", {
        "Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600987"})
    return Attack(body, operation="GeefVorigeStudiebewijzen", path=PATH)


@recipe
def certificate_admission_check_of_modular_education(kit):
    body = kit.signed_op("ControleerToelatingsvoorwaarden", {
        "Instellingsnummer": DEMO_SECONDARY, "Stamnummer": "2600001", "Graad": "2",
        "Leerjaar": 1, "Onderwijsvorm": "MOD"})
    return Attack(body, operation="ControleerToelatingsvoorwaarden", path=PATH)
