"""Rules of message type 8: refusals and dissolved enrollments (weigeringen / MNGI, 000 §9).

From school year 2020-2021 on a school board that refuses a student, or dissolves the
enrollment of a student with specific educational needs because the adaptations needed
are unreasonable, gives the parents a notice of non-realised enrollment (mededeling van
niet-gerealiseerde inschrijving, MNGI) and reports it to AGODI through its package.

- A refusal (W) is about a student the school did not enroll: the student must not be
  enrolled there on the day of the refusal.
- A dissolution (O) ends an enrollment under resolutive condition. Discimus has no
  separate enrollment kind for it: the enrollment is de-registered with the reason
  "dissolution because the adaptations were unreasonable" (Aanleiding O, 000 §2.1). The
  dissolution is reported as well, for that very enrollment: its de-registration, with
  reason O, ends on the day of the dissolution.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from discimus_service.domain import identifiers, records
from discimus_service.domain.errors import (
    DissolutionNotDeregisteredError, MissingFieldError, RefusalBeforeExchangeError,
    RefusedStudentEnrolledError,
)
from discimus_service.domain.model import Aanleiding, Enrollment
from discimus_service.domain.records import Record, RecordKind
from discimus_service.domain.schoolyear import school_year

FIRST_SCHOOL_YEAR = 2020      # 2020-2021


class RefusalKind(str, enum.Enum):
    W = "W"      # weigering: the enrollment was refused
    O = "O"      # ontbinding: the enrollment under resolutive condition was dissolved


KIND_MEANINGS = {
    RefusalKind.W: "Refusal of enrollment (weigering): the student is not enrolled at the "
                   "school on that day.",
    RefusalKind.O: "Dissolution (ontbinding) of an enrollment under resolutive condition "
                   "of a student with specific educational needs, the adaptations being "
                   "unreasonable; the enrollment must be de-registered with reason O on "
                   "that day.",
}


def key_of(insz: str, day: dt.date) -> str:
    """One refusal or dissolution per student and day at a school."""
    return f"{insz}|{day.isoformat()}"


def check_school_year(day: dt.date) -> None:
    """:raises RefusalBeforeExchangeError: before school year 2020-2021."""
    year = school_year(day)
    if year < FIRST_SCHOOL_YEAR:
        raise RefusalBeforeExchangeError(
            f"{day} lies in school year {year}-{year + 1}; refusals and dissolutions are "
            f"exchanged through Discimus from {FIRST_SCHOOL_YEAR}-{FIRST_SCHOOL_YEAR + 1} "
            "on", field="Datum")


def check_refused_not_enrolled(enrollments: Sequence[Enrollment], institution_number: str,
                               insz: str, day: dt.date) -> None:
    """:raises RefusedStudentEnrolledError: the student is enrolled there that day."""
    running = records.enrollment_on(enrollments, day)
    if running is not None:
        raise RefusedStudentEnrolledError(
            f"the student with INSZ {insz} is enrolled at {institution_number} on {day} "
            f"(stamnummer {running.stamnummer}, from {running.start_date}): a school "
            "refuses only a student it did not enroll; to end an enrollment under "
            "resolutive condition, de-register it with reason O and report a "
            "dissolution (Soort O)", field="INSZ")


def dissolved_enrollment(enrollments: Sequence[Enrollment], institution_number: str,
                         stamnummer: str, day: dt.date) -> Enrollment:
    """The enrollment the dissolution ended: de-registered with reason O on ``day``.

    :raises DissolutionNotDeregisteredError: there is no such enrollment.
    """
    for e in enrollments:
        if (e.deregistration is not None and e.end_date == day
                and e.deregistration.reason is Aanleiding.ONTBINDING):
            return e
    known = ", ".join(
        f"{e.start_date} to {e.end_date or 'open'}"
        + (f" (reason {e.deregistration.reason.value})" if e.deregistration else "")
        for e in enrollments)
    raise DissolutionNotDeregisteredError(
        f"no enrollment of stamnummer {stamnummer} at {institution_number} was "
        f"de-registered with reason O (dissolution, adaptations unreasonable) on {day}; "
        "register that de-registration first (RegistreerUitschrijving)"
        + (f"; its enrollments there: {known}" if known else
           "; it has no enrollment there at all"), field="Datum")


def refusal(*, institution_number: str, enrollments_by_insz: Sequence[Enrollment],
            enrollments_by_stamnummer: Sequence[Enrollment], kind: RefusalKind,
            insz: str, stamnummer: str | None, student_id: str, day: dt.date,
            today: dt.date, sender_id: str) -> Record:
    """A checked refusal or dissolution.

    :param enrollments_by_insz: the student's enrollments at the school, by INSZ.
    :param enrollments_by_stamnummer: the same, by stamnummer (a dissolution).
    :raises DomainError: the first rule it breaks.
    """
    student_id = records.check_student_id(student_id)
    number = identifiers.validate_insz(insz or "")
    check_school_year(day)
    records.check_not_future(day, today, "Datum", "day of the refusal")
    if kind is RefusalKind.W:
        check_refused_not_enrolled(enrollments_by_insz, institution_number, number, day)
        stamnummer = None
    else:
        if not (stamnummer or "").strip():
            raise MissingFieldError("a dissolution names the dissolved enrollment's "
                                    "Stamnummer", field="Stamnummer")
        stamnummer = identifiers.validate_stamnummer(stamnummer)
        dissolved = dissolved_enrollment(enrollments_by_stamnummer, institution_number,
                                         stamnummer, day)
        records.check_insz(number, dissolved)
    return Record(RecordKind.WEIGERING, institution_number, key_of(number, day), day,
                  sender_id, today, stamnummer=stamnummer, student_id=student_id,
                  insz=number, subtype=kind.value)
