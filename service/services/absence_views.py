"""Questions and results of the absence use cases (message type 2): plain values.

Like ``views.py`` for enrollments: journaled as JSON, so only dataclasses, enums, dates,
strings and numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.absence import AbsenceCode, HalfDay


@dataclass(frozen=True)
class HalfDayItem:
    """One item of a message: a student's half day, with its code (None to cancel)."""

    student_id: str                 # Unieke Identificator Leerling
    stamnummer: str
    date: dt.date
    half_day: HalfDay
    code: AbsenceCode | None = None
    without_certificate: bool = False   # ZonderMedischAttest: Z on a parents' note


@dataclass(frozen=True)
class AbsencesQuestion:
    """RegistreerAfwezigheden or AnnuleerAfwezigheden: one school, many half days."""

    institution_number: str
    items: tuple[HalfDayItem, ...]


@dataclass(frozen=True)
class AbsencesConsultation:
    """GeefAfwezigheden: the school's own registrations, filtered, one page at a time."""

    institution_number: str
    stamnummer: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    continuation: str | None = None


@dataclass(frozen=True)
class AbsencesStoredView:
    """What a registration or cancellation did, counted over the message's half days."""

    institution_number: str
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class AbsenceView:
    institution_number: str
    student_id: str
    stamnummer: str
    date: dt.date
    half_day: HalfDay
    code: AbsenceCode
    without_certificate: bool = False


@dataclass(frozen=True)
class AbsencesView:
    institution_number: str
    items: list[AbsenceView]
    continuation: str | None = None


@dataclass(frozen=True)
class ProblematicConsultation:
    """GeefProblematischeAfwezigheden: the school's students, or one of them."""

    institution_number: str
    stamnummer: str | None = None


@dataclass(frozen=True)
class ProblematicCountView:
    """004 §66, third block: a student's B half days at one other school in one year."""

    stamnummer: str                 # the student's number at the asking school
    insz: str
    other_institution_number: str
    school_year: int                # the starting year
    half_days: int


@dataclass(frozen=True)
class ProblematicView:
    institution_number: str
    items: list[ProblematicCountView]
