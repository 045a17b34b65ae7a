"""Plain values going in and coming out of the client. No zeep objects leak out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


# -- in --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Address:
    street: str | None
    house_number: str | None
    postcode: str | None
    municipality: str | None
    country: str = "00150"          # NIS code; 00999 other/unknown (street stays empty)
    box: str | None = None


@dataclass(frozen=True)
class Student:
    insz: str | None                # None while pending a number
    stamnummer: str
    first_name: str
    last_name: str
    birth_date: dt.date
    sex: str                        # M, V or X
    address: Address
    nationality: str = "00150"


@dataclass(frozen=True)
class EnrollmentData:
    institution_number: str
    administrative_group: str
    start_date: dt.date
    registration_date: dt.date
    first_attendance_date: dt.date | None = None
    establishment: str | None = None


@dataclass(frozen=True)
class HalfDayAbsence:
    """One half day of absence (message type 2), going in or coming out.

    ``half_day`` is ``VM`` (morning) or ``NM`` (afternoon); ``code`` one of A, M, R, Z,
    H, P, B (N and X only for 2020-2022). ``institution_number`` is set on what
    GeefAfwezigheden returns.
    """

    student_id: str                 # Unieke Identificator Leerling in your package
    stamnummer: str
    date: dt.date
    half_day: str
    code: str | None = None
    institution_number: str | None = None
    without_certificate: bool = False   # Z on a parents' note (ZonderMedischAttest)


# -- out -------------------------------------------------------------------------------
@dataclass(frozen=True)
class BoardingData:
    """A boarder's stay at a boarding school (message type 7), going in.

    ``agreement_framework`` and ``support_plan`` (afsprakenkader, ondersteuningsplan)
    are required from school year 2024-2025 on and refused before; ``school_number``
    only for a European or recognised non-funded school.
    """

    institution_number: str         # the boarding school
    establishment: str              # vestigingsplaats
    start_date: dt.date
    end_date: dt.date | None = None
    itinerant_parents: bool = False
    school_number: str | None = None
    agreement_framework: bool | None = None
    support_plan: bool | None = None


# -- out -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Uitzondering:
    """One MAGDA Uitzondering, typed: ``code`` is the stable number (see README)."""

    code: int
    type: str                       # FOUT, WAARSCHUWING or INFORMATIE
    diagnose: str
    oorsprong: str = ""
    omstandigheid: str | None = None


@dataclass(frozen=True)
class EnrollmentInfo:
    discimus_referte: int | None
    institution_number: str
    institution_name: str | None
    stamnummer: str
    administrative_group: str | None
    start_date: dt.date | None
    registration_date: dt.date | None
    first_attendance_date: dt.date | None
    end_date: dt.date | None
    status: str | None


@dataclass(frozen=True)
class DoubleEnrollment:
    insz: str
    last_name: str
    first_name: str
    own: EnrollmentInfo
    other: EnrollmentInfo
    overlap_start: dt.date
    overlap_end: dt.date | None


@dataclass(frozen=True)
class MotivatedReport:
    """A CLB's motivated report for special-needs education (GemotiveerdVerslag)."""

    report_date: dt.date
    kind: str                       # BA, 2, 3, 4, 6, 7 or 9
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class Career:
    insz: str | None
    stamnummer: str
    here: EnrollmentInfo
    previous: EnrollmentInfo | None
    next: EnrollmentInfo | None
    # The most recent valid motivated report, when the service answers one (VTC 06/2016).
    motivated_report: MotivatedReport | None = None


@dataclass(frozen=True)
class AbsencesProcessed:
    """What RegistreerAfwezigheden or AnnuleerAfwezigheden did, in half days."""

    institution_number: str
    new: int
    replaced: int
    unchanged: int
    cancelled: int


@dataclass(frozen=True)
class ProblematicAbsences:
    """A student's problematic half days (code B) at another school in one school year."""

    stamnummer: str                 # the student's number at the asking school
    insz: str
    other_institution_number: str
    school_year: int                # the starting year: 2025 is 2025-2026
    half_days: int


@dataclass(frozen=True)
class Measure:
    """A disciplinary measure (message type 5): PS preventive suspension, TU temporary
    exclusion, DU definitive exclusion (no end date)."""

    institution_number: str
    student_id: str                 # Unieke Identificator Leerling in your package
    stamnummer: str
    insz: str
    type: str
    start_date: dt.date
    end_date: dt.date | None = None
    received_on: dt.date | None = None


@dataclass(frozen=True)
class SupportedStudent:
    """A student of an ordinary school supported under the support model (type 6)."""

    institution_number: str         # the ordinary school
    student_id: str
    stamnummer: str
    start_date: dt.date
    supporting_institution: str     # the special-needs school
    insz: str | None = None
    school_year: int | None = None
    received_on: dt.date | None = None


@dataclass(frozen=True)
class Refusal:
    """A refused (W) or dissolved (O) enrollment (message type 8)."""

    institution_number: str
    student_id: str
    insz: str
    kind: str
    date: dt.date
    stamnummer: str | None = None   # the dissolved enrollment's
    received_on: dt.date | None = None


@dataclass(frozen=True)
class RecordProcessed:
    """What a registration, correction or cancellation of a record did: ``outcome`` is
    NIEUW, GEWIJZIGD, ONGEWIJZIGD or GEANNULEERD."""

    institution_number: str
    outcome: str
    record: Measure | SupportedStudent | Refusal


