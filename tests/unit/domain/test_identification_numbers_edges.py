"""Edges of the matching rule and the pseudo numbers, found by mutation testing.

Equivalent mutants (the program behaves the same; ``make mutation MUTATE=domain``):

- ``match``: ``len(numbers) > 1`` as ``!= 1``: an empty set returned before.
- ``pseudo_number``: ``Sex(ident.sex) is Sex.M`` as ``==`` (enum members are
  singletons) or ``<=`` (of "M", "V", "X" only "M" is <= "M").
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from stdnum.be import nn

from discimus_service.domain.identification_numbers import (
    Candidate, Channel, Match, MatchOutcome, NumberKind, NumberRecord, is_pseudo, match,
    matches, pseudo_number, same_address,
)
from discimus_service.domain.model import Address, Sex
from tests.factories import address, identification


def _both_ways(a, b) -> tuple[bool, bool]:
    return matches(a, b), matches(b, a)


@pytest.mark.parametrize("one,other", [
    (dict(last_name="Aerts"), dict(last_name="Peeters")),
    (dict(first_name="Anna"), dict(first_name="Lotte")),
    (dict(birth_date=dt.date(2012, 3, 14)), dict(birth_date=dt.date(2012, 3, 15))),
    (dict(sex=Sex.M), dict(sex=Sex.V)),
    (dict(address=address(postcode="9000")), dict(address=address(postcode="9050"))),
    (dict(address=address(street="Aalstraat")), dict(address=address(street="Zandstraat"))),
    (dict(address=address(house_number="1")), dict(address=address(house_number="2"))),
    (dict(address=address(country="00129")), dict(address=address(country="00150"))),
])
def test_a_difference_either_way_is_no_match(one, other):
    assert _both_ways(identification(**one), identification(**other)) == (False, False)


def test_a_sub_municipality_code_matches_its_postcode_either_way():
    a = identification(address=address(postcode="905001"))
    b = identification(address=address(postcode="9050"))
    assert _both_ways(a, b) == (True, True)


def test_two_addresses_abroad_agree_whatever_else_they_hold():
    # 00999 has nothing more to compare (validation keeps the rest empty anyway)
    a = Address("Rue A", "1", None, "75001", None, "00999")
    b = Address("Rue B", "2", None, "75002", None, "00999")
    assert same_address(a, b) and same_address(b, a)


def test_an_unknown_country_code_is_compared_in_full():
    a = Address("Straat A", "1", None, "1000", None, "99999")
    b = Address("Straat B", "1", None, "1000", None, "99999")
    assert not same_address(a, b)


def test_the_number_of_persons_is_reported():
    one = identification()
    assert match(identification(insz=None), []).persons == 0
    found = match(identification(insz=None), [Candidate(one.insz, one, "056789")])
    assert (found.outcome, found.persons) == (MatchOutcome.FOUND, 1)
    assert Match(MatchOutcome.NONE).persons == 0


def test_values_are_frozen():
    ident = identification()
    record = NumberRecord(Channel.DKO, "130001", "2600001", NumberKind.PSEUDO, "x", "",
                          ident, dt.date(2026, 9, 3), "why")
    for value in (record, Candidate(ident.insz, ident, "1"), Match(MatchOutcome.NONE)):
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.insz = "other"                 # type: ignore[misc]
    assert dataclasses.replace(record, id=4).id == 4


def test_births_in_2000_use_the_2_prefix():
    number = pseudo_number(identification(birth_date=dt.date(2000, 5, 5), insz=None), ())
    assert nn.validate(number) == number and number.startswith("0005")
    # the check digits carry the century: without the prefix it would read as 1900
    assert nn.get_birth_year(number) == 2000


def _taken(ident, days, counters):
    out = set()
    for day in days:
        for counter in counters:
            first9 = f"{ident.birth_date:%y%m}{day:02d}{counter:03d}"
            out.add(first9 + f"{97 - int('2' + first9) % 97:02d}")
    return out


def test_counters_run_from_001_to_997_for_m_and_002_to_998_for_v():
    m = identification(insz=None, sex=Sex.M)
    v = identification(insz=None, sex=Sex.V)
    assert pseudo_number(m, ())[4:9] == "60001"
    assert pseudo_number(v, ())[4:9] == "60002"
    assert pseudo_number(m, _taken(m, [60], range(1, 997, 2)))[4:9] == "60997"
    assert pseudo_number(m, _taken(m, [60], range(1, 998, 2)))[4:9] == "61001"
    assert pseudo_number(v, _taken(v, [60], range(2, 998, 2)))[4:9] == "60998"


def test_day_99_is_the_last_pseudo_day():
    v = identification(insz=None, sex=Sex.V)
    number = pseudo_number(v, _taken(v, range(60, 99), range(2, 999, 2)))
    assert number[4:6] == "99" and is_pseudo(number)


@pytest.mark.parametrize("number,pseudo", [
    ("12106000145", True),      # October: the month is both digits
    ("12006000145", False),     # month 00
    ("12136000145", False),     # month 13
    ("121260001455", False),    # 12 digits
    ("12125900145", False),     # day 59
])
def test_what_is_a_pseudo_number(number, pseudo):
    assert is_pseudo(number) is pseudo
