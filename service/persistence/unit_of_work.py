"""The unit of work: one database transaction per message (cosmicpython, chapter 6).

Leaving the ``with`` block without ``commit()`` rolls back. After ``commit()`` or
``rollback()`` the unit stays usable and the next statement opens a new transaction:
``services/exchange.py`` rolls a refused effect back and then journals the refusal.
"""
from __future__ import annotations

import time

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from discimus_service.persistence.absences import SqlAbsences
from discimus_service.persistence.boarding import SqlBoarding
from discimus_service.persistence.class_info import SqlClassInfo
from discimus_service.persistence.clb import SqlClb
from discimus_service.persistence.certificates import SqlCertificates
from discimus_service.persistence.characteristics import SqlCharacteristics
from discimus_service.persistence.dko import SqlDko, SqlIdentificationNumbers
from discimus_service.persistence.database import DEADLINE, READ_ONLY, disarm_deadline
from discimus_service.persistence.home_education import SqlHomeEducation
from discimus_service.persistence.repositories import (
    SqlEnrollments, SqlJournal, SqlMandates, SqlSchools, SqlSenders, is_unique_violation,
)
from discimus_service.persistence.operations import SqlAudit, SqlFaultRules, SqlRetention
from discimus_service.persistence.partner_repositories import SqlInterests, SqlPartners
from discimus_service.persistence.records import SqlRecords
from discimus_service.services import ports


class SqlAlchemyUnitOfWork(ports.UnitOfWork):
    """A unit of work on one pooled connection, Core statements only.

    A plain ``Connection`` rather than an ORM ``Session``: there is no identity map to
    flush or expire, which keeps the per-request cost to checking a connection out of
    the pool. A writing transaction on SQLite begins IMMEDIATE, a read-only one deferred
    (``database.make_engine``).

    :param engine: from :func:`discimus_service.persistence.database.make_engine`.
    :param read_only: only reads (the consultations): never takes SQLite's write lock;
        ``commit`` is refused.
    :param timeout: seconds the unit may take from ``with`` on (lock waits included);
        past it a statement fails with :class:`ports.DeadlineExceeded`, rolled back.
    :param page_size: the most items one answer lists (``ports.UnitOfWork.page_size``).
    """

    def __init__(self, engine: Engine, *, read_only: bool = False,
                 timeout: float | None = None,
                 page_size: int = ports.DEFAULT_PAGE_SIZE):
        self._engine = engine
        self._connection = None
        self._timeout = timeout
        self.read_only = read_only
        self.page_size = page_size

    def __enter__(self) -> "SqlAlchemyUnitOfWork":
        deadline = None if self._timeout is None else time.monotonic() + self._timeout
        self._connection = self._engine.connect().execution_options(
            **{READ_ONLY: self.read_only, DEADLINE: deadline})
        c = self._connection
        self.enrollments = SqlEnrollments(c)
        self.absences = SqlAbsences(c)
        self.records = SqlRecords(c)
        self.certificates = SqlCertificates(c)
        self.characteristics = SqlCharacteristics(c)
        self.schools = SqlSchools(c)
        self.senders = SqlSenders(c)
        self.mandates = SqlMandates(c)
        self.journal = SqlJournal(c)
        self.partners = SqlPartners(c)
        self.interests = SqlInterests(c)
        self.class_info = SqlClassInfo(c)
        self.boarding = SqlBoarding(c)
        self.audit = SqlAudit(c)
        self.fault_rules = SqlFaultRules(c)
        self.retention = SqlRetention(c)
        self.dko = SqlDko(c)
        self.numbers = SqlIdentificationNumbers(c)
        self.home_education = SqlHomeEducation(c)
        self.clb = SqlClb(c)
        return self

    def __exit__(self, *exc) -> None:
        try:
            # Past the deadline the handler would interrupt the ROLLBACK itself.
            disarm_deadline(self._connection)
            self.rollback()
        finally:
            self._connection.close()
            self._connection = None

    def commit(self) -> None:
        """:raises ports.DuplicateKeyError: a unique key was taken meanwhile."""
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        disarm_deadline(self._connection)
        try:
            self._connection.commit()
        except IntegrityError as error:
            self._connection.rollback()
            if not is_unique_violation(error):
                raise
            raise ports.DuplicateKeyError(str(error.orig)[:200]) from None

    def rollback(self) -> None:
        if self._connection is not None:
            self._connection.rollback()
