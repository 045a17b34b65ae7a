"""Rules of message type 2: codes per level, kind of education, age and period."""
import datetime as dt

import pytest

from discimus_service.domain import absence as rules
from discimus_service.domain.absence import AbsenceCode as C, CODE_RULES
from discimus_service.domain.errors import (
    AbsenceCodeNotAllowedError, AbsenceCodeNotInForceError, InvalidDateError,
    MissingFieldError, NotEnrolledHereError, TooManyItemsError,
)
from discimus_service.domain.model import Niveau, School
from tests.unit.domain.domain_factories import enrollment

DAY = dt.date(2024, 10, 7)                 # a Monday
NURSERY = School("011111", "Kleuterschool", Niveau.KLEUTER)
PRIMARY = School("012345", "Basisschool", Niveau.LAGER)
SECONDARY = School("034567", "College", Niveau.SECUNDAIR)
SPECIAL_PRIMARY = School("015555", "BuBaO", Niveau.LAGER, special_needs=True)
SPECIAL_SECONDARY = School("035555", "BuSO", Niveau.SECUNDAIR, special_needs=True)
CHILD_OF_3 = dt.date(2021, 3, 1)           # not yet of compulsory age in 2024
CHILD_OF_10 = dt.date(2014, 3, 1)


def test_every_code_has_a_rule_and_a_meaning():
    assert set(CODE_RULES) == set(C)
    assert all(rule.meaning for rule in CODE_RULES.values())


@pytest.mark.parametrize("code", [C.R, C.Z, C.P, C.B])
@pytest.mark.parametrize("school", [NURSERY, PRIMARY, SECONDARY, SPECIAL_PRIMARY,
                                    SPECIAL_SECONDARY], ids=lambda s: s.name)
def test_general_codes_apply_everywhere(code, school):
    rules.check_code(code, DAY, school, CHILD_OF_10)


def test_a_is_for_nursery_pupils_below_compulsory_age():
    rules.check_code(C.A, DAY, NURSERY, CHILD_OF_3)


@pytest.mark.parametrize("school", [PRIMARY, SECONDARY, SPECIAL_PRIMARY],
                         ids=lambda s: s.name)
def test_a_is_refused_outside_nursery_education(school):
    with pytest.raises(AbsenceCodeNotAllowedError, match="nursery"):
        rules.check_code(C.A, DAY, school, CHILD_OF_3)


def test_a_is_refused_for_a_nursery_pupil_of_compulsory_age():
    born_2019 = dt.date(2019, 6, 1)      # compulsory from 1 September 2024 (age 5)
    rules.check_code(C.A, dt.date(2024, 8, 30), NURSERY, born_2019)
    with pytest.raises(AbsenceCodeNotAllowedError, match="since 2024-09-01"):
        rules.check_code(C.A, dt.date(2024, 9, 2), NURSERY, born_2019)


@pytest.mark.parametrize("born, compulsory", [
    (dt.date(2013, 12, 31), dt.date(2019, 9, 1)),   # before the decree: the year of 6
    (dt.date(2014, 1, 1), dt.date(2020, 9, 1)),     # turns 6 in 2020 ...
    (dt.date(2015, 1, 1), dt.date(2020, 9, 1)),     # ... and so does who turns 5 in 2020
    (dt.date(2016, 12, 31), dt.date(2021, 9, 1)),
])
def test_compulsory_school_age_was_lowered_to_five_in_2020(born, compulsory):
    assert rules.compulsory_school_age_from(born) == compulsory


@pytest.mark.parametrize("school", [SECONDARY, SPECIAL_SECONDARY], ids=lambda s: s.name)
def test_m_is_for_secondary_education(school):
    rules.check_code(C.M, DAY, school, CHILD_OF_10)


@pytest.mark.parametrize("school", [NURSERY, PRIMARY, SPECIAL_PRIMARY], ids=lambda s: s.name)
def test_m_is_refused_outside_secondary_education(school):
    with pytest.raises(AbsenceCodeNotAllowedError, match="secondary"):
        rules.check_code(C.M, DAY, school, CHILD_OF_10)


@pytest.mark.parametrize("school", [SPECIAL_PRIMARY, SPECIAL_SECONDARY],
                         ids=lambda s: s.name)
def test_h_is_for_special_needs_education(school):
    rules.check_code(C.H, DAY, school, CHILD_OF_10)


@pytest.mark.parametrize("school", [NURSERY, PRIMARY, SECONDARY], ids=lambda s: s.name)
def test_h_is_refused_in_ordinary_education(school):
    with pytest.raises(AbsenceCodeNotAllowedError, match="special-needs"):
        rules.check_code(C.H, DAY, school, CHILD_OF_10)


@pytest.mark.parametrize("code", [C.N, C.X])
@pytest.mark.parametrize("day, in_force", [
    (dt.date(2019, 12, 31), False), (dt.date(2020, 1, 1), True),
    (dt.date(2022, 12, 31), True), (dt.date(2023, 1, 2), False)])
def test_temporary_codes_only_in_2020_to_2022(code, day, in_force):
    if in_force:
        rules.check_code(code, day, PRIMARY, CHILD_OF_10)
    else:
        with pytest.raises(AbsenceCodeNotInForceError):
            rules.check_code(code, day, PRIMARY, CHILD_OF_10)


def test_a_date_in_the_future_is_refused_today_is_not():
    rules.check_date(DAY, DAY)
    with pytest.raises(InvalidDateError, match="future"):
        rules.check_date(DAY + dt.timedelta(days=1), DAY)


def test_a_date_beyond_the_retention_period_is_refused():
    rules.check_date(dt.date(2018, 9, 1), DAY)
    with pytest.raises(InvalidDateError, match="5 years"):
        rules.check_date(dt.date(2018, 8, 31), DAY)


def test_the_student_must_be_enrolled_at_the_school_on_the_day():
    spells = [enrollment(start_date=dt.date(2024, 9, 1))]
    assert rules.require_enrolled(spells, "012345", "2400017", DAY) is spells[0]
    with pytest.raises(NotEnrolledHereError, match="2024-09-01 to open"):
        rules.require_enrolled(spells, "012345", "2400017", dt.date(2024, 8, 31))
    with pytest.raises(NotEnrolledHereError, match="no enrollment there at all"):
        rules.require_enrolled([], "012345", "2400017", DAY)


def test_the_item_limit_is_inclusive():
    rules.check_item_count(rules.MAX_ITEMS_PER_MESSAGE)
    with pytest.raises(TooManyItemsError):
        rules.check_item_count(rules.MAX_ITEMS_PER_MESSAGE + 1)


def test_the_student_id_is_required():
    with pytest.raises(MissingFieldError):
        rules.check_item_fields("  ", "2400017")


def test_repeats_point_at_their_first_occurrence():
    assert rules.duplicate_positions(["a", "b", "a", "c", "b", "a"]) == {2: 0, 4: 1, 5: 0}


def test_late_means_more_than_seven_days_after_the_half_day():
    assert not rules.is_late(DAY - dt.timedelta(days=7), DAY)
    assert rules.is_late(DAY - dt.timedelta(days=8), DAY)


def test_only_an_illness_half_day_may_carry_the_sick_note_mark():
    from discimus_service.domain.errors import SickNoteNotIllnessError
    for code in C:
        rules.check_sick_note(code, False)
    rules.check_sick_note(C.Z, True)
    for code in set(C) - {C.Z}:
        with pytest.raises(SickNoteNotIllnessError, match=f"code {code.value}"):
            rules.check_sick_note(code, True)
