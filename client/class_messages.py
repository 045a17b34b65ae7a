"""Class information for LeerID (seed 003) for the client: values, Inhoud builders and
answer converters, kept together so this vocabulary lives in one module."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

OPERATIONS = frozenset({"RegistreerKlasinformatie", "GeefKlasinformatie",
                        "GeefKlasinformatieDeling"})


@dataclass(frozen=True)
class StudentClass:
    """One student's class, going in (``student_id``) or coming out (``insz``, ``since``)."""

    stamnummer: str
    class_name: str
    subclass: str | None = None
    student_id: str | None = None     # your package's id of the student; default: stamnummer
    insz: str | None = None
    since: dt.date | None = None


@dataclass(frozen=True)
class ClassesProcessed:
    institution_number: str
    new: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class ClassSharing:
    institution_number: str
    active: bool
    since: dt.datetime | None = None
    protocol: str | None = None
    data_manager: str | None = None


@dataclass(frozen=True)
class SchoolClasses:
    sharing: ClassSharing
    classes: tuple[StudentClass, ...]


def register_inhoud(institution_number: str, classes: list[StudentClass]) -> dict:
    return {"Instellingsnummer": institution_number, "Klassen": {"Klas": [
        {"UniekeIdentificatorLeerling": c.student_id or c.stamnummer,
         "Stamnummer": c.stamnummer,
         "Klas": c.class_name, "Subklas": c.subclass} for c in classes]}}


def processed_answer(inhoud: dict) -> ClassesProcessed:
    return ClassesProcessed(inhoud["Instellingsnummer"], inhoud["AantalNieuw"],
                            inhoud["AantalGewijzigd"], inhoud["AantalOngewijzigd"])


def _sharing(institution_number: str, d: dict) -> ClassSharing:
    return ClassSharing(institution_number, bool(d["Actief"]), d.get("Sinds"),
                        d.get("Protocol"), d.get("Databeheerder"))


def sharing_answer(inhoud: dict) -> ClassSharing:
    return _sharing(inhoud["Instellingsnummer"], inhoud["Deling"])


def classes_answer(inhoud: dict) -> SchoolClasses:
    block = inhoud.get("Leerlingen") or {}
    items = block.get("LeerlingKlas") if isinstance(block, dict) else block
    return SchoolClasses(
        _sharing(inhoud["Instellingsnummer"], inhoud["Deling"]),
        tuple(StudentClass(c["Stamnummer"], c["Klas"], c.get("Subklas"), insz=c.get("INSZ"),
                           since=c["Sinds"]) for c in items or []))
