"""Edges of the DKO rules, found by mutation testing (``make mutation MUTATE=domain``).

No equivalent mutant is left in ``domain/dko.py``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import dko
from discimus_service.domain.errors import (
    StamnummerChangedError, StamnummerTakenError, ValidationError,
)
from discimus_fixtures.generator import insz_for
from discimus_service.domain.model import Sex
from tests.factories import identification
from tests.unit.domain.test_dko import TODAY, _stored, registration

BIRTH = dt.date(2012, 3, 15)


@pytest.mark.parametrize("old_sequence,new_sequence", [(1, 7), (7, 1)])
def test_another_insz_under_the_stamnummer_is_refused_whichever_sorts_first(
        old_sequence, new_sequence):
    old = _stored(school_year=2025, identification=identification(sequence=old_sequence))
    new = registration(identification=identification(sequence=new_sequence))
    # same names and birth date: with two numbers, the numbers decide
    with pytest.raises(StamnummerTakenError):
        dko.check_stamnummer(new, [old], [])


@pytest.mark.parametrize("old_stamnummer", ["2500004", "2600009"])
def test_a_renumbered_student_is_refused_whichever_number_sorts_first(old_stamnummer):
    old = _stored(school_year=2025, identification=identification(stamnummer=old_stamnummer))
    with pytest.raises(StamnummerChangedError):
        dko.check_stamnummer(registration(), [], [old])


def test_every_other_registration_is_compared_not_only_the_first():
    itself = _stored(id=5)
    other = _stored(id=6, school_year=2025, identification=identification(
        sequence=7, first_name="Jan", last_name="Claes"))
    corrected = dataclasses.replace(registration(), id=5)
    with pytest.raises(StamnummerTakenError):
        dko.check_stamnummer(corrected, [itself, other], [])


def test_an_insz_encoding_an_earlier_birth_date_is_wrong():
    earlier = insz_for(dt.date(2012, 3, 14), Sex.M, 1)
    new, wrong = dko.validate_registration(
        registration(identification=identification(insz=earlier)), today=TODAY)
    assert new.insz is None and "2012-03-14" in wrong.diagnose


def test_a_wrong_number_is_kept_to_the_20_characters_of_the_report():
    sent = "1234567890123456789012"
    _ident, wrong = dko.split_wrong_insz(identification(insz=sent))
    assert wrong.sent == sent[:20]


def test_registered_today_and_ended_on_the_registration_day_are_fine():
    r, _ = dko.validate_registration(registration(registration_date=TODAY), today=TODAY)
    dko.deregister(r, TODAY)
    assert r.end_date == TODAY


@pytest.mark.parametrize("number,valid", [("12345", True), ("123456", True),
                                          ("1234567", False)])
def test_institution_numbers_have_1_to_6_digits(number, valid):
    if valid:
        new, _ = dko.validate_registration(registration(institution_number=number),
                                           today=TODAY)
        assert new.institution_number == number
    else:
        with pytest.raises(ValidationError):
            dko.validate_registration(registration(institution_number=number), today=TODAY)


def test_values_are_frozen():
    for value in (dko.Academy("130001", "Academie"), dko.WrongNumber("1", "why")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.name = "other"                 # type: ignore[misc]
