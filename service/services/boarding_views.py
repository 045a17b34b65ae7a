"""Questions and results of the boarding use cases (message type 7): plain values.

Like ``views.py`` for enrollments: journaled as JSON, so only dataclasses, enums, dates,
strings, numbers and booleans.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.model import Identification


@dataclass(frozen=True)
class BoardingQuestion:
    """Register or correct a stay: the boarder and the stay."""

    identification: Identification
    institution_number: str
    establishment: str
    start_date: dt.date
    end_date: dt.date | None
    itinerant_parents: bool
    school_number: str | None
    agreement_framework: bool | None
    support_plan: bool | None


@dataclass(frozen=True)
class BoardingEndQuestion:
    """End a running stay, found by boarding school, stamnummer and start date."""

    institution_number: str
    stamnummer: str
    start_date: dt.date
    end_date: dt.date


@dataclass(frozen=True)
class BoardingConsultation:
    """A boarding school's stays of one school year (absent: this one), of one boarder
    or all."""

    institution_number: str
    school_year: int | None = None
    stamnummer: str | None = None


@dataclass(frozen=True)
class BoardingView:
    """A stay as the answer shows it."""

    discimus_referte: int
    institution_number: str
    stamnummer: str
    insz: str | None
    last_name: str
    first_name: str
    establishment: str
    school_year: int
    start_date: dt.date
    end_date: dt.date | None
    itinerant_parents: bool
    school_number: str | None
    agreement_framework: bool | None
    support_plan: bool | None


@dataclass(frozen=True)
class BoardingListView:
    institution_number: str
    school_year: int
    items: list[BoardingView]


@dataclass(frozen=True)
class SchoolEnrollmentView:
    """Where a boarder goes to school: one enrollment a school sent (message type 1)."""

    institution_number: str
    institution_name: str | None
    administrative_group: str
    start_date: dt.date
    end_date: dt.date | None
    special_needs: bool                 # buitengewoon onderwijs (SoortOnderwijs 2)


@dataclass(frozen=True)
class BoarderSchoolsView:
    """One stay and the school enrollments that share a day with it."""

    stamnummer: str
    insz: str | None
    last_name: str
    first_name: str
    start_date: dt.date
    end_date: dt.date | None
    school_number: str | None           # sent by the boarding school (European,
    school_name: str | None             # non-funded), with its name when known
    schools: list[SchoolEnrollmentView]


@dataclass(frozen=True)
class BoardersSchoolsView:
    institution_number: str
    school_year: int
    items: list[BoarderSchoolsView]
