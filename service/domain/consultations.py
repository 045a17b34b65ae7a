"""What Discimus answers back on message type 1: double enrollments and school career.

Both are offered to the school "immediately" (000 §1.5, DOMAIN.md table), except that a
basic-education school sees its leaver's next school only from 1 July.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.enrollment import overlaps
from discimus_service.domain.model import Enrollment, Niveau
from discimus_service.domain.schoolyear import school_year

# Nursery and primary schools see next-school-year enrollments only from 1 July.
_BASIC_EDUCATION = frozenset({Niveau.KLEUTER, Niveau.LAGER})
_NEXT_SCHOOL_VISIBLE_FROM = (7, 1)  # (month, day) before the school year it starts in


@dataclass(frozen=True)
class DoubleEnrollment:
    """An enrollment of the asking school and an overlapping one at another school."""

    own: Enrollment
    other: Enrollment
    overlap_start: dt.date
    overlap_end: dt.date | None


def double_enrollments(own: list[Enrollment], others: list[Enrollment], *,
                       on: dt.date | None = None) -> list[DoubleEnrollment]:
    """The asking school's students who are also enrolled elsewhere in the same period.

    Students without an INSZ cannot be matched across schools (a stamnummer is only
    unique within one school) and are left out.

    :param own: enrollments at the asking school.
    :param others: enrollments of the same students, at any school; those at the
        asking school's own institution are skipped.
    :param on: when given, only overlaps that contain this day.
    :returns: one item per overlapping pair, sorted by INSZ, then the other school's
        start date (stable otherwise).
    """
    found: list[DoubleEnrollment] = []
    for mine in own:
        if mine.insz is None:
            continue
        for theirs in others:
            if theirs.insz != mine.insz:
                continue
            if theirs.institution_number == mine.institution_number:
                continue
            common = overlaps(mine.start_date, mine.end_date,
                              theirs.start_date, theirs.end_date)
            if common is None:
                continue
            start, end = common
            if on is not None and not (start <= on and (end is None or on <= end)):
                continue
            found.append(DoubleEnrollment(mine, theirs, start, end))
    # list.sort is stable, so pairs with equal keys keep the order of the input.
    found.sort(key=lambda d: (d.own.insz or "", d.other.start_date))
    return found


@dataclass(frozen=True)
class Career:
    """An enrollment with the student's previous and next school around it."""

    here: Enrollment
    previous: Enrollment | None
    next: Enrollment | None


def next_school_visible_from(next_enrollment: Enrollment) -> dt.date:
    """The day a basic-education school may see its leaver's next enrollment.

    :param next_enrollment: the enrollment at the next school.
    :returns: 1 July before the school year in which that enrollment starts.
    """
    month, day = _NEXT_SCHOOL_VISIBLE_FROM
    return dt.date(school_year(next_enrollment.start_date), month, day)


def career(here: Enrollment, student_enrollments: list[Enrollment], *,
           asking_niveau: Niveau, today: dt.date) -> Career:
    """The previous and next school of a student, as the asking school may see them.

    Enrollments at the asking institution itself (e.g. a change of group) are not a
    previous or next school. Ties on the start date go by the enrollment date.

    :param here: the student's enrollment at the asking school.
    :param student_enrollments: the student's enrollments (same INSZ) at any school;
        ones without an INSZ are ignored.
    :param asking_niveau: level of the asking school; nursery and primary schools see
        the next school only from 1 July before the school year it starts in.
    :param today: the day of the question.
    :returns: the career; ``next`` is None while the next enrollment is hidden.
    """
    elsewhere = [e for e in student_enrollments
                 if e.insz is not None
                 and (here.insz is None or e.insz == here.insz)
                 and e.institution_number != here.institution_number]
    before = [e for e in elsewhere if e.start_date < here.start_date]
    after = [e for e in elsewhere if e.start_date > here.start_date]
    previous = max(before, key=lambda e: (e.start_date, e.registration_date), default=None)
    following = min(after, key=lambda e: (e.start_date, e.registration_date), default=None)
    # Hidden means hidden: showing a later school instead would leak the same fact.
    if (following is not None and asking_niveau in _BASIC_EDUCATION
            and today < next_school_visible_from(following)):
        following = None
    return Career(here=here, previous=previous, next=following)
