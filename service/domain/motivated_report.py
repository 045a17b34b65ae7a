"""The CLB's motivated report for access to special-needs education (VTC 06/2016).

A CLB gives a pupil a *gemotiveerd verslag* (motivated report) on the strength of which
the parents can enroll the child at a special-needs school of their choice; the CLB
registers it in CREON, and AGODI's verifiers check the school's admission against it
(seed 001). The report names the type of special-needs education it gives access to and
the period it is valid for. A school sees the pupil's **most recent valid report** in
its career consultation (GeefSchoolloopbaan): of the reports valid on the day asked,
the one with the latest date (the latest received, on the same date).

Types since the M-decree (2015): basisaanbod and types 2, 3, 4, 6, 7 and 9 (type 5,
hospital schools, needs no report; types 1 and 8 became the basisaanbod).
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from discimus_service.domain.errors import InvalidCodeValueError, InvalidDateError


class SpecialNeedsType(str, enum.Enum):
    BASISAANBOD = "BA"      # common curriculum for pupils needing more support
    TYPE_2 = "2"            # moderate or severe intellectual disability
    TYPE_3 = "3"            # emotional or behavioural disorder
    TYPE_4 = "4"            # physical disability
    TYPE_6 = "6"            # visual impairment
    TYPE_7 = "7"            # auditory impairment or speech/language disorder
    TYPE_9 = "9"            # autism spectrum disorder without intellectual disability


@dataclass(frozen=True)
class MotivatedReport:
    clb_id: str                         # the CLB partner that sent it
    insz: str
    report_date: dt.date                # the report's own date
    kind: SpecialNeedsType
    valid_from: dt.date
    valid_to: dt.date | None            # None: no end
    id: int | None = None

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def special_needs_type(code: str) -> SpecialNeedsType:
    """:raises InvalidCodeValueError: not a type a report can give access to."""
    try:
        return SpecialNeedsType(code)
    except ValueError:
        allowed = ", ".join(t.value for t in SpecialNeedsType)
        raise InvalidCodeValueError(
            f"type {code!r} is not a type of special-needs education a motivated report "
            f"gives access to ({allowed})", field="Type") from None


def check_report(report: MotivatedReport, today: dt.date) -> None:
    """:raises InvalidDateError: dated after today, or valid until before it is valid."""
    if report.report_date > today:
        raise InvalidDateError(f"the report is dated {report.report_date}, after today "
                               f"({today})", field="Datum")
    if report.valid_to is not None and report.valid_to < report.valid_from:
        raise InvalidDateError(f"the report is valid until {report.valid_to}, before it "
                               f"is valid from {report.valid_from}", field="Geldigheid")


def most_recent_valid(reports: list[MotivatedReport],
                      day: dt.date) -> MotivatedReport | None:
    """The report valid on ``day`` with the latest date (then the latest received)."""
    valid = [r for r in reports if r.valid_on(day)]
    return max(valid, key=lambda r: (r.report_date, r.id or 0), default=None)
