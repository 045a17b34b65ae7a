"""The unit of work's transaction rules, on SQLite and PostgreSQL.

``services/exchange.py`` rolls a refused effect back and journals the refusal on the
same unit; a concurrent duplicate must surface as ``DuplicateKeyError`` and nothing else.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from sqlalchemy.exc import IntegrityError

from discimus_service.domain.model import JournalEntry, Mandate, MessageType
from discimus_service.persistence.database import make_engine, row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services.ports import DuplicateKeyError
from tests import factories

NOW = dt.datetime(2026, 9, 3, 8, 30, tzinfo=dt.timezone.utc)


def entry(referte="r-1", replay_key="k-1") -> JournalEntry:
    return JournalEntry(sender_id="informat", referte=referte, operation="Registreer",
                        received_at=NOW, raw_message=b"<signed/>", question_digest="d" * 64,
                        verdict="GEWEIGERD", codes="10006", answer_json="{}",
                        replay_key=replay_key)


def test_a_refused_effect_is_rolled_back_and_the_refusal_journaled(uow_factory, engine):
    with uow_factory() as uow:
        uow.enrollments.add(factories.enrollment_of(factories.question()))
        uow.rollback()
        uow.journal.add(entry())
        uow.commit()
    counts = row_counts(engine)
    assert (counts["enrollments"], counts["journal"]) == (0, 1)


def test_the_unit_stays_usable_after_a_commit(uow_factory, engine):
    with uow_factory() as uow:
        uow.journal.add(entry())
        uow.commit()
        uow.journal.add(entry(referte="r-2", replay_key="k-2"))
        uow.commit()
        uow.journal.add(entry(referte="r-3", replay_key="k-3"))
    assert row_counts(engine)["journal"] == 2


def test_a_taken_natural_key_of_an_enrollment_is_a_duplicate(uow_factory, engine):
    with uow_factory() as uow:
        uow.enrollments.add(factories.enrollment_of(factories.question()))
        uow.commit()
    with uow_factory() as uow:
        with pytest.raises(DuplicateKeyError):
            uow.enrollments.add(factories.enrollment_of(factories.question()))
            uow.commit()
    assert row_counts(engine)["enrollments"] == 1


def test_a_taken_school_key_is_a_duplicate(uow_factory):
    with uow_factory() as uow:
        uow.schools.add(factories.SECONDARY)
        uow.commit()
        with pytest.raises(DuplicateKeyError):
            uow.schools.add(factories.SECONDARY)
            uow.commit()


def test_a_foreign_key_violation_is_no_duplicate(uow_factory, engine):
    """Only a taken unique key makes the exchange retry; a broken reference is a bug."""
    with uow_factory() as uow:
        with pytest.raises(IntegrityError):
            uow.mandates.add(Mandate("nobody", "999999", MessageType.INSCHRIJVING,
                                     dt.date(2026, 9, 1)))
            uow.commit()
        uow.rollback()
        uow.journal.add(entry())
        uow.commit()
    assert row_counts(engine)["mandates"] == 0


def _attempt(url, barrier, outcomes):
    engine = make_engine(url)
    try:
        with SqlAlchemyUnitOfWork(engine) as uow:
            barrier.wait()
            if uow.journal.has_replay_key("k-1"):
                outcomes.put("seen")
                return
            uow.journal.add(entry())
            uow.commit()
            outcomes.put("written")
    except DuplicateKeyError:
        outcomes.put("duplicate")
    finally:
        engine.dispose()


def test_concurrent_duplicates_in_separate_processes_one_wins(database_url, engine):
    """Two gunicorn workers on one file: read-then-write must not deadlock (SQLITE_BUSY)."""
    context = multiprocessing.get_context("spawn")
    barrier, outcomes = context.Barrier(3), context.Queue()
    workers = [context.Process(target=_attempt, args=(database_url, barrier, outcomes))
               for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    results = sorted(outcomes.get(timeout=5) for _ in workers)
    assert results.count("written") == 1
    assert set(results) <= {"written", "seen", "duplicate"}
    assert row_counts(engine)["journal"] == 1
