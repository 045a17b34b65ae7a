"""Real databases for the integration tier: a SQLite file, or a fresh PostgreSQL schema.

PostgreSQL runs on 127.0.0.1:5432 (trust auth, database ``test``) on the development and
CI machines. Without it the PostgreSQL cases skip, except under ``CI=true``, where they
fail: a CI run that silently skipped them would prove nothing.
"""
from __future__ import annotations

import contextlib
import os
import uuid

import pytest

POSTGRES_BASE = os.environ.get("DISCIMUS_TEST_POSTGRES",
                               "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def postgres_available() -> bool:
    import sqlalchemy
    try:
        engine = sqlalchemy.create_engine(POSTGRES_BASE)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def require_postgres() -> None:
    if postgres_available():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required under CI=true and is not reachable at "
                    f"{POSTGRES_BASE}")
    pytest.skip("PostgreSQL not reachable on 127.0.0.1:5432 (required under CI=true)")


@contextlib.contextmanager
def postgres_schema():
    """A URL whose connections live in a new schema, dropped afterwards."""
    import sqlalchemy
    schema = f"discimus_test_{uuid.uuid4().hex[:10]}"
    admin = sqlalchemy.create_engine(POSTGRES_BASE, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{POSTGRES_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()
