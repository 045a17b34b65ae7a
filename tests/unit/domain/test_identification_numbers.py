"""The matching rule and the pseudo-number scheme (domain/identification_numbers.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from stdnum.be import bis, nn

from discimus_fixtures.generator import bis_for, insz_for
from discimus_service.domain import identifiers
from discimus_service.domain.identification_numbers import (
    Candidate, MatchOutcome, is_pseudo, match, normalise_name, pseudo_number,
)
from discimus_service.domain.model import Sex
from tests.factories import address, identification

BIRTH = dt.date(2012, 3, 15)


def _pending(**kw):
    return identification(insz=None, stamnummer="2600009", **kw)


def _candidate(insz=None, institution="056789", **kw):
    ident = identification(**kw)
    return Candidate(insz or ident.insz, ident, institution)


def test_names_compare_without_accents_case_spaces_or_hyphens():
    assert normalise_name("Van den Broeck") == normalise_name("VANDENBROECK")
    assert normalise_name("Zoë") == normalise_name("zoe")
    assert normalise_name("D'Hondt-Peeters") == normalise_name("dhondt peeters")
    assert normalise_name("Peeters") != normalise_name("Peters")


def test_one_person_matching_every_part_is_found():
    other = _candidate(last_name="PEETERS", first_name="Lotte Maria")
    result = match(_pending(), [other])
    assert (result.outcome, result.insz) == (MatchOutcome.FOUND, other.insz)


def test_the_same_person_sent_by_two_institutions_is_one_person():
    first = _candidate(institution="056789")
    second = _candidate(institution="012345")
    assert match(_pending(), [first, second]).outcome is MatchOutcome.FOUND


@pytest.mark.parametrize("change", [
    dict(last_name="Janssens"), dict(first_name="Lore"), dict(birth_date=dt.date(2012, 3, 16)),
    dict(sex=Sex.V), dict(address=address(street="Veldstraat")),
    dict(address=address(house_number="14")), dict(address=address(postcode="9050")),
    dict(address=address(street=None, house_number=None, postcode=None, country="00999")),
])
def test_any_part_that_differs_means_no_match(change):
    other = _candidate(**change) if "birth_date" not in change and "sex" not in change \
        else Candidate(insz_for(BIRTH, Sex.M, 1), identification(**change), "056789")
    assert match(_pending(), [other]).outcome is MatchOutcome.NONE


def test_the_box_is_not_compared_and_a_sub_municipality_code_is_the_same_postcode():
    pending = _pending(address=address(postcode="905001", box="b2"))
    other = _candidate(address=address(postcode="9050", box=None))
    assert match(pending, [other]).outcome is MatchOutcome.FOUND


def test_two_addresses_abroad_agree():
    abroad = address(street=None, house_number=None, postcode=None, country="00999")
    assert match(_pending(address=abroad),
                 [_candidate(address=abroad)]).outcome is MatchOutcome.FOUND


def test_two_persons_matching_is_ambiguous_and_nothing_is_guessed():
    one = _candidate(sequence=1)
    two = _candidate(sequence=2)
    result = match(_pending(), [one, two])
    assert (result.outcome, result.insz, result.persons) == (MatchOutcome.AMBIGUOUS, None, 2)


def test_no_candidates_is_no_match():
    assert match(_pending(), []).outcome is MatchOutcome.NONE


@pytest.mark.parametrize("birth,sex", [(BIRTH, Sex.M), (BIRTH, Sex.V), (BIRTH, Sex.X),
                                       (dt.date(1985, 12, 31), Sex.V),
                                       (dt.date(1999, 1, 1), Sex.M)])
def test_a_pseudo_number_is_valid_for_stdnum_and_recognisable(birth, sex):
    number = pseudo_number(identification(birth_date=birth, sex=sex, insz=None), set())
    assert nn.validate(number) == number
    assert identifiers.validate_insz(number) == number
    assert is_pseudo(number)
    assert number[:4] == f"{birth:%y%m}" and 60 <= int(number[4:6]) <= 99
    assert nn.get_gender(number) == ("M" if sex is Sex.M else "F")
    # the birth date stays unknown, so no INSZ/birth-date mismatch can be raised
    assert identifiers.insz_birth_date(number) is None


def test_pseudo_numbers_are_never_given_twice():
    ident = identification(insz=None, sex=Sex.M)
    taken: set[str] = set()
    for _ in range(600):              # past one day's 499 counters of one parity
        number = pseudo_number(ident, taken)
        assert number not in taken
        taken.add(number)
    assert {n[4:6] for n in taken} == {"60", "61"}


def test_pseudo_numbers_run_out_after_their_range():
    ident = identification(insz=None, sex=Sex.V)
    taken = set()
    for day in range(60, 100):
        for counter in range(2, 999, 2):
            first9 = f"{ident.birth_date:%y%m}{day:02d}{counter:03d}"
            taken.add(first9 + f"{97 - int('2' + first9) % 97:02d}")
    with pytest.raises(OverflowError):
        pseudo_number(ident, taken)


def test_real_numbers_are_never_pseudo_numbers():
    for sequence in (0, 1, 150, 498):
        assert not is_pseudo(insz_for(BIRTH, Sex.M, sequence))
        assert not is_pseudo(bis_for(BIRTH, Sex.V, sequence))
    assert bis.is_valid(bis_for(BIRTH, Sex.V, 3))
    assert not is_pseudo(None) and not is_pseudo("1203601234") and not is_pseudo("12x3601234")


def test_the_rule_compares_the_first_given_name_only():
    pending = dataclasses.replace(_pending(), first_name="Lotte")
    other = _candidate(first_name="Lotte-Marie")
    assert match(pending, [other]).outcome is MatchOutcome.FOUND
