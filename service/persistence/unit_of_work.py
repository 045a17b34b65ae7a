"""The unit of work: one database transaction per message (cosmicpython, chapter 6).

Leaving the ``with`` block without ``commit()`` rolls back. After ``commit()`` or
``rollback()`` the unit stays usable and the next statement opens a new transaction:
``services/exchange.py`` rolls a refused effect back and then journals the refusal.
"""
from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from discimus_service.persistence.repositories import (
    SqlEnrollments, SqlJournal, SqlMandates, SqlSchools, SqlSenders,
)
from discimus_service.services import ports


class SqlAlchemyUnitOfWork(ports.UnitOfWork):
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
            raise ports.DuplicateKeyError(str(error.orig)[:200]) from None

    def rollback(self) -> None:
        if self._connection is not None:
            self._connection.rollback()
