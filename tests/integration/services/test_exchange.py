"""The exchange on real databases: replay keys of every verdict, and lost races.

The races are made deterministic: the first unit of work lets a competing message run
to its commit right after reading the journal, as a second worker would. That can only
happen on PostgreSQL (read committed); on SQLite every transaction begins IMMEDIATE, so
the competitor would wait for the unit's lock and a race cannot arise (the end-to-end
tests send real concurrent copies to both).
"""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_client.wsse.errors import ReplayedMessage
from discimus_service.persistence.database import make_engine, migrate, row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services import exchange
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import EnrollmentView
from tests import dbhelpers
from tests import factories as f


@pytest.fixture
def seeded(engine):
    with SqlAlchemyUnitOfWork(engine) as uow:
        f.seed(uow)
    return engine


@pytest.fixture
def pg_engine():
    dbhelpers.require_postgres()
    with dbhelpers.postgres_schema() as url:
        engine = make_engine(url)
        migrate(engine)
        with SqlAlchemyUnitOfWork(engine) as uow:
            f.seed(uow)
        yield engine
        engine.dispose()


def receipt(referte="r-1", replay_key="k-1") -> Receipt:
    return Receipt(sender=f.VENDOR, afzender="informat", referte=referte,
                   operation="RegistreerInschrijving", raw_message=b"<signed/>",
                   replay_key=replay_key,
                   received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def run(uow_factory, question, **kw):
    return exchange.handle(uow_factory, receipt(**kw), question, register_enrollment,
                           EnrollmentView)


def test_every_verdict_leaves_its_replay_key_and_refuses_its_copy(seeded):
    factory = lambda: SqlAlchemyUnitOfWork(seeded)  # noqa: E731
    bad = f.question(identification=f.replace(f.identification(), insz="12031500100"))
    messages = [(f.question(), {}),                                    # accepted
                (f.question(), {"replay_key": "k-2"}),                 # resend: 50003
                (f.question(administrative_group="2B"), {"replay_key": "k-3"}),  # 10006
                (bad, {"referte": "r-2", "replay_key": "k-4"})]        # FOUT 20002
    codes = [[i.code for i in run(factory, q, **kw).issues] for q, kw in messages]
    assert codes[1][-1] == 50003 and codes[2] == [10006] and codes[3] == [20002]
    counts = row_counts(seeded)
    assert (counts["replay_keys"], counts["journal"], counts["enrollments"]) == (4, 2, 1)
    for question, kw in messages:
        with pytest.raises(ReplayedMessage):
            run(factory, question, **kw)
    assert row_counts(seeded) == counts


class RacedUnit(SqlAlchemyUnitOfWork):
    """A unit of work that lets ``competitor`` commit right after it read the journal."""

    def __init__(self, engine, competitor):
        super().__init__(engine)
        self._competitor = competitor

    def __enter__(self):
        super().__enter__()
        find = self.journal.find

        def find_then_lose_the_race(*args):
            found = find(*args)
            self._competitor()
            return found
        self.journal.find = find_then_lose_the_race
        return self


def _racing(engine, competitor):
    units = []

    def factory():
        unit = (RacedUnit(engine, competitor) if not units
                else SqlAlchemyUnitOfWork(engine))
        units.append(unit)
        return unit
    return factory, units


def test_two_copies_of_one_resend_at_once_on_postgresql(pg_engine):
    plain = lambda: SqlAlchemyUnitOfWork(pg_engine)  # noqa: E731
    run(plain, f.question())
    before = row_counts(pg_engine)
    factory, units = _racing(pg_engine, lambda: run(plain, f.question(), replay_key="k-2"))

    with pytest.raises(ReplayedMessage):
        run(factory, f.question(), replay_key="k-2")

    assert len(units) == 2          # lost the race at the INSERT, retried, saw the key
    assert row_counts(pg_engine) == {**before, "replay_keys": before["replay_keys"] + 1}


def test_two_copies_of_one_first_message_at_once_on_postgresql(pg_engine):
    plain = lambda: SqlAlchemyUnitOfWork(pg_engine)  # noqa: E731
    before = row_counts(pg_engine)
    factory, units = _racing(pg_engine, lambda: run(plain, f.question()))

    with pytest.raises(ReplayedMessage):
        run(factory, f.question())

    assert len(units) == 2
    after = row_counts(pg_engine)
    assert (after["enrollments"], after["journal"], after["replay_keys"]) == (
        before["enrollments"] + 1, before["journal"] + 1, before["replay_keys"] + 1)


def test_a_lost_race_for_a_referte_on_postgresql_is_answered_as_a_resend(pg_engine):
    plain = lambda: SqlAlchemyUnitOfWork(pg_engine)  # noqa: E731
    factory, units = _racing(pg_engine, lambda: run(plain, f.question()))

    answer = run(factory, f.question(), replay_key="k-2")

    assert len(units) == 2
    assert answer.accepted and answer.issues[-1].code == 50003
    counts = row_counts(pg_engine)
    assert (counts["enrollments"], counts["journal"], counts["replay_keys"]) == (1, 1, 2)
