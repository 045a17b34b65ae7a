"""Missing and wrong INSZ: matching a student against what others sent, pseudo numbers.

The administration "zal via een speciale procedure het (correcte) rijksregisternummer
intern opzoeken aan de hand van de voornoemde officiële identificatiegegevens" and,
where none exists, "zelf een identificatienummer creëren" (002 §2.3, §2.5; 000 §2.1.1).
The emulator has no national register: it looks the student up in what the other
institutions sent (both channels, message type 1 and DKO), and refuses to guess.

**The matching rule.** A student without a (valid) INSZ matches a record of another
institution that carries an INSZ when all of these agree:

- the family name and the first given name, compared after :func:`normalise_name`
  (accents, case, spaces, hyphens and apostrophes do not count: "Van den Broeck" =
  "VANDENBROECK", "Zoë" = "Zoe"), the first name on its first word only;
- the birth date and the sex;
- the address: the same country; for a country with streets (not 00999) also the
  first four digits of the postcode, the street (normalised the same way) and the
  house number; the box is not compared (it is often missing). Two 00999 addresses
  agree: there is nothing more to compare.

The candidates' distinct INSZ numbers decide: exactly one → that number is supplied;
none → the student stays pending; two or more → ambiguous, nothing is supplied and
the school is told to check the identification data.

**Pseudo numbers** (``YY MM DD SSS CC``), given when no number exists:

- ``YY MM``: the student's birth year and month, so the number reads and sorts like
  the student's own and its check digits use the same century rule;
- ``DD``: 60 to 99, a day no calendar has. The national register writes an unknown
  day as 00 and moves to month 00 when a day's counter runs out (IT000; python-stdnum
  ``be.nn``), so it never gives out a day above 31: a pseudo number can never be a
  real national register number, nor a bis number (whose month is 20-52). A person
  recognises one at a glance by its day, :func:`is_pseudo` by the same test;
- ``SSS``: the day counter, odd for M, even for V and X (as the register's);
- ``CC``: 97 - (YYMMDDSSS mod 97), with the '2' prefix for births from 2000 on, so
  python-stdnum's ``be.nn.validate`` accepts it (it reads the day as unknown) and every
  package that checks an INSZ stores it like one.

That leaves 40 x 499 = 19,960 pseudo numbers per birth month and sex.
"""
from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from discimus_service.domain.model import Address, Identification, Sex

PSEUDO_DAYS = range(60, 100)
_COUNTERS = range(1, 999)
COUNTRY_WITHOUT_STREET = "00999"


class NumberKind(str, enum.Enum):
    """What the administration answers about a student's number."""

    SUPPLIED = "AANGEVULD"      # found by matching: the student's real INSZ
    PSEUDO = "PSEUDO"           # none exists: a pseudo number was created
    WRONG = "FOUT"              # the number sent fails its checks (error report)


class Channel(str, enum.Enum):
    """Where the student was sent: the schools' channel (message type 1) or DKO's."""

    SCHOOL = "S"
    DKO = "D"


@dataclass(frozen=True)
class NumberRecord:
    """One answer of the administration about one student of one institution.

    ``identification`` is the student's as the institution sent it when the record was
    made: what the number was matched on, and what a later match compares against.
    """

    channel: Channel
    institution_number: str
    stamnummer: str
    kind: NumberKind
    insz: str | None               # the supplied or pseudo number; None for FOUT
    insz_sent: str                 # the wrong number sent (FOUT), else ""
    identification: Identification
    decided_on: dt.date
    diagnose: str
    id: int | None = None


class MatchOutcome(str, enum.Enum):
    FOUND = "found"
    NONE = "none"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Candidate:
    """A record of another institution that carries an INSZ."""

    insz: str
    identification: Identification
    institution_number: str
    channel: Channel | None = None


@dataclass(frozen=True)
class Match:
    outcome: MatchOutcome
    insz: str | None = None
    persons: int = 0            # how many distinct INSZ numbers matched


