"""Migrations: the Alembic history creates exactly the tables the code maps."""
from __future__ import annotations

import datetime as dt
import multiprocessing

from sqlalchemy import inspect

from discimus_service.persistence import tables
from discimus_service.persistence.database import (
    current_revision, head_revision, make_engine, migrate,
)


def test_migrated_schema_matches_the_table_definitions(engine):
    inspector = inspect(engine)
    for name, table in tables.metadata.tables.items():
        columns = {c["name"] for c in inspector.get_columns(name)}
        assert columns == {c.name for c in table.columns}, name
    journal_uniques = {tuple(u["column_names"]) for u in
                       inspector.get_unique_constraints("journal")}
    assert {("sender_id", "referte"), ("replay_key",)} <= journal_uniques


def _migrate(url):
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()


def test_two_workers_migrating_a_fresh_database_at_once(database_url):
    """Two gunicorn workers start on an empty database: one migrates, one waits."""
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_migrate, args=(database_url,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    engine = make_engine(database_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_the_migrations_and_the_tables_do_not_differ(engine):
    """Autogenerate finds nothing to do: no column, index or constraint is missing."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, tables.metadata) == []
        connection.rollback()


def test_the_replay_keys_the_journal_held_are_kept_by_the_upgrade(database_url):
    """0003 copies the journal's replay keys: what was a replay stays one."""
    from alembic import command
    from sqlalchemy import insert, select
    from discimus_service.persistence.database import _alembic_config
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "0001")
            connection.execute(insert(tables.journal).values(
                sender_id="informat", referte="r-1", operation="RegistreerInschrijving",
                received_at=dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc),
                raw_message=b"<signed/>", question_digest="d" * 64, verdict="AANVAARD",
                codes="", answer_json="{}", replay_key="k-1"))
        migrate(engine)
        with engine.connect() as connection:
            keys = connection.execute(select(tables.replay_keys.c.replay_key)).scalars()
            assert list(keys) == ["k-1"]
    finally:
        engine.dispose()


def _absences_revision(config):
    """The revision that adds the absences table, found by what it says it does (so a
    renumbering when branches are merged does not break this test)."""
    from alembic.script import ScriptDirectory
    return next(r for r in ScriptDirectory.from_config(config).walk_revisions()
                if "the absences table" in (r.doc or ""))


def test_schools_from_before_the_absences_become_ordinary_schools(database_url):
    """The absences migration adds schools.special_needs: existing schools are ordinary
    ones (code H refused there) until said otherwise; down again, the column goes."""
    from alembic import command
    from sqlalchemy import text
    from discimus_service.persistence.database import _alembic_config
    from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            before = _absences_revision(_alembic_config(connection)).down_revision
            command.upgrade(_alembic_config(connection), before)
            connection.execute(text(
                "INSERT INTO schools (institution_number, name, niveau, municipality) "
                "VALUES ('034567', 'Sint-Jozefscollege', 3, 'Gent')"))
        migrate(engine)
        with SqlAlchemyUnitOfWork(engine) as uow:
            assert uow.schools.get("034567").special_needs is False
        with engine.begin() as connection:
            command.downgrade(_alembic_config(connection), before)
        columns = {c["name"] for c in inspect(engine).get_columns("schools")}
        assert "special_needs" not in columns
        assert "absences" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
