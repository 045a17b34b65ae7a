"""The school calendar as data: which half days are school half days.

A school half day is the morning (VM) or afternoon (NM) of a weekday on which the
schools of Flanders teach: not a weekend, not Wednesday afternoon (no lessons in
basic education, and in most of secondary), not a school holiday and not a public
holiday. The holidays are a table per school year (:data:`HOLIDAYS`), kept as data so a
deployer corrects a day without touching a rule. The years in the table follow the
Flemish calendar published by the Department (the reformed calendar from 2023-2024:
two-week autumn and spring breaks, summer from the first Saturday of July). A school
year not in the table falls back to :data:`FALLBACK`: weekdays minus July and August
and the fixed public holidays; coarse, and said so in every answer that uses it.

The seeds fix no calendar; the emulator needs one to turn "absent" into "present"
(present = school half days of the enrollment minus registered absences), for the
nursery attendance of 004 §34.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from discimus_service.domain.absence import HalfDay
from discimus_service.domain.schoolyear import school_year_end, school_year_start

D = dt.date
# Half days without lessons every week: (weekday, half day); Monday is 0.
FREE_EVERY_WEEK = frozenset({(2, HalfDay.NM)})

# Per school year (its starting year): the holiday periods, first and last day
# inclusive, with their name. Weekends inside a period change nothing.
HOLIDAYS: dict[int, tuple[tuple[D, D, str], ...]] = {
    2023: ((D(2023, 10, 23), D(2023, 11, 5), "herfstvakantie"),
           (D(2023, 12, 25), D(2024, 1, 7), "kerstvakantie"),
           (D(2024, 2, 12), D(2024, 2, 25), "krokusvakantie"),
           (D(2024, 4, 1), D(2024, 4, 14), "paasvakantie"),
           (D(2024, 5, 1), D(2024, 5, 1), "Dag van de Arbeid"),
           (D(2024, 5, 9), D(2024, 5, 10), "Hemelvaart en brugdag"),
           (D(2024, 5, 20), D(2024, 5, 20), "Pinkstermaandag"),
           (D(2024, 7, 6), D(2024, 8, 31), "zomervakantie")),
    2024: ((D(2024, 10, 28), D(2024, 11, 11), "herfstvakantie en Wapenstilstand"),
           (D(2024, 12, 23), D(2025, 1, 5), "kerstvakantie"),
           (D(2025, 3, 3), D(2025, 3, 16), "krokusvakantie"),
           (D(2025, 4, 7), D(2025, 4, 21), "paasvakantie en paasmaandag"),
           (D(2025, 5, 1), D(2025, 5, 2), "Dag van de Arbeid en brugdag"),
           (D(2025, 5, 29), D(2025, 5, 30), "Hemelvaart en brugdag"),
           (D(2025, 6, 9), D(2025, 6, 9), "Pinkstermaandag"),
           (D(2025, 7, 5), D(2025, 8, 31), "zomervakantie")),
    2025: ((D(2025, 10, 27), D(2025, 11, 9), "herfstvakantie"),
           (D(2025, 11, 11), D(2025, 11, 11), "Wapenstilstand"),
           (D(2025, 12, 22), D(2026, 1, 4), "kerstvakantie"),
           (D(2026, 2, 16), D(2026, 3, 1), "krokusvakantie"),
           (D(2026, 4, 6), D(2026, 4, 19), "paasvakantie"),
           (D(2026, 5, 1), D(2026, 5, 1), "Dag van de Arbeid"),
           (D(2026, 5, 14), D(2026, 5, 15), "Hemelvaart en brugdag"),
           (D(2026, 5, 25), D(2026, 5, 25), "Pinkstermaandag"),
           (D(2026, 7, 4), D(2026, 8, 31), "zomervakantie")),
    2026: ((D(2026, 10, 26), D(2026, 11, 8), "herfstvakantie"),
           (D(2026, 11, 11), D(2026, 11, 11), "Wapenstilstand"),
           (D(2026, 12, 21), D(2027, 1, 3), "kerstvakantie"),
           (D(2027, 2, 15), D(2027, 2, 28), "krokusvakantie"),
           (D(2027, 3, 29), D(2027, 4, 11), "paasvakantie"),
           (D(2027, 5, 6), D(2027, 5, 7), "Hemelvaart en brugdag"),
           (D(2027, 5, 17), D(2027, 5, 17), "Pinkstermaandag"),
           (D(2027, 7, 3), D(2027, 8, 31), "zomervakantie")),
}
# For a school year not in HOLIDAYS: (month, day) periods within the school year.
FALLBACK: tuple[tuple[tuple[int, int], tuple[int, int], str], ...] = (
    ((11, 1), (11, 1), "Allerheiligen"), ((11, 11), (11, 11), "Wapenstilstand"),
    ((12, 25), (12, 31), "Kerstmis"), ((1, 1), (1, 1), "Nieuwjaar"),
    ((5, 1), (5, 1), "Dag van de Arbeid"), ((7, 1), (8, 31), "zomervakantie"),
)


def in_table(year: int) -> bool:
    """Whether the calendar of school year ``year`` is in :data:`HOLIDAYS`."""
    return year in HOLIDAYS


def holidays(year: int) -> list[tuple[dt.date, dt.date, str]]:
    """The holiday periods of school year ``year`` (the table's, or the fallback's)."""
    if year in HOLIDAYS:
        return list(HOLIDAYS[year])
    out = []
    for (m1, d1), (m2, d2), name in FALLBACK:
        first = D(year if m1 >= 9 else year + 1, m1, d1)
        last = D(year if m2 >= 9 else year + 1, m2, d2)
        out.append((first, last, name))
    return out


def is_school_half_day(day: dt.date, half: HalfDay,
                       periods: list[tuple[dt.date, dt.date, str]]) -> bool:
    if day.weekday() >= 5 or (day.weekday(), half) in FREE_EVERY_WEEK:
        return False
    return not any(first <= day <= last for first, last, _ in periods)


def school_half_days(year: int, first: dt.date | None = None,
                     last: dt.date | None = None) -> Iterator[tuple[dt.date, HalfDay]]:
    """The school half days of school year ``year``, in order, from ``first`` to
    ``last`` when given (clipped to the school year)."""
    periods = holidays(year)
    day = max(school_year_start(year), first or school_year_start(year))
    end = min(school_year_end(year), last or school_year_end(year))
    while day <= end:
        for half in (HalfDay.VM, HalfDay.NM):
            if is_school_half_day(day, half, periods):
                yield day, half
        day += dt.timedelta(days=1)