def normalise_name(text: str | None) -> str:
    """A name as the matching rule compares it: letters and digits only, no accents,
    case-folded."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed.casefold()
                   if not unicodedata.combining(c) and c.isalnum())


def _first_word(text: str | None) -> str:
    words = (text or "").replace("-", " ").split()
    return normalise_name(words[0]) if words else ""


def same_person_names(a: Identification, b: Identification) -> bool:
    """Whether the official names and birth date agree (the stamnummer rule uses it)."""
    return (normalise_name(a.last_name) == normalise_name(b.last_name)
            and _first_word(a.first_name) == _first_word(b.first_name)
            and a.birth_date == b.birth_date)


def same_address(a: Address, b: Address) -> bool:
    """The address part of the matching rule (see the module documentation)."""
    if (a.country or "").strip() != (b.country or "").strip():
        return False
    if a.country == COUNTRY_WITHOUT_STREET:
        return True
    return ((a.postcode or "")[:4] == (b.postcode or "")[:4]
            and normalise_name(a.street) == normalise_name(b.street)
            and normalise_name(a.house_number) == normalise_name(b.house_number))


def matches(pending: Identification, other: Identification) -> bool:
    """Whether a record agrees with the pending student on every part of the rule."""
    return (same_person_names(pending, other) and Sex(pending.sex) == Sex(other.sex)
            and same_address(pending.address, other.address))


def match(pending: Identification, candidates: Iterable[Candidate]) -> Match:
    """Apply the matching rule to a pending student.

    :param pending: the student's identification as the institution sent it.
    :param candidates: records of other institutions that carry an INSZ (the caller
        leaves out the student's own institution).
    :returns: FOUND with the one INSZ, NONE, or AMBIGUOUS with how many persons.
    """
    numbers = {c.insz for c in candidates if matches(pending, c.identification)}
    if not numbers:
        return Match(MatchOutcome.NONE)
    if len(numbers) > 1:
        return Match(MatchOutcome.AMBIGUOUS, persons=len(numbers))
    return Match(MatchOutcome.FOUND, insz=next(iter(numbers)), persons=1)


# -- pseudo numbers ----------------------------------------------------------------------
def _check_digits(first9: str, birth_year: int) -> str:
    base = int(("2" if birth_year >= 2000 else "") + first9)
    return f"{97 - base % 97:02d}"


def is_pseudo(insz: str | None) -> bool:
    """Whether an 11-digit number is one of the emulator's pseudo numbers (day 60-99)."""
    number = (insz or "").strip()
    return (len(number) == 11 and number.isdigit() and number.isascii()
            and 1 <= int(number[2:4]) <= 12 and int(number[4:6]) in PSEUDO_DAYS)


def pseudo_prefix(ident: Identification) -> str:
    """The first four digits every pseudo number of this birth month shares."""
    return f"{ident.birth_date:%y%m}"


def pseudo_number(ident: Identification, taken: Collection[str]) -> str:
    """The first free pseudo number for a student (see the module documentation).

    :param ident: the student (birth date and sex are used).
    :param taken: pseudo numbers already given out (at least those of this birth month).
    :returns: an 11-digit number :func:`is_pseudo` recognises.
    :raises OverflowError: the 19,960 numbers of this birth month and sex are used up.
    """
    parity = 1 if Sex(ident.sex) is Sex.M else 0
    year = ident.birth_date.year
    for day in PSEUDO_DAYS:
        for counter in _COUNTERS:
            if counter % 2 != parity:
                continue
            first9 = f"{pseudo_prefix(ident)}{day:02d}{counter:03d}"
            number = first9 + _check_digits(first9, year)
            if number not in taken:
                return number
    raise OverflowError(f"no pseudo number left for {ident.birth_date:%Y-%m} and "
                        f"sex {Sex(ident.sex).value}")
