"""INSZ, stamnummer, postcode, address and nationality rules (000 §2.1, 002 §2.4)."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain import identifiers as ids
from discimus_service.domain.errors import (
    InvalidAddressError, InvalidCodeValueError, InvalidInszError, InvalidPostcodeError,
    InvalidStamnummerError, MissingFieldError,
)
from tests.unit.domain.domain_factories import (
    BIS_PLUS_20, BIS_PLUS_40, BIS_UNKNOWN_DATE, INSZ_1912, INSZ_1985, INSZ_2012,
    NN_MONTH_13, NN_UNKNOWN_DAY, address,
)


# -- INSZ -----------------------------------------------------------------------------------
@pytest.mark.parametrize("sent", ["85.07.30-033.28", "85073003328", "85 07 30 033 28",
                                  " 850730-03328 "])
def test_insz_is_accepted_with_or_without_separators(sent):
    assert ids.validate_insz(sent) == INSZ_1985


@pytest.mark.parametrize("number", [INSZ_2012, INSZ_1912, BIS_PLUS_20, BIS_PLUS_40,
                                    NN_UNKNOWN_DAY, BIS_UNKNOWN_DATE])
def test_valid_national_register_and_bis_numbers_are_accepted(number):
    assert ids.validate_insz(number) == number


def test_insz_of_someone_born_in_2000s_uses_the_2_prefix():
    # Same first nine digits: the check digits decide the century.
    assert ids.insz_birth_date(INSZ_2012) == dt.date(2012, 5, 14)
    assert ids.insz_birth_date(INSZ_1912) == dt.date(1912, 5, 14)


def test_2000s_check_digits_computed_without_the_prefix_are_refused():
    # 12051412335 is valid for 1912; with other check digits nothing matches.
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz("12051412399")
    assert exc.value.code == 20002
    assert "check digits 99" in exc.value.diagnose
    assert "'2'" in exc.value.diagnose


def test_wrong_check_digits_are_refused_with_a_diagnosis_naming_them():
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz("85.07.30-033.29")
    assert exc.value.code == 20002
    assert exc.value.field == "INSZ"
    assert "national register number 85.07.30-033.29" in exc.value.diagnose
    assert "check digits 29" in exc.value.diagnose


def test_wrong_check_digits_of_a_bis_number_say_bis_number():
    with pytest.raises(InvalidInszError, match="bis number"):
        ids.validate_insz("98272899723")


@pytest.mark.parametrize("sent, fragment", [
    ("8507300332", "10 digits instead of 11"),
    ("850730033288", "12 digits instead of 11"),
    ("85O73003328", "'O'"),
    ("85/07/30 033 28", "'/'"),
    ("", "empty"),
    ("00000000000", "all zeros"),
    (NN_MONTH_13, "month 13"),
])
def test_malformed_insz_diagnosis_says_which_check_failed(sent, fragment):
    with pytest.raises(InvalidInszError) as exc:
        ids.validate_insz(sent)
    assert exc.value.code == 20002
    assert fragment in exc.value.diagnose


@pytest.mark.parametrize("number, born", [
    (INSZ_1985, dt.date(1985, 7, 30)),
    (BIS_PLUS_20, dt.date(1998, 7, 28)),   # month 27 = July, sex unknown
    (BIS_PLUS_40, dt.date(2001, 9, 7)),    # month 49 = September, sex known
    ("85.07.30-033.28", dt.date(1985, 7, 30)),
])
def test_insz_birth_date_decodes_national_register_and_bis_numbers(number, born):
    assert ids.insz_birth_date(number) == born


@pytest.mark.parametrize("number", [NN_UNKNOWN_DAY, BIS_UNKNOWN_DATE])
def test_insz_birth_date_is_none_when_the_number_has_no_full_date(number):
    assert ids.insz_birth_date(number) is None


def test_insz_birth_date_of_an_invalid_number_raises():
    with pytest.raises(InvalidInszError):
        ids.insz_birth_date("85073003329")


# -- stamnummer -----------------------------------------------------------------------------
@pytest.mark.parametrize("sent", ["1900001", "2412345", "0500003", " 2400017 "])
def test_stamnummer_of_seven_digits_is_accepted(sent):
    assert ids.validate_stamnummer(sent) == sent.strip()


def test_stamnummer_with_dropped_leading_zero_gets_a_hint():
    with pytest.raises(InvalidStamnummerError) as exc:
        ids.validate_stamnummer("500003")
    assert exc.value.code == 10003
    assert "6 digits instead of 7" in exc.value.diagnose
    assert "leading zero" in exc.value.diagnose


@pytest.mark.parametrize("sent, fragment", [
    ("24000171", "8 digits instead of 7"),
    ("24-0017", "7 digits only"),
    ("", "7 digits only"),
    ("2400000", "may not be 00000"),
])
def test_invalid_stamnummer_is_refused(sent, fragment):
    with pytest.raises(InvalidStamnummerError) as exc:
        ids.validate_stamnummer(sent)
    assert fragment in exc.value.diagnose
    assert exc.value.field == "Stamnummer"


# -- postcode -------------------------------------------------------------------------------
@pytest.mark.parametrize("sent, kept", [
    ("9050", "9050"), ("1000", "1000"), ("9999", "9999"),
    ("905001", "905001"), ("9050 01", "905001"), (" 9050 01 ", "905001"),
])
def test_belgian_postcodes_of_4_or_6_digits_are_accepted(sent, kept):
    assert ids.validate_postcode(sent, ids.BELGIUM) == kept


@pytest.mark.parametrize("sent", ["0999", "999", "90501", "9050  01", "90 50 01", "9050A",
                                  "90500001"])
def test_other_belgian_postcodes_are_refused(sent):
    with pytest.raises(InvalidPostcodeError) as exc:
        ids.validate_postcode(sent, ids.BELGIUM)
    assert exc.value.code == 10004


def test_missing_belgian_postcode_is_a_missing_field():
    with pytest.raises(MissingFieldError) as exc:
        ids.validate_postcode(None, ids.BELGIUM)
    assert exc.value.field == "Adres/Postcode"


def test_dutch_postcode_with_letters_is_refused_with_the_digits_to_send():
    with pytest.raises(InvalidPostcodeError) as exc:
        ids.validate_postcode("1012 AB", ids.NETHERLANDS)
    assert "send '1012'" in exc.value.diagnose


@pytest.mark.parametrize("sent, country", [
    ("1012", ids.NETHERLANDS), ("10115", ids.GERMANY), ("1234", ids.LUXEMBOURG),
    ("75001", ids.FRANCE),
])
def test_neighbouring_country_postcodes_are_digits(sent, country):
    assert ids.validate_postcode(sent, country) == sent


@pytest.mark.parametrize("sent, country, fragment", [
    ("L-1234", ids.LUXEMBOURG, "send '1234'"),
    ("101", ids.GERMANY, "3 digits instead of 5"),
    ("750011", ids.FRANCE, "6 digits instead of 5"),
])
def test_neighbouring_country_postcodes_follow_that_country(sent, country, fragment):
    with pytest.raises(InvalidPostcodeError, match=fragment):
        ids.validate_postcode(sent, country)


@pytest.mark.parametrize("sent", [None, "", "  "])
def test_other_unknown_country_has_no_postcode(sent):
    assert ids.validate_postcode(sent, ids.OTHER_UNKNOWN) is None


def test_postcode_for_other_unknown_country_is_refused():
    with pytest.raises(InvalidPostcodeError, match="00999"):
        ids.validate_postcode("12345", ids.OTHER_UNKNOWN)


# -- address --------------------------------------------------------------------------------
def test_address_is_normalised():
    result = ids.validate_address(address(street=" Kerkstraat ", box=" ", postcode="9050 01",
                                          municipality="Gentbrugge"))
    assert result == address(street="Kerkstraat", box=None, postcode="905001",
                             municipality="Gentbrugge")


def test_address_country_outside_the_list_points_to_00999():
    with pytest.raises(InvalidAddressError) as exc:
        ids.validate_address(address(country="00207"))   # a country code not in the list
    assert exc.value.code == 10005
    assert "use 00999" in exc.value.diagnose


def test_00999_address_with_a_street_is_refused():
    with pytest.raises(InvalidAddressError) as exc:
        ids.validate_address(address(country=ids.OTHER_UNKNOWN, postcode=None,
                                     street="Rue de la Paix", house_number="3"))
    assert "street, house number" in exc.value.diagnose
    assert "stay empty for 00999" in exc.value.diagnose


def test_00999_address_without_street_is_accepted():
    result = ids.validate_address(address(country=ids.OTHER_UNKNOWN, street=None,
                                          house_number="", box=None, postcode=None,
                                          municipality="Casablanca"))
    assert result.country == ids.OTHER_UNKNOWN
    assert result.street is None and result.house_number is None and result.postcode is None


@pytest.mark.parametrize("missing, field", [("street", "Adres/Straat"),
                                            ("house_number", "Adres/Huisnummer")])
def test_belgian_address_needs_street_and_house_number(missing, field):
    with pytest.raises(MissingFieldError) as exc:
        ids.validate_address(address(**{missing: "  "}))
    assert exc.value.code == 10001
    assert exc.value.field == field


def test_dutch_address_with_letters_in_postcode_is_refused():
    with pytest.raises(InvalidPostcodeError):
        ids.validate_address(address(country=ids.NETHERLANDS, postcode="1012AB"))


def test_address_countries_are_the_six_codes():
    assert ids.ADDRESS_COUNTRIES == {"00150", "00129", "00103", "00113", "00111", "00999"}


# -- nationality ----------------------------------------------------------------------------
@pytest.mark.parametrize("sent", ["00150", "00999", " 00129 "])
def test_nationality_is_a_5_digit_nis_code(sent):
    assert ids.validate_nationality(sent) == sent.strip()


@pytest.mark.parametrize("sent", ["150", "BE", "001500", "", "0015O"])
def test_other_nationalities_are_refused(sent):
    with pytest.raises(InvalidCodeValueError) as exc:
        ids.validate_nationality(sent)
    assert exc.value.code == 10007
    assert exc.value.field == "Nationaliteit"
