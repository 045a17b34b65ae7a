"""The school calendar of Flemish basic education, as data: which half days are school.

Nursery attendance (GeefAantalAanwezigheden) counts the half days a child was present,
and a school sends only absences (000 §3), so "present" needs the half days the school
was open. That is a calendar, not a rule: the Flemish Department of Education publishes
the holidays per school year ("Schoolvakanties", onderwijs.vlaanderen.be), and changed
the pattern from 2022-2023 on (school from the last Monday of August, two-week autumn
and carnival breaks, summer from the first Saturday of July). So each school year is a
row of :data:`CALENDARS`: its first and last school day and its days off. Add a row for
a new school year; a year without one is refused (:class:`NoSchoolCalendarError`) rather
than guessed.

Basic education has no lessons on Wednesday afternoon: a school week has 9 half days.
Local free days (the school's own "facultatieve vrije dagen", pedagogical study days)
differ per school and are not known to Discimus; they are counted as school half days.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.absence import HalfDay
from discimus_service.domain.errors import NoSchoolCalendarError
from discimus_service.domain.schoolyear import (
    school_year, school_year_end, school_year_start,
)

_D = dt.date
MORNING, AFTERNOON = "VM", "NM"
_WEDNESDAY = 2


@dataclass(frozen=True)
class SchoolYearCalendar:
    """One school year of basic education: first and last school day, days off."""

    year: int                                          # the starting year (Schooljaar)
    first_day: dt.date
    last_day: dt.date
    days_off: tuple[tuple[dt.date, dt.date, str], ...]  # inclusive ranges, named

    def is_school_day(self, day: dt.date) -> bool:
        return (self.first_day <= day <= self.last_day and day.weekday() < 5
                and not any(first <= day <= last for first, last, _ in self.days_off))

    def half_days(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """The school half days from ``first`` to ``last`` (both included), in order."""
        out = []
        day = max(first, self.first_day)
        stop = min(last, self.last_day)
        while day <= stop:
            if self.is_school_day(day):
                out.append((day, MORNING))
                if day.weekday() != _WEDNESDAY:
                    out.append((day, AFTERNOON))
            day += dt.timedelta(days=1)
        return out


def _year(year, first, last, *off) -> SchoolYearCalendar:
    return SchoolYearCalendar(year, first, last, tuple(off))


# Holidays and legal holidays on school days, per school year (Schoolvakanties,
# onderwijs.vlaanderen.be). 2020-2021: the autumn break as extended to two weeks.
CALENDARS: dict[int, SchoolYearCalendar] = {c.year: c for c in (
    _year(2019, _D(2019, 9, 2), _D(2020, 6, 30),
          (_D(2019, 10, 28), _D(2019, 11, 3), "herfstvakantie"),
          (_D(2019, 11, 11), _D(2019, 11, 11), "Wapenstilstand"),
          (_D(2019, 12, 23), _D(2020, 1, 5), "kerstvakantie"),
          (_D(2020, 2, 24), _D(2020, 3, 1), "krokusvakantie"),
          (_D(2020, 4, 6), _D(2020, 4, 19), "paasvakantie"),
          (_D(2020, 5, 1), _D(2020, 5, 1), "Dag van de Arbeid"),
          (_D(2020, 5, 21), _D(2020, 5, 22), "Hemelvaart"),
          (_D(2020, 6, 1), _D(2020, 6, 1), "Pinkstermaandag")),
    _year(2020, _D(2020, 9, 1), _D(2021, 6, 30),
          (_D(2020, 11, 2), _D(2020, 11, 15), "herfstvakantie"),
          (_D(2020, 12, 21), _D(2021, 1, 3), "kerstvakantie"),
          (_D(2021, 2, 15), _D(2021, 2, 21), "krokusvakantie"),
          (_D(2021, 4, 5), _D(2021, 4, 18), "paasvakantie"),
          (_D(2021, 5, 13), _D(2021, 5, 14), "Hemelvaart"),
          (_D(2021, 5, 24), _D(2021, 5, 24), "Pinkstermaandag")),
    _year(2021, _D(2021, 9, 1), _D(2022, 6, 30),
          (_D(2021, 11, 1), _D(2021, 11, 7), "herfstvakantie"),
          (_D(2021, 11, 11), _D(2021, 11, 11), "Wapenstilstand"),
          (_D(2021, 12, 27), _D(2022, 1, 9), "kerstvakantie"),
          (_D(2022, 2, 28), _D(2022, 3, 6), "krokusvakantie"),
          (_D(2022, 4, 4), _D(2022, 4, 18), "paasvakantie"),
          (_D(2022, 5, 26), _D(2022, 5, 27), "Hemelvaart"),
          (_D(2022, 6, 6), _D(2022, 6, 6), "Pinkstermaandag")),
    _year(2022, _D(2022, 8, 29), _D(2023, 6, 30),
          (_D(2022, 10, 31), _D(2022, 11, 13), "herfstvakantie"),
          (_D(2022, 12, 26), _D(2023, 1, 8), "kerstvakantie"),
          (_D(2023, 2, 20), _D(2023, 3, 5), "krokusvakantie"),
          (_D(2023, 4, 3), _D(2023, 4, 16), "paasvakantie"),
          (_D(2023, 5, 1), _D(2023, 5, 1), "Dag van de Arbeid"),
          (_D(2023, 5, 18), _D(2023, 5, 19), "Hemelvaart"),
          (_D(2023, 5, 29), _D(2023, 5, 29), "Pinkstermaandag")),
    _year(2023, _D(2023, 8, 28), _D(2024, 7, 5),
          (_D(2023, 10, 23), _D(2023, 11, 5), "herfstvakantie"),
          (_D(2023, 12, 25), _D(2024, 1, 7), "kerstvakantie"),
          (_D(2024, 2, 12), _D(2024, 2, 25), "krokusvakantie"),
          (_D(2024, 4, 1), _D(2024, 4, 14), "paasvakantie"),
          (_D(2024, 5, 1), _D(2024, 5, 1), "Dag van de Arbeid"),
          (_D(2024, 5, 9), _D(2024, 5, 10), "Hemelvaart"),
          (_D(2024, 5, 20), _D(2024, 5, 20), "Pinkstermaandag")),
    _year(2024, _D(2024, 8, 26), _D(2025, 7, 4),
          (_D(2024, 10, 28), _D(2024, 11, 11), "herfstvakantie en Wapenstilstand"),
          (_D(2024, 12, 23), _D(2025, 1, 5), "kerstvakantie"),
          (_D(2025, 3, 3), _D(2025, 3, 16), "krokusvakantie"),
          (_D(2025, 4, 7), _D(2025, 4, 21), "paasvakantie"),
          (_D(2025, 5, 1), _D(2025, 5, 1), "Dag van de Arbeid"),
          (_D(2025, 5, 29), _D(2025, 5, 30), "Hemelvaart"),
          (_D(2025, 6, 9), _D(2025, 6, 9), "Pinkstermaandag")),
    _year(2025, _D(2025, 9, 1), _D(2026, 7, 3),
          (_D(2025, 10, 27), _D(2025, 11, 9), "herfstvakantie"),
          (_D(2025, 11, 11), _D(2025, 11, 11), "Wapenstilstand"),
          (_D(2025, 12, 22), _D(2026, 1, 4), "kerstvakantie"),
          (_D(2026, 2, 16), _D(2026, 3, 1), "krokusvakantie"),
          (_D(2026, 4, 6), _D(2026, 4, 19), "paasvakantie"),
          (_D(2026, 5, 1), _D(2026, 5, 1), "Dag van de Arbeid"),
          (_D(2026, 5, 14), _D(2026, 5, 15), "Hemelvaart"),
          (_D(2026, 5, 25), _D(2026, 5, 25), "Pinkstermaandag")),
    _year(2026, _D(2026, 8, 31), _D(2027, 7, 2),
          (_D(2026, 10, 26), _D(2026, 11, 8), "herfstvakantie"),
          (_D(2026, 11, 11), _D(2026, 11, 11), "Wapenstilstand"),
          (_D(2026, 12, 21), _D(2027, 1, 3), "kerstvakantie"),
          (_D(2027, 2, 8), _D(2027, 2, 21), "krokusvakantie"),
          (_D(2027, 3, 29), _D(2027, 4, 11), "paasvakantie"),
          (_D(2027, 5, 6), _D(2027, 5, 7), "Hemelvaart"),
          (_D(2027, 5, 17), _D(2027, 5, 17), "Pinkstermaandag")),
)}


def calendar_year(day: dt.date, calendars: dict[int, SchoolYearCalendar] = CALENDARS) -> int:
    """The school year a day belongs to in the calendar: since 2022 the school year
    begins in the last days of August, which :func:`school_year` gives to the year
    before."""
    year = school_year(day)
    following = calendars.get(year + 1)
    return year + 1 if following is not None and following.first_day <= day else year


def calendars_between(first: dt.date, last: dt.date,
                      calendars: dict[int, SchoolYearCalendar] = CALENDARS
                      ) -> list[SchoolYearCalendar]:
    """The calendars of every school year from ``first`` to ``last``.

    :raises NoSchoolCalendarError: one of those years has no calendar row.
    """
    years = range(calendar_year(first, calendars), calendar_year(last, calendars) + 1)
    missing = [y for y in years if y not in calendars]
    if missing:
        known = f"{min(calendars)}-{max(calendars)}" if calendars else "none"
        raise NoSchoolCalendarError(
            f"no school calendar for school year {missing[0]}-{missing[0] + 1} "
            f"(the emulator knows {known}); ask for a period within those years",
            field="Periode")
    return [calendars[y] for y in years]


# -- the same table by half day, for the school-side consultations -------------------------
# (GeefKleuterparticipatie, GeefDoorlopendeTellingen: ``domain/absence_counts.py``). One
# table serves both sides, so a school and a partner never count a different year.
# Half days without lessons every week: (weekday, half day); Monday is 0.
FREE_EVERY_WEEK = frozenset({(_WEDNESDAY, AFTERNOON)})
# For a school year not in CALENDARS: (month, day) periods within the school year, the
# fixed public holidays and summer. Coarse; every answer that uses it says so.
FALLBACK: tuple[tuple[tuple[int, int], tuple[int, int], str], ...] = (
    ((11, 1), (11, 1), "Allerheiligen"), ((11, 11), (11, 11), "Wapenstilstand"),
    ((12, 25), (12, 31), "Kerstmis"), ((1, 1), (1, 1), "Nieuwjaar"),
    ((5, 1), (5, 1), "Dag van de Arbeid"), ((7, 1), (8, 31), "zomervakantie"),
)


def in_table(year: int) -> bool:
    """Whether school year ``year`` has a row in :data:`CALENDARS` (else: the fallback)."""
    return year in CALENDARS


def holidays(year: int) -> list[tuple[dt.date, dt.date, str]]:
    """The days off of school year ``year`` as periods: its row's, with the days of the
    1 September–31 August year before its first and after its last school day; or the
    fallback's."""
    start, end = school_year_start(year), school_year_end(year)
    if year not in CALENDARS:
        out = []
        for (m1, d1), (m2, d2), name in FALLBACK:
            out.append((_D(year if m1 >= 9 else year + 1, m1, d1),
                        _D(year if m2 >= 9 else year + 1, m2, d2), name))
        return out
    row = CALENDARS[year]
    out = list(row.days_off)
    if row.first_day > start:
        out.append((start, row.first_day - dt.timedelta(days=1), "zomervakantie"))
    if row.last_day < end:
        out.append((row.last_day + dt.timedelta(days=1), end, "zomervakantie"))
    return out


def is_school_half_day(day: dt.date, half, periods) -> bool:
    """Whether ``half`` (VM or NM) of ``day`` is school, given :func:`holidays`."""
    half = getattr(half, "value", half)        # a HalfDay or its text
    if day.weekday() >= 5 or (day.weekday(), half) in FREE_EVERY_WEEK:
        return False
    return not any(first <= day <= last for first, last, _ in periods)


def school_half_days(year: int, first: dt.date | None = None,
                     last: dt.date | None = None):
    """The school half days of school year ``year`` (1 September to 31 August), in order,
    from ``first`` to ``last`` when given, as (day, HalfDay)."""
    periods = holidays(year)
    day = max(school_year_start(year), first or school_year_start(year))
    end = min(school_year_end(year), last or school_year_end(year))
    while day <= end:
        for half in (HalfDay.VM, HalfDay.NM):
            if is_school_half_day(day, half, periods):
                yield day, half
        day += dt.timedelta(days=1)
