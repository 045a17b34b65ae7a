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


def double_enrollment(mine: Enrollment, theirs: Enrollment, *,
                     on: dt.date | None = None) -> DoubleEnrollment | None:
    """Whether two enrollments make a double, and its period: the rule itself.

    The database finds the candidates of a whole school at once
    (``persistence/repositories.py``); this rule decides each pair, and a test checks
    on generated data that the query finds exactly the pairs this rule accepts.

    :param mine: an enrollment at the asking school.
    :param theirs: another enrollment, anywhere.
    :param on: when given, only an overlap that contains this day counts.
    :returns: the double, or None: no INSZ to match on (a stamnummer is only unique
        within one school), another student, the same institution, or no common day.
    """
    if mine.insz is None or theirs.insz != mine.insz:
        return None
    if theirs.institution_number == mine.institution_number:
        return None
    common = overlaps(mine.start_date, mine.end_date, theirs.start_date, theirs.end_date)
    if common is None:
        return None
    start, end = common
    if on is not None and not (start <= on and (end is None or on <= end)):
        return None
    return DoubleEnrollment(mine, theirs, start, end)


def order_key(double: DoubleEnrollment) -> tuple:
    """The order of an answer: by INSZ, then the other school's start date.

    Ties go by the own enrollment's start date, then by the stored ids, so the order
    is total: an answer cut into parts is continued after the last key it showed.
    """
    return pair_key(double.own, double.other)


def pair_key(own: Enrollment, other: Enrollment) -> tuple:
    """:func:`order_key` of the pair (own, other)."""
    return (own.insz or "", other.start_date, own.start_date, own.id or 0, other.id or 0)


def double_enrollments(own: list[Enrollment], others: list[Enrollment], *,
                       on: dt.date | None = None) -> list[DoubleEnrollment]:
    """The asking school's students who are also enrolled elsewhere in the same period.

    Compares every pair: fine for a handful (tests, one student); the service asks the
    database instead, which agrees with :func:`double_enrollment` pair by pair.

    :param own: enrollments at the asking school.
    :param others: enrollments of the same students, at any school; those at the
        asking school's own institution are skipped.
    :param on: when given, only overlaps that contain this day.
    :returns: one item per overlapping pair, in :func:`order_key` order.
    """
    found = [double for mine in own for theirs in others
             if (double := double_enrollment(mine, theirs, on=on)) is not None]
    found.sort(key=order_key)
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
