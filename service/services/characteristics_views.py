"""Questions and results of the characteristics use cases (message type 3): plain values.

Like ``absence_views.py``: journaled as JSON, so only dataclasses, enums, dates, strings
and numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.characteristics import (
    HomeLanguage, Indicator, MotherEducation,
)


@dataclass(frozen=True)
class DeclarationItem:
    """One item of a message: a student's declaration (its values None to cancel)."""

    student_id: str                 # Unieke Identificator Leerling
    stamnummer: str
    declared_on: dt.date
    home_language: HomeLanguage | None = None
    mother_education: MotherEducation | None = None


@dataclass(frozen=True)
class DeclarationsQuestion:
    """RegistreerLeerlingenkenmerken or AnnuleerLeerlingenkenmerken: one school, many
    declarations."""

    institution_number: str
    items: tuple[DeclarationItem, ...]


@dataclass(frozen=True)
class StudentsQuestion:
    """GeefLeerlingenkenmerken or GeefIndicatoren: students enrolled at the school."""

    institution_number: str
    stamnummers: tuple[str, ...]


@dataclass(frozen=True)
class OwnDeclarationsQuestion:
    """GeefGeregistreerdeLeerlingenkenmerken: the school's own registrations, paged."""

    institution_number: str
    stamnummer: str | None = None
    continuation: str | None = None


@dataclass(frozen=True)
class DeclarationsStoredView:
    """What a registration or cancellation did, counted in declarations."""

    institution_number: str
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class DeclarationView:
    """A declaration as Discimus holds it: who registered it, when declared, what."""

    institution_number: str
    student_id: str
    stamnummer: str
    declared_on: dt.date
    home_language: HomeLanguage
    mother_education: MotherEducation


@dataclass(frozen=True)
class StudentCharacteristicsView:
    """Whether AGODI holds characteristics for one student, and the ones in force."""

    stamnummer: str                 # the student's number at the asking school
    in_force: DeclarationView | None


@dataclass(frozen=True)
class StudentIndicatorsView:
    stamnummer: str
    home_language: Indicator
    mother_education: Indicator
    declared_on: dt.date | None     # the declaration they follow from, if any


@dataclass(frozen=True)
class CharacteristicsView:
    institution_number: str
    items: list[StudentCharacteristicsView]


@dataclass(frozen=True)
class IndicatorsView:
    institution_number: str
    items: list[StudentIndicatorsView]


@dataclass(frozen=True)
class OwnDeclarationsView:
    institution_number: str
    items: list[DeclarationView]
    continuation: str | None = None
