"""The edges of the identifier rules that mutation testing found unpinned.

Each test is about one boundary of one rule in service/domain/identifiers.py: the bis
number's month ranges (20-32 and 40-52, both ends and just outside), postcodes that
are almost digits, and the diagnosis parts a secretary relies on.

Equivalent mutants of service/domain/identifiers.py (tools/mutation.py; they survive
because the program behaves the same):

- ``if country == BELGIUM`` turned into ``>=``: of the address countries only 00999
  sorts above 00150, and 00999 has already returned; the four neighbours sort below.
- ``number[2:] == "00000"`` turned into ``<=``: no string of five ASCII digits sorts
  below "00000".
- ``int(compact[:4]) <= 9999`` with 9999 moved to 10000: four digits never exceed 9999.
- ``validate_address``: ``country == OTHER_UNKNOWN`` turned into ``>=``: the country is
  one of the six address countries by then, and 00999 is the greatest of them.
- ``except stdnum_errors.ValidationError`` (marked ``pragma: no cover``) replaced: no
  stdnum release raises another ValidationError subclass from these validators.
"""
from __future__ import annotations

import pytest

from discimus_service.domain import identifiers as ids
from discimus_service.domain.errors import (
    InvalidAddressError, InvalidCodeValueError, InvalidInszError, InvalidPostcodeError, InvalidStamnummerError,
)

# Valid numbers with check digits computed once (97 - first nine digits mod 97).
BIS_MONTH_20 = "98200012338"       # sex unknown, month unknown (00 + 20)
BIS_MONTH_32 = "98320112392"       # sex unknown, December (12 + 20)
BIS_MONTH_40 = "98400012381"       # sex known, month unknown (00 + 40)
BIS_MONTH_52 = "98520112338"       # sex known, December (12 + 40)


@pytest.mark.parametrize("number", [BIS_MONTH_20, BIS_MONTH_32, BIS_MONTH_40,
                                    BIS_MONTH_52])
def test_bis_numbers_at_both_ends_of_both_month_ranges_are_accepted(number):
    assert ids.validate_insz(number) == number


@pytest.mark.parametrize("number", [BIS_MONTH_20, BIS_MONTH_32, BIS_MONTH_40,
                                    BIS_MONTH_52])
def test_wrong_check_digits_at_the_range_ends_say_bis_number(number):
    wrong = number[:9] + f"{int(number[9:]) % 97 + 1:02d}"
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz(wrong)
    assert exc.value.diagnose.startswith("bis number ")


@pytest.mark.parametrize("number", [
    "98190112302",   # month 19, just below the first bis range
    "98330112303",   # month 33, just above it
    "98390112345",   # month 39, just below the second
    "98530112346",   # month 53, just above it
])
def test_wrong_check_digits_just_outside_the_ranges_say_national_register_number(number):
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz(number)
    assert exc.value.diagnose.startswith("national register number ")


@pytest.mark.parametrize("number", ["98190112301", "98330112302", "98390112344",
                                    "98530112345"])
def test_months_just_outside_the_bis_ranges_are_impossible_months(number):
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz(number)
    assert f"month {number[2:4]} is not a possible birth month" in exc.value.diagnose


def test_an_all_zero_insz_is_refused_as_such():
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz("000.000-000.00")
    assert "all zeros" in exc.value.diagnose


def test_the_diagnosis_of_a_zero_sequence_names_the_school_year():
    with pytest.raises(InvalidStamnummerError) as exc:
        ids.validate_stamnummer("2400000")
    assert "after the school year 24 may not be 00000" in exc.value.diagnose


@pytest.mark.parametrize("sent", ["24000", "240001734"])
def test_only_a_six_digit_stamnummer_gets_the_leading_zero_hint(sent):
    with pytest.raises(InvalidStamnummerError) as exc:
        ids.validate_stamnummer(sent)
    assert "leading zero" not in exc.value.diagnose
    assert f"has {len(sent)} digits instead of 7" in exc.value.diagnose


@pytest.mark.parametrize("country", ["01000", "99999", "00998"])
def test_a_postcode_for_a_country_outside_the_list_is_an_address_error(country):
    with pytest.raises(InvalidAddressError):
        ids.validate_postcode(None, country)


# -- postcodes that are almost digits ------------------------------------------------------------
@pytest.mark.parametrize("sent", ["905A", "90 5", "９０５０", "9050 0１", "+905"])
def test_a_belgian_postcode_that_is_almost_digits_is_refused_not_a_crash(sent):
    with pytest.raises(InvalidPostcodeError) as exc:
        ids.validate_postcode(sent, ids.BELGIUM)
    assert exc.value.field == "Adres/Postcode"


@pytest.mark.parametrize("sent, kept", [("1000", "1000"), ("9999", "9999"),
                                        ("9050 01", "905001"), ("1000 00", "100000")])
def test_belgian_postcodes_at_the_ends_of_the_range_are_accepted(sent, kept):
    assert ids.validate_postcode(sent, ids.BELGIUM) == kept


@pytest.mark.parametrize("sent", ["0999", "0999 01", "12345", "123"])
def test_belgian_postcodes_outside_the_range_or_length_are_refused(sent):
    with pytest.raises(InvalidPostcodeError):
        ids.validate_postcode(sent, ids.BELGIUM)


def test_advice_to_send_the_digits_only_when_they_are_the_right_number():
    with pytest.raises(InvalidPostcodeError) as exc:
        ids.validate_postcode("12 AB", ids.NETHERLANDS)
    assert "send '12'" not in exc.value.diagnose
    with pytest.raises(InvalidPostcodeError) as exc:
        ids.validate_postcode("D-10115", ids.GERMANY)
    assert "send '10115'" in exc.value.diagnose
    with pytest.raises(InvalidPostcodeError) as exc:
        ids.validate_postcode("NL-10125", ids.NETHERLANDS)   # five digits for four
    assert exc.value.diagnose.endswith("without letters, spaces or country prefix")


@pytest.mark.parametrize("sent, country", [("１０１２", ids.NETHERLANDS),
                                           ("1012", ids.GERMANY), ("123456", ids.FRANCE)])
def test_foreign_postcodes_of_non_ascii_digits_or_wrong_length_are_refused(sent, country):
    with pytest.raises(InvalidPostcodeError):
        ids.validate_postcode(sent, country)


@pytest.mark.parametrize("sent", ["０１５０", "0150", "001500", "0015a"])
def test_a_nationality_of_non_ascii_digits_or_wrong_length_is_refused(sent):
    with pytest.raises(InvalidCodeValueError):
        ids.validate_nationality(sent)
