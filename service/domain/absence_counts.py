"""Counts over absences that matter beyond one school (004 §30, §34, §78).

- Problematic half days (code B): a CLB starts guidance above 10, automatically at 30
  half days in a school year (001 VTC 05/2016), and the count runs on at a new school
  on a change of school (004 §78).
- Sick notes: "Een leerling mag ook maar 4 maal per schooljaar ziek zijn zonder
  medisch attest. In beide gevallen moet de telling doorlopen in de nieuwe school.
  Er worden geen dagen opgegeven, enkel het aantal" (004 §78). A school marks an
  illness half day (code Z) covered by a note of the parents instead of a medical
  certificate (``ZonderMedischAttest``); one note covers the consecutive school half
  days of one illness, so the count is of runs, not of half days.
- Nursery attendance: below 220 or 185 half days present in a Dutch-language school in
  the previous school year, "afhankelijk van zijn leeftijd", a child takes a language
  test before primary (004 §34). Present is derived: the school half days of the
  enrollment (:mod:`school_calendar`) minus the half days registered absent.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from discimus_service.domain.absence import HalfDay
from discimus_service.domain.school_calendar import school_half_days

PROBLEMATIC_LIMIT = 30           # automatic CLB action and notice to AGODI at this many
SICK_NOTES_PER_YEAR = 4          # at most this many sick notes without a certificate

# The seed gives the two numbers and "depending on the age" only. The emulator reads
# it as the age the child reaches in the calendar year it would start primary (the
# calendar year the next school year starts in): 6, the usual age, needs 220 half days;
# 5, an early start, 185. For other ages no threshold applies (a 7-year-old in nursery
# stays there on a class council's advice; the rule is not about it).
NURSERY_THRESHOLDS: dict[int, int] = {6: 220, 5: 185}


def sick_notes(half_days: Iterable[tuple[dt.date, HalfDay]], year: int) -> int:
    """How many sick notes the marked half days of one student at one school stand for.

    One note per run of consecutive school half days (a weekend, a holiday or a free
    Wednesday afternoon in between does not break a run: they are not school half
    days); a marked half day on a day without school starts a note of its own.
    """
    order = {hd: i for i, hd in enumerate(school_half_days(year))}
    notes, previous = 0, None
    # Morning before afternoon (sorting the enum's text would put NM first).
    for hd in sorted(set(half_days), key=lambda hd: (hd[0], hd[1] is HalfDay.NM)):
        position = order.get(hd)
        if position is None or previous is None or position != previous + 1:
            notes += 1
        previous = position
    return notes


def nursery_threshold(birth_date: dt.date, year: int) -> tuple[int, int | None]:
    """The child's age and its threshold for the nursery attendance of school year
    ``year``: ``(age, half days)``, the half days None when no threshold applies.

    :param year: the school year of the nursery attendance (the one before primary).
    """
    age = (year + 1) - birth_date.year
    return age, NURSERY_THRESHOLDS.get(age)


def present_half_days(year: int, periods: Iterable[tuple[dt.date, dt.date | None]],
                      absent: Iterable[tuple[dt.date, HalfDay]]) -> tuple[int, int, int]:
    """``(school half days, absent, present)`` of one student at one school in ``year``.

    :param periods: the enrollments' (start, end) at the school; end None: running.
    :param absent: the half days registered absent there (any code); those on a day
        without school or outside the enrollment do not count.
    """
    enrolled: set[tuple[dt.date, HalfDay]] = set()
    for first, last in periods:
        enrolled.update(school_half_days(year, first, last))
    missed = enrolled & set(absent)
    return len(enrolled), len(missed), len(enrolled) - len(missed)