@dataclass(frozen=True)
class BoardingInfo:
    """A stay as Discimus holds it (message type 7)."""

    discimus_referte: int
    institution_number: str
    stamnummer: str
    insz: str | None
    last_name: str
    first_name: str
    establishment: str
    school_year: int                # the starting year: 2025 is 2025-2026
    start_date: dt.date
    end_date: dt.date | None
    itinerant_parents: bool
    school_number: str | None
    agreement_framework: bool | None
    support_plan: bool | None


@dataclass(frozen=True)
class SchoolEnrollment:
    """Where a boarder goes to school: a school's enrollment (message type 1)."""

    institution_number: str
    institution_name: str | None
    administrative_group: str
    start_date: dt.date
    end_date: dt.date | None
    kind_of_education: str          # SoortOnderwijs: 1 ordinary, 2 special needs


@dataclass(frozen=True)
class BoarderSchools:
    """One stay and the school enrollments that share a day with it."""

    stamnummer: str
    insz: str | None
    last_name: str
    first_name: str
    start_date: dt.date
    end_date: dt.date | None
    school_number: str | None
    school_name: str | None
    schools: list[SchoolEnrollment]


@dataclass(frozen=True)
class SchoolCount:
    """One school's share of a student's running counts (004 §78: numbers, no days)."""

    institution_number: str
    problematic_half_days: int
    sick_notes: int | None = None   # None in a GeefLeerlingenMet30Problematisch answer


@dataclass(frozen=True)
class RunningCounts:
    """A student's problematic half days (B) and sick notes without a medical
    certificate this school year, over every school attended."""

    stamnummer: str                 # the student's number at the asking school
    insz: str | None
    problematic_half_days: int
    sick_notes: int
    problematic_limit_reached: bool     # 30 or more
    sick_notes_over_limit: bool         # more than 4
    thirtieth_on: dt.date | None
    schools: list[SchoolCount]


@dataclass(frozen=True)
class SchoolYearCounts:
    institution_number: str
    school_year: int
    students: list[RunningCounts]


@dataclass(frozen=True)
class ThirtyReached:
    """A student at 30 problematic half days or more this school year, across schools
    (quality feedback)."""

    stamnummer: str
    insz: str | None
    problematic_half_days: int
    thirtieth_on: dt.date
    schools: list[SchoolCount]


@dataclass(frozen=True)
class ThirtyList:
    institution_number: str
    school_year: int
    students: list[ThirtyReached]


@dataclass(frozen=True)
class NurserySchool:
    institution_number: str
    school_half_days: int
    absent: int
    present: int


@dataclass(frozen=True)
class NurseryAttendance:
    """A student's half days of nursery attendance in one school year (004 §34)."""

    stamnummer: str
    insz: str | None
    birth_date: dt.date
    age: int
    school_half_days: int
    absent: int
    present: int
    threshold: int | None           # None: no threshold for this age
    threshold_met: bool | None
    schools: list[NurserySchool]


@dataclass(frozen=True)
class NurseryYear:
    institution_number: str
    school_year: int
    calendar_approximate: bool
    students: list[NurseryAttendance]


@dataclass(frozen=True)
class EnrolledStudent:
    stamnummer: str
    insz: str | None
    first_name: str
    last_name: str
    birth_date: dt.date
    administrative_group: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass(frozen=True)
class EnrolledStudents:
    institution_number: str
    on: dt.date
    students: list[EnrolledStudent]


@dataclass(frozen=True)
class ListedStudent:
    """One student as your package has it, for VergelijkLeerlingen."""

    stamnummer: str
    insz: str | None
    first_name: str
    last_name: str
    birth_date: dt.date
    administrative_group: str | None = None


@dataclass(frozen=True)
class Difference:
    stamnummer: str
    kind: str                       # ONTBREEKT_BIJ_AGODI, ONBEKEND_BIJ_SCHOOL, AFWIJKEND
    field: str | None = None
    at_school: str | None = None
    at_agodi: str | None = None


@dataclass(frozen=True)
class Comparison:
    institution_number: str
    on: dt.date
    compared: int
    held: int
    differences: list[Difference]


@dataclass(frozen=True)
class Problem:
    kind: str
    stamnummer: str
    detail: str
    first: dt.date | None
    last: dt.date | None
    other_institution_number: str | None = None


@dataclass(frozen=True)
class Problems:
    institution_number: str
    problems: list[Problem]


@dataclass(frozen=True)
class Result(Generic[T]):
    """The answer to one question: its content (None when refused) and Uitzonderingen.

    ``continuation`` is set on a page of a paged answer (GeefDubbeleInschrijvingen) when
    more follow: pass it back to get the next page.
    """

    referte: str
    inhoud: T | None
    uitzonderingen: tuple[Uitzondering, ...] = field(default_factory=tuple)
    continuation: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> tuple[Uitzondering, ...]:
        return tuple(u for u in self.uitzonderingen if u.type == "FOUT")

    @property
    def warnings(self) -> tuple[Uitzondering, ...]:
        return tuple(u for u in self.uitzonderingen if u.type != "FOUT")

    def codes(self) -> list[int]:
        return [u.code for u in self.uitzonderingen]
