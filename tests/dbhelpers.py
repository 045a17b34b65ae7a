"""Real databases for the integration tier: a SQLite file, or a fresh PostgreSQL schema.

PostgreSQL runs on 127.0.0.1:5432 (trust auth, database ``test``) on the development and
CI machines. Without it the PostgreSQL cases skip, except under CI (``CI=true``, ``CI=1``
or any value but empty, ``false`` and ``0``), where they fail: a CI run that silently
skipped them would prove nothing.
"""
from __future__ import annotations

import contextlib
import os
import re
import uuid

import pytest

POSTGRES_BASE = os.environ.get("DISCIMUS_TEST_POSTGRES",
                               "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def postgres_available() -> bool:
    """Whether a connection to :data:`POSTGRES_BASE` opens within a few seconds."""
    import sqlalchemy
    engine = sqlalchemy.create_engine(POSTGRES_BASE, connect_args={"connect_timeout": 3},
                                      poolclass=sqlalchemy.pool.NullPool)
    try:
        with engine.connect():
            return True
    except Exception:
        return False
    finally:
        engine.dispose()


def running_in_ci() -> bool:
    """Whether ``CI`` is set to a true value: CI services say ``true``, people say ``1``."""
    return os.environ.get("CI", "").strip().lower() not in ("", "false", "0")


def require_postgres() -> None:
    """Skip without PostgreSQL; fail under CI (:func:`running_in_ci`), where it must be there."""
    if postgres_available():
        return
    if running_in_ci():
        pytest.fail(f"PostgreSQL is required under CI (CI={os.environ.get('CI')!r}) and "
                    f"is not reachable at {POSTGRES_BASE}")
    pytest.skip(f"PostgreSQL not reachable at {POSTGRES_BASE} (required under CI=true)")


def new_schema_name() -> str:
    return f"discimus_test_{uuid.uuid4().hex[:10]}"


def postgres_url(schema: str) -> str:
    """A URL whose connections see only ``schema`` (search_path set at connect)."""
    return f"{POSTGRES_BASE}?options=-csearch_path%3D{_checked(schema)}"


def create_schema(schema: str) -> None:
    _admin(f'CREATE SCHEMA "{_checked(schema)}"')


def drop_schema(schema: str) -> None:
    _admin(f'DROP SCHEMA IF EXISTS "{_checked(schema)}" CASCADE')


@contextlib.contextmanager
def postgres_schema():
    """A URL whose connections live in a new schema, dropped afterwards."""
    schema = new_schema_name()
    create_schema(schema)
    try:
        yield postgres_url(schema)
    finally:
        drop_schema(schema)


def _checked(schema: str) -> str:
    # Interpolated into DDL and a URL: only plain lower-case identifiers.
    if not _SCHEMA_NAME.fullmatch(schema):
        raise ValueError(f"not a plain schema name: {schema!r}")
    return schema


def _admin(sql: str) -> None:
    import sqlalchemy
    admin = sqlalchemy.create_engine(POSTGRES_BASE, isolation_level="AUTOCOMMIT",
                                     poolclass=sqlalchemy.pool.NullPool)
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(sql)
    finally:
        admin.dispose()
