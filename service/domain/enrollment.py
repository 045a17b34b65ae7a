"""Rules of message type 1: enrollments and de-registrations (000 §2.1-2.2).

Pure functions over :mod:`discimus_service.domain.model`; the use cases in
``services/`` fetch the enrollments these rules compare against.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from discimus_service.domain import identifiers
from discimus_service.domain.errors import (
    EnrollmentClosedError, EnrollmentConflictError, InszBirthDateMismatchError,
    InvalidCodeValueError, InvalidDateError, MissingFieldError, ValidationError,
)
from discimus_service.domain.model import (
    Aanleiding, Deregistration, Enrollment, Identification, Sex,
)

# "binnen de 7 kalenderdagen na de inschrijving" (000 §2.2).
REGISTRATION_DEADLINE_DAYS = 7

# Older birth dates are typing errors (a year 1900 for 2000), not students.
_MAX_AGE_YEARS = 120


def _required(value: str | None, field: str, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise MissingFieldError(f"the {what} is required", field=field)
    return text


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def validate_identification(ident: Identification, *, today: dt.date) -> Identification:
    """Check the identification data of a student and return them normalised.

    :param ident: the identification as sent.
    :param today: the day the message is processed.
    :returns: a copy with names stripped, INSZ and postcode in compact form, a blank
        INSZ as None (pending a number).
    :raises MissingFieldError: first or family name empty.
    :raises InvalidStamnummerError: the stamnummer is not valid.
    :raises InvalidInszError: the INSZ is not valid.
    :raises InvalidDateError: birth date in the future or more than 120 years ago.
    :raises InszBirthDateMismatchError: the INSZ encodes another birth date.
    :raises InvalidCodeValueError: sex or nationality not in their code lists.
    :raises ValidationError: the address breaks a country rule (subclasses).
    """
    # Official first given name and family name, never a nickname (002 §2.4.3); we can
    # only check they are there.
    first_name = _required(ident.first_name, "Voornaam", "first name")
    last_name = _required(ident.last_name, "Naam", "family name")
    stamnummer = identifiers.validate_stamnummer(ident.stamnummer)
    insz = identifiers.validate_insz(ident.insz) if (ident.insz or "").strip() else None
    if ident.birth_date > today:
        raise InvalidDateError(f"the birth date {ident.birth_date} lies in the future",
                               field="Geboortedatum")
    if ident.birth_date < _years_before(today, _MAX_AGE_YEARS):
        raise InvalidDateError(
            f"the birth date {ident.birth_date} is more than {_MAX_AGE_YEARS} years ago; "
            "check the year", field="Geboortedatum")
    if insz is not None:
        encoded = identifiers.insz_birth_date(insz)
        if encoded is not None and encoded != ident.birth_date:
            raise InszBirthDateMismatchError(
                f"the INSZ {insz} encodes the birth date {encoded}, but the birth date "
                f"sent is {ident.birth_date}; correct whichever is wrong", field="INSZ")
    try:
        sex = Sex(ident.sex)
    except ValueError:
        raise InvalidCodeValueError(
            f"sex {ident.sex!r} is not one of {', '.join(s.value for s in Sex)}",
            field="Geslacht") from None
    return dataclasses.replace(
        ident, insz=insz, stamnummer=stamnummer, first_name=first_name,
        last_name=last_name, sex=sex,
        nationality=identifiers.validate_nationality(ident.nationality),
        address=identifiers.validate_address(ident.address))


def _validate_deregistration(d: Deregistration, start_date: dt.date) -> Deregistration:
    if d.end_date < start_date:
        raise InvalidDateError(
            f"the end date {d.end_date} lies before the start date {start_date} of the "
            "enrollment", field="Uitschrijving/EindDatum")
    try:
        reason = Aanleiding(d.reason)
    except ValueError:
        raise InvalidCodeValueError(
            f"reason of de-registration {d.reason!r} is not one of "
            f"{', '.join(a.value for a in Aanleiding)}",
            field="Uitschrijving/Aanleiding") from None
    situation = (d.situation_after or "").strip()
    if not (situation.isdigit() and situation.isascii()) or len(situation) > 2:
        raise InvalidCodeValueError(
            f"situation after de-registration {d.situation_after!r} must be a code of one "
            "or two digits", field="Uitschrijving/SituatieNa")
    return dataclasses.replace(d, reason=reason, situation_after=situation)


def validate_enrollment(e: Enrollment, *, today: dt.date) -> Enrollment:
    """Check an enrollment as sent by a school and return it normalised.

    The argument is not changed: the result is a new :class:`Enrollment` (made with
    :func:`dataclasses.replace`), so a refused message leaves nothing half-normalised.

    :param e: the enrollment as sent.
    :param today: the day the message is processed.
    :returns: a normalised copy.
    :raises ValidationError: a field breaks a rule; the subclass and ``field`` say which.
    """
    identification = validate_identification(e.identification, today=today)
    institution = (e.institution_number or "").strip()
    # MAGDA's schema allows 1 to 6 digits: leading zeros are dropped in some data.
    if not (institution.isdigit() and institution.isascii()) or len(institution) > 6:
        raise ValidationError(
            f"institution number {e.institution_number!r} must be 1 to 6 digits",
            field="Instellingsnummer")
    group = _required(e.administrative_group, "AdministratieveGroep",
                      "administrative group")
    if e.registration_date > today:
        raise InvalidDateError(
            f"the enrollment date {e.registration_date} lies after today ({today}): "
            "register an enrollment once it has been made", field="DatumInschrijving")
    if e.first_attendance_date is not None and e.first_attendance_date < e.start_date:
        raise InvalidDateError(
            f"the first attendance {e.first_attendance_date} lies before the start date "
            f"{e.start_date}", field="DatumEersteLes")
    deregistration = (_validate_deregistration(e.deregistration, e.start_date)
                      if e.deregistration is not None else None)
    return dataclasses.replace(
        e, institution_number=institution, administrative_group=group,
        establishment=(e.establishment or "").strip() or None,
        identification=identification, deregistration=deregistration)


def is_late(registration_date: dt.date, received_on: dt.date) -> bool:
    """Whether a registration arrives after the 7-calendar-day deadline.

    :param registration_date: the moment of enrollment (DatumInschrijving).
    :param received_on: the day Discimus received the message.
    :returns: True when received more than 7 calendar days after enrolling.
    """
    return (received_on - registration_date).days > REGISTRATION_DEADLINE_DAYS


def overlaps(a_start: dt.date, a_end: dt.date | None, b_start: dt.date,
             b_end: dt.date | None) -> tuple[dt.date, dt.date | None] | None:
    """The common part of two periods; an end of None means still running.

    Ends are inclusive: a period ending on 31 August and one starting that day overlap
    on that one day.

    :returns: (start, end) of the overlap, end None when both run open, or None when
        the periods do not meet.
    """
    start = max(a_start, b_start)
    ends = [end for end in (a_end, b_end) if end is not None]
    end = min(ends) if ends else None
    if end is not None and end < start:
        return None
    return start, end


def _same_student(a: Enrollment, b: Enrollment) -> bool:
    # A stamnummer is unique only within one institution; the INSZ holds everywhere.
    if a.institution_number == b.institution_number and a.stamnummer == b.stamnummer:
        return True
    return a.insz is not None and a.insz == b.insz


def check_no_overlap_at_institution(new: Enrollment, existing: list[Enrollment]) -> None:
    """Refuse a second enrollment of a student at a school for the same days.

    :param new: the enrollment to register.
    :param existing: enrollments at the same institution that may be the same student's;
        others (and ``new`` itself) are ignored.
    :raises EnrollmentConflictError: the periods overlap; the diagnosis names the
        running enrollment and how to close it.
    """
    for old in existing:
        if old is new or old.institution_number != new.institution_number:
            continue
        if not _same_student(new, old):
            continue
        common = overlaps(new.start_date, new.end_date, old.start_date, old.end_date)
        if common is None:
            continue
        period = (f"from {old.start_date} to {old.end_date}" if old.end_date
                  else f"from {old.start_date}, not de-registered")
        raise EnrollmentConflictError(
            f"the student (stamnummer {old.stamnummer}) is already enrolled at "
            f"{old.institution_number} in group {old.administrative_group} {period}, "
            f"which overlaps from {common[0]}. A change of group is close-and-open: "
            "first de-register that enrollment (RegistreerUitschrijving) with an end "
            f"date before {new.start_date}, then register the new one")


def deregister(e: Enrollment, d: Deregistration) -> None:
    """Close an enrollment; the enrollment is changed in place.

    :param e: the running enrollment.
    :param d: end date, reason and situation afterwards.
    :raises EnrollmentClosedError: the enrollment was already de-registered.
    :raises InvalidDateError: the end date lies before the start date.
    :raises InvalidCodeValueError: reason or situation not in their code lists.
    """
    if e.deregistration is not None:
        raise EnrollmentClosedError(
            f"the enrollment of stamnummer {e.stamnummer} at {e.institution_number} "
            f"starting {e.start_date} was already de-registered on {e.end_date}")
    e.deregistration = _validate_deregistration(d, e.start_date)
