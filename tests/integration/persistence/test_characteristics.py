"""The characteristics repository (message type 3) against SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.characteristics import (
    Declaration, HomeLanguage as L, MotherEducation as E,
)
from discimus_service.services.ports import DuplicateKeyError

DAY = dt.date(2026, 9, 2)


def declaration(stamnummer="2600001", on=DAY, school="034567", language=L.ANDERE_TAAL,
                level=E.BASISONDERWIJS) -> Declaration:
    return Declaration(school, "LL-1", stamnummer, on, language, level, "informat", DAY)


def test_declarations_round_trip_with_their_ids(uow_factory):
    items = [declaration(), declaration(on=dt.date(2025, 9, 1), language=L.NEDERLANDS,
                                        level=E.ONBEKEND),
             declaration("2600002"), declaration(school="012345")]
    with uow_factory() as uow:
        uow.characteristics.add_many(items)
        uow.commit()
    with uow_factory() as uow:
        found = uow.characteristics.of_students("034567", ["2600001", "2600009"])
    assert None not in {d.id for d in found}
    assert [dataclasses.replace(d, id=None) for d in found] == [items[1], items[0]]


def test_update_and_remove(uow_factory):
    with uow_factory() as uow:
        uow.characteristics.add_many([declaration(), declaration("2600002")])
        first, second = uow.characteristics.of_students("034567", ["2600001", "2600002"])
        uow.characteristics.update(dataclasses.replace(
            first, home_language=L.NEDERLANDS, mother_education=E.HOGER,
            student_id="LL-9", sender_id="wisa", received_on=dt.date(2026, 9, 3)))
        uow.characteristics.remove([second.id])
        uow.commit()
    with uow_factory() as uow:
        (only,) = uow.characteristics.of_students("034567", ["2600001", "2600002"])
    assert (only.id, only.home_language, only.mother_education, only.student_id,
            only.sender_id, only.received_on) == (
        first.id, L.NEDERLANDS, E.HOGER, "LL-9", "wisa", dt.date(2026, 9, 3))


def test_a_declaration_is_stored_once_per_school_student_and_date(uow_factory):
    with uow_factory() as uow:
        uow.characteristics.add_many([declaration()])
        uow.commit()
    with pytest.raises(DuplicateKeyError):
        with uow_factory() as uow:
            uow.characteristics.add_many([declaration(language=L.NEDERLANDS)])
            uow.commit()


def test_a_school_pages_through_its_own_declarations_by_id(uow_factory):
    with uow_factory() as uow:
        uow.characteristics.add_many(
            [declaration(f"26{n:05d}") for n in range(1, 6)] + [declaration(school="012345")])
        uow.commit()
    with uow_factory(read_only=True) as uow:
        first = uow.characteristics.page("034567", stamnummer=None, after=None, limit=3)
        rest = uow.characteristics.page("034567", stamnummer=None, after=first[-1].id,
                                        limit=3)
        one = uow.characteristics.page("034567", stamnummer="2600004", after=None,
                                       limit=3)
    assert [d.stamnummer for d in first + rest] == [f"26{n:05d}" for n in range(1, 6)]
    assert [d.id for d in first + rest] == sorted(d.id for d in first + rest)
    assert [d.stamnummer for d in one] == ["2600004"]
