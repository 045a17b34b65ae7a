"""The ports the use cases need: repositories and the unit of work.

Abstract here, implemented with SQLAlchemy in ``persistence/`` and with dicts in the unit
tests' fakes. Use cases only ever talk to these.
"""
from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable

from discimus_service.domain.absence import Absence, AbsenceCode
from discimus_service.domain.dko import Academy, DkoRegistration
from discimus_service.domain.identification_numbers import Channel, NumberRecord
from discimus_service.domain.audit import AuditEntry, FaultRule
from discimus_service.domain.clb import ClbNotification
from discimus_service.domain.motivated_report import MotivatedReport
from discimus_service.domain.boarding import BoardingEnrollment
from discimus_service.domain.characteristics import Declaration
from discimus_service.domain.class_info import (
    ClassAssignment, DirectorAssignment, SharingEvent,
)
from discimus_service.domain.certificate import Certificate
from discimus_service.domain.model import (
    Enrollment, JournalEntry, Mandate, MessageType, School, Sender,
)
from discimus_service.domain.home_education import (
    ExamResult, InspectionResult as HomeEducationInspection,
)
from discimus_service.domain.partners import InterestEvent, Partner, PartnerAuthorisation
from discimus_service.domain.retention import EnrollmentStub
from discimus_service.domain.records import Record, RecordKind


class EnrollmentRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, enrollment: Enrollment) -> None: ...

    @abc.abstractmethod
    def get(self, institution_number: str, stamnummer: str,
            start_date: dt.date) -> Enrollment | None:
        """The enrollment with this natural key, or None."""

    @abc.abstractmethod
    def at_institution(self, institution_number: str, stamnummer: str | None = None, *,
                       insz: str | None = None) -> list[Enrollment]:
        """Enrollments at an institution, by start date; of one student when given.

        Without ``stamnummer`` or ``insz`` that is the whole school: only for tools and
        tests, never on a request's path (its cost grows with the school).
        """

    @abc.abstractmethod
    def doubles_at(self, institution_number: str, *, on: dt.date | None = None,
                   after: tuple | None = None,
                   limit: int) -> list[tuple[Enrollment, Enrollment]]:
        """Candidate double enrollments of a school: (own, other) pairs, found by the store.

        The pairs :func:`domain.consultations.double_enrollment` accepts, in
        :func:`domain.consultations.order_key` order, starting after the key ``after``
        (keyset pagination), at most ``limit`` of them.
        """

    @abc.abstractmethod
    def for_students(self, inszs: Iterable[str]) -> list[Enrollment]:
        """All enrollments, at any institution, of the given INSZ numbers."""


class AbsenceRepository(abc.ABC):
    """Half days of absence (message type 2), keyed by school, stamnummer, date, half day."""

    @abc.abstractmethod
    def add_many(self, absences: list[Absence]) -> None:
        """Insert new half days in one statement (their ``id`` stays None: a bulk
        insert returns no keys on every driver); a key taken meanwhile by a concurrent
        transaction raises :class:`DuplicateKeyError` (here or at commit)."""

    @abc.abstractmethod
    def update(self, absence: Absence) -> None:
        """Store the code, student id, sender and day of an existing half day."""

    @abc.abstractmethod
    def remove(self, ids: list[int]) -> None: ...

    @abc.abstractmethod
    def of_students(self, institution_number: str, stamnummers: Iterable[str],
                    first: dt.date, last: dt.date) -> list[Absence]:
        """The school's half days of these students from ``first`` to ``last``."""

    @abc.abstractmethod
    def count_code(self, institution_number: str, stamnummers: Iterable[str],
                   code: AbsenceCode, first: dt.date, last: dt.date) -> dict[str, int]:
        """How many half days with ``code`` each of these students has at the school
        from ``first`` to ``last``; students without any are left out."""

    @abc.abstractmethod
    def page(self, institution_number: str, *, stamnummer: str | None,
             first: dt.date | None, last: dt.date | None,
             after: tuple[dt.date, int] | None, limit: int) -> list[Absence]:
        """At most ``limit`` of the school's half days ordered by (date, id), those
        after the (date, id) ``after``, optionally of one student and within dates."""


