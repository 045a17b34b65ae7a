"""Questions and results of the quality-feedback consultations (000 §1.5): plain values.

GeefIngeschrevenLeerlingen, VergelijkLeerlingen and GeefOpenProblemen on
``/inschrijving``; GeefAfwezigheidsproblemen on ``/afwezigheid``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.quality import Difference, ListedStudent, Problem


@dataclass(frozen=True)
class SchoolOnDay:
    """The school, on a day (None: today)."""

    institution_number: str
    on: dt.date | None = None


@dataclass(frozen=True)
class EnrolledStudentView:
    stamnummer: str
    insz: str | None
    first_name: str
    last_name: str
    birth_date: dt.date
    administrative_group: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass(frozen=True)
class EnrolledStudentsView:
    institution_number: str
    on: dt.date
    students: list[EnrolledStudentView]


@dataclass(frozen=True)
class ComparisonQuestion:
    institution_number: str
    students: tuple[ListedStudent, ...]
    on: dt.date | None = None


@dataclass(frozen=True)
class ComparisonView:
    institution_number: str
    on: dt.date
    compared: int                   # students on the school's list
    held: int                       # enrollments Discimus holds for the school that day
    differences: list[Difference]


@dataclass(frozen=True)
class ProblemsView:
    institution_number: str
    problems: list[Problem]
