"""Dated records about a student of a school: what message types 5, 6 and 8 share.

A disciplinary measure (5, ``discipline.py``), a supported student (6, ``support.py``)
and a refusal (8, ``refusals.py``) are each one dated fact a school registers about a
student, corrects or cancels, and consults back. They share one shape, :class:`Record`,
and the rules below; each message type's own module says what its fields mean and
which rules apply.

A record is identified at its school by a key (:attr:`Record.key`) that its message
type chooses: a correction names the record by that key and replaces the rest.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from discimus_service.domain import identifiers
from discimus_service.domain.errors import (
    InszMismatchError, InvalidDateError, MissingFieldError, NotEnrolledHereError,
)
from discimus_service.domain.model import Enrollment


class RecordKind(str, enum.Enum):
    """Which message type a record belongs to (the value is stored)."""

    TUCHT = "tucht"                    # 5 disciplinary measures
    ONDERSTEUNING = "ondersteuning"    # 6 support model types 2, 4, 6, 7
    WEIGERING = "weigering"            # 8 refusals / dissolved enrollments (MNGI)


@dataclass(frozen=True)
class Record:
    """One dated record of one school about one student.

    ``subtype``: the measure type (5) or the kind of refusal (8); None for support.
    ``other_institution``: the supporting special-needs school (6).
    ``key``: the record's identity at its school, chosen by its message type.
    """

    kind: RecordKind
    institution_number: str
    key: str
    start_date: dt.date
    sender_id: str
    received_on: dt.date
    stamnummer: str | None = None
    student_id: str | None = None
    insz: str | None = None
    subtype: str | None = None
    end_date: dt.date | None = None
    other_institution: str | None = None
    id: int | None = None

    def same_content(self, other: "Record") -> bool:
        """Whether ``other`` says the same (who sent it and when aside)."""
        return all(getattr(self, f) == getattr(other, f) for f in _CONTENT)


_CONTENT = ("kind", "institution_number", "key", "start_date", "stamnummer",
            "student_id", "insz", "subtype", "end_date", "other_institution")


def check_student_id(student_id: str | None) -> str:
    """:raises MissingFieldError: no Unieke Identificator Leerling."""
    if not (student_id or "").strip():
        raise MissingFieldError("the Unieke Identificator Leerling is required",
                                field="UniekeIdentificatorLeerling")
    return student_id.strip()


def check_not_future(day: dt.date, today: dt.date, field: str, what: str) -> None:
    """:raises InvalidDateError: ``day`` lies after ``today``."""
    if day > today:
        raise InvalidDateError(f"the {what} {day} lies in the future; register it once "
                               "it has happened", field=field)


def check_order(start: dt.date, end: dt.date, start_field: str, end_field: str) -> None:
    """:raises InvalidDateError: ``end`` lies before ``start``."""
    if end < start:
        raise InvalidDateError(f"{end_field} {end} lies before {start_field} {start}",
                               field=end_field)


def enrollment_on(enrollments: Sequence[Enrollment], day: dt.date) -> Enrollment | None:
    """The enrollment among ``enrollments`` that runs on ``day``, if any."""
    for e in enrollments:
        if e.start_date <= day and (e.end_date is None or day <= e.end_date):
            return e
    return None


def require_enrolled(enrollments: Sequence[Enrollment], institution_number: str,
                     stamnummer: str, day: dt.date, *, field: str) -> Enrollment:
    """The student's enrollment at the sending school on ``day``.

    A school registers these records only about its own students (004 §67).

    :raises NotEnrolledHereError: no enrollment there runs on ``day``; the diagnosis
        lists the ones there are, so a date outside them is plain to see.
    """
    found = enrollment_on(enrollments, day)
    if found is None:
        known = ", ".join(f"{e.start_date} to {e.end_date or 'open'}" for e in enrollments)
        raise NotEnrolledHereError(
            f"stamnummer {stamnummer} is not enrolled at {institution_number} on {day} "
            f"({field})" + (f"; its enrollments there: {known}" if known else
                            "; it has no enrollment there at all"), field=field)
    return found


def check_insz(insz: str | None, enrollment: Enrollment | None) -> str:
    """The INSZ in its 11-digit form, the same the enrollment carries.

    :raises InvalidInszError: not a valid national register or bis number.
    :raises InszMismatchError: the enrollment of this stamnummer has another INSZ.
    """
    number = identifiers.validate_insz(insz or "")
    if enrollment is not None and enrollment.insz and enrollment.insz != number:
        raise InszMismatchError(
            f"INSZ {number} is not the INSZ the enrollment of stamnummer "
            f"{enrollment.stamnummer} carries ({enrollment.insz}); check the student",
            field="INSZ")
    return number
