import pytest

from discimus_service.persistence.database import make_engine, migrate
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from tests import dbhelpers


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'discimus.sqlite'}"
        return
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        yield url


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def uow_factory(engine):
    return lambda **kw: SqlAlchemyUnitOfWork(engine, **kw)
