"""Identifiers and address codes of a student: INSZ, stamnummer, postcode, NIS codes.

The rules come from the Discimus circular (000 §2.1) and the DKO registration circular
(002 §2.4). Every refusal names the check that failed, because the person reading it is
a school secretary who must fix the record in the package, not a developer.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from stdnum import exceptions as stdnum_errors
from stdnum.be import bis, nn

from discimus_service.domain.errors import (
    InvalidAddressError, InvalidCodeValueError, InvalidInszError, InvalidPostcodeError,
    InvalidStamnummerError, MissingFieldError,
)
from discimus_service.domain.model import Address

# NIS country codes an address may carry (002 §2.4.4.3): the five countries whose
# streets Discimus records, and "other/unknown" for every other one.
BELGIUM = "00150"
NETHERLANDS = "00129"
GERMANY = "00103"
LUXEMBOURG = "00113"
FRANCE = "00111"
OTHER_UNKNOWN = "00999"
ADDRESS_COUNTRIES = frozenset({BELGIUM, NETHERLANDS, GERMANY, LUXEMBOURG, FRANCE,
                               OTHER_UNKNOWN})

# Postcode length per neighbouring country: "according to the rules of that country"
# (002 §2.4.4.2). The Netherlands sends only the four digits, never the letters.
_FOREIGN_POSTCODE_DIGITS = {NETHERLANDS: 4, GERMANY: 5, LUXEMBOURG: 4, FRANCE: 5}
_COUNTRY_NAMES = {NETHERLANDS: "Dutch", GERMANY: "German", LUXEMBOURG: "Luxembourg",
                  FRANCE: "French"}


# -- INSZ -----------------------------------------------------------------------------------
def validate_insz(value: str) -> str:
    """Check a national register number or bis number and return its 11-digit form.

    Dots, dashes and spaces are accepted as separators ("85.07.30-033.28"). A bis
    number is recognised by its month (+20 when the sex was unknown, +40 when known).

    :param value: the INSZ as sent by the school.
    :returns: the compact 11-digit number.
    :raises InvalidInszError: the diagnosis says which check failed (characters,
        length, month, check digits).
    """
    number = nn.compact(value or "")
    if not number:
        raise InvalidInszError("the INSZ is empty; leave the field out while the "
                               "number is pending", field="INSZ")
    wrong = sorted({c for c in number if not c.isdigit()})
    if wrong:
        raise InvalidInszError(
            f"INSZ {value!r} contains {', '.join(repr(c) for c in wrong)}: only digits "
            "and the separators '.', '-' and ' ' are allowed", field="INSZ")
    if len(number) != 11:
        raise InvalidInszError(
            f"INSZ {value!r} has {len(number)} digits instead of 11", field="INSZ")
    month = int(number[2:4])
    # stdnum keeps national register and bis numbers apart; pick the one the month
    # field announces so the diagnosis speaks about the right kind of number.
    is_bis = 20 <= month <= 32 or 40 <= month <= 52
    kind = "bis number" if is_bis else "national register number"
    try:
        return (bis if is_bis else nn).validate(number)
    except stdnum_errors.InvalidChecksum:
        raise InvalidInszError(
            f"{kind} {nn.format(number)}: the check digits {number[9:]} do not match "
            "the first nine digits (neither for a birth before 2000 nor, with the '2' "
            "prefix, from 2000 on); check the number on the identity document",
            field="INSZ") from None
    except stdnum_errors.InvalidComponent:
        raise InvalidInszError(
            f"INSZ {nn.format(number)}: month {number[2:4]} is not a possible birth "
            "month (01-12, or 00 when unknown; bis numbers 20-32 or 40-52)",
            field="INSZ") from None
    except stdnum_errors.InvalidFormat:
        # Only "00000000000" reaches this: stdnum refuses a number equal to zero.
        raise InvalidInszError(f"INSZ {value!r} is all zeros", field="INSZ") from None
    except stdnum_errors.ValidationError as exc:  # pragma: no cover - future stdnum
        raise InvalidInszError(f"INSZ {value!r} is invalid: {exc}", field="INSZ") from None


def insz_birth_date(insz: str) -> dt.date | None:
    """The birth date a valid INSZ encodes, if it encodes a full one.

    :param insz: a national register or bis number, with or without separators.
    :returns: the date, or None when the day, the month or the whole date was unknown
        when the number was given out (zeros in the number, or the fictitious 00/00/01).
    :raises InvalidInszError: the number itself is invalid.
    """
    # bis.get_birth_date delegates to nn after removing the +20/+40 month offset.
    return nn.get_birth_date(validate_insz(insz))


# -- stamnummer -----------------------------------------------------------------------------
def validate_stamnummer(value: str) -> str:
    """Check a stamnummer: the school year of first attendance, then a sequence.

    "Een leerling die ingeschreven wordt om te starten op 1 september 2019, zal als
    stamnummer een nummer van de vorm 19xxxxx krijgen" (000 §2.1.2).

    :param value: the stamnummer as sent.
    :returns: the 7 digits, surrounding spaces removed.
    :raises InvalidStamnummerError: not 7 digits, or a zero sequence number.
    """
    number = (value or "").strip()
    if not number.isdigit() or not number.isascii():
        raise InvalidStamnummerError(
            f"stamnummer {value!r} must consist of 7 digits only", field="Stamnummer")
    if len(number) != 7:
        hint = ("; a leading zero may have been dropped (school years 2000-2009 start "
                "with 0)" if len(number) == 6 else "")
        raise InvalidStamnummerError(
            f"stamnummer {value!r} has {len(number)} digits instead of 7: two for the "
            f"school year of first attendance, five for the sequence{hint}",
            field="Stamnummer")
    if number[2:] == "00000":
        raise InvalidStamnummerError(
            f"stamnummer {value!r}: the sequence number after the school year {number[:2]} "
            "may not be 00000", field="Stamnummer")
    return number


# -- postcode and address -------------------------------------------------------------------
def _unknown_country(country: str) -> InvalidAddressError:
    return InvalidAddressError(
        f"country {country!r} is not an address country: Discimus records addresses in "
        "Belgium (00150), the Netherlands (00129), Germany (00103), Luxembourg (00113) "
        "and France (00111); use 00999 for any other or unknown country",
        field="Adres/Land")


def validate_postcode(postcode: str | None, country: str) -> str | None:
    """Check a postcode against the rules of its country and return it normalised.

    Belgium: 4 digits (1000-9999), or 6 for a sub-municipality ("9050 01" becomes
    "905001"). Netherlands: the 4 digits without the letters. Germany, France: 5 digits;
    Luxembourg: 4 digits. Other/unknown (00999): no postcode.

    :param postcode: the postcode as sent, or None.
    :param country: the NIS country code of the address.
    :returns: the postcode digits, or None for 00999.
    :raises InvalidPostcodeError: the postcode breaks its country's rule.
    :raises MissingFieldError: a postcode is required for this country.
    :raises InvalidAddressError: the country is not an address country.
    """
    code = (postcode or "").strip()
    if country == OTHER_UNKNOWN:
        if code:
            raise InvalidPostcodeError(
                f"postcode {code!r} given for country 00999 (other/unknown): the postcode "
                "stays empty there", field="Adres/Postcode")
        return None
    if country not in ADDRESS_COUNTRIES:
        raise _unknown_country(country)
    if not code:
        raise MissingFieldError(f"the postcode is required for country {country}",
                                field="Adres/Postcode")
    if country == BELGIUM:
        return _belgian_postcode(code)
    digits = _FOREIGN_POSTCODE_DIGITS[country]
    name = _COUNTRY_NAMES[country]
    if not (code.isdigit() and code.isascii()):
        only_digits = "".join(c for c in code if c.isascii() and c.isdigit())
        advice = f"; send {only_digits!r}" if len(only_digits) == digits else ""
        raise InvalidPostcodeError(
            f"{name} postcode {code!r}: send the {digits} digits only, without letters, "
            f"spaces or country prefix{advice}", field="Adres/Postcode")
    if len(code) != digits:
        raise InvalidPostcodeError(
            f"{name} postcode {code!r} has {len(code)} digits instead of {digits}",
            field="Adres/Postcode")
    return code


def _belgian_postcode(code: str) -> str:
    # One space may separate the sub-municipality number, as printed in 002: "9050 01".
    compact = code.replace(" ", "", 1)
    if not (compact.isdigit() and compact.isascii()) or len(compact) not in (4, 6):
        raise InvalidPostcodeError(
            f"Belgian postcode {code!r}: send 4 digits, or 6 for a sub-municipality "
            "(e.g. 9050 or 905001)", field="Adres/Postcode")
    if not 1000 <= int(compact[:4]) <= 9999:
        raise InvalidPostcodeError(
            f"Belgian postcode {code!r}: the postcode must lie between 1000 and 9999",
            field="Adres/Postcode")
    return compact


def _blank_to_none(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


def validate_address(address: Address) -> Address:
    """Check an address against the country rules and return it normalised.

    :param address: the official address as sent.
    :returns: a copy with blank parts as None, text stripped, postcode normalised.
    :raises InvalidAddressError: unknown country, or a street for 00999.
    :raises MissingFieldError: street, house number or postcode missing.
    :raises InvalidPostcodeError: the postcode breaks its country's rule.
    """
    country = (address.country or "").strip()
    if country not in ADDRESS_COUNTRIES:
        raise _unknown_country(country)
    street = _blank_to_none(address.street)
    house_number = _blank_to_none(address.house_number)
    box = _blank_to_none(address.box)
    if country == OTHER_UNKNOWN:
        # Outside the five countries "blijft het veld 'straat woonplaats' leeg" (002
        # §2.4.4.1); a Belgian residence or student address would carry that country.
        filled = [name for name, part in (("street", street),
                                          ("house number", house_number), ("box", box))
                  if part]
        if filled:
            raise InvalidAddressError(
                f"country 00999 (other/unknown) with a {', '.join(filled)}: the street, "
                "house number and box stay empty for 00999; if the student has a "
                "residence or correspondence address in BE/NL/DE/LU/FR, send that one "
                "with its country", field="Adres/Straat")
    else:
        if not street:
            raise MissingFieldError(f"the street is required for country {country}",
                                    field="Adres/Straat")
        if not house_number:
            raise MissingFieldError(f"the house number is required for country {country}",
                                    field="Adres/Huisnummer")
    return dataclasses.replace(
        address, street=street, house_number=house_number, box=box,
        postcode=validate_postcode(address.postcode, country),
        municipality=_blank_to_none(address.municipality), country=country)


def validate_nationality(code: str) -> str:
    """Check a nationality: a 5-digit NIS country code.

    :param code: the NIS code as sent.
    :returns: the code, surrounding spaces removed.
    :raises InvalidCodeValueError: not 5 digits.
    """
    value = (code or "").strip()
    if len(value) != 5 or not (value.isdigit() and value.isascii()):
        raise InvalidCodeValueError(
            f"nationality {code!r} is not a 5-digit NIS country code (e.g. 00150 "
            "Belgian, 00999 unknown)", field="Nationaliteit")
    return value
