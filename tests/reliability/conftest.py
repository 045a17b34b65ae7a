"""Real databases for the exchange-level reliability tests (SQLite file, PostgreSQL schema)."""
from __future__ import annotations

import contextlib

import pytest

from discimus_service.persistence.database import make_engine, migrate
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from tests import dbhelpers, factories


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'discimus.sqlite'}"
        context = None
    else:
        dbhelpers.require_postgres()
        context = dbhelpers.postgres_schema()
        url = context.__enter__()
    engine = make_engine(url)
    migrate(engine)
    with SqlAlchemyUnitOfWork(engine) as uow:
        factories.seed(uow)
    yield engine
    engine.dispose()
    if context is not None:
        context.__exit__(None, None, None)


@pytest.fixture
def uow_factory(engine):
    """Units of work as the service makes them: with a deadline (here 10 s)."""
    return lambda **kw: SqlAlchemyUnitOfWork(engine, timeout=10, **kw)


@pytest.fixture(scope="session")
def server_on(tmp_path_factory):
    """``server_on("sqlite")``: the emulator on that database, started once a session."""
    from tests.reliability.helpers import running_server
    started, stack = {}, contextlib.ExitStack()

    def get(database: str):
        if database not in started:
            root = tmp_path_factory.mktemp(f"reliability-{database}")
            started[database] = stack.enter_context(running_server(root, database))
        return started[database]
    with stack:
        yield get
