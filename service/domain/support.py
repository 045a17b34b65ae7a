"""Rules of message type 6: support model types 2, 4, 6 and 7 (ondersteuningsmodel, 000 §7).

From school year 2019-2020 on, a school for ordinary education registers each student it
has supported under the support model (a student with a report for type 2, 4, 6 or 7):
the start date of the support and the school for special-needs education that takes it
up for that student in that school year. The kind of report is not sent (AGODI has it
from the CLB). Both schools consult the registrations: the ordinary school its own
students, the special-needs school the students it supports (000 §7.2).

From school year 2023-2024 on the Leersteun decree replaced the support model: ordinary
schools no longer send these data, they turn to their learning-support centre.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from discimus_service.domain import identifiers, records
from discimus_service.domain.errors import (
    SupportBeforeModelError, SupportByOrdinarySchoolError, SupportingSchoolError,
    SupportReplacedByLeersteunError,
)
from discimus_service.domain.model import Enrollment, School
from discimus_service.domain.records import Record, RecordKind
from discimus_service.domain.schoolyear import school_year

FIRST_SCHOOL_YEAR = 2019      # 2019-2020: the support model's registration starts
LEERSTEUN_SCHOOL_YEAR = 2023  # 2023-2024: replaced by the Leersteun decree


def key_of(stamnummer: str, year: int) -> str:
    """One supporting school per student and school year ("in dat schooljaar")."""
    return f"{stamnummer}|{year}"


def check_school_year(start: dt.date) -> int:
    """:returns: the school year of ``start``.

    :raises SupportBeforeModelError: before 2019-2020.
    :raises SupportReplacedByLeersteunError: from 2023-2024 on.
    """
    year = school_year(start)
    if year < FIRST_SCHOOL_YEAR:
        raise SupportBeforeModelError(
            f"support that starts on {start} lies in school year {year}-{year + 1}; the "
            f"support model is registered from {FIRST_SCHOOL_YEAR}-"
            f"{FIRST_SCHOOL_YEAR + 1} on", field="BeginDatum")
    if year >= LEERSTEUN_SCHOOL_YEAR:
        raise SupportReplacedByLeersteunError(
            f"support that starts on {start} lies in school year {year}-{year + 1}: from "
            f"{LEERSTEUN_SCHOOL_YEAR}-{LEERSTEUN_SCHOOL_YEAR + 1} on the Leersteun decree "
            "(decreet Leersteun) replaces this registration; turn to the school's "
            "learning-support centre (leersteuncentrum) instead", field="BeginDatum")
    return year


def check_schools(school: School, supporting: School | None,
                  supporting_number: str) -> None:
    """:raises SupportByOrdinarySchoolError: the sending school is a special-needs school.
    :raises SupportingSchoolError: the supporting school is unknown or ordinary.
    """
    if school.special_needs:
        raise SupportByOrdinarySchoolError(
            f"school {school.institution_number} is a special-needs school: the ordinary "
            "school where the student is enrolled registers the support",
            field="Instellingsnummer")
    if supporting is None:
        raise SupportingSchoolError(
            f"the supporting school {supporting_number} is not a known school",
            field="OndersteunendeInstelling")
    if not supporting.special_needs:
        raise SupportingSchoolError(
            f"the supporting school {supporting_number} ({supporting.name}) is not a "
            "school for special-needs education", field="OndersteunendeInstelling")


def support(*, school: School, supporting: School | None, supporting_number: str,
            enrollments: Sequence[Enrollment], stamnummer: str, student_id: str,
            insz: str | None, start: dt.date, today: dt.date, sender_id: str) -> Record:
    """A checked registration of a supported student.

    :param enrollments: the student's enrollments at ``school`` (by stamnummer).
    :raises DomainError: the first rule the registration breaks.
    """
    student_id = records.check_student_id(student_id)
    stamnummer = identifiers.validate_stamnummer(stamnummer)
    check_schools(school, supporting, supporting_number)
    year = check_school_year(start)
    records.check_not_future(start, today, "BeginDatum", "start of the support")
    enrollment = records.require_enrolled(enrollments, school.institution_number,
                                          stamnummer, start, field="BeginDatum")
    number = records.check_insz(insz, enrollment) if insz else enrollment.insz
    return Record(RecordKind.ONDERSTEUNING, school.institution_number,
                  key_of(stamnummer, year), start, sender_id, today,
                  stamnummer=stamnummer, student_id=student_id, insz=number,
                  other_institution=supporting_number)
