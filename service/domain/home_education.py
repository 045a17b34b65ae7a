"""Home education: what the Onderwijsinspectie and AGODI tell each other (001).

VTC 38/2016: AGODI tells the inspectorate the last school a home-educated child was
enrolled at (the enrollments schools sent; the last one usually ended with Aanleiding H,
home education), and the inspectorate tells AGODI the result of its control visit,
sufficient or insufficient, for AGODI's control of enrollments.
VTC 35/2016: the inspectorate tells AGODI whether a home-educated child passed the
exam board's primary-education certificate (getuigschrift basisonderwijs), with the
child's identification (INSZ, name, first name, sex, birth date).

One result per person and date: a second one for the same day is a correction and
replaces the first (the exchange says so with notice 50180).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stdnum.be import nn

from discimus_service.domain.errors import (
    InszBirthDateMismatchError, InszSexMismatchError, ResultDateInFutureError,
)
from discimus_service.domain.identifiers import insz_birth_date, validate_insz
from discimus_service.domain.model import Aanleiding, Enrollment, Sex


@dataclass(frozen=True)
class InspectionResult:
    """The result of one control visit of the inspectorate to a home-educated child."""

    insz: str
    visit_date: dt.date
    sufficient: bool              # voldoende (True) or onvoldoende (False)
    sender_id: str


@dataclass(frozen=True)
class ExamResult:
    """The exam board's decision on a home-educated child's primary certificate."""

    insz: str
    last_name: str
    first_name: str
    sex: Sex
    birth_date: dt.date
    decision_date: dt.date
    passed: bool
    sender_id: str


def check_not_future(day: dt.date, today: dt.date, field: str) -> None:
    """:raises ResultDateInFutureError: ``day`` lies after ``today``."""
    if day > today:
        raise ResultDateInFutureError(
            f"{field} {day} lies after today ({today}): a result is registered once the "
            "visit or the exam board's decision has taken place", field=field)


def check_identity(insz: str, birth_date: dt.date, sex: Sex) -> str:
    """The valid INSZ, when the birth date and sex given agree with what it encodes.

    A bis number given out with the sex unknown (month + 20) encodes no sex, and a
    number with an unknown birth date (zeros) none either: those are not compared.

    :raises InvalidInszError: the INSZ itself is invalid.
    :raises InszBirthDateMismatchError: it encodes another birth date.
    :raises InszSexMismatchError: it encodes the other sex.
    """
    insz = validate_insz(insz)
    encoded = insz_birth_date(insz)
    if encoded is not None and encoded != birth_date:
        raise InszBirthDateMismatchError(
            f"INSZ {insz} encodes birth date {encoded}, but Geboortedatum says "
            f"{birth_date}", field="Geboortedatum")
    month = int(insz[2:4])
    sex_unknown = 20 <= month <= 32
    if not sex_unknown and sex is not Sex.X:
        encoded_sex = Sex.M if nn.get_gender(insz) == "M" else Sex.V
        if encoded_sex is not sex:
            raise InszSexMismatchError(
                f"INSZ {insz} has an {'odd' if encoded_sex is Sex.M else 'even'} sequence "
                f"number ({insz[6:9]}), which means sex {encoded_sex.value}, but Geslacht "
                f"says {sex.value}", field="Geslacht")
    return insz


def last_enrollment(enrollments: list[Enrollment], *, until: dt.date) -> Enrollment | None:
    """The enrollment that began last on or before ``until`` (the latest sent on a tie)."""
    begun = [e for e in enrollments if e.start_date <= until]
    return max(begun, key=lambda e: (e.start_date, e.id or 0), default=None)


def ended_for_home_education(enrollment: Enrollment) -> bool:
    """Whether the school de-registered the child for home education (Aanleiding H)."""
    d = enrollment.deregistration
    return d is not None and d.reason is Aanleiding.HUISONDERWIJS