class RecordRepository(abc.ABC):
    """Dated records of message types 5, 6 and 8, keyed by kind, school and record key."""

    @abc.abstractmethod
    def add(self, record: Record) -> None:
        """Insert; a key taken meanwhile raises :class:`DuplicateKeyError` (here or at
        commit)."""

    @abc.abstractmethod
    def get(self, kind: RecordKind, institution_number: str, key: str) -> Record | None: ...

    @abc.abstractmethod
    def replace(self, record: Record) -> None:
        """Store every field of the record with ``record.id``."""

    @abc.abstractmethod
    def remove(self, record_id: int) -> None: ...

    @abc.abstractmethod
    def of_school(self, kind: RecordKind, institution_number: str, *,
                  first: dt.date | None, last: dt.date | None,
                  include_other: bool = False) -> list[Record]:
        """The school's records of this kind, by start date, optionally from ``first``
        to ``last``; with ``include_other`` also those naming it as the other school
        (the special-needs school that supports a student)."""


class CertificateRepository(abc.ABC):
    """Certificates (message type 4), keyed by school, stamnummer, kind, school year."""

    @abc.abstractmethod
    def add(self, certificate: Certificate) -> None:
        """Insert one; a key taken meanwhile raises :class:`DuplicateKeyError`."""

    @abc.abstractmethod
    def update(self, certificate: Certificate) -> None:
        """Store the data, student id, sender and day of an existing certificate."""

    @abc.abstractmethod
    def remove(self, ids: list[int]) -> None: ...

    @abc.abstractmethod
    def of_students(self, institution_number: str,
                    stamnummers: Iterable[str]) -> list[Certificate]:
        """The school's certificates of these students, by date obtained."""

    @abc.abstractmethod
    def of_person(self, insz: str) -> list[Certificate]:
        """Every school's certificates of this INSZ, by date obtained."""

    @abc.abstractmethod
    def page(self, institution_number: str, *, stamnummer: str | None,
             school_year: int | None, after: int | None,
             limit: int) -> list[Certificate]:
        """At most ``limit`` of the school's certificates in id order, those after
        the id ``after``, optionally of one student and one school year."""


class CharacteristicsRepository(abc.ABC):
    """Declarations on honour (message type 3), keyed by school, stamnummer and date."""

    @abc.abstractmethod
    def add_many(self, declarations: list[Declaration]) -> None:
        """Insert new declarations in one statement (their ``id`` stays None); a key
        taken meanwhile by a concurrent transaction raises :class:`DuplicateKeyError`
        (here or at commit)."""

    @abc.abstractmethod
    def update(self, declaration: Declaration) -> None:
        """Store the values, student id, sender and day of an existing declaration."""

    @abc.abstractmethod
    def remove(self, ids: list[int]) -> None: ...

    @abc.abstractmethod
    def of_students(self, institution_number: str,
                    stamnummers: Iterable[str]) -> list[Declaration]:
        """Every declaration the school registered for these students, any date."""

    @abc.abstractmethod
    def page(self, institution_number: str, *, stamnummer: str | None,
             after: int | None, limit: int) -> list[Declaration]:
        """At most ``limit`` of the school's declarations in registration (id) order,
        those after the id ``after``, optionally of one student."""


class BoardingRepository(abc.ABC):
    """Stays of boarders at boarding schools (message type 7), keyed by boarding school,
    stamnummer and start date."""

    @abc.abstractmethod
    def add(self, stay: BoardingEnrollment) -> None:
        """Insert a new stay (its ``id`` is set) or update a stored one."""

    @abc.abstractmethod
    def get(self, institution_number: str, stamnummer: str,
            start_date: dt.date) -> BoardingEnrollment | None: ...

    @abc.abstractmethod
    def of_boarder(self, institution_number: str, stamnummer: str,
                   insz: str | None) -> list[BoardingEnrollment]:
        """The boarding school's stays of the boarder with this stamnummer or INSZ."""

    @abc.abstractmethod
    def starting_in(self, institution_number: str, first: dt.date, last: dt.date, *,
                    stamnummer: str | None = None) -> list[BoardingEnrollment]:
        """The boarding school's stays starting from ``first`` to ``last``, by start
        date and stamnummer; of one boarder when given."""


class SchoolRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, school: School) -> None: ...

    @abc.abstractmethod
    def get(self, institution_number: str) -> School | None: ...


class SenderRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, sender: Sender) -> None: ...

    @abc.abstractmethod
    def get(self, sender_id: str) -> Sender | None: ...

    @abc.abstractmethod
    def set_profile(self, sender_id: str, profile: str) -> None:
        """Set the sender's WS-Security profile (a ``SecurityProfile`` value)."""


class MandateRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, mandate: Mandate) -> None: ...

    @abc.abstractmethod
    def find(self, sender_id: str, institution_number: str,
             message_type: MessageType) -> list[Mandate]:
        """Every mandate of this sender for this school and message type, any period."""


class JournalRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, entry: JournalEntry) -> None: ...

    @abc.abstractmethod
    def find(self, sender_id: str, referte: str) -> JournalEntry | None: ...

    @abc.abstractmethod
    def add_replay_key(self, replay_key: str, sender_id: str,
                       received_at: dt.datetime) -> None:
        """Remember a verified message's replay key; a key taken meanwhile by a
        concurrent transaction raises :class:`DuplicateKeyError` (here or at commit)."""

    @abc.abstractmethod
    def has_replay_key(self, replay_key: str) -> bool:
        """Whether a message with this replay key was received, whatever its verdict."""

    @abc.abstractmethod
    def count(self) -> int: ...


class PartnerRepository(abc.ABC):
    """Partner agencies, their MAGDA identification and their authorisations."""

    @abc.abstractmethod
    def add(self, partner: Partner) -> None: ...

    @abc.abstractmethod
    def get(self, sender_id: str) -> Partner | None: ...

    @abc.abstractmethod
    def add_authorisation(self, authorisation: PartnerAuthorisation) -> None: ...

    @abc.abstractmethod
    def authorisations(self, sender_id: str, service: str) -> list[PartnerAuthorisation]:
        """Every authorisation of this partner for this service, any period."""


class InterestRepository(abc.ABC):
    """The register of partners' interest in persons (MAGDA's repertorium)."""

    @abc.abstractmethod
    def add(self, event: InterestEvent, received_at: dt.datetime) -> None: ...

    @abc.abstractmethod
    def of_person(self, sender_id: str, insz: str) -> list[InterestEvent]:
        """This partner's events about this INSZ, in order of arrival."""


class HomeEducationRepository(abc.ABC):
    """Home education: the inspectorate's control results and exam-board results."""

    @abc.abstractmethod
    def put_inspection(self, result: HomeEducationInspection, received_at: dt.datetime
                       ) -> bool:
        """Store it, replacing one of the same INSZ and visit date; whether it did."""

    @abc.abstractmethod
    def inspections(self, insz: str) -> list[HomeEducationInspection]:
        """The person's control results, oldest visit first."""

    @abc.abstractmethod
    def put_exam(self, result: ExamResult, received_at: dt.datetime) -> bool:
        """Store it, replacing one of the same INSZ and decision date; whether it did."""

    @abc.abstractmethod
    def exams(self, insz: str) -> list[ExamResult]:
        """The person's exam-board results, oldest decision first."""


class ClassInfoRepository(abc.ABC):
    """LeerID class information: director's assignments, sharing events, classes."""

    @abc.abstractmethod
    def add_director(self, assignment: DirectorAssignment) -> None: ...

    @abc.abstractmethod
    def directors(self, institution_number: str) -> list[DirectorAssignment]: ...

    @abc.abstractmethod
    def add_event(self, event: SharingEvent) -> None: ...

    @abc.abstractmethod
    def events(self, institution_number: str) -> list[SharingEvent]:
        """The school's sharing events, in order of arrival."""

    @abc.abstractmethod
    def put_classes(self, assignments: list[ClassAssignment],
                    sender_id: str) -> tuple[int, int]:
        """Store each student's class, replacing a different earlier one (an unchanged
        one keeps its ``since``): how many were (new, changed)."""

    @abc.abstractmethod
    def classes(self, institution_number: str) -> list[ClassAssignment]:
        """The school's classes, by stamnummer."""

    @abc.abstractmethod
    def remove_classes(self, institution_number: str) -> int:
        """Remove every class of the school; how many there were."""


