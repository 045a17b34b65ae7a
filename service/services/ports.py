"""The ports the use cases need: repositories and the unit of work.

Abstract here, implemented with SQLAlchemy in ``persistence/`` and with dicts in the unit
tests' fakes. Use cases only ever talk to these.
"""
from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Iterable

from discimus_service.domain.model import (
    Enrollment, JournalEntry, Mandate, MessageType, School, Sender,
)
from discimus_service.domain.partners import InterestEvent, Partner, PartnerAuthorisation


class EnrollmentRepository(abc.ABC):
    @abc.abstractmethod
    def add(self, enrollment: Enrollment) -> None: ...

    @abc.abstractmethod
    def get(self, institution_number: str, stamnummer: str,
            start_date: dt.date) -> Enrollment | None:
        """The enrollment with this natural key, or None."""

    @abc.abstractmethod
    def at_institution(self, institution_number: str,
                       stamnummer: str | None = None) -> list[Enrollment]:
        """All enrollments at an institution (optionally of one stamnummer), by start date."""

    @abc.abstractmethod
    def for_students(self, inszs: Iterable[str]) -> list[Enrollment]:
        """All enrollments, at any institution, of the given INSZ numbers."""


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


class DuplicateKeyError(Exception):
    """A unique key was taken by a concurrent transaction; raised by ``commit``."""


class UnitOfWork(abc.ABC):
    """One transaction. Leaving the ``with`` block without ``commit()`` rolls back."""

    enrollments: EnrollmentRepository
    schools: SchoolRepository
    senders: SenderRepository
    mandates: MandateRepository
    journal: JournalRepository
    partners: PartnerRepository
    interests: InterestRepository

    def __enter__(self) -> "UnitOfWork":
        return self

    def __exit__(self, *exc) -> None:
        self.rollback()

    @abc.abstractmethod
    def commit(self) -> None:
        """Commit; raises :class:`DuplicateKeyError` when a unique key was taken."""

    @abc.abstractmethod
    def rollback(self) -> None: ...
