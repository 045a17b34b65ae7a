"""Message type 7 (boarding-school enrollments) for the client: Inhoud builders and
answer converters.

Kept apart from ``client.py`` so each message type's vocabulary lives in one module.
"""
from __future__ import annotations

from discimus_client import results as r

OPERATIONS = frozenset({"RegistreerInternaatInschrijving", "CorrigeerInternaatInschrijving",
                        "BeeindigInternaatInschrijving", "GeefInternaatInschrijvingen",
                        "GeefSchoolInschrijvingenInternen"})


def leerling(student: r.Student) -> dict:
    """The student's identification, as message types 1 and 7 both carry it."""
    a = student.address
    return {"INSZ": student.insz, "Stamnummer": student.stamnummer,
            "Voornaam": student.first_name, "Naam": student.last_name,
            "Geboortedatum": student.birth_date, "Geslacht": student.sex,
            "Nationaliteit": student.nationality,
            "Adres": {"Straat": a.street, "Huisnummer": a.house_number, "Busnummer": a.box,
                      "Postcode": a.postcode, "Gemeente": a.municipality,
                      "Land": a.country}}


def stay_inhoud(student: r.Student, stay: r.BoardingData) -> dict:
    return {"Leerling": leerling(student), "Inschrijving": {
        "Instellingsnummer": stay.institution_number,
        "Vestigingsplaats": stay.establishment, "BeginDatum": stay.start_date,
        "EindDatum": stay.end_date, "AmbulantBeroepOuders": stay.itinerant_parents,
        "Schoolnummer": stay.school_number, "Afsprakenkader": stay.agreement_framework,
        "Ondersteuningsplan": stay.support_plan}}


def _items(block, name: str) -> list:
    block = block or {}
    return (block.get(name) if isinstance(block, dict) else block) or []


def _info(d: dict) -> r.BoardingInfo:
    return r.BoardingInfo(
        discimus_referte=d["DiscimusReferte"], institution_number=d["Instellingsnummer"],
        stamnummer=d["Stamnummer"], insz=d.get("INSZ"), last_name=d["Naam"],
        first_name=d["Voornaam"], establishment=d["Vestigingsplaats"],
        school_year=d["Schooljaar"], start_date=d["Periode"]["BeginDatum"],
        end_date=d["Periode"].get("EindDatum"),
        itinerant_parents=d["AmbulantBeroepOuders"], school_number=d.get("Schoolnummer"),
        agreement_framework=d.get("Afsprakenkader"),
        support_plan=d.get("Ondersteuningsplan"))


def stay_answer(inhoud: dict) -> r.BoardingInfo:
    return _info(inhoud["Inschrijving"])


def list_answer(inhoud: dict) -> list[r.BoardingInfo]:
    return [_info(d) for d in _items(inhoud.get("Inschrijvingen"), "Inschrijving")]


def schools_answer(inhoud: dict) -> list[r.BoarderSchools]:
    return [r.BoarderSchools(
        stamnummer=b["Stamnummer"], insz=b.get("INSZ"), last_name=b["Naam"],
        first_name=b["Voornaam"], start_date=b["Periode"]["BeginDatum"],
        end_date=b["Periode"].get("EindDatum"), school_number=b.get("Schoolnummer"),
        school_name=b.get("SchoolNaam"),
        schools=[r.SchoolEnrollment(
            institution_number=s["Instellingsnummer"],
            institution_name=s.get("InstellingNaam"),
            administrative_group=s["AdministratieveGroep"],
            start_date=s["Periode"]["BeginDatum"], end_date=s["Periode"].get("EindDatum"),
            kind_of_education=s["SoortOnderwijs"])
            for s in _items(b.get("SchoolInschrijvingen"), "SchoolInschrijving")])
        for b in _items(inhoud.get("Internen"), "Intern")]
