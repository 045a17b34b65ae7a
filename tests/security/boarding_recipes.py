"""Hostile and wrong boarding-school messages (message type 7) for the corpus.

Correctly signed; the business ones are schema-valid, so they reach the use case and
must be refused with their Uitzondering, writing nothing but the journal entry and the
replay key. Registered in :data:`tests.security.recipes.RECIPES`, which imports this
module.
"""
from __future__ import annotations

import datetime as dt

from discimus_fixtures.boarding import DEMO_BOARDING
from discimus_fixtures.generator import DEMO_SECONDARY, insz_for
from discimus_service.domain.model import Sex
from tests.security.recipes import Attack, recipe

REGISTER = "RegistreerInternaatInschrijving"
END = "BeeindigInternaatInschrijving"
SCHOOLS = "GeefSchoolInschrijvingenInternen"
PATH = "/internaat"
BIRTH = dt.date(2011, 6, 3)
START = dt.date(2026, 9, 1)


def _leerling(**address) -> dict:
    adres = {"Straat": "Kerkstraat", "Huisnummer": "1", "Postcode": "9050 01",
             "Gemeente": "Gentbrugge", "Land": "00150", **address}
    return {"INSZ": insz_for(BIRTH, Sex.V, 481), "Stamnummer": "2600981",
            "Voornaam": "Ella", "Naam": "Jacobs", "Geboortedatum": BIRTH,
            "Geslacht": "V", "Nationaliteit": "00150", "Adres": adres}


def _stay(kit, *, leerling=None, **stay) -> bytes:
    inschrijving = {"Instellingsnummer": DEMO_BOARDING, "Vestigingsplaats": "Gent",
                    "BeginDatum": START, "AmbulantBeroepOuders": False,
                    "Afsprakenkader": True, "Ondersteuningsplan": False, **stay}
    return kit.signed_op(REGISTER, {"Leerling": leerling or _leerling(),
                                    "Inschrijving": inschrijving})


def _business(body: bytes, operation: str = REGISTER) -> Attack:
    return Attack(body, operation=operation, path=PATH)


@recipe
def boarding_sent_for_a_school(kit):
    # informat is mandated for the school's enrollments, but a school is no boarding school.
    return _business(_stay(kit, Instellingsnummer=DEMO_SECONDARY))


@recipe
def boarding_before_2019(kit):
    return _business(_stay(kit, BeginDatum=dt.date(2018, 9, 1), Afsprakenkader=None,
                           Ondersteuningsplan=None))


@recipe
def boarding_over_two_school_years(kit):
    return _business(_stay(kit, EindDatum=dt.date(2027, 9, 15)))


@recipe
def boarding_support_fields_before_2024(kit):
    return _business(_stay(kit, BeginDatum=dt.date(2023, 9, 1)))


@recipe
def boarding_support_fields_missing(kit):
    return _business(_stay(kit, Ondersteuningsplan=None))


@recipe
def boarding_school_number_of_a_funded_school(kit):
    return _business(_stay(kit, Schoolnummer=DEMO_SECONDARY))


@recipe
def boarding_street_for_00999(kit):
    # Message type 1's address rule holds for boarders too.
    return _business(_stay(kit, leerling=_leerling(Land="00999", Postcode=None)))


@recipe
def boarding_end_of_an_unknown_stay(kit):
    return _business(kit.signed_op(END, {
        "Instellingsnummer": DEMO_BOARDING, "Stamnummer": "2600981", "BeginDatum": START,
        "EindDatum": dt.date(2027, 3, 1)}), END)


@recipe
def boarding_consulted_by_a_school(kit):
    # A school's package asks where "its boarders" go to school.
    return _business(kit.signed_op(SCHOOLS, {"Instellingsnummer": DEMO_SECONDARY}),
                     SCHOOLS)


@recipe
def boarding_flag_not_a_boolean(kit):
    # Signed, but the Body breaks the XSD: signature first, then schema (S115).
    from tests.security.recipes import _now, _out, _parts, _resign, _root
    root = _root(_stay(kit))
    _, body, _ = _parts(root)
    body[0].find(".//{*}Afsprakenkader").text = "misschien"
    return Attack(_resign(kit, _out(root), now=_now()), operation=REGISTER, path=PATH)


@recipe
def boarding_message_at_the_enrollment_service(kit):
    # A message type 7 operation posted to /inschrijving, which does not serve it.
    return Attack(_stay(kit), operation=REGISTER)
