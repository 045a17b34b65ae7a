"""Hostile and wrong class-information messages (LeerID, seed 003) for the corpus.

Correctly signed and schema-valid, so they reach the use case: each must be refused
with its Uitzondering and write nothing but its journal entry and replay key.
Registered in :data:`tests.security.recipes.RECIPES`, which imports this module.
"""
from __future__ import annotations

from discimus_fixtures.class_info import QUIET_SCHOOL, SHARING_SCHOOL
from tests.security.recipes import Attack, recipe

REGISTER = "RegistreerKlasinformatie"
PATH = "/klasinformatie"


def _classes(kit, institution: str, stamnummers: list[str]) -> bytes:
    return kit.signed_op(REGISTER, {"Instellingsnummer": institution, "Klassen": {"Klas": [
        {"UniekeIdentificatorLeerling": f"IF-{s}", "Stamnummer": s, "Klas": "1A"}
        for s in stamnummers]}})


@recipe
def class_for_another_schools_student(kit):
    # A sharing school and a mandated package, but the student is not enrolled there.
    return Attack(_classes(kit, SHARING_SCHOOL, ["2600993"]), operation=REGISTER,
                  path=PATH)


@recipe
def class_while_the_school_does_not_share(kit):
    # The package is mandated, the school's data manager never switched sharing on.
    return Attack(_classes(kit, QUIET_SCHOOL, ["2600001"]), operation=REGISTER, path=PATH)
