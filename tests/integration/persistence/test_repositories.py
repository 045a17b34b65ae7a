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
    assert current_revision(engine) == head_revision()


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
        uow.journal.add_replay_key("k-1", "informat", NOW)
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


def test_a_deregistered_enrollment_with_empty_fields_round_trips(uow_factory):
    e = factories.enrollment_of(
        factories.question(
            establishment=None, first_attendance_date=None,
            identification=factories.identification(
                insz=None, address=factories.address(
                    street=None, house_number=None, box=None, postcode=None,
                    municipality=None, country="00999"))),
        deregistration=Deregistration(dt.date(2027, 6, 30), Aanleiding.EINDE_SCHOOLJAAR,
                                      "12"))
    with uow_factory() as uow:
        uow.enrollments.add(e)
        uow.commit()
    with uow_factory() as uow:
        again = uow.enrollments.get("034567", "2600001", dt.date(2026, 9, 1))
        assert uow.enrollments.get("034567", "2600001", dt.date(2026, 9, 2)) is None
        assert uow.enrollments.for_students([]) == []
    assert again == e and again.deregistration.reason is Aanleiding.EINDE_SCHOOLJAAR


def test_an_update_by_id_changes_the_row_in_place(uow_factory, engine):
    first = factories.enrollment_of(factories.question())
    second = factories.enrollment_of(factories.question(
        identification=factories.identification(stamnummer="2600002", sequence=2)))
    with uow_factory() as uow:
        uow.enrollments.add(first)
        uow.enrollments.add(second)
        uow.commit()
    assert first.id is not None and second.id not in (None, first.id)
    first.administrative_group = "2B"
    with uow_factory() as uow:
        uow.enrollments.add(first)
        uow.commit()
    with uow_factory() as uow:
        groups = {e.id: e.administrative_group
                  for e in uow.enrollments.at_institution("034567")}
    assert groups == {first.id: "2B", second.id: "1A"}
    assert row_counts(engine)["enrollments"] == 2


def test_journal_times_come_back_as_the_same_instant(uow_factory):
    brussels = dt.timezone(dt.timedelta(hours=2))
    with uow_factory() as uow:
        uow.journal.add(dataclasses.replace(entry(), received_at=NOW.astimezone(brussels)))
        uow.commit()
    with uow_factory() as uow:
        found = uow.journal.find("informat", "r-1")
        assert uow.journal.find("informat", "r-2") is None
        assert uow.journal.find("wisa", "r-1") is None
    assert found.received_at == NOW and found.received_at.utcoffset() is not None
    assert isinstance(found.raw_message, bytes)


def test_row_counts_count_every_application_table(uow_factory, engine):
    from discimus_service.persistence import tables
    assert row_counts(engine) == dict.fromkeys(tables.APPLICATION_TABLES, 0)
    with uow_factory() as uow:
        factories.seed(uow)
        uow.journal.add(entry())
        uow.journal.add_replay_key("k-1", "informat", NOW)
        uow.commit()
    # Every table is counted; only these hold rows (a table added later counts 0).
    assert row_counts(engine) == {**dict.fromkeys(tables.APPLICATION_TABLES, 0),
                                  "schools": 3, "senders": 2, "mandates": 3,
                                  "journal": 1, "replay_keys": 1}


def test_a_replay_key_taken_by_another_unit_is_a_duplicate(uow_factory):
    with uow_factory() as uow:
        uow.journal.add_replay_key("k-1", "informat", NOW)
        uow.commit()
    with uow_factory() as uow:
        with pytest.raises(DuplicateKeyError):
            uow.journal.add_replay_key("k-1", "wisa", NOW)
            uow.commit()
        uow.rollback()
        assert uow.journal.has_replay_key("k-1") and not uow.journal.has_replay_key("k-2")
