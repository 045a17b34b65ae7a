"""Edges of the boarding rules found by mutation testing (tools/mutation.py domain).

Equivalent mutant, left alive: in ``check_boarding_school``, ``school.kind is not
InstitutionKind.BOARDING`` turned into ``!=`` behaves the same (the kinds are enum
members, equal only to themselves).
"""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain import boarding
from discimus_service.domain.errors import (
    BoardingEnrollmentConflictError, NotABoardingSchoolError, SupportFieldsMissingError,
    SupportFieldsTooEarlyError, ValidationError,
)
from discimus_service.domain.model import InstitutionKind, Niveau, School
from tests.unit.domain.domain_factories import INSZ_1985, INSZ_2010, TODAY, identification
from tests.unit.domain.test_boarding import old_stay, stay


def test_the_stays_properties():
    s = stay()
    assert (s.stamnummer, s.insz) == ("2400017", s.identification.insz)


BORN = {INSZ_1985: dt.date(1985, 7, 30), INSZ_2010: dt.date(2010, 3, 1)}


@pytest.mark.parametrize("stamnummer", ["2400010", "2400099"])
@pytest.mark.parametrize("mine, theirs", [(INSZ_2010, INSZ_1985), (INSZ_1985, INSZ_2010),
                                          (INSZ_2010, None)])
def test_other_boarders_never_conflict_whatever_their_numbers(stamnummer, mine, theirs):
    """Different stamnummer and different INSZ, before or after in either order."""
    here = stay(id=1, identification=identification(stamnummer="2400050", insz=mine,
                                                    birth_date=BORN[mine]))
    other = stay(identification=identification(
        stamnummer=stamnummer, insz=theirs,
        **({"birth_date": BORN[theirs]} if theirs else {})))
    boarding.check_no_overlap(other, [here])


def test_another_boarding_school_never_conflicts_in_either_order():
    boarding.check_no_overlap(stay(institution_number="099001"),
                              [stay(institution_number="099002", id=1)])
    boarding.check_no_overlap(stay(institution_number="099002"),
                              [stay(institution_number="099001", id=1)])


def test_a_conflict_behind_a_stay_that_does_not_matter_is_found():
    elsewhere = stay(institution_number="099002", id=1)
    mine = stay(id=2, start_date=dt.date(2024, 9, 1))
    with pytest.raises(BoardingEnrollmentConflictError) as caught:
        boarding.check_no_overlap(stay(start_date=dt.date(2024, 10, 1)), [elsewhere, mine])
    assert "overlaps from 2024-10-01" in caught.value.diagnose


@pytest.mark.parametrize("start", [dt.date(2025, 9, 1), dt.date(2030, 9, 1)])
def test_support_fields_hold_for_every_year_after_2024(start):
    boarding.validate_boarding_enrollment(stay(start_date=start), today=TODAY)
    with pytest.raises(SupportFieldsMissingError):
        boarding.validate_boarding_enrollment(stay(start_date=start, support_plan=None),
                                              today=TODAY)


def test_both_fields_too_early_name_the_first():
    with pytest.raises(SupportFieldsTooEarlyError) as caught:
        boarding.validate_boarding_enrollment(
            old_stay(agreement_framework=False, support_plan=False), today=TODAY)
    assert caught.value.field == "Afsprakenkader"
    assert "Afsprakenkader and Ondersteuningsplan" in caught.value.diagnose


def test_a_school_number_has_at_most_six_digits():
    valid = boarding.validate_boarding_enrollment(stay(school_number="123456"),
                                                  today=TODAY)
    assert valid.school_number == "123456"
    with pytest.raises(ValidationError):
        boarding.validate_boarding_enrollment(stay(school_number="1234567"), today=TODAY)


@pytest.mark.parametrize("kind", [k for k in InstitutionKind
                                  if k is not InstitutionKind.BOARDING])
def test_no_other_kind_of_institution_is_a_boarding_school(kind):
    with pytest.raises(NotABoardingSchoolError, match=kind.value.replace("_", " ")):
        boarding.check_boarding_school(School("088001", "X", Niveau.SECUNDAIR, kind=kind),
                                       "088001")
