"""Questions and results of the enrollment use cases: plain values the SOAP edge maps.

Questions carry what the message said; results carry what the answer shows. They are
journaled as JSON, so they hold only dataclasses, enums, dates, strings and numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.model import Deregistration, Identification
from discimus_service.domain.motivated_report import MotivatedReport


@dataclass(frozen=True)
class EnrollmentQuestion:
    """Register or correct: identification data and the enrollment itself."""

    identification: Identification
    institution_number: str
    administrative_group: str
    establishment: str | None
    start_date: dt.date
    first_attendance_date: dt.date | None
    registration_date: dt.date


@dataclass(frozen=True)
class DeregistrationQuestion:
    institution_number: str
    stamnummer: str
    start_date: dt.date
    deregistration: Deregistration


@dataclass(frozen=True)
class DoubleEnrollmentsQuestion:
    institution_number: str
    on: dt.date | None = None
    continuation: str | None = None


@dataclass(frozen=True)
class CareerQuestion:
    institution_number: str
    insz: str | None = None
    stamnummer: str | None = None


@dataclass(frozen=True)
class EnrollmentView:
    """An enrollment as the answer shows it."""

    discimus_referte: int
    institution_number: str
    institution_name: str | None
    stamnummer: str
    administrative_group: str
    start_date: dt.date
    registration_date: dt.date
    first_attendance_date: dt.date | None
    end_date: dt.date | None
    status: str                         # INGESCHREVEN or UITGESCHREVEN


@dataclass(frozen=True)
class DoubleEnrollmentView:
    insz: str
    last_name: str
    first_name: str
    own: EnrollmentView
    other: EnrollmentView
    overlap_start: dt.date
    overlap_end: dt.date | None


@dataclass(frozen=True)
class DoubleEnrollmentsView:
    institution_number: str
    items: list[DoubleEnrollmentView]
    continuation: str | None = None


@dataclass(frozen=True)
class CareerView:
    insz: str | None
    stamnummer: str
    here: EnrollmentView
    previous: EnrollmentView | None
    next: EnrollmentView | None
    # The most recent motivated report valid today (VTC 06/2016), if any.
    report: MotivatedReport | None = None
