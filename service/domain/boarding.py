"""Rules of message type 7: boarding-school enrollments (onderwijsinternaten, 000 §8).

A boarding school registers, besides the boarder's personal data (the identification
of message type 1, checked by the same rules): the period of the stay, the
establishment (vestigingsplaats), whether both parents (or the only parent) practise an
itinerant profession (inland boatman, fairground or circus operator or artist), the
school number only for European schools and recognised non-funded schools, and from
school year 2024-2025 whether there is an agreement framework (afsprakenkader) and a
support plan (ondersteuningsplan). Boarding schools take part from 2019-2020 (000 §1.1).

Pure functions over plain dataclasses; the use cases fetch what the rules compare
against. The period lies within one school year, as in MAGDA's InternaatType
(Schooljaar + Periode).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from discimus_service.domain import enrollment
from discimus_service.domain.errors import (
    BoardingEnrollmentConflictError, BoardingEnrollmentEndedError,
    BoardingNotParticipatingError, BoardingPeriodSpansYearsError, InvalidDateError,
    MissingFieldError, NotABoardingSchoolError, SchoolNumberNotAllowedError,
    SupportFieldsMissingError, SupportFieldsTooEarlyError, UnknownSchoolNumberError,
    ValidationError,
)
from discimus_service.domain.model import Identification, InstitutionKind, School
from discimus_service.domain.schoolyear import school_year, school_year_end

# "Vanaf schooljaar 2019-2020 wisselen ook de internaten de inschrijvingsgegevens uit
# via Discimus" (000 §1.1).
PARTICIPATION_FROM = 2019
# "Vanaf schooljaar 2024-2025: de aanwezigheid van een afsprakenkader en
# ondersteuningsplan" (000 §8).
SUPPORT_FROM = 2024
# "enkel indien het gaat om Europese scholen en erkende niet-subsidieerbare/niet-
# financierbare scholen" (000 §8): the only kinds whose number the boarding school sends.
SCHOOL_NUMBER_KINDS = frozenset({InstitutionKind.EUROPEAN, InstitutionKind.NON_FUNDED})


def _year_name(year: int) -> str:
    return f"{year}-{year + 1}"


@dataclass
class BoardingEnrollment:
    """One stay of a boarder at a boarding school, within one school year.

    ``end_date`` None: the stay runs to the end of the school year unless ended.
    ``agreement_framework`` and ``support_plan`` are None before 2024-2025.
    """

    institution_number: str            # the boarding school
    identification: Identification
    establishment: str                 # vestigingsplaats
    start_date: dt.date
    end_date: dt.date | None
    itinerant_parents: bool            # both parents boatmen, fairground or circus
    school_number: str | None          # only a European or non-funded school
    agreement_framework: bool | None   # afsprakenkader, from 2024-2025
    support_plan: bool | None          # ondersteuningsplan, from 2024-2025
    sender_id: str
    id: int | None = None

    @property
    def stamnummer(self) -> str:
        return self.identification.stamnummer

    @property
    def insz(self) -> str | None:
        return self.identification.insz

    @property
    def school_year(self) -> int:
        return school_year(self.start_date)

    @property
    def last_day(self) -> dt.date:
        """The last day of the stay: its end date, or the end of its school year."""
        return self.end_date or school_year_end(self.school_year)


def check_boarding_school(school: School | None, institution_number: str) -> School:
    """:raises NotABoardingSchoolError: the institution is unknown or no boarding school."""
    if school is None or school.kind is not InstitutionKind.BOARDING:
        what = ("is not known to Discimus" if school is None else
                f"is a {school.kind.value.replace('_', ' ')}, not a boarding school")
        raise NotABoardingSchoolError(
            f"institution {institution_number} {what}: only a boarding school "
            "(internaat) sends and consults boarding enrollments",
            field="Instellingsnummer")
    return school


def _check_period(start: dt.date, end: dt.date | None) -> None:
    year = school_year(start)
    if year < PARTICIPATION_FROM:
        raise BoardingNotParticipatingError(
            f"the stay starts on {start}, in school year {_year_name(year)}; boarding "
            "schools exchange enrollments through Discimus from "
            f"{_year_name(PARTICIPATION_FROM)} on", field="BeginDatum")
    if end is None:
        return
    if end < start:
        raise InvalidDateError(f"the end date {end} lies before the start date {start}",
                               field="EindDatum")
    if end > school_year_end(year):
        raise BoardingPeriodSpansYearsError(
            f"the stay from {start} to {end} runs past the end of school year "
            f"{_year_name(year)} ({school_year_end(year)}): register one boarding "
            "enrollment per school year", field="EindDatum")


def _check_support(year: int, framework: bool | None, plan: bool | None) -> None:
    given = [name for name, value in (("Afsprakenkader", framework),
                                      ("Ondersteuningsplan", plan)) if value is not None]
    if year < SUPPORT_FROM and given:
        raise SupportFieldsTooEarlyError(
            f"{' and '.join(given)} given for school year {_year_name(year)}: they are "
            f"registered only from {_year_name(SUPPORT_FROM)} on; leave them out",
            field=given[0])
    missing = [name for name, value in (("Afsprakenkader", framework),
                                        ("Ondersteuningsplan", plan)) if value is None]
    if year >= SUPPORT_FROM and missing:
        raise SupportFieldsMissingError(
            f"{' and '.join(missing)} missing: from school year "
            f"{_year_name(SUPPORT_FROM)} on every boarding enrollment says whether there "
            "is an agreement framework and a support plan (true or false)",
            field=missing[0])


def _institution_number(value: str | None, field: str) -> str:
    number = (value or "").strip()
    if not (number.isdigit() and number.isascii()) or len(number) > 6:
        raise ValidationError(f"institution number {value!r} must be 1 to 6 digits",
                              field=field)
    return number


def validate_boarding_enrollment(e: BoardingEnrollment, *,
                                 today: dt.date) -> BoardingEnrollment:
    """Check a boarding enrollment as sent and return a normalised copy.

    :param e: the enrollment as sent (not changed).
    :param today: the day the message is processed.
    :raises ValidationError: the identification breaks a message type 1 rule (INSZ,
        stamnummer, names, birth date, address, nationality), or the institution or
        school number is no number.
    :raises MissingFieldError: no establishment.
    :raises BoardingNotParticipatingError: the stay starts before 2019-2020.
    :raises InvalidDateError: the end date lies before the start date.
    :raises BoardingPeriodSpansYearsError: the stay runs into the next school year.
    :raises SupportFieldsTooEarlyError: framework or plan given before 2024-2025.
    :raises SupportFieldsMissingError: framework or plan missing from 2024-2025 on.
    """
    identification = enrollment.validate_identification(e.identification, today=today)
    institution = _institution_number(e.institution_number, "Instellingsnummer")
    establishment = (e.establishment or "").strip()
    if not establishment:
        raise MissingFieldError("the establishment (vestigingsplaats) of the boarding "
                                "school is required", field="Vestigingsplaats")
    _check_period(e.start_date, e.end_date)
    _check_support(school_year(e.start_date), e.agreement_framework, e.support_plan)
    school_number = ((e.school_number or "").strip() or None)
    if school_number is not None:
        school_number = _institution_number(school_number, "Schoolnummer")
    return dataclasses.replace(
        e, institution_number=institution, identification=identification,
        establishment=establishment, school_number=school_number,
        itinerant_parents=bool(e.itinerant_parents))


def check_school_number(number: str, school: School | None) -> None:
    """Whether the boarding school may send this school number (000 §8).

    Funded schools send their own enrollments (message type 1), from which Discimus
    knows where a boarder goes to school; only for the other two kinds the boarding
    school says it.

    :raises UnknownSchoolNumberError: no institution with this number is known.
    :raises SchoolNumberNotAllowedError: the school is a funded school (or a boarding
        school).
    """
    if school is None:
        raise UnknownSchoolNumberError(
            f"school number {number} is not known to Discimus; check the number of the "
            "European or non-funded school", field="Schoolnummer")
    if school.kind not in SCHOOL_NUMBER_KINDS:
        raise SchoolNumberNotAllowedError(
            f"school number {number} ({school.name}) is a "
            f"{school.kind.value.replace('_', ' ')}: a school number is sent only for a "
            "European school or a recognised non-funded school; for any other school "
            "leave it out, Discimus knows the school from its own enrollments",
            field="Schoolnummer")


def _same_boarder(a: BoardingEnrollment, b: BoardingEnrollment) -> bool:
    if a.stamnummer == b.stamnummer:
        return True
    return a.insz is not None and a.insz == b.insz


def check_no_overlap(new: BoardingEnrollment, existing: list[BoardingEnrollment]) -> None:
    """Refuse a second stay of the same boarder at the same boarding school on a day.

    :param existing: stays at the boarding school that may be the boarder's; ``new``
        itself (same id) and other institutions' are ignored.
    :raises BoardingEnrollmentConflictError: the periods share a day.
    """
    for old in existing:
        if (old.id is not None and old.id == new.id) or \
                old.institution_number != new.institution_number or \
                not _same_boarder(new, old):
            continue
        common = enrollment.overlaps(new.start_date, new.last_day, old.start_date,
                                     old.last_day)
        if common is not None:
            raise BoardingEnrollmentConflictError(
                f"the boarder (stamnummer {old.stamnummer}) already stays at "
                f"{old.institution_number} from {old.start_date} to {old.last_day}, "
                f"which overlaps from {common[0]}; correct that enrollment "
                "(CorrigeerInternaatInschrijving) or end it first", field="BeginDatum")


def end(e: BoardingEnrollment, end_date: dt.date) -> None:
    """Give a running stay its end date; changed in place.

    :raises BoardingEnrollmentEndedError: the stay already has an end date.
    :raises InvalidDateError: the end date lies before the start date.
    :raises BoardingPeriodSpansYearsError: the end date lies in a later school year.
    """
    if e.end_date is not None:
        raise BoardingEnrollmentEndedError(
            f"the boarding enrollment of stamnummer {e.stamnummer} from {e.start_date} "
            f"already ends on {e.end_date}; to change that date send "
            "CorrigeerInternaatInschrijving", field="EindDatum")
    _check_period(e.start_date, end_date)
    e.end_date = end_date


def school_periods_overlap(stay: BoardingEnrollment, start: dt.date,
                           end_date: dt.date | None) -> bool:
    """Whether a school enrollment from ``start`` to ``end_date`` shares a day with
    the stay: only those are shown to the boarding school."""
    return enrollment.overlaps(stay.start_date, stay.last_day, start,
                               end_date) is not None
