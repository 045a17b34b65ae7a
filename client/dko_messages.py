"""DKO and identification numbers for the client: values, Inhoud builders, converters.

Kept apart from ``client.py`` so the DKO channel's vocabulary lives in one module.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_client import results as r

OPERATIONS = frozenset({"RegistreerDkoInschrijving", "CorrigeerDkoInschrijving",
                        "RegistreerDkoUitschrijving"})
DISCIPLINES = {"BK": "beeldende kunst", "MU": "muziek", "WO": "woordkunst",
               "DA": "dans"}
FEE_CATEGORIES = {"V": "adults", "VV": "adults, reduced", "J": "youth",
                  "JV": "youth, reduced"}


@dataclass(frozen=True)
class DkoRegistrationData:
    """The registration part of a DKO message: academy, school year, what and at
    which fee."""

    institution_number: str
    school_year: int                # the starting year: 2026 is 2026-2027
    discipline: str                 # BK, MU, WO or DA
    fee_category: str               # V, VV, J or JV
    registration_date: dt.date


@dataclass(frozen=True)
class DkoRegistrationInfo:
    discimus_referte: int
    institution_number: str
    institution_name: str | None
    stamnummer: str
    school_year: int
    insz: str | None
    discipline: str
    fee_category: str
    registration_date: dt.date
    end_date: dt.date | None
    status: str


@dataclass(frozen=True)
class IdentificationNumber:
    """One answer of GeefIdentificatienummers: kind AANGEVULD, PSEUDO or FOUT."""

    stamnummer: str
    last_name: str
    first_name: str
    birth_date: dt.date
    kind: str
    insz: str | None
    insz_sent: str | None
    decided_on: dt.date
    diagnose: str


def registration_inhoud(student: r.Student, g: DkoRegistrationData) -> dict:
    a = student.address
    return {
        "Leerling": {
            "INSZ": student.insz, "Stamnummer": student.stamnummer,
            "Voornaam": student.first_name, "Naam": student.last_name,
            "Geboortedatum": student.birth_date, "Geslacht": student.sex,
            "Nationaliteit": student.nationality,
            "Adres": {"Straat": a.street, "Huisnummer": a.house_number,
                      "Busnummer": a.box, "Postcode": a.postcode,
                      "Gemeente": a.municipality, "Land": a.country}},
        "Inschrijving": {
            "Instellingsnummer": g.institution_number, "Schooljaar": g.school_year,
            "Studierichting": g.discipline, "Tariefcategorie": g.fee_category,
            "DatumInschrijving": g.registration_date}}


def deregistration_inhoud(institution_number: str, stamnummer: str, school_year: int,
                          end_date: dt.date) -> dict:
    return {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
            "Schooljaar": school_year, "EindDatum": end_date}


def numbers_inhoud(institution_number: str, stamnummer: str | None,
                   continuation: str | None) -> dict:
    return {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
            "Vervolg": continuation}


def registration_answer(inhoud: dict) -> DkoRegistrationInfo | None:
    d = inhoud.get("Inschrijving")
    if not d:
        return None
    return DkoRegistrationInfo(
        discimus_referte=d["DiscimusReferte"], institution_number=d["Instellingsnummer"],
        institution_name=d.get("InstellingNaam"), stamnummer=d["Stamnummer"],
        school_year=d["Schooljaar"], insz=d.get("INSZ"), discipline=d["Studierichting"],
        fee_category=d["Tariefcategorie"], registration_date=d["DatumInschrijving"],
        end_date=d.get("EindDatum"), status=d["Status"])


def numbers_answer(inhoud: dict) -> list[IdentificationNumber]:
    block = inhoud.get("Identificatienummers") or {}
    items = block.get("Identificatienummer") if isinstance(block, dict) else block
    return [IdentificationNumber(
        stamnummer=n["Stamnummer"], last_name=n["Naam"], first_name=n["Voornaam"],
        birth_date=n["Geboortedatum"], kind=n["Soort"], insz=n.get("INSZ"),
        insz_sent=n.get("VerzondenINSZ"), decided_on=n["Datum"], diagnose=n["Diagnose"])
        for n in items or []]
