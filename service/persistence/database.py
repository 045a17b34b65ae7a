"""Engines, migrations and row counts.

SQLite (the embedded default) runs in WAL mode, every writing transaction ``BEGIN
IMMEDIATE``: two gunicorn workers that both read then write would otherwise deadlock on
the lock upgrade and fail with SQLITE_BUSY at once; immediate transactions queue on
``busy_timeout`` instead. A read-only unit of work (the consultations) begins deferred:
in WAL it reads a snapshot and never takes the write lock, so writers go on meanwhile.
``synchronous=FULL`` by default: nothing acknowledged is lost on a power cut.
PostgreSQL is used through psycopg 3; a read-only unit is ``SET TRANSACTION READ ONLY``.

A unit of work may carry a deadline: PostgreSQL gets it as ``statement_timeout``,
SQLite as its busy timeout and a progress handler that interrupts a statement past it.
Either way the database rolls back and :class:`ports.DeadlineExceeded` is raised, which
the service answers with a signed fault (S501), never with a worker killed by gunicorn.
"""
from __future__ import annotations

import contextlib
import fcntl
import functools
import sqlite3
import time
from pathlib import Path

from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import Engine, make_url

from discimus_service.persistence import tables
from discimus_service.services.ports import DeadlineExceeded

# Connection execution options the unit of work sets; read by the "begin" listeners.
READ_ONLY = "discimus_read_only"
DEADLINE = "discimus_deadline"       # time.monotonic() value, or None

HERE = Path(__file__).resolve().parent
_MIGRATION_LOCK = 0x44495343   # "DISC": pg_advisory_xact_lock key for migrations


_BUSY_TIMEOUT_MS = 10_000


def make_engine(url: str, *, sqlite_synchronous: str = "FULL") -> Engine:
    """An engine for a SQLite file or a PostgreSQL database.

    :param url: ``sqlite:///path``, or ``postgresql://`` (psycopg 3 is used either way).
    :param sqlite_synchronous: ``FULL`` (the default: an acknowledged message survives a
        power cut) or ``NORMAL`` (faster; WAL stays consistent, the last commits may go).
    :raises ValueError: ``sqlite_synchronous`` is neither.
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed, sqlite_synchronous)
    else:
        engine = create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5)
        event.listen(engine, "begin", _on_begin_postgresql)
    event.listen(engine, "handle_error", _deadline_errors)
    return engine


def _remaining_ms(connection) -> int | None:
    """Milliseconds left before the unit of work's deadline; None without one."""
    deadline = connection.get_execution_options().get(DEADLINE)
    if deadline is None:
        return None
    remaining = int((deadline - time.monotonic()) * 1000)
    if remaining <= 0:
        raise DeadlineExceeded("the transaction's time was up before it began")
    return remaining


def _on_begin_postgresql(connection) -> None:
    # psycopg opens the transaction with the first statement; these are that statement,
    # so they apply to this transaction only (SET LOCAL ends with it).
    settings = []
    if connection.get_execution_options().get(READ_ONLY):
        settings.append("SET TRANSACTION READ ONLY")
    remaining = _remaining_ms(connection)
    if remaining is not None:
        settings.append(f"SET LOCAL statement_timeout = {remaining:d}")
    if settings:
        connection.exec_driver_sql("; ".join(settings))


def _deadline_errors(context) -> None:
    """Time-outs as :class:`DeadlineExceeded`, whatever the database calls them."""
    orig = context.original_exception
    # PostgreSQL: query_canceled (statement_timeout), lock_not_available (lock_timeout).
    if getattr(orig, "sqlstate", None) in ("57014", "55P03"):
        raise DeadlineExceeded(str(orig).splitlines()[0][:200]) from orig
    if isinstance(orig, sqlite3.OperationalError) and (
            "interrupted" in str(orig) or "database is locked" in str(orig)):
        raise DeadlineExceeded(str(orig)[:200]) from orig


