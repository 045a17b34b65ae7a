"""Rules of message type 2: absences per half day (000 §3, 004 §58-67).

A school sends, per student and half day (date, morning or afternoon), the code of an
absence; presences are not sent. The code set is the one in force since 1 September
2019 (AGODI reduced 23 codes to 7), plus the temporary COVID-19 codes N and X of
2020-2022. Which codes a student may get depends on the level and kind of education of
the school and, for A, on the student's age: the rules are data (:data:`CODE_RULES`),
documented in the contract and the README from the same table.

The emulator knows a school's level (``School.niveau``) and whether it is a
special-needs school (``School.special_needs``), not the level of each administrative
group: a basic school that also runs a nursery section is registered with both its
numbers in reality, and with the niveau of the number used here.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from discimus_service.domain import identifiers
from discimus_service.domain.errors import (
    AbsenceCodeNotAllowedError, AbsenceCodeNotInForceError, DomainError,
    DuplicateItemError, InvalidDateError, MissingFieldError, NotEnrolledHereError,
    SickNoteNotIllnessError, TooManyItemsError,
)
from discimus_service.domain.model import Enrollment, Niveau, School
from discimus_service.domain.schoolyear import (
    school_year, school_year_end, school_year_start,
)

# "bij voorkeur dagelijks en uiterlijk binnen de week" (000 §3).
ABSENCE_DEADLINE_DAYS = 7
# One message carries a day or a week of a school; 1,000 half days is a week of 100
# students absent all week, and keeps a message well under the 1 MB size limit.
MAX_ITEMS_PER_MESSAGE = 1000
# Absence data are kept 5 years after the end of the school year (004 §71): older
# dates are typing errors, not late registrations.
_OLDEST_SCHOOL_YEARS = 6


LEVEL_NAMES = {Niveau.KLEUTER: "nursery", Niveau.LAGER: "primary",
               Niveau.SECUNDAIR: "secondary"}


class HalfDay(str, enum.Enum):
    """Dagdeel: which half of the day (004 §62)."""

    VM = "VM"      # voormiddag, morning
    NM = "NM"      # namiddag, afternoon


class AbsenceCode(str, enum.Enum):
    A = "A"
    M = "M"
    R = "R"
    Z = "Z"
    H = "H"
    P = "P"
    B = "B"
    N = "N"
    X = "X"


@dataclass(frozen=True)
class CodeRule:
    """Where and when one absence code may be used.

    ``levels`` None: every level. ``special_needs_only``: only in special-needs
    (buitengewoon) education. ``below_compulsory_age``: only for a student who has not
    yet reached compulsory school age on that day.
    """

    code: AbsenceCode
    meaning: str
    levels: frozenset[Niveau] | None = None
    special_needs_only: bool = False
    below_compulsory_age: bool = False
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def in_force(self, day: dt.date) -> bool:
        return ((self.valid_from is None or self.valid_from <= day)
                and (self.valid_to is None or day <= self.valid_to))


# The temporary COVID-19 codes existed "in 2020-2022" (DOMAIN.md); the seeds give no
# exact days, so the emulator takes the calendar years 2020 to 2022 inclusive.
_COVID_FROM, _COVID_TO = dt.date(2020, 1, 1), dt.date(2022, 12, 31)
CODE_RULES: dict[AbsenceCode, CodeRule] = {r.code: r for r in (
    CodeRule(AbsenceCode.A, "Nursery pupil not yet of compulsory school age (absent "
             "without the need of a justification).",
             levels=frozenset({Niveau.KLEUTER}), below_compulsory_age=True),
    CodeRule(AbsenceCode.M, "Secondary education: the work-based part of learning was "
             "not fulfilled, not through the student's unwillingness.",
             levels=frozenset({Niveau.SECUNDAIR})),
    CodeRule(AbsenceCode.R, "Justified by law: family council, wedding or funeral of a "
             "relative, court summons, disciplinary measure, top sport and the like."),
    CodeRule(AbsenceCode.Z, "Illness."),
    CodeRule(AbsenceCode.H, "Revalidation during school hours (special-needs "
             "education).", special_needs_only=True),
    CodeRule(AbsenceCode.P, "Personal reasons approved by the director."),
    CodeRule(AbsenceCode.B, "Problematic or unjustified absence (counts towards the 10 "
             "and 30 half days that start CLB guidance)."),
    CodeRule(AbsenceCode.N, "Temporary COVID-19 code (2020-2022 only).",
             valid_from=_COVID_FROM, valid_to=_COVID_TO),
    CodeRule(AbsenceCode.X, "Temporary COVID-19 code (2020-2022 only).",
             valid_from=_COVID_FROM, valid_to=_COVID_TO),
)}
HALF_DAY_MEANINGS = {HalfDay.VM: "Morning (voormiddag).",
                     HalfDay.NM: "Afternoon (namiddag)."}


@dataclass
class Absence:
    """One half day of absence of one student, as registered by one school."""

    institution_number: str
    student_id: str                # Unieke Identificator Leerling: the package's own id
    stamnummer: str
    date: dt.date
    half_day: HalfDay
    code: AbsenceCode
    sender_id: str                 # the package that sent it
    received_on: dt.date           # the business day it was (last) registered
    id: int | None = None
    # Code Z covered by a note of the parents, not a medical certificate (004 §78: at
    # most 4 a school year, counted across schools); False for every other code.
    without_certificate: bool = False

    @property
    def key(self) -> tuple[str, str, dt.date, HalfDay]:
        """One half day of one student at one school: registered at most once."""
        return (self.institution_number, self.stamnummer, self.date, self.half_day)


def compulsory_school_age_from(birth_date: dt.date) -> dt.date:
    """The first day of compulsory education for a child born on ``birth_date``.

    Compulsory education starts on 1 September of the year the child turns 6, and from
    school year 2020-2021 on of the year it turns 5 (decree lowering the age to 5).
    """
    at_five = school_year_start(birth_date.year + 5)
    if at_five.year >= 2020:
        return at_five
    return school_year_start(birth_date.year + 6)


def check_code(code: AbsenceCode, day: dt.date, school: School,
               birth_date: dt.date | None) -> None:
    """Whether ``code`` may be registered at ``school`` on ``day`` for this student.

    :raises AbsenceCodeNotInForceError: a temporary code outside its period.
    :raises AbsenceCodeNotAllowedError: the code does not apply to the level, the kind
        of education or the student's age.
    """
    rule = CODE_RULES[code]
    if not rule.in_force(day):
        raise AbsenceCodeNotInForceError(
            f"code {code.value} was only in force from {rule.valid_from} to "
            f"{rule.valid_to}, not on {day}", field="Code")
    if rule.levels is not None and school.niveau not in rule.levels:
        allowed = " or ".join(LEVEL_NAMES[n] for n in sorted(rule.levels))
        raise AbsenceCodeNotAllowedError(
            f"code {code.value} applies only in {allowed} education; school "
            f"{school.institution_number} is a {LEVEL_NAMES[school.niveau]} school",
            field="Code")
    if rule.special_needs_only and not school.special_needs:
        raise AbsenceCodeNotAllowedError(
            f"code {code.value} applies only in special-needs education; school "
            f"{school.institution_number} is an ordinary school", field="Code")
    if rule.below_compulsory_age and birth_date is not None:
        compulsory = compulsory_school_age_from(birth_date)
        if day >= compulsory:
            raise AbsenceCodeNotAllowedError(
                f"code {code.value} is only for nursery pupils below compulsory school "
                f"age; this student (born {birth_date}) is of compulsory school age "
                f"since {compulsory}: use another code", field="Code")


def check_sick_note(code: AbsenceCode, without_certificate: bool) -> None:
    """:raises SickNoteNotIllnessError: a half day other than illness (Z) marked as
    covered by a sick note without a medical certificate."""
    if without_certificate and code is not AbsenceCode.Z:
        raise SickNoteNotIllnessError(
            f"ZonderMedischAttest marks an illness half day (code Z) covered by a note of "
            f"the parents; this half day has code {code.value}: leave it out or use Z",
            field="ZonderMedischAttest")


def check_date(day: dt.date, today: dt.date) -> None:
    """:raises InvalidDateError: the half day lies in the future or too far back."""
    if day > today:
        raise InvalidDateError(f"the date {day} lies in the future; only absences that "
                               "happened can be registered", field="Datum")
    oldest = school_year_start(today.year - _OLDEST_SCHOOL_YEARS)
    if day < oldest:
        raise InvalidDateError(f"the date {day} lies before {oldest}: absence data are "
                               "kept only 5 years after the school year", field="Datum")


def enrollment_on(enrollments: Sequence[Enrollment], day: dt.date) -> Enrollment | None:
    """The enrollment among ``enrollments`` that runs on ``day``, if any."""
    for e in enrollments:
        if e.start_date <= day and (e.end_date is None or day <= e.end_date):
            return e
    return None


def require_enrolled(enrollments: Sequence[Enrollment], institution_number: str,
                     stamnummer: str, day: dt.date) -> Enrollment:
    """:raises NotEnrolledHereError: the student is not enrolled at the school that day.

    Absences go only to and from the school where the student is enrolled (004 §67).
    """
    found = enrollment_on(enrollments, day)
    if found is None:
        known = ", ".join(f"{e.start_date} to {e.end_date or 'open'}" for e in enrollments)
        raise NotEnrolledHereError(
            f"stamnummer {stamnummer} is not enrolled at {institution_number} on {day}"
            + (f" (its enrollments there: {known})" if known else
               " (no enrollment there at all)"), field="Stamnummer")
    return found


def check_item_fields(student_id: str, stamnummer: str) -> str:
    """:returns: the normalised stamnummer.

    :raises MissingFieldError: no Unieke Identificator Leerling.
    :raises InvalidStamnummerError: the stamnummer is not valid.
    """
    if not (student_id or "").strip():
        raise MissingFieldError("the Unieke Identificator Leerling is required",
                                field="UniekeIdentificatorLeerling")
    return identifiers.validate_stamnummer(stamnummer)


def check_item_count(count: int) -> None:
    """:raises TooManyItemsError: more than :data:`MAX_ITEMS_PER_MESSAGE` items."""
    if count > MAX_ITEMS_PER_MESSAGE:
        raise TooManyItemsError(
            f"the message holds {count} half days; at most {MAX_ITEMS_PER_MESSAGE} fit "
            "in one message: send the rest in further messages", field="Afwezigheden")


def duplicate_positions(keys: Sequence[tuple]) -> dict[int, int]:
    """Positions of items whose key appeared earlier in the same message.

    :returns: {position of the repeat: position of the first}, 0-based.
    """
    first: dict[tuple, int] = {}
    repeats: dict[int, int] = {}
    for position, key in enumerate(keys):
        if key in first:
            repeats[position] = first[key]
        else:
            first[key] = position
    return repeats


def duplicate_error(position: int, first: int) -> DomainError:
    return DuplicateItemError(
        f"this half day of this student is also item {first + 1} of the message; send "
        "each half day once", field="Afwezigheid")


def is_late(day: dt.date, today: dt.date) -> bool:
    return (today - day).days > ABSENCE_DEADLINE_DAYS


def problematic_school_years(today: dt.date) -> list[tuple[int, dt.date, dt.date]]:
    """The school years whose problematic absences a school may see for its students:
    the previous and the current one (000 §3.2), each as (year, first day, last day),
    the current one up to ``today``.
    """
    current = school_year(today)
    return [(current - 1, school_year_start(current - 1), school_year_end(current - 1)),
            (current, school_year_start(current), today)]
