"""Message types 5, 6 and 8 (disciplinary measures, support, refusals) for the client:
Inhoud builders and answer converters, one contract each.

Kept apart from ``client.py`` so each message type's vocabulary lives in one module.
"""
from __future__ import annotations

from discimus_client import results as r

# operation → the contract (packaged WSDL and URL path) that publishes it.
CONTRACTS = {
    **dict.fromkeys(("RegistreerTuchtmaatregel", "CorrigeerTuchtmaatregel",
                     "AnnuleerTuchtmaatregel", "GeefTuchtmaatregelen"), "tucht"),
    **dict.fromkeys(("RegistreerOndersteuning", "CorrigeerOndersteuning",
                     "AnnuleerOndersteuning", "GeefOndersteundeLeerlingen"),
                    "ondersteuning"),
    **dict.fromkeys(("RegistreerWeigering", "CorrigeerWeigering", "AnnuleerWeigering",
                     "GeefWeigeringen"), "weigering"),
}


def _items(inhoud: dict, block: str, item: str) -> list[dict]:
    found = inhoud.get(block) or {}
    return (found.get(item) if isinstance(found, dict) else found) or []


def consult_inhoud(institution_number: str, school_year: int | None) -> dict:
    return {"Instellingsnummer": institution_number, "Schooljaar": school_year}


# -- message type 5 ------------------------------------------------------------------------
def measure_inhoud(m: r.Measure) -> dict:
    return {"Instellingsnummer": m.institution_number,
            "UniekeIdentificatorLeerling": m.student_id, "Stamnummer": m.stamnummer,
            "INSZ": m.insz, "Type": m.type, "BeginDatum": m.start_date,
            "EindDatum": m.end_date}


def measure_key(institution_number, stamnummer, measure_type, start_date) -> dict:
    return {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
            "Type": measure_type, "BeginDatum": start_date}


def _measure(d: dict) -> r.Measure:
    return r.Measure(d["Instellingsnummer"], d["UniekeIdentificatorLeerling"],
                     d["Stamnummer"], d["INSZ"], d["Type"], d["BeginDatum"],
                     d.get("EindDatum"), d.get("DatumOntvangst"))


def measure_processed(inhoud: dict) -> r.RecordProcessed:
    return r.RecordProcessed(inhoud["Instellingsnummer"], inhoud["Uitkomst"],
                             _measure(inhoud["Tuchtmaatregel"]))


def measures_answer(inhoud: dict) -> list[r.Measure]:
    return [_measure(d) for d in _items(inhoud, "Tuchtmaatregelen", "Tuchtmaatregel")]


# -- message type 6 ------------------------------------------------------------------------
def support_inhoud(s: r.SupportedStudent) -> dict:
    return {"Instellingsnummer": s.institution_number,
            "UniekeIdentificatorLeerling": s.student_id, "Stamnummer": s.stamnummer,
            "INSZ": s.insz, "BeginDatum": s.start_date,
            "OndersteunendeInstelling": s.supporting_institution}


def support_key(institution_number, stamnummer, start_date) -> dict:
    return {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
            "BeginDatum": start_date}


def _supported(d: dict) -> r.SupportedStudent:
    return r.SupportedStudent(d["Instellingsnummer"], d["UniekeIdentificatorLeerling"],
                              d["Stamnummer"], d["BeginDatum"],
                              d["OndersteunendeInstelling"], d.get("INSZ"),
                              d.get("Schooljaar"), d.get("DatumOntvangst"))


def support_processed(inhoud: dict) -> r.RecordProcessed:
    return r.RecordProcessed(inhoud["Instellingsnummer"], inhoud["Uitkomst"],
                             _supported(inhoud["OndersteundeLeerling"]))


def supported_answer(inhoud: dict) -> list[r.SupportedStudent]:
    return [_supported(d) for d in _items(inhoud, "OndersteundeLeerlingen",
                                          "OndersteundeLeerling")]


# -- message type 8 ------------------------------------------------------------------------
def refusal_inhoud(w: r.Refusal) -> dict:
    return {"Instellingsnummer": w.institution_number,
            "UniekeIdentificatorLeerling": w.student_id, "INSZ": w.insz, "Soort": w.kind,
            "Datum": w.date, "Stamnummer": w.stamnummer}


def refusal_key(institution_number, insz, date) -> dict:
    return {"Instellingsnummer": institution_number, "INSZ": insz, "Datum": date}


def _refusal(d: dict) -> r.Refusal:
    return r.Refusal(d["Instellingsnummer"], d["UniekeIdentificatorLeerling"], d["INSZ"],
                     d["Soort"], d["Datum"], d.get("Stamnummer"), d.get("DatumOntvangst"))


def refusal_processed(inhoud: dict) -> r.RecordProcessed:
    return r.RecordProcessed(inhoud["Instellingsnummer"], inhoud["Uitkomst"],
                             _refusal(inhoud["Weigering"]))


def refusals_answer(inhoud: dict) -> list[r.Refusal]:
    return [_refusal(d) for d in _items(inhoud, "Weigeringen", "Weigering")]
