"""Message type 3 (student characteristics) for the client: values, Inhoud builders and
answer converters.

Kept apart from ``client.py`` so each message type's vocabulary lives in one module;
its result values live here too, beside the converters that make them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

OPERATIONS = frozenset({"RegistreerLeerlingenkenmerken", "AnnuleerLeerlingenkenmerken",
                        "GeefLeerlingenkenmerken", "GeefIndicatoren",
                        "GeefGeregistreerdeLeerlingenkenmerken"})


# -- values ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Declaration:
    """A declaration on honour of one student, going in or coming out.

    ``home_language``: N Dutch, A another language, O not declared.
    ``mother_education``: 1 no certificate, 2 primary, 3 some secondary without its
    diploma, 4 secondary diploma, 5 higher education, 9 not declared.
    ``institution_number`` is set on what the service returns: the school that
    registered it. To cancel, only the student and the date count.
    """

    student_id: str                 # Unieke Identificator Leerling in your package
    stamnummer: str
    declared_on: dt.date
    home_language: str | None = None
    mother_education: str | None = None
    institution_number: str | None = None


@dataclass(frozen=True)
class DeclarationsProcessed:
    """What RegistreerLeerlingenkenmerken or AnnuleerLeerlingenkenmerken did."""

    institution_number: str
    new: int
    replaced: int
    unchanged: int
    cancelled: int


@dataclass(frozen=True)
class StudentCharacteristics:
    """Whether AGODI holds characteristics for a student, and the ones in force (from
    whichever school registered them)."""

    stamnummer: str
    available: bool
    in_force: Declaration | None


@dataclass(frozen=True)
class StudentIndicators:
    """``J`` met, ``N`` not met, ``O`` unknown (no declaration, or not declared)."""

    stamnummer: str
    home_language: str              # indicator thuistaal
    mother_education: str           # indicator opleidingsniveau moeder
    declared_on: dt.date | None


# -- in --------------------------------------------------------------------------------
def register_inhoud(institution_number: str, declarations: list[Declaration]) -> dict:
    return {"Instellingsnummer": institution_number, "Leerlingenkenmerken": {
        "Leerlingenkenmerk": [{
            "UniekeIdentificatorLeerling": d.student_id, "Stamnummer": d.stamnummer,
            "DatumVerklaring": d.declared_on, "Thuistaal": d.home_language,
            "OpleidingsniveauMoeder": d.mother_education} for d in declarations]}}


def cancel_inhoud(institution_number: str, declarations: list[Declaration]) -> dict:
    return {"Instellingsnummer": institution_number, "Verklaringen": {"Verklaring": [
        {"UniekeIdentificatorLeerling": d.student_id, "Stamnummer": d.stamnummer,
         "DatumVerklaring": d.declared_on} for d in declarations]}}


def students_inhoud(institution_number: str, stamnummers: list[str]) -> dict:
    return {"Instellingsnummer": institution_number,
            "Leerlingen": {"Leerling": [{"Stamnummer": s} for s in stamnummers]}}


# -- out -------------------------------------------------------------------------------
def _items(inhoud: dict, block: str, item: str) -> list[dict]:
    found = inhoud.get(block) or {}
    items = found.get(item) if isinstance(found, dict) else found
    return list(items or [])


def _declaration(d: dict) -> Declaration:
    return Declaration(student_id=d["UniekeIdentificatorLeerling"],
                       stamnummer=d["Stamnummer"], declared_on=d["DatumVerklaring"],
                       home_language=d["Thuistaal"],
                       mother_education=d["OpleidingsniveauMoeder"],
                       institution_number=d["Instellingsnummer"])


def processed_answer(inhoud: dict) -> DeclarationsProcessed:
    return DeclarationsProcessed(
        institution_number=inhoud["Instellingsnummer"], new=inhoud["AantalNieuw"],
        replaced=inhoud["AantalGewijzigd"], unchanged=inhoud["AantalOngewijzigd"],
        cancelled=inhoud["AantalGeannuleerd"])


def characteristics_answer(inhoud: dict) -> list[StudentCharacteristics]:
    return [StudentCharacteristics(
        stamnummer=s["Stamnummer"], available=bool(s["KenmerkenBeschikbaar"]),
        in_force=_declaration(s["Kenmerken"]) if s.get("Kenmerken") else None)
        for s in _items(inhoud, "Leerlingen", "Leerling")]


def indicators_answer(inhoud: dict) -> list[StudentIndicators]:
    return [StudentIndicators(
        stamnummer=s["Stamnummer"], home_language=s["IndicatorThuistaal"],
        mother_education=s["IndicatorOpleidingsniveauMoeder"],
        declared_on=s.get("DatumVerklaring"))
        for s in _items(inhoud, "Leerlingen", "Leerling")]


def declarations_answer(inhoud: dict) -> list[Declaration]:
    return [_declaration(d) for d in _items(inhoud, "Leerlingenkenmerken",
                                            "Leerlingenkenmerk")]
