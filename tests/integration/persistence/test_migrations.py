"""Migrations: the Alembic history creates exactly the tables the code maps."""
from __future__ import annotations

import multiprocessing

from sqlalchemy import inspect

from discimus_service.persistence import tables
from discimus_service.persistence.database import current_revision, make_engine, migrate


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


def test_two_workers_migrating_a_fresh_sqlite_file_at_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_migrate, args=(url,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0]
    assert current_revision(make_engine(url)) == "0001"
