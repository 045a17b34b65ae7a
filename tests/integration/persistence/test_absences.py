"""The absence repository (message type 2) against SQLite and PostgreSQL."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.absence import Absence, AbsenceCode as C, HalfDay
from discimus_service.domain.model import Niveau, School
from discimus_service.services.ports import DuplicateKeyError

DAY = dt.date(2026, 9, 2)


def absence(stamnummer="2600001", day=DAY, half=HalfDay.VM, code=C.Z,
            school="034567") -> Absence:
    return Absence(school, "LL-1", stamnummer, day, half, code, "informat", DAY)


def test_absences_round_trip_with_their_ids(uow_factory):
    items = [absence(), absence(half=HalfDay.NM, code=C.B), absence("2600002")]
    with uow_factory() as uow:
        uow.absences.add_many(items)
        uow.commit()
    with uow_factory() as uow:
        found = uow.absences.of_students("034567", ["2600001"], DAY, DAY)
    assert len({a.id for a in found}) == 2 and None not in {a.id for a in found}
    assert [dataclasses.replace(a, id=None) for a in found] == items[:2]


def test_update_and_remove(uow_factory):
    with uow_factory() as uow:
        uow.absences.add_many([absence(), absence(half=HalfDay.NM)])
        first, second = uow.absences.of_students("034567", ["2600001"], DAY, DAY)
        uow.absences.update(dataclasses.replace(first, code=C.B, student_id="LL-9"))
        uow.absences.remove([second.id])
        uow.commit()
    with uow_factory() as uow:
        (only,) = uow.absences.of_students("034567", ["2600001"], DAY, DAY)
    assert (only.id, only.code, only.student_id) == (first.id, C.B, "LL-9")


def test_a_half_day_is_stored_once(uow_factory):
    with uow_factory() as uow:
        uow.absences.add_many([absence()])
        uow.commit()
    with pytest.raises(DuplicateKeyError):
        with uow_factory() as uow:
            uow.absences.add_many([absence(code=C.B)])
            uow.commit()


def test_pages_follow_date_then_registration_order(uow_factory):
    days = [DAY + dt.timedelta(days=i) for i in range(3)]
    with uow_factory() as uow:
        uow.absences.add_many([absence(day=d, half=h) for d in reversed(days)
                               for h in HalfDay])
        uow.absences.add_many([absence(school="056789")])
        uow.commit()
    with uow_factory() as uow:
        first = uow.absences.page("034567", stamnummer=None, first=None, last=None,
                                  after=None, limit=4)
        rest = uow.absences.page("034567", stamnummer=None, first=None, last=None,
                                 after=(first[-1].date, first[-1].id), limit=4)
        window = uow.absences.page("034567", stamnummer="2600001", first=days[1],
                                   last=days[1], after=None, limit=10)
    assert [a.date for a in first + rest] == [d for d in days for _ in HalfDay]
    assert len(rest) == 2 and {a.institution_number for a in first + rest} == {"034567"}
    assert [a.date for a in window] == [days[1], days[1]]


def test_a_special_needs_school_round_trips(uow_factory):
    school = School("035555", "BuSO De Brug", Niveau.SECUNDAIR, "Gent", special_needs=True)
    with uow_factory() as uow:
        uow.schools.add(school)
        uow.commit()
    with uow_factory() as uow:
        assert uow.schools.get("035555") == school


def test_counting_one_code_per_student_in_a_period(uow_factory):
    with uow_factory() as uow:
        uow.absences.add_many([
            absence(code=C.B), absence(half=HalfDay.NM, code=C.B),
            absence(day=DAY + dt.timedelta(days=1), code=C.B),
            absence(day=DAY + dt.timedelta(days=2), code=C.B),       # after the period
            absence(day=DAY + dt.timedelta(days=1), half=HalfDay.NM),  # Z
            absence("2600002", code=C.B), absence("2600003", code=C.B),
            absence(code=C.B, school="056789")])
        uow.commit()
    with uow_factory() as uow:
        counts = uow.absences.count_code("034567", ["2600001", "2600002", "2600009"],
                                         C.B, DAY, DAY + dt.timedelta(days=1))
    assert counts == {"2600001": 3, "2600002": 1}


def test_the_sick_note_mark_is_stored_and_updated(uow_factory):
    with uow_factory() as uow:
        uow.absences.add_many([dataclasses.replace(absence(), without_certificate=True),
                               absence(half=HalfDay.NM)])
        uow.commit()
    with uow_factory() as uow:
        marked, plain = uow.absences.of_students("034567", ["2600001"], DAY, DAY)
        assert (marked.without_certificate, plain.without_certificate) == (True, False)
        uow.absences.update(dataclasses.replace(plain, without_certificate=True))
        uow.commit()
    with uow_factory() as uow:
        assert [a.without_certificate for a in uow.absences.of_students(
            "034567", ["2600001"], DAY, DAY)] == [True, True]
