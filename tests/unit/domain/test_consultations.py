"""Double enrollments and the school career, as the domain computes them."""
import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.consultations import career, double_enrollments
from discimus_service.domain.model import Aanleiding, Deregistration, Niveau
from tests import factories as f

D = dt.date


def enrollment(institution, start, end=None, insz="auto", stamnummer="2600001"):
    ident = f.identification(stamnummer=stamnummer)
    if insz != "auto":
        ident = dataclasses.replace(ident, insz=insz)
    e = f.enrollment_of(f.question(institution_number=institution, start_date=start,
                                   identification=ident))
    if end is not None:
        e.deregistration = Deregistration(end, Aanleiding.SCHOOLVERANDERING, "1")
    return e


def test_an_overlap_is_reported_with_its_period():
    mine = enrollment("034567", D(2026, 9, 1), end=D(2026, 9, 30))
    theirs = enrollment("056789", D(2026, 9, 15))
    [double] = double_enrollments([mine], [mine, theirs])
    assert (double.other, double.overlap_start, double.overlap_end) == (
        theirs, D(2026, 9, 15), D(2026, 9, 30))


def test_consecutive_enrollments_and_students_without_insz_are_no_doubles():
    mine = enrollment("034567", D(2026, 9, 1), end=D(2026, 9, 14))
    later = enrollment("056789", D(2026, 9, 15))
    assert double_enrollments([mine], [later]) == []
    pending = enrollment("034567", D(2026, 9, 1), insz=None)
    assert double_enrollments([pending], [enrollment("056789", D(2026, 9, 1), insz=None)]) \
        == []


def test_the_on_filter_keeps_overlaps_containing_that_day():
    mine = enrollment("034567", D(2026, 9, 1), end=D(2026, 9, 30))
    theirs = enrollment("056789", D(2026, 9, 15))
    assert double_enrollments([mine], [theirs], on=D(2026, 9, 10)) == []
    assert len(double_enrollments([mine], [theirs], on=D(2026, 9, 20))) == 1


def test_career_shows_the_previous_and_next_school_not_the_own_one():
    previous = enrollment("012345", D(2025, 9, 1), end=D(2026, 6, 30))
    here = enrollment("034567", D(2026, 9, 1), end=D(2027, 6, 30))
    regroup = enrollment("034567", D(2027, 1, 1))
    following = enrollment("056789", D(2027, 9, 1))
    seen = career(here, [previous, here, regroup, following],
                  asking_niveau=Niveau.SECUNDAIR, today=D(2027, 3, 1))
    assert (seen.previous, seen.next) == (previous, following)


@pytest.mark.parametrize("today, visible", [
    (D(2027, 6, 30), False), (D(2027, 7, 1), True), (D(2027, 8, 15), True)])
def test_a_primary_school_sees_the_next_school_year_only_from_1_july(today, visible):
    here = enrollment("012345", D(2026, 9, 1))
    following = enrollment("034567", D(2027, 9, 1))
    seen = career(here, [here, following], asking_niveau=Niveau.LAGER, today=today)
    assert (seen.next is following) is visible


def test_a_secondary_school_sees_the_next_school_at_once():
    here = enrollment("034567", D(2026, 9, 1))
    following = enrollment("056789", D(2027, 9, 1))
    seen = career(here, [here, following], asking_niveau=Niveau.SECUNDAIR,
                  today=D(2027, 1, 10))
    assert seen.next is following
