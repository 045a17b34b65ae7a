"""The unit of work: one database transaction per message (cosmicpython, chapter 6).

Leaving the ``with`` block without ``commit()`` rolls back. After ``commit()`` or
``rollback()`` the unit stays usable and the next statement opens a new transaction:
``services/exchange.py`` rolls a refused effect back and then journals the refusal.
"""
from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from discimus_service.persistence.repositories import (
    SqlEnrollments, SqlJournal, SqlMandates, SqlSchools, SqlSenders, is_unique_violation,
)
from discimus_service.persistence.partner_repositories import SqlInterests, SqlPartners
from discimus_service.services import ports


class SqlAlchemyUnitOfWork(ports.UnitOfWork):
    """A unit of work on one pooled connection, Core statements only.

    A plain ``Connection`` rather than an ORM ``Session``: there is no identity map to
    flush or expire, which keeps the per-request cost to checking a connection out of
    the pool. Every transaction on SQLite begins IMMEDIATE (``database.make_engine``).

    :param engine: from :func:`discimus_service.persistence.database.make_engine`.
    """

    def __init__(self, engine: Engine):
        self._engine = engine
        self._connection = None

    def __enter__(self) -> "SqlAlchemyUnitOfWork":
        self._connection = self._engine.connect()
        c = self._connection
        self.enrollments = SqlEnrollments(c)
        self.schools = SqlSchools(c)
        self.senders = SqlSenders(c)
        self.mandates = SqlMandates(c)
        self.journal = SqlJournal(c)
        self.partners = SqlPartners(c)
        self.interests = SqlInterests(c)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.rollback()
        finally:
            self._connection.close()
            self._connection = None

    def commit(self) -> None:
        """:raises ports.DuplicateKeyError: a unique key was taken meanwhile."""
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
