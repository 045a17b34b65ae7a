"""Counting for school allowances: nursery half days present, problematic half days.

The two questions of VTC 16/2016 (DOMAIN.md, "Partner flows through MAGDA"), per school
year and per INSZ, answered from what the schools sent:

**Present in nursery.** A school sends only absences (000 §3), never presences. A half
day counts as *present* at a school when

1. the school is a nursery school (Niveau 1, the institution's level: the emulator
   knows no level per administrative group);
2. the child was enrolled there that day: from the first lesson (DatumEersteLes, else
   the start date) to the end date of the enrollment, both included;
3. it is a school half day of basic education (:mod:`school_calendar`: no weekend,
   no holiday, no Wednesday afternoon);
4. the half day is over: before the day the question is asked (today is still open:
   the school has a week to send today's absences, 000 §3);
5. the school registered no absence for it, whatever the code (an A of a child not yet
   of compulsory age is an absence too).

A half day present at two nursery schools at once (a double enrollment) counts once in
the year's total and once for each school in the per-school breakdown.

**Problematic absences.** Every school year the person was enrolled in during the
period (at any school, any level), with the half days with code B ("problematic / unjustified") every
school registered for the person, per school year of the calendar (a half day two
schools both marked B counts once in the total, once per school in the breakdown).

Only the asked period counts: a period that cuts a school year counts that part.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from discimus_service.domain.school_calendar import (
    CALENDARS, SchoolYearCalendar, calendar_year, calendars_between,
)

HalfDayKey = tuple[dt.date, str]           # (date, "VM" | "NM")


@dataclass(frozen=True)
class NurseryStay:
    """One enrollment at a nursery school, with the half days the school said were absent."""

    institution_number: str
    first_day: dt.date                     # DatumEersteLes, else the start date
    last_day: dt.date | None               # the enrollment's end date; None: running
    absent: frozenset[HalfDayKey]


@dataclass(frozen=True)
class InstitutionCount:
    institution_number: str
    half_days: int


@dataclass(frozen=True)
class YearCount:
    """One school year of the answer."""

    school_year: int
    half_days: int                         # present (attendance) or B (problematic)
    enrolled_half_days: int | None         # attendance only: school half days enrolled
    institutions: tuple[InstitutionCount, ...]


def present_half_days(stays: list[NurseryStay], first: dt.date, last: dt.date,
                      today: dt.date,
                      calendars: dict[int, SchoolYearCalendar] = CALENDARS
                      ) -> list[YearCount]:
    """Nursery half days present per school year, from ``first`` to ``last``.

    :raises NoSchoolCalendarError: a school year with a stay in the period has no
        calendar.
    """
    last = min(last, today - dt.timedelta(days=1))
    enrolled: dict[int, set[HalfDayKey]] = defaultdict(set)
    present: dict[int, set[HalfDayKey]] = defaultdict(set)
    per_school: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for stay in stays:
        begin = max(first, stay.first_day)
        end = min(last, stay.last_day or last)
        if begin > end:
            continue
        for calendar in calendars_between(begin, end, calendars):
            for key in calendar.half_days(begin, end):
                enrolled[calendar.year].add(key)
                if key not in stay.absent:
                    present[calendar.year].add(key)
                    per_school[calendar.year][stay.institution_number] += 1
    return [YearCount(year, len(present[year]), len(enrolled[year]),
                      _institutions(per_school[year]))
            for year in sorted(enrolled)]


def problematic_half_days(absences: list[tuple[str, dt.date, str]], first: dt.date,
                          last: dt.date, enrolled_years: set[int] = frozenset(),
                          calendars: dict[int, SchoolYearCalendar] = CALENDARS
                          ) -> list[YearCount]:
    """B half days per school year from ``first`` to ``last``.

    :param absences: (institution number, date, half day) of every B half day of the
        person, at any school.
    :param enrolled_years: the school years the person was enrolled in during the
        period: each is answered, with 0 when it has no B half day.
    """
    seen: dict[int, set[tuple[str, dt.date, str]]] = {y: set() for y in enrolled_years}
    for institution, day, half in absences:
        if first <= day <= last:
            seen.setdefault(calendar_year(day, calendars), set()).add(
                (institution, day, half))
    out = []
    for year in sorted(seen):
        per_school: dict[str, int] = defaultdict(int)
        for institution, _day, _half in seen[year]:
            per_school[institution] += 1
        half_days = {(day, half) for _institution, day, half in seen[year]}
        out.append(YearCount(year, len(half_days), None, _institutions(per_school)))
    return out


def _institutions(counts: dict[str, int]) -> tuple[InstitutionCount, ...]:
    return tuple(InstitutionCount(number, n) for number, n in sorted(counts.items()))
