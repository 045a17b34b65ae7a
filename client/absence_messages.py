"""Message type 2 (absences) for the client: Inhoud builders and answer converters.

Kept apart from ``client.py`` so each message type's vocabulary lives in one module.
"""
from __future__ import annotations

from discimus_client import results as r

OPERATIONS = frozenset({"RegistreerAfwezigheden", "AnnuleerAfwezigheden",
                        "GeefAfwezigheden", "GeefProblematischeAfwezigheden"})


def register_inhoud(institution_number: str, half_days: list[r.HalfDayAbsence]) -> dict:
    return {"Instellingsnummer": institution_number, "Afwezigheden": {"Afwezigheid": [
        {"UniekeIdentificatorLeerling": a.student_id, "Stamnummer": a.stamnummer,
         "Datum": a.date, "Dagdeel": a.half_day, "Code": a.code} for a in half_days]}}


def cancel_inhoud(institution_number: str, half_days: list[r.HalfDayAbsence]) -> dict:
    return {"Instellingsnummer": institution_number, "HalveDagen": {"HalveDag": [
        {"UniekeIdentificatorLeerling": a.student_id, "Stamnummer": a.stamnummer,
         "Datum": a.date, "Dagdeel": a.half_day} for a in half_days]}}


def processed_answer(inhoud: dict) -> r.AbsencesProcessed:
    return r.AbsencesProcessed(
        institution_number=inhoud["Instellingsnummer"], new=inhoud["AantalNieuw"],
        replaced=inhoud["AantalGewijzigd"], unchanged=inhoud["AantalOngewijzigd"],
        cancelled=inhoud["AantalGeannuleerd"])


def absences_answer(inhoud: dict) -> list[r.HalfDayAbsence]:
    block = inhoud.get("Afwezigheden") or {}
    items = block.get("Afwezigheid") if isinstance(block, dict) else block
    return [r.HalfDayAbsence(
        student_id=a["UniekeIdentificatorLeerling"], stamnummer=a["Stamnummer"],
        date=a["Datum"], half_day=a["Dagdeel"], code=a["Code"],
        institution_number=a["Instellingsnummer"]) for a in items or []]


def problematic_answer(inhoud: dict) -> list[r.ProblematicAbsences]:
    block = inhoud.get("ProblematischeAfwezigheden") or {}
    items = block.get("ProblematischeAfwezigheid") if isinstance(block, dict) else block
    return [r.ProblematicAbsences(
        stamnummer=p["Stamnummer"], insz=p["INSZ"],
        other_institution_number=p["Instellingsnummer"], school_year=p["Schooljaar"],
        half_days=p["AantalDagdelen"]) for p in items or []]
