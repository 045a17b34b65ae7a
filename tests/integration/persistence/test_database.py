"""Engines: SQLite pragmas and immediate transactions, the PostgreSQL driver, migrate."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from discimus_service.persistence import database
from discimus_service.persistence.database import (
    current_revision, head_revision, make_engine, migrate,
)
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork


def test_a_sqlite_engine_creates_its_folder_and_sets_the_pragmas(tmp_path):
    path = tmp_path / "var" / "deep" / "discimus.sqlite"
    engine = make_engine(f"sqlite:///{path}", sqlite_synchronous="NORMAL")
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 1                  # NORMAL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 10_000
    engine.dispose()
    assert path.exists()


def test_sqlite_synchronous_is_full_or_normal(tmp_path):
    with pytest.raises(ValueError):
        make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}", sqlite_synchronous="OFF")


def test_every_sqlite_transaction_begins_immediate(tmp_path):
    """Even a unit that only read so far holds the write lock: no upgrade deadlock."""
    path = tmp_path / "immediate.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.journal.count() == 0
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        uow.rollback()
        other.execute("BEGIN IMMEDIATE")               # free again after the rollback
        other.execute("ROLLBACK")
    other.close()
    engine.dispose()


@pytest.mark.parametrize("url", ["postgresql://postgres@db.invalid/discimus",
                                 "postgresql+psycopg://postgres@db.invalid/discimus",
                                 "postgres://postgres@db.invalid/discimus"])
def test_postgresql_urls_use_psycopg_3(url):
    engine = make_engine(url)                            # connects lazily: no server needed
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    assert engine.pool._pre_ping


def test_migrate_at_head_does_not_run_alembic(engine, monkeypatch):
    from alembic import command

    def refuse(*_args, **_kwargs):
        raise AssertionError("migrate() ran alembic although the database is at head")
    monkeypatch.setattr(command, "upgrade", refuse)
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_the_first_migration_downgrades_and_upgrades_again(engine):
    from alembic import command
    from sqlalchemy import inspect
    with engine.begin() as connection:
        command.downgrade(database._alembic_config(connection), "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    assert current_revision(engine) == head_revision()
    assert {"schools", "senders", "mandates", "enrollments", "journal"} <= set(
        inspect(engine).get_table_names())


def test_threads_migrating_at_once_agree(database_url):
    engines = [make_engine(database_url) for _ in range(3)]
    errors = []

    def run(engine):
        try:
            migrate(engine)
        except Exception as error:                       # noqa: BLE001 - reported below
            errors.append(error)
    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert current_revision(engines[0]) == head_revision()
    for e in engines:
        e.dispose()
