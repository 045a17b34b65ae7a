"""Edges of the absence rules that mutation testing found unpinned (tools/mutation.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import absence as rules
from discimus_service.domain.errors import (
    AbsenceCodeNotAllowedError, MissingFieldError, TooManyItemsError,
)
from discimus_service.domain.model import Niveau, School
from tests.unit.domain.domain_factories import closed, enrollment

D = dt.date


def test_one_message_carries_at_most_1000_half_days():
    # Pinned as a number: the README and the contract documentation promise it.
    for count in (0, 1, 999, 1000):
        rules.check_item_count(count)
    with pytest.raises(TooManyItemsError) as refused:
        rules.check_item_count(1001)
    assert "holds 1001 half days; at most 1000 fit" in refused.value.diagnose


def test_an_absence_is_keyed_by_school_student_day_and_half_day():
    absence = rules.Absence(institution_number="012345", student_id="u-1",
                            stamnummer="2400017", date=D(2024, 9, 10),
                            half_day=rules.HalfDay.VM, code=rules.AbsenceCode.B,
                            sender_id="informat", received_on=D(2024, 9, 10))
    assert absence.key == ("012345", "2400017", D(2024, 9, 10), rules.HalfDay.VM)


@pytest.mark.parametrize("day, runs", [
    (D(2024, 8, 31), False), (D(2024, 9, 1), True), (D(2025, 1, 31), True),
    (D(2025, 2, 1), True), (D(2025, 2, 2), False),
])
def test_a_closed_enrollment_runs_up_to_and_including_its_end(day, runs):
    e = closed(enrollment(start_date=D(2024, 9, 1)), D(2025, 2, 1))
    assert (rules.enrollment_on([e], day) is e) is runs


@pytest.mark.parametrize("student_id", [None, "", "   "])
def test_a_missing_student_id_is_a_missing_field(student_id):
    with pytest.raises(MissingFieldError) as refused:
        rules.check_item_fields(student_id, "2400017")
    assert refused.value.field == "UniekeIdentificatorLeerling"


def test_a_repeat_names_the_first_item_counting_from_one():
    assert "also item 3 of the message" in rules.duplicate_error(5, 2).diagnose


@pytest.mark.parametrize("today, years", [
    (D(2025, 3, 14), [(2023, D(2023, 9, 1), D(2024, 8, 31)),
                      (2024, D(2024, 9, 1), D(2025, 3, 14))]),
    (D(2024, 9, 1), [(2023, D(2023, 9, 1), D(2024, 8, 31)),
                     (2024, D(2024, 9, 1), D(2024, 9, 1))]),
])
def test_problematic_absences_cover_the_previous_and_current_school_year(today, years):
    assert rules.problematic_school_years(today) == years


@pytest.mark.parametrize("days, late", [(0, False), (3, False), (7, False), (8, True),
                                        (30, True)])
def test_late_means_more_than_seven_days(days, late):
    day = D(2024, 10, 7)
    assert rules.is_late(day, day + dt.timedelta(days=days)) is late


def test_code_a_is_refused_from_the_very_day_compulsory_school_age_begins():
    nursery = School("011111", "Kleuterschool", Niveau.KLEUTER)
    born_2019 = D(2019, 6, 1)          # compulsory from 1 September 2024
    rules.check_code(rules.AbsenceCode.A, D(2024, 8, 31), nursery, born_2019)
    with pytest.raises(AbsenceCodeNotAllowedError):
        rules.check_code(rules.AbsenceCode.A, D(2024, 9, 1), nursery, born_2019)


def test_the_code_rules_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.CODE_RULES[rules.AbsenceCode.A].valid_to = None
