"""Questions and results of the absence consultations added for issue 6: plain values.

GeefDoorlopendeTellingen (counts that carry over on a change of school),
GeefLeerlingenMet30Problematisch (quality feedback: 30 B half days or more) and
GeefKleuterparticipatie (nursery attendance). Journaled as JSON like ``absence_views``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class StudentsConsultation:
    """The school's students enrolled today, or one of them; a school year (None: the
    current one)."""

    institution_number: str
    stamnummer: str | None = None
    school_year: int | None = None


@dataclass(frozen=True)
class SchoolCountView:
    """One school's share of a student's running counts this school year."""

    institution_number: str
    problematic_half_days: int
    sick_notes: int


@dataclass(frozen=True)
class RunningCountsView:
    """A student's problematic half days and sick notes without a medical certificate
    this school year, at every school attended (004 §78)."""

    stamnummer: str                  # at the asking school
    insz: str | None
    problematic_half_days: int
    sick_notes: int
    problematic_limit_reached: bool  # 30 or more
    sick_notes_over_limit: bool      # more than 4
    schools: list[SchoolCountView]
    thirtieth_on: dt.date | None = None   # the day of the 30th B half day


@dataclass(frozen=True)
class RunningCountsResult:
    institution_number: str
    school_year: int
    students: list[RunningCountsView]


@dataclass(frozen=True)
class NurseryConsultation:
    """GeefKleuterparticipatie: the school's students, or one; a school year or the
    previous one."""

    institution_number: str
    stamnummer: str | None = None
    school_year: int | None = None


@dataclass(frozen=True)
class NurserySchoolView:
    institution_number: str
    school_half_days: int
    absent: int
    present: int


@dataclass(frozen=True)
class NurseryView:
    stamnummer: str
    insz: str | None
    birth_date: dt.date
    age: int
    school_half_days: int
    absent: int
    present: int
    threshold: int | None            # None: no threshold for this age
    threshold_met: bool | None
    schools: list[NurserySchoolView]


@dataclass(frozen=True)
class NurseryResult:
    institution_number: str
    school_year: int
    calendar_approximate: bool       # the year is not in the calendar table
    students: list[NurseryView]
