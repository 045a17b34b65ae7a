"""The record repository (message types 5, 6 and 8) against SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.records import Record, RecordKind
from discimus_service.services.ports import DuplicateKeyError

DAY = dt.date(2026, 9, 2)


def record(key="2600001|TU|2026-09-02", kind=RecordKind.TUCHT, school="034567",
           start=DAY, **kw) -> Record:
    base = dict(stamnummer="2600001", student_id="LL-1", insz="12051412364",
                subtype="TU", end_date=DAY + dt.timedelta(days=2))
    return Record(kind, school, key, start, "informat", DAY, **{**base, **kw})


def test_records_round_trip_and_are_found_by_key(uow_factory):
    with uow_factory() as uow:
        uow.records.add(record())
        uow.commit()
    with uow_factory() as uow:
        found = uow.records.get(RecordKind.TUCHT, "034567", "2600001|TU|2026-09-02")
        assert uow.records.get(RecordKind.WEIGERING, "034567",
                               "2600001|TU|2026-09-02") is None
    assert found.id is not None and dataclasses.replace(found, id=None) == record()


def test_replace_and_remove(uow_factory):
    with uow_factory() as uow:
        uow.records.add(record())
        stored = uow.records.get(RecordKind.TUCHT, "034567", record().key)
        uow.records.replace(dataclasses.replace(stored, end_date=DAY, student_id="LL-9"))
        uow.commit()
    with uow_factory() as uow:
        again = uow.records.get(RecordKind.TUCHT, "034567", record().key)
        assert (again.id, again.end_date, again.student_id) == (stored.id, DAY, "LL-9")
        uow.records.remove(again.id)
        uow.commit()
    with uow_factory() as uow:
        assert uow.records.get(RecordKind.TUCHT, "034567", record().key) is None


def test_a_key_is_registered_once_per_kind_and_school(uow_factory):
    with uow_factory() as uow:
        uow.records.add(record())
        uow.records.add(record(school="012345"))
        uow.records.add(record(kind=RecordKind.WEIGERING))
        uow.commit()
    with pytest.raises(DuplicateKeyError):
        with uow_factory() as uow:
            uow.records.add(record(end_date=None))
            uow.commit()


def test_a_school_lists_its_own_and_those_naming_it(uow_factory):
    support = dict(kind=RecordKind.ONDERSTEUNING, subtype=None, end_date=None,
                   other_institution="090123")
    with uow_factory() as uow:
        uow.records.add(record("2290001|2022", start=dt.date(2022, 10, 3),
                               school="012345", **support))
        uow.records.add(record("2290002|2023", start=dt.date(2023, 10, 3),
                               school="012345", **support))
        uow.records.add(record())
        uow.commit()
    with uow_factory(read_only=True) as uow:
        own = uow.records.of_school(RecordKind.ONDERSTEUNING, "012345", first=None,
                                    last=None)
        supported = uow.records.of_school(RecordKind.ONDERSTEUNING, "090123",
                                          first=dt.date(2022, 9, 1),
                                          last=dt.date(2023, 8, 31), include_other=True)
        not_named = uow.records.of_school(RecordKind.ONDERSTEUNING, "090123", first=None,
                                          last=None)
    assert [r.key for r in own] == ["2290001|2022", "2290002|2023"]
    assert [r.key for r in supported] == ["2290001|2022"]
    assert not_named == []