class AuditRepository(abc.ABC):
    """The audit of partner consultations (domain/audit.py)."""

    @abc.abstractmethod
    def add(self, entry: AuditEntry) -> None: ...

    @abc.abstractmethod
    def find(self, *, insz: str | None = None, sender_id: str | None = None,
             limit: int = 1000) -> list[AuditEntry]:
        """Entries about this INSZ and/or by this sender, oldest first."""


class DkoRepository(abc.ABC):
    """The DKO channel: academies, their mandates and their students' registrations."""

    @abc.abstractmethod
    def add_academy(self, academy: Academy) -> None: ...

    @abc.abstractmethod
    def get_academy(self, institution_number: str) -> Academy | None: ...

    @abc.abstractmethod
    def add_mandate(self, mandate: Mandate) -> None: ...

    @abc.abstractmethod
    def mandates(self, sender_id: str, institution_number: str) -> list[Mandate]:
        """Every DKO mandate of this sender for this academy, any period."""

    @abc.abstractmethod
    def add(self, registration: DkoRegistration) -> None:
        """Insert (``id`` None; sets it) or update a registration."""

    @abc.abstractmethod
    def get(self, institution_number: str, stamnummer: str,
            school_year: int) -> DkoRegistration | None: ...

    @abc.abstractmethod
    def of_student(self, institution_number: str, *, stamnummer: str | None = None,
                   insz: str | None = None) -> list[DkoRegistration]:
        """The academy's registrations with this stamnummer, or of this INSZ."""

    @abc.abstractmethod
    def pending(self) -> list[DkoRegistration]:
        """Running registrations without an INSZ, by academy and stamnummer."""

    @abc.abstractmethod
    def with_insz_born(self, birth_date: dt.date) -> list[DkoRegistration]:
        """Registrations that carry an INSZ, of students born on that day."""


class IdentificationNumberRepository(abc.ABC):
    """The administration's answers about numbers, and what a match searches."""

    @abc.abstractmethod
    def add(self, record: NumberRecord) -> None: ...

    @abc.abstractmethod
    def of_student(self, channel: Channel, institution_number: str,
                   stamnummer: str) -> list[NumberRecord]: ...

    @abc.abstractmethod
    def page(self, channel: Channel, institution_number: str, *,
             stamnummer: str | None, after: int | None, limit: int) -> list[NumberRecord]:
        """At most ``limit`` of an institution's records in ``id`` order, after ``after``."""

    @abc.abstractmethod
    def given_born(self, birth_date: dt.date) -> list[NumberRecord]:
        """Supplied and pseudo numbers of students born on that day."""

    @abc.abstractmethod
    def pseudo_numbers(self, prefix: str) -> set[str]:
        """The pseudo numbers given out that start with ``prefix``."""

    @abc.abstractmethod
    def pending_enrollments(self) -> list[Enrollment]:
        """Message type 1: enrollments without an INSZ (the latest per student)."""

    @abc.abstractmethod
    def enrollments_born(self, birth_date: dt.date) -> list[Enrollment]:
        """Message type 1: enrollments with an INSZ of students born on that day."""


class FaultRuleRepository(abc.ABC):
    """Testers' fault rules for the MAGDA services (domain/audit.py)."""

    @abc.abstractmethod
    def add(self, rule: FaultRule, created_at: dt.datetime) -> int:
        """Store a rule; its id."""

    @abc.abstractmethod
    def all(self) -> list[FaultRule]: ...

    @abc.abstractmethod
    def remove(self, *, rule_id: int | None = None, service: str | None = None,
               insz: str | None = None) -> int:
        """Remove the rules matching every given criterion (all without any); how many."""


