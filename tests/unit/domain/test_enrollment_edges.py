"""Edges of the enrollment rules that mutation testing found unpinned.

Equivalent mutants of service/domain/enrollment.py (tools/mutation.py):

- ``_same_student``: ``a.institution_number == b.institution_number`` turned into
  ``<=`` or ``>=``: its only caller has skipped other institutions just before.
"""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from discimus_service.domain import enrollment as rules
from discimus_service.domain.errors import EnrollmentConflictError, InvalidCodeValueError
from tests.unit.domain.domain_factories import (
    INSZ_2010, TODAY, closed, enrollment, identification,
)

D = dt.date


@pytest.mark.parametrize("sex", ["Q", "m", "", None])
def test_a_sex_outside_the_code_list_is_refused_with_the_list(sex):
    with pytest.raises(InvalidCodeValueError) as exc:
        rules.validate_identification(identification(sex=sex), today=TODAY)
    assert exc.value.field == "Geslacht"
    assert "is not one of M, V, X" in exc.value.diagnose


def test_an_identical_copy_of_the_new_enrollment_is_a_conflict():
    # Only the very same object is skipped: an equal enrollment already stored (the
    # same registration sent again under a new Referte) is a double.
    new = enrollment()
    with pytest.raises(EnrollmentConflictError):
        rules.check_no_overlap_at_institution(new, [copy.deepcopy(new)])


def test_the_new_enrollment_itself_in_the_list_is_ignored():
    new = enrollment()
    rules.check_no_overlap_at_institution(new, [new])


def test_the_conflict_names_where_the_overlap_starts():
    running = enrollment(start_date=D(2024, 9, 1))
    new = enrollment(start_date=D(2025, 1, 6))
    with pytest.raises(EnrollmentConflictError) as exc:
        rules.check_no_overlap_at_institution(new, [running])
    assert "which overlaps from 2025-01-06." in exc.value.diagnose


def test_an_enrollment_at_another_school_first_in_the_list_does_not_end_the_search():
    new = enrollment(start_date=D(2025, 1, 6))
    elsewhere = enrollment(institution_number="099999")
    with pytest.raises(EnrollmentConflictError):
        rules.check_no_overlap_at_institution(new, [new, elsewhere, enrollment()])
    someone_else = enrollment(stamnummer="2400018", insz=INSZ_2010)
    with pytest.raises(EnrollmentConflictError):
        rules.check_no_overlap_at_institution(new, [someone_else, enrollment()])


def test_a_student_born_today_is_not_born_in_the_future():
    ident = identification(insz=None, birth_date=TODAY)
    assert rules.validate_identification(ident, today=TODAY).birth_date == TODAY


@pytest.mark.parametrize("stamnummer", ["2400016", "2400018"])
def test_another_student_of_the_school_is_no_conflict(stamnummer):
    # Stamnummers on either side of the new student's, another INSZ.
    other = enrollment(stamnummer=stamnummer, insz=INSZ_2010)
    rules.check_no_overlap_at_institution(enrollment(), [other])


@pytest.mark.parametrize("institution", ["012344", "012346"])
def test_the_same_student_at_another_school_is_no_conflict_here(institution):
    rules.check_no_overlap_at_institution(
        enrollment(), [enrollment(institution_number=institution)])


def test_an_earlier_closed_enrollment_does_not_end_the_search():
    earlier = closed(enrollment(start_date=D(2023, 9, 1)), D(2024, 6, 30))
    running = enrollment(start_date=D(2024, 9, 1))
    with pytest.raises(EnrollmentConflictError):
        rules.check_no_overlap_at_institution(enrollment(start_date=D(2025, 1, 6)),
                                              [earlier, running])
