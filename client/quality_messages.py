"""Quality feedback (000 §1.5) for the client: Inhoud builders and answer converters.

GeefIngeschrevenLeerlingen, VergelijkLeerlingen, GeefOpenProblemen (``/inschrijving``)
and GeefAfwezigheidsproblemen (``/afwezigheid``).
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from discimus_client import results as r


def _items(inhoud: dict, block_name: str, item_name: str) -> list:
    block = inhoud.get(block_name) or {}
    items = block.get(item_name) if isinstance(block, dict) else block
    return items or []


def compare_inhoud(institution_number: str, students: list[r.ListedStudent],
                   on: dt.date | None) -> dict:
    return {"Instellingsnummer": institution_number, "Datum": on, "Leerlingen": {
        "Leerling": [{"Stamnummer": s.stamnummer, "INSZ": s.insz,
                      "Voornaam": s.first_name, "Naam": s.last_name,
                      "Geboortedatum": s.birth_date,
                      "AdministratieveGroep": s.administrative_group}
                     for s in students]}}


def enrolled_answer(inhoud: dict) -> r.EnrolledStudents:
    return r.EnrolledStudents(inhoud["Instellingsnummer"], inhoud["Datum"], [
        r.EnrolledStudent(s["Stamnummer"], s["INSZ"], s["Voornaam"], s["Naam"],
                          s["Geboortedatum"], s["AdministratieveGroep"],
                          s["BeginDatum"], s["EindDatum"])
        for s in _items(inhoud, "Leerlingen", "Leerling")])


def comparison_answer(inhoud: dict) -> r.Comparison:
    return r.Comparison(inhoud["Instellingsnummer"], inhoud["Datum"],
                        inhoud["AantalSchool"], inhoud["AantalAgodi"], [
        r.Difference(d["Stamnummer"], d["Soort"], d["Veld"], d["WaardeSchool"],
                     d["WaardeAgodi"])
        for d in _items(inhoud, "Verschillen", "Verschil")])


def problems_answer(inhoud: dict) -> r.Problems:
    return r.Problems(inhoud["Instellingsnummer"], [
        r.Problem(p["Soort"], p["Stamnummer"], p["Omschrijving"], p["BeginDatum"],
                  p["EindDatum"], p.get("AnderInstellingsnummer"))
        for p in _items(inhoud, "Problemen", "Probleem")])


def read_students(path: str | Path) -> list[r.ListedStudent]:
    """The school's list from a CSV file with a header row: ``stamnummer``, ``insz``,
    ``voornaam``, ``naam``, ``geboortedatum`` (YYYY-MM-DD) and optionally
    ``administratieve_groep``.

    :raises ValueError: a row without a required column or with a malformed date.
    """
    out = []
    with open(path, newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                out.append(r.ListedStudent(
                    stamnummer=row["stamnummer"].strip(),
                    insz=(row.get("insz") or "").strip() or None,
                    first_name=row["voornaam"].strip(), last_name=row["naam"].strip(),
                    birth_date=dt.date.fromisoformat(row["geboortedatum"].strip()),
                    administrative_group=(row.get("administratieve_groep") or "").strip()
                    or None))
            except (KeyError, AttributeError, ValueError) as problem:
                raise ValueError(f"{path}, line {line}: {problem}") from None
    return out
