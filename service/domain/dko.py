"""Part-time arts education (DKO): academies register their students (002, 2001 circular).

DKO uses Discimus on a technically separate channel (000 §1.1): its own service, its
own mandates (a school package's mandate does not cover an academy and vice versa) and
academies as institutions. The identification rules are message type 1's
(:func:`enrollment.validate_identification`, :mod:`identifiers`), with two differences
the circular makes:

- a wrong national register number does not stop the registration: the administration
  screens every number, reports the wrong ones and looks the right one up (002 §2.3,
  §2.5), so the registration is stored without it and the number comes back in the
  error report (:class:`WrongNumber`);
- the stamnummer "moet binnen de instelling uniek zijn en blijven over de schooljaren
  heen" (002 §2.4.2): at one academy a stamnummer is one student's in every school
  year, and a returning student keeps it (:func:`check_stamnummer`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass

from discimus_service.domain import enrollment, identifiers
from discimus_service.domain.errors import (
    DkoRegistrationCancelledError, InszBirthDateMismatchError, InvalidDateError,
    InvalidInszError, InvalidSchoolYearError, StamnummerChangedError,
    StamnummerTakenError, ValidationError,
)
from discimus_service.domain.identification_numbers import same_person_names
from discimus_service.domain.model import Identification
from discimus_service.domain.schoolyear import school_year


class Discipline(str, enum.Enum):
    """Studierichting (the 1990 decrees named in 002)."""

    BEELDENDE_KUNST = "BK"
    MUZIEK = "MU"
    WOORDKUNST = "WO"
    DANS = "DA"


class FeeCategory(str, enum.Enum):
    """The enrollment fee categories of the 2001 table (002 §1)."""

    VOLWASSENEN = "V"
    VOLWASSENEN_VERMINDERD = "VV"
    JONGEREN = "J"
    JONGEREN_VERMINDERD = "JV"


# BEF on 1 September 2001 (002 §1): normal tariff + fund = total.
FEES_2001 = {
    FeeCategory.VOLWASSENEN: (5100, 1100, 6200),
    FeeCategory.VOLWASSENEN_VERMINDERD: (3400, 200, 3600),
    FeeCategory.JONGEREN: (1700, 200, 1900),
    FeeCategory.JONGEREN_VERMINDERD: (1200, 0, 1200),
}


@dataclass(frozen=True)
class Academy:
    """A DKO academy: an institution of the DKO channel."""

    institution_number: str
    name: str
    municipality: str = ""


@dataclass
class DkoRegistration:
    """One student's registration at one academy for one school year."""

    institution_number: str
    school_year: int               # the starting year: 2026 is 2026-2027
    identification: Identification
    discipline: Discipline
    fee_category: FeeCategory
    registration_date: dt.date
    sender_id: str
    end_date: dt.date | None = None    # set by a de-registration
    id: int | None = None

    @property
    def insz(self) -> str | None:
        return self.identification.insz

    @property
    def stamnummer(self) -> str:
        return self.identification.stamnummer


@dataclass(frozen=True)
class WrongNumber:
    """An INSZ that failed its checks: what was sent and why it is wrong."""

    sent: str
    diagnose: str


def split_wrong_insz(ident: Identification) -> tuple[Identification, WrongNumber | None]:
    """Take a number that fails its checks out of the identification.

    :returns: the identification with the INSZ compacted (or None when missing or
        wrong), and the wrong number with the check that failed, if any.
    """
    sent = (ident.insz or "").strip()
    if not sent:
        return dataclasses.replace(ident, insz=None), None
    try:
        number = identifiers.validate_insz(sent)
        encoded = identifiers.insz_birth_date(number)
        if encoded is not None and encoded != ident.birth_date:
            raise InszBirthDateMismatchError(
                f"the INSZ {number} encodes the birth date {encoded}, but the birth date "
                f"sent is {ident.birth_date}")
    except (InvalidInszError, InszBirthDateMismatchError) as wrong:
        return dataclasses.replace(ident, insz=None), WrongNumber(sent[:20], wrong.diagnose)
    return dataclasses.replace(ident, insz=number), None


def validate_registration(r: DkoRegistration, *,
                          today: dt.date) -> tuple[DkoRegistration, WrongNumber | None]:
    """Check a registration as an academy sent it and return it normalised.

    :returns: a normalised copy (a wrong INSZ taken out) and the wrong number, if any.
    :raises InvalidSchoolYearError: not the running, previous or next school year.
    :raises InvalidDateError: registered after today, or a birth date out of range.
    :raises ValidationError: an identification or address rule (message type 1's).
    """
    ident, wrong = split_wrong_insz(r.identification)
    ident = enrollment.validate_identification(ident, today=today)
    institution = (r.institution_number or "").strip()
    if not (institution.isdigit() and institution.isascii()) or len(institution) > 6:
        raise ValidationError(f"institution number {r.institution_number!r} must be 1 "
                              "to 6 digits", field="Instellingsnummer")
    running = school_year(today)
    if not running - 1 <= r.school_year <= running + 1:
        raise InvalidSchoolYearError(
            f"school year {r.school_year} is not the running school year {running} nor "
            f"the one before or after it; registrations for older years are closed",
            field="Schooljaar")
    if r.registration_date > today:
        raise InvalidDateError(
            f"the registration date {r.registration_date} lies after today ({today})",
            field="DatumInschrijving")
    return dataclasses.replace(r, institution_number=institution,
                               identification=ident), wrong


def check_stamnummer(new: DkoRegistration, same_stamnummer: list[DkoRegistration],
                     same_insz: list[DkoRegistration]) -> None:
    """A stamnummer is one student's at one academy, in every school year (002 §2.4.2).

    :param new: the registration to store (normalised).
    :param same_stamnummer: the academy's registrations with this stamnummer.
    :param same_insz: the academy's registrations of this INSZ.
    :raises StamnummerTakenError: the stamnummer belongs to another student.
    :raises StamnummerChangedError: the student has another stamnummer here.
    """
    for old in same_stamnummer:
        if old.id is not None and old.id == new.id:
            continue
        if old.insz and new.insz:
            same = old.insz == new.insz
        else:
            same = same_person_names(old.identification, new.identification)
        if not same:
            raise StamnummerTakenError(
                f"stamnummer {new.stamnummer} at academy {new.institution_number} belongs "
                f"to {old.identification.first_name} {old.identification.last_name} "
                f"(school year {old.school_year}); a stamnummer stays one student's "
                "across the years: give this student a new one", field="Stamnummer")
    for old in same_insz:
        if old.stamnummer != new.stamnummer:
            raise StamnummerChangedError(
                f"the student with INSZ {new.insz} has stamnummer {old.stamnummer} at "
                f"academy {new.institution_number} (school year {old.school_year}); a "
                "returning student keeps that stamnummer", field="Stamnummer")


def deregister(r: DkoRegistration, end_date: dt.date) -> None:
    """End a registration during its school year; the registration is changed in place.

    :raises DkoRegistrationCancelledError: it was de-registered before.
    :raises InvalidDateError: the end date lies before the registration date.
    """
    if r.end_date is not None:
        raise DkoRegistrationCancelledError(
            f"the registration of stamnummer {r.stamnummer} at {r.institution_number} "
            f"for school year {r.school_year} was already de-registered on {r.end_date}")
    if end_date < r.registration_date:
        raise InvalidDateError(
            f"the end date {end_date} lies before the registration date "
            f"{r.registration_date}", field="EindDatum")
    r.end_date = end_date
