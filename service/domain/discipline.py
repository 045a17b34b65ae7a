"""Rules of message type 5: disciplinary measures (tucht, 000 §6).

For every suspended or excluded student a school registers the student (INSZ and the
institution number, with the package's student id and stamnummer), the type of measure,
its start date and its end date (not for a definitive exclusion), within a week of the
start date, whether the student is present or not. Secondary schools exchanged
definitive exclusions from 2017-2018 on (replacing the Edison "Tucht" mailing); from
2019-2020 on both primary and secondary schools exchange all three types. Nursery
education knows no disciplinary measures.

A definitive exclusion "with effect on 31 August" is registered too (000 §6): it may be
sent before that day, the only measure that may lie in the future.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from discimus_service.domain import identifiers, records
from discimus_service.domain.errors import (
    LateMeasureNotice, MeasureEndDateNotAllowedError, MeasureEndDateRequiredError,
    MeasureNotExchangedError, Notice,
)
from discimus_service.domain.model import Enrollment, Niveau, School
from discimus_service.domain.records import Record, RecordKind
from discimus_service.domain.schoolyear import school_year, school_year_end

# "binnen de week na de aanvangsdatum van de maatregel" (000 §6).
MEASURE_DEADLINE_DAYS = 7


class MeasureType(str, enum.Enum):
    PS = "PS"      # preventieve schorsing
    TU = "TU"      # tijdelijke uitsluiting
    DU = "DU"      # definitieve uitsluiting


@dataclass(frozen=True)
class MeasureRule:
    """Since when a measure type is exchanged, per level; whether it has an end date."""

    measure: MeasureType
    meaning: str
    exchanged_from: dict[Niveau, dt.date]
    has_end_date: bool


_FROM_2019 = dt.date(2019, 9, 1)
MEASURE_RULES: dict[MeasureType, MeasureRule] = {r.measure: r for r in (
    MeasureRule(MeasureType.PS, "Preventive suspension (preventieve schorsing): the "
                "student is kept out of school while a definitive exclusion is "
                "considered; start and end date.",
                {Niveau.LAGER: _FROM_2019, Niveau.SECUNDAIR: _FROM_2019}, True),
    MeasureRule(MeasureType.TU, "Temporary exclusion (tijdelijke uitsluiting); start "
                "and end date.",
                {Niveau.LAGER: _FROM_2019, Niveau.SECUNDAIR: _FROM_2019}, True),
    MeasureRule(MeasureType.DU, "Definitive exclusion (definitieve uitsluiting); start "
                "date only, which may be 31 August (with effect on 31 August).",
                {Niveau.LAGER: _FROM_2019, Niveau.SECUNDAIR: dt.date(2017, 9, 1)},
                False),
)}
_LEVELS = {Niveau.KLEUTER: "nursery", Niveau.LAGER: "primary",
           Niveau.SECUNDAIR: "secondary"}


def key_of(stamnummer: str, measure: MeasureType, start: dt.date) -> str:
    """A measure is one per student, type and start date at a school."""
    return f"{stamnummer}|{measure.value}|{start.isoformat()}"


def check_exchanged(measure: MeasureType, school: School, start: dt.date) -> None:
    """:raises MeasureNotExchangedError: not exchanged at this level on ``start``."""
    rule = MEASURE_RULES[measure]
    since = rule.exchanged_from.get(school.niveau)
    level = _LEVELS[school.niveau]
    if since is None:
        raise MeasureNotExchangedError(
            f"school {school.institution_number} is a {level} school: nursery education "
            "has no disciplinary measures", field="Type")
    if start < since:
        raise MeasureNotExchangedError(
            f"{measure.value} measures of {level} schools are exchanged through "
            f"Discimus from {since} on, not on {start}", field="BeginDatum")


def check_dates(measure: MeasureType, start: dt.date, end: dt.date | None,
                today: dt.date) -> None:
    """The end date as the type wants it; nothing in the future but a definitive
    exclusion with effect on 31 August of the running school year.

    :raises MeasureEndDateRequiredError: PS or TU without an end date.
    :raises MeasureEndDateNotAllowedError: DU with an end date.
    :raises InvalidDateError: end before start; a start in the future.
    """
    rule = MEASURE_RULES[measure]
    if rule.has_end_date and end is None:
        raise MeasureEndDateRequiredError(
            f"a {measure.value} measure needs its end date (EindDatum)", field="EindDatum")
    if not rule.has_end_date and end is not None:
        raise MeasureEndDateNotAllowedError(
            "a definitive exclusion (DU) has no end date: leave EindDatum out",
            field="EindDatum")
    if end is not None:
        records.check_order(start, end, "BeginDatum", "EindDatum")
    if not (measure is MeasureType.DU and start == effect_on_31_august(today)):
        records.check_not_future(start, today, "BeginDatum", "start of the measure")


def effect_on_31_august(today: dt.date) -> dt.date:
    """The 31 August a definitive exclusion may take effect on, sent ahead."""
    return school_year_end(school_year(today))


def is_late(start: dt.date, today: dt.date) -> bool:
    return (today - start).days > MEASURE_DEADLINE_DAYS


def measure(*, school: School, enrollments: Sequence[Enrollment], stamnummer: str,
            student_id: str, insz: str, measure_type: MeasureType, start: dt.date,
            end: dt.date | None, today: dt.date, sender_id: str
            ) -> tuple[Record, tuple[Notice, ...]]:
    """A checked disciplinary measure, with a late notice when it came late.

    :param enrollments: the student's enrollments at ``school`` (by stamnummer).
    :raises DomainError: the first rule the measure breaks.
    """
    student_id = records.check_student_id(student_id)
    stamnummer = identifiers.validate_stamnummer(stamnummer)
    check_exchanged(measure_type, school, start)
    check_dates(measure_type, start, end, today)
    enrollment = records.require_enrolled(enrollments, school.institution_number,
                                          stamnummer, start, field="BeginDatum")
    if end is not None and enrollment.end_date is not None and end > enrollment.end_date:
        records.require_enrolled([enrollment], school.institution_number, stamnummer,
                                 end, field="EindDatum")
    number = records.check_insz(insz, enrollment)
    record = Record(RecordKind.TUCHT, school.institution_number,
                    key_of(stamnummer, measure_type, start), start, sender_id, today,
                    stamnummer=stamnummer, student_id=student_id, insz=number,
                    subtype=measure_type.value, end_date=end)
    notices: tuple[Notice, ...] = ()
    if is_late(start, today):
        notices = (LateMeasureNotice(
            f"the measure started on {start}, {(today - start).days} days ago; send "
            f"disciplinary measures within {MEASURE_DEADLINE_DAYS} days of their start. "
            "It is stored"),)
    return record, notices