class RetentionRepository(abc.ABC):
    """What the retention run counts and removes (domain/retention.py)."""

    @abc.abstractmethod
    def absences_before(self, day: dt.date, *, remove: bool) -> int: ...

    @abc.abstractmethod
    def journal_before(self, day: dt.date, *, remove: bool) -> int: ...

    @abc.abstractmethod
    def audit_before(self, day: dt.date, *, remove: bool) -> int: ...

    @abc.abstractmethod
    def enrollment_stubs(self) -> list[EnrollmentStub]: ...

    @abc.abstractmethod
    def remove_enrollments(self, ids: list[int]) -> None: ...

    @abc.abstractmethod
    def person_rows(self, school_keys: list[tuple[str, str]], inszs: list[str], *,
                    remove: bool) -> dict[str, int]:
        """Count (or remove) the rows of ``domain.retention.PERSON_TABLES`` held by
        these (institution, stamnummer) keys or INSZs; per table."""


class ClbRepository(abc.ABC):
    """Which CLB guides which school, and every CLB's notification feed (domain/clb.py)."""

    @abc.abstractmethod
    def assign(self, institution_number: str, clb_id: str) -> None:
        """The school is guided by the CLB ``clb_id`` (replacing an earlier one)."""

    @abc.abstractmethod
    def guiding(self, institution_number: str) -> str | None:
        """The sender id of the CLB guiding the school, or None."""

    @abc.abstractmethod
    def notified(self, insz: str, school_year: int) -> set[int]:
        """The thresholds already notified for this INSZ and school year (any CLB)."""

    @abc.abstractmethod
    def add(self, notification: ClbNotification) -> int:
        """Append to the CLB's feed; its sequence number (the CLB's last plus one)."""

    @abc.abstractmethod
    def feed(self, clb_id: str, after: int, limit: int) -> list[ClbNotification]:
        """The CLB's notifications numbered above ``after``, in order, at most ``limit``."""

    @abc.abstractmethod
    def put_report(self, report: MotivatedReport, received_at: dt.datetime) -> bool:
        """Store a motivated report; one with the same CLB, INSZ, date and type takes
        the new validity. True when it was new."""

    @abc.abstractmethod
    def reports_of(self, insz: str) -> list[MotivatedReport]:
        """Every motivated report about this INSZ, oldest first."""


class DuplicateKeyError(Exception):
    """A unique key was taken by a concurrent transaction; raised by ``commit``."""


class DeadlineExceeded(Exception):
    """The transaction ran out of time (its own budget or a lock wait); rolled back."""


# Most doubles in one answer; more are given in parts (Vervolg). Settings can lower it.
DEFAULT_PAGE_SIZE = 500


class UnitOfWork(abc.ABC):
    """One transaction. Leaving the ``with`` block without ``commit()`` rolls back.

    Made with ``read_only=True`` it only reads: on SQLite it never takes the write lock,
    so a long consultation does not hold up registrations; committing it is an error.
    """

    read_only: bool = False
    page_size: int = DEFAULT_PAGE_SIZE     # the most items one answer lists
    enrollments: EnrollmentRepository
    absences: AbsenceRepository
    characteristics: CharacteristicsRepository
    records: RecordRepository
    certificates: CertificateRepository
    schools: SchoolRepository
    senders: SenderRepository
    mandates: MandateRepository
    journal: JournalRepository
    partners: PartnerRepository
    interests: InterestRepository
    dko: DkoRepository
    numbers: IdentificationNumberRepository
    class_info: ClassInfoRepository
    audit: AuditRepository
    fault_rules: FaultRuleRepository
    retention: RetentionRepository
    boarding: BoardingRepository
    home_education: HomeEducationRepository
    clb: ClbRepository

    def __enter__(self) -> "UnitOfWork":
        return self

    def __exit__(self, *exc) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None:
        """Commit; raises :class:`DuplicateKeyError` when a unique key was taken."""

    @abc.abstractmethod
    def rollback(self) -> None: ...
