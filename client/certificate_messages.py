"""Message type 4 (certificates) for the client: values, Inhoud builders, answer converters.

Kept apart from ``client.py`` so each message type's vocabulary lives in one module.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

OPERATIONS = frozenset({"RegistreerStudiebewijzen", "AnnuleerStudiebewijzen",
                        "GeefStudiebewijzen", "GeefVorigeStudiebewijzen",
                        "ControleerToelatingsvoorwaarden", "ControleerOvergang"})


@dataclass(frozen=True)
class Certificate:
    """A certificate going in (register) or coming out (the consultations).

    ``kind`` is the Soort (GBO, OA, OB, OC, GEG, GTG, SG, DSO, AVB, DCV; DCM, AVC and VEI
    are refused); ``form`` the Onderwijsvorm (A, B, D, DA, AM, ASO, ...). On what comes
    out, ``institution_number``, ``institution_name`` and ``school_year`` are set.
    """

    student_id: str | None
    stamnummer: str
    kind: str
    date: dt.date
    grade: int | None = None
    year: int | None = None
    form: str | None = None
    study_field: str | None = None
    study_field_code: str | None = None
    full_name: str | None = None
    excluded_forms: tuple[str, ...] = ()
    institution_number: str | None = None
    institution_name: str | None = None
    school_year: int | None = None


@dataclass(frozen=True)
class CertificatesProcessed:
    institution_number: str
    new: int
    replaced: int
    unchanged: int
    cancelled: int


@dataclass(frozen=True)
class PreviousCertificates:
    insz: str | None
    certificates: list[Certificate]


@dataclass(frozen=True)
class Admission:
    """The admission verdict: ``outcome`` VOLDOET, VOLDOET_MITS or VOLDOET_NIET."""

    grade: int
    year: int
    form: str
    outcome: str
    conditions: tuple[str, ...]
    rule: str | None
    reason: str
    based_on: Certificate | None


@dataclass(frozen=True)
class AdmissionCheck:
    stamnummer: str
    admission: Admission


@dataclass(frozen=True)
class TransitionCheck:
    stamnummer: str
    date: dt.date
    council_needed: bool
    reasons: tuple[str, ...]
    admission: Admission


def _text(number):
    return str(number) if number is not None else None


def register_inhoud(institution_number: str, certificates: list[Certificate]) -> dict:
    return {"Instellingsnummer": institution_number, "Studiebewijzen": {"Studiebewijs": [
        {"UniekeIdentificatorLeerling": c.student_id or c.stamnummer,
         "Stamnummer": c.stamnummer, "Soort": c.kind, "Datum": c.date,
         "Graad": _text(c.grade), "Leerjaar": c.year, "Onderwijsvorm": c.form,
         "Studierichting": c.study_field, "StudierichtingCode": c.study_field_code,
         "VolledigeNaam": c.full_name,
         "UitgeslotenOnderwijsvormen": ({"Onderwijsvorm": list(c.excluded_forms)}
                                        if c.excluded_forms else None)}
        for c in certificates]}}


def cancel_inhoud(institution_number: str,
                  items: list[tuple[str, str, int]]) -> dict:
    """:param items: (stamnummer, kind, school year) of each certificate to cancel."""
    return {"Instellingsnummer": institution_number, "TeAnnulerenStudiebewijzen": {
        "Studiebewijs": [{"UniekeIdentificatorLeerling": stamnummer,
                          "Stamnummer": stamnummer, "Soort": kind, "Schooljaar": year}
                         for stamnummer, kind, year in items]}}


def check_inhoud(institution_number: str, stamnummer: str, grade: int, year: int,
                 form: str, domain: str | None, date: dt.date | None = None) -> dict:
    inhoud = {"Instellingsnummer": institution_number, "Stamnummer": stamnummer,
              "Graad": str(grade), "Leerjaar": year, "Onderwijsvorm": form,
              "Studiedomein": domain}
    if date is not None:
        inhoud["Datum"] = date
    return inhoud


def _items(block, name):
    items = block.get(name) if isinstance(block, dict) else block
    return items or []


def certificate_of(s: dict) -> Certificate:
    return Certificate(
        student_id=s.get("UniekeIdentificatorLeerling"), stamnummer=s["Stamnummer"],
        kind=s["Soort"], date=s["Datum"], grade=int(s["Graad"]) if s.get("Graad") else None,
        year=s.get("Leerjaar"), form=s.get("Onderwijsvorm"),
        study_field=s.get("Studierichting"), study_field_code=s.get("StudierichtingCode"),
        full_name=s.get("VolledigeNaam"),
        excluded_forms=tuple(_items(s.get("UitgeslotenOnderwijsvormen"), "Onderwijsvorm")),
        institution_number=s.get("Instellingsnummer"),
        institution_name=s.get("InstellingNaam"), school_year=s.get("Schooljaar"))


def processed_answer(inhoud: dict) -> CertificatesProcessed:
    return CertificatesProcessed(
        institution_number=inhoud["Instellingsnummer"], new=inhoud["AantalNieuw"],
        replaced=inhoud["AantalGewijzigd"], unchanged=inhoud["AantalOngewijzigd"],
        cancelled=inhoud["AantalGeannuleerd"])


def certificates_answer(inhoud: dict) -> list[Certificate]:
    return [certificate_of(s) for s in _items(inhoud.get("Studiebewijzen"),
                                              "Studiebewijs")]


def previous_answer(inhoud: dict) -> PreviousCertificates:
    return PreviousCertificates(insz=inhoud.get("INSZ"),
                                certificates=certificates_answer(inhoud))


def _admission(t: dict) -> Admission:
    return Admission(grade=int(t["Graad"]), year=t["Leerjaar"], form=t["Onderwijsvorm"],
                     outcome=t["Resultaat"],
                     conditions=tuple(_items(t.get("Voorwaarden"), "Voorwaarde")),
                     rule=t.get("Regel"), reason=t["Toelichting"],
                     based_on=certificate_of(t["GebaseerdOp"]) if t.get("GebaseerdOp")
                     else None)


def admission_answer(inhoud: dict) -> AdmissionCheck:
    return AdmissionCheck(stamnummer=inhoud["Stamnummer"],
                          admission=_admission(inhoud["Toelating"]))


def transition_answer(inhoud: dict) -> TransitionCheck:
    return TransitionCheck(stamnummer=inhoud["Stamnummer"], date=inhoud["Datum"],
                           council_needed=inhoud["KlassenraadNodig"],
                           reasons=tuple(_items(inhoud.get("Redenen"), "Reden")),
                           admission=_admission(inhoud["Toelating"]))