def _sqlite_engine(url, synchronous: str) -> Engine:
    synchronous = synchronous.upper()
    if synchronous not in ("FULL", "NORMAL"):
        raise ValueError("sqlite synchronous must be FULL or NORMAL")
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    # The driver's timeout is the busy timeout from the first statement on.
    engine = create_engine(url, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # The driver's own transaction handling is switched off; we emit BEGIN below
        # (the SQLAlchemy recipe for pysqlite, "Serializable isolation / Savepoints").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        _arm_sqlite_deadline(connection, _remaining_ms(connection))
        read_only = bool(connection.get_execution_options().get(READ_ONLY))
        info = connection.connection.info
        if info.get("query_only", False) != read_only:
            # A deferred transaction could still write (and then take the lock):
            # query_only makes any write in it fail instead.
            connection.connection.driver_connection.execute(
                f"PRAGMA query_only={int(read_only)}")
            info["query_only"] = read_only
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def _arm_sqlite_deadline(connection, remaining_ms: int | None) -> None:
    """Busy timeout and progress handler for this transaction's deadline (or none).

    The busy timeout bounds the wait for the write lock, the progress handler the
    statements themselves (it is called every 1,000 virtual-machine steps, ~0.1 ms, and
    a true answer interrupts the statement: SQLITE_INTERRUPT, the transaction rolls back).
    """
    raw = connection.connection.driver_connection
    info = connection.connection.info
    busy = _BUSY_TIMEOUT_MS if remaining_ms is None else min(_BUSY_TIMEOUT_MS, remaining_ms)
    if info.get("busy_ms") != busy:
        raw.execute(f"PRAGMA busy_timeout={busy:d}")
        info["busy_ms"] = busy
    if remaining_ms is None:
        if info.pop("deadline", None) is not None:
            raw.set_progress_handler(None, 0)
        return
    deadline = time.monotonic() + remaining_ms / 1000
    info["deadline"] = deadline
    raw.set_progress_handler(lambda: time.monotonic() > deadline, 1000)


def disarm_deadline(connection) -> None:
    """No interruption from here on: a COMMIT is never cut short half way."""
    if connection.dialect.name != "sqlite" or connection.closed or connection.invalidated:
        return
    if connection.connection.info.pop("deadline", None) is not None:
        connection.connection.driver_connection.set_progress_handler(None, 0)


def _switch_to_wal(cursor) -> None:
    """``PRAGMA journal_mode=WAL``, waiting for a concurrent first connection.

    SQLite does not call the busy handler for a journal-mode change: two workers opening
    a fresh file at once get "database is locked" at once (seen 3 runs in 12 with three
    threads). Once the file is in WAL the pragma is a no-op, so retrying is safe.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _alembic_config(connection):
    from alembic.config import Config
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str:
    """The newest migration shipped with this code (read once per process)."""
    from alembic.script import ScriptDirectory
    config = _alembic_config(None)
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None before the first migration."""
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        connection.rollback()
    return revision


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest migration; a no-op when it is there.

    Safe when several workers start at once: PostgreSQL takes an advisory lock in the
    migration's transaction, SQLite serialises on a lock file and BEGIN IMMEDIATE; the
    one that waited finds the database at head and Alembic does nothing. At head
    already (every start but the first) it costs one query, not an Alembic run.

    :param engine: from :func:`make_engine`.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return
    from alembic import command
    with _file_lock(engine):
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                   {"k": _MIGRATION_LOCK})
            command.upgrade(_alembic_config(connection), "head")


@contextlib.contextmanager
def _file_lock(engine: Engine):
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per application table: the tests' proof that nothing was written."""
    with engine.connect() as connection:
        counts = {name: connection.execute(
            select(func.count()).select_from(tables.metadata.tables[name])).scalar_one()
            for name in tables.APPLICATION_TABLES}
        connection.rollback()
    return counts
