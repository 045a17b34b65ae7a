"""Message type 2 (absences) for the client: Inhoud builders and answer converters.

Kept apart from ``client.py`` so each message type's vocabulary lives in one module.
"""
from __future__ import annotations

from discimus_client import results as r

OPERATIONS = frozenset({"RegistreerAfwezigheden", "AnnuleerAfwezigheden",
                        "GeefAfwezigheden", "GeefProblematischeAfwezigheden",
                        "GeefDoorlopendeTellingen", "GeefLeerlingenMet30Problematisch",
                        "GeefKleuterparticipatie", "GeefAfwezigheidsproblemen"})


def register_inhoud(institution_number: str, half_days: list[r.HalfDayAbsence]) -> dict:
    return {"Instellingsnummer": institution_number, "Afwezigheden": {"Afwezigheid": [
        {"UniekeIdentificatorLeerling": a.student_id, "Stamnummer": a.stamnummer,
         "Datum": a.date, "Dagdeel": a.half_day, "Code": a.code,
         # Sent only when set, so a message without sick notes is the one of before.
         "ZonderMedischAttest": True if a.without_certificate else None}
        for a in half_days]}}


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
        institution_number=a["Instellingsnummer"],
        without_certificate=bool(a.get("ZonderMedischAttest"))) for a in items or []]


def problematic_answer(inhoud: dict) -> list[r.ProblematicAbsences]:
    block = inhoud.get("ProblematischeAfwezigheden") or {}
    items = block.get("ProblematischeAfwezigheid") if isinstance(block, dict) else block
    return [r.ProblematicAbsences(
        stamnummer=p["Stamnummer"], insz=p["INSZ"],
        other_institution_number=p["Instellingsnummer"], school_year=p["Schooljaar"],
        half_days=p["AantalDagdelen"]) for p in items or []]


def _items(inhoud: dict, block_name: str, item_name: str) -> list:
    block = inhoud.get(block_name) or {}
    items = block.get(item_name) if isinstance(block, dict) else block
    return items or []


def running_counts_answer(inhoud: dict) -> r.SchoolYearCounts:
    return r.SchoolYearCounts(
        institution_number=inhoud["Instellingsnummer"], school_year=inhoud["Schooljaar"],
        students=[r.RunningCounts(
            stamnummer=s["Stamnummer"], insz=s["INSZ"],
            problematic_half_days=s["AantalProblematischeDagdelen"],
            sick_notes=s["AantalZiektebriefjes"],
            problematic_limit_reached=s["GrensProblematischBereikt"],
            sick_notes_over_limit=s["GrensZiektebriefjesOverschreden"],
            thirtieth_on=s["DatumDertigsteDagdeel"],
            schools=[r.SchoolCount(c["Instellingsnummer"],
                                   c["AantalProblematischeDagdelen"],
                                   c["AantalZiektebriefjes"])
                     for c in _items(s, "Scholen", "School")])
            for s in _items(inhoud, "Leerlingen", "Leerling")])


def thirty_answer(inhoud: dict) -> r.ThirtyList:
    return r.ThirtyList(
        institution_number=inhoud["Instellingsnummer"], school_year=inhoud["Schooljaar"],
        students=[r.ThirtyReached(
            stamnummer=s["Stamnummer"], insz=s["INSZ"],
            problematic_half_days=s["AantalProblematischeDagdelen"],
            thirtieth_on=s["DatumDertigsteDagdeel"],
            schools=[r.SchoolCount(c["Instellingsnummer"],
                                   c["AantalProblematischeDagdelen"])
                     for c in _items(s, "Scholen", "School")])
            for s in _items(inhoud, "Leerlingen", "Leerling")])


def nursery_answer(inhoud: dict) -> r.NurseryYear:
    return r.NurseryYear(
        institution_number=inhoud["Instellingsnummer"], school_year=inhoud["Schooljaar"],
        calendar_approximate=inhoud["KalenderBenaderd"],
        students=[r.NurseryAttendance(
            stamnummer=s["Stamnummer"], insz=s["INSZ"], birth_date=s["Geboortedatum"],
            age=s["Leeftijd"], school_half_days=s["AantalSchooldagdelen"],
            absent=s["AantalAfwezig"], present=s["AantalAanwezig"],
            threshold=s["Drempel"], threshold_met=s["DrempelBereikt"],
            schools=[r.NurserySchool(c["Instellingsnummer"], c["AantalSchooldagdelen"],
                                     c["AantalAfwezig"], c["AantalAanwezig"])
                     for c in _items(s, "Scholen", "School")])
            for s in _items(inhoud, "Leerlingen", "Leerling")])
