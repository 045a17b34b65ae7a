"""CLB notifications: a minor reaching 10 and 30 half days of problematic absence.

VTC 05/2016 (seed 001): a CLB must start a guidance track when a minor student is absent
more than ten half days in a school year that the school registers as problematic
(code B), and must start it automatically at 30; DISCIMUS tells LARS, which tells the
CLB, with the INSZ, the number of half days and the dates of the 10th and the 30th.
Seed 004 §30: problematic absences of one school year can be spread over several
schools when the student changes school, so the count is per INSZ over every school.

**When.** A half day counts once however many schools marked it B (a double
enrollment). Half days are ordered by date, the morning before the afternoon; the
threshold is *reached* by the 10th (30th) of them, whose date the notification names.
The student must be a minor on that day (under 18): the seed's obligation is for
minors only.

**Once.** Each threshold is notified once per INSZ and school year (the feed's unique
key). A notification is a fact about the moment it was written and is never taken
back: when a school later cancels or corrects B half days below the threshold, the
notification stays in the feed and no second one follows when the count rises again.
The seed's notion is *reaching* (the duty to start guidance arises then, and the CLB
may already have acted on it); an append-only feed also keeps every cursor a CLB holds
valid. The CLB can see the current count in the next notification of that student,
or from the school.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

THRESHOLDS = (10, 30)
ADULT_AGE = 18
_HALF_ORDER = {"VM": 0, "NM": 1}


@dataclass(frozen=True)
class Reached:
    """One threshold a student reached in one school year."""

    threshold: int
    half_days: int                       # B half days counted now (>= threshold)
    tenth: dt.date                       # the day of the 10th half day
    thirtieth: dt.date | None            # the day of the 30th, once reached
    institutions: tuple[str, ...]        # every school that registered a B half day


@dataclass(frozen=True)
class ClbNotification:
    """One entry of a CLB's feed (``persistence``: unique per INSZ, year, threshold)."""

    clb_id: str                          # the CLB partner's sender id
    insz: str
    school_year: int                     # its starting year
    threshold: int                       # 10 or 30
    half_days: int
    tenth: dt.date
    thirtieth: dt.date | None
    institutions: tuple[str, ...]
    created_at: dt.datetime
    sequence: int | None = None          # the CLB's feed number: 1, 2, 3 … in order


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years on ``day``."""
    return day.year - birth_date.year - ((day.month, day.day)
                                         < (birth_date.month, birth_date.day))


def reached(b_half_days: Iterable[tuple[str, dt.date, str]],
            birth_date: dt.date | None) -> list[Reached]:
    """The thresholds the B half days of one student in one school year reach.

    :param b_half_days: (institution number, date, "VM" | "NM") of every B half day.
    :param birth_date: the student's; None: unknown, counted as a minor.
    """
    schools = tuple(sorted({school for school, _day, _half in b_half_days}))
    ordered = sorted({(day, half) for _school, day, half in b_half_days},
                     key=lambda dh: (dh[0], _HALF_ORDER.get(dh[1], 2)))
    out = []
    for threshold in THRESHOLDS:
        if len(ordered) < threshold:
            break
        day = ordered[threshold - 1][0]
        if birth_date is not None and age_on(birth_date, day) >= ADULT_AGE:
            continue
        thirtieth = ordered[29][0] if len(ordered) >= 30 else None
        out.append(Reached(threshold, len(ordered), ordered[9][0], thirtieth, schools))
    return out
