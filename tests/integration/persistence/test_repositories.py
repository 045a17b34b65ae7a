"""The SQL repositories and unit of work against SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from discimus_service.domain.model import (
    Aanleiding, Deregistration, JournalEntry, Mandate, MessageType,
)
from discimus_service.persistence.database import (
    current_revision, head_revision, make_engine, migrate, row_counts,
)
from discimus_service.services.ports import DuplicateKeyError
from tests import factories

NOW = dt.datetime(2026, 9, 3, 8, 30, tzinfo=dt.timezone.utc)


def entry(referte="r-1", replay_key="k-1", sender="informat") -> JournalEntry:
    return JournalEntry(sender_id=sender, referte=referte, operation="RegistreerInschrijving",
                        received_at=NOW, raw_message=b"<signed/>", question_digest="d" * 64,
                        verdict="AANVAARD", codes="50001", answer_json="{}",
                        replay_key=replay_key)


def test_migrate_is_idempotent_and_reaches_head(engine):
    migrate(engine)
    assert current_revision(engine) == head_revision() == "0001"


def test_an_enrollment_round_trips_with_every_field(uow_factory):
    with uow_factory() as uow:
        factories.seed(uow)
    e = factories.enrollment_of(factories.question(
        identification=factories.identification(insz=None, address=factories.address(
            box="b3"))))
    with uow_factory() as uow:
        uow.enrollments.add(e)
        uow.commit()
    assert e.id is not None
    with uow_factory() as uow:
        again = uow.enrollments.get("034567", "2600001", dt.date(2026, 9, 1))
    assert again == e


def test_an_update_by_id_stores_the_deregistration(uow_factory):
    e = factories.enrollment_of(factories.question())
    with uow_factory() as uow:
        uow.enrollments.add(e)
        uow.commit()
    e.deregistration = Deregistration(dt.date(2026, 10, 1), Aanleiding.ONTBINDING, "2")
    with uow_factory() as uow:
        uow.enrollments.add(e)
        uow.commit()
    with uow_factory() as uow:
        stored = uow.enrollments.at_institution("034567")
    assert len(stored) == 1 and stored[0].end_date == dt.date(2026, 10, 1)
    assert stored[0].deregistration.reason is Aanleiding.ONTBINDING


def test_queries_filter_and_order(uow_factory):
    a = factories.enrollment_of(factories.question(start_date=dt.date(2026, 9, 2)))
    b = factories.enrollment_of(factories.question(
        start_date=dt.date(2026, 9, 1),
        identification=factories.identification(stamnummer="2600002", sequence=2)))
    c = factories.enrollment_of(factories.question(institution_number="056789"))
    with uow_factory() as uow:
        for e in (a, b, c):
            uow.enrollments.add(e)
        uow.commit()
    with uow_factory() as uow:
        here = uow.enrollments.at_institution("034567")
        one = uow.enrollments.at_institution("034567", "2600002")
        student = uow.enrollments.for_students([a.insz, "00000000000"])
    assert [e.start_date for e in here] == [dt.date(2026, 9, 1), dt.date(2026, 9, 2)]
    assert [e.stamnummer for e in one] == ["2600002"]
    assert {e.institution_number for e in student} == {"034567", "056789"}


def test_schools_senders_and_mandates(uow_factory):
    with uow_factory() as uow:
        factories.seed(uow, mandates=[
            Mandate("wisa", "034567", MessageType.INSCHRIJVING, dt.date(2020, 9, 1),
                    dt.date(2026, 8, 31)),
            Mandate("informat", "034567", MessageType.INSCHRIJVING, dt.date(2026, 9, 1))])
    with uow_factory() as uow:
        assert uow.schools.get("034567") == factories.SECONDARY
        assert uow.senders.get("wisa") == factories.OTHER_VENDOR
        assert uow.senders.get("nobody") is None
        found = uow.mandates.find("wisa", "034567", MessageType.INSCHRIJVING)
    assert found == [Mandate("wisa", "034567", MessageType.INSCHRIJVING,
                             dt.date(2020, 9, 1), dt.date(2026, 8, 31))]


def test_journal_lookup_by_referte_and_replay_key(uow_factory):
    with uow_factory() as uow:
        uow.journal.add(entry())
        uow.commit()
    with uow_factory() as uow:
        found = uow.journal.find("informat", "r-1")
        assert uow.journal.has_replay_key("k-1") and not uow.journal.has_replay_key("k-2")
        assert uow.journal.count() == 1
    assert dataclasses.replace(found, id=None) == entry()
    assert found.received_at == NOW


@pytest.mark.parametrize("duplicate", [entry(replay_key="k-2"), entry(referte="r-2")],
                         ids=["same-referte", "same-replay-key"])
def test_a_taken_unique_key_is_a_duplicate_and_the_unit_stays_usable(uow_factory,
                                                                      duplicate):
    with uow_factory() as uow:
        uow.journal.add(entry())
        uow.commit()
    with uow_factory() as uow:
        with pytest.raises(DuplicateKeyError):
            uow.journal.add(duplicate)
            uow.commit()
        uow.rollback()
        uow.journal.add(entry(referte="r-3", replay_key="k-3"))
        uow.commit()
    with uow_factory() as uow:
        assert uow.journal.count() == 2


def test_leaving_without_commit_and_rollback_discard(uow_factory, engine):
    with uow_factory() as uow:
        uow.journal.add(entry())
    with uow_factory() as uow:
        uow.journal.add(entry(referte="r-2", replay_key="k-2"))
        uow.rollback()
        uow.journal.add(entry(referte="r-3", replay_key="k-3"))
        uow.commit()
    assert row_counts(engine)["journal"] == 1


def test_concurrent_duplicates_one_wins(uow_factory):
    outcomes, barrier = [], threading.Barrier(4)

    def attempt():
        try:
            with uow_factory() as uow:
                barrier.wait()
                if not uow.journal.has_replay_key("k-1"):
                    uow.journal.add(entry())
                    uow.commit()
                    outcomes.append("written")
                else:
                    outcomes.append("seen")
        except DuplicateKeyError:
            outcomes.append("duplicate")

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert outcomes.count("written") == 1 and len(outcomes) == 4
    with uow_factory() as uow:
        assert uow.journal.count() == 1


def test_sqlite_runs_in_wal_mode(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.sqlite'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2   # FULL
    engine.dispose()
