"""The database finds the doubles the domain rule defines, in parts, without blocking.

On generated data (random periods, open ends, shared and missing INSZ numbers), the
self-join of ``SqlEnrollments.doubles_at`` returns exactly the pairs, in exactly the
order, of ``domain.consultations.double_enrollments``, with and without a day, whole
and continued after a key; on SQLite and PostgreSQL.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
import time

import pytest
from sqlalchemy import text

from discimus_service.domain import consultations
from discimus_service.domain.model import Aanleiding, Deregistration
from discimus_service.persistence.database import DEADLINE
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services.ports import DeadlineExceeded
from tests import factories

SCHOOLS = ("034567", "056789", "012345")
DAY0 = dt.date(2024, 9, 1)


def _generated(seed: int, students: int = 40):
    """Enrollments of ``students`` pupils over three schools and a few years."""
    rng = random.Random(seed)
    out = []
    for n in range(students):
        base = factories.identification(sequence=n + 1, stamnummer=f"24{n:05d}")
        if rng.random() < 0.1:
            base = dataclasses.replace(base, insz=None)      # pending an INSZ
        for k in range(rng.randint(1, 4)):
            start = DAY0 + dt.timedelta(days=rng.randint(0, 700))
            e = factories.enrollment_of(factories.question(
                institution_number=rng.choice(SCHOOLS), start_date=start,
                identification=dataclasses.replace(base, stamnummer=f"2{k}{n:05d}")))
            if rng.random() < 0.6:
                end = start + dt.timedelta(days=rng.choice([0, 1, 30, 200, 400]))
                e.deregistration = Deregistration(end, Aanleiding.SCHOOLVERANDERING, "1")
            out.append(e)
    return out


@pytest.fixture
def loaded(uow_factory):
    with uow_factory() as uow:
        factories.seed(uow)
    enrollments = _generated(seed=7)
    with uow_factory() as uow:
        for e in enrollments:
            uow.enrollments.add(e)
        uow.commit()
    return enrollments


def _ids(pairs):
    return [(own.id, other.id) for own, other in pairs]


def _expected(enrollments, school, on):
    own = [e for e in enrollments if e.institution_number == school]
    return [(d.own.id, d.other.id)
            for d in consultations.double_enrollments(own, enrollments, on=on)]


@pytest.mark.parametrize("on", [None, dt.date(2025, 1, 15), dt.date(2025, 9, 1)])
def test_the_query_finds_exactly_the_doubles_of_the_domain_rule(uow_factory, loaded, on):
    found_any = False
    with uow_factory(read_only=True) as uow:
        for school in SCHOOLS:
            expected = _expected(loaded, school, on)
            found_any = found_any or bool(expected)
            pairs = uow.enrollments.doubles_at(school, on=on, limit=10_000)
            assert _ids(pairs) == expected, school
            assert all(consultations.double_enrollment(own, other, on=on)
                       for own, other in pairs)
    assert found_any                  # the generated data does hold doubles


def test_parts_continued_after_the_last_key_add_up_to_the_whole(uow_factory, loaded):
    school = SCHOOLS[0]
    whole = _expected(loaded, school, None)
    assert len(whole) > 6
    parts, after = [], None
    with uow_factory(read_only=True) as uow:
        while True:
            part = uow.enrollments.doubles_at(school, after=after, limit=4)
            parts += _ids(part)
            if len(part) < 4:
                break
            after = consultations.pair_key(*part[-1])
    assert parts == whole


def test_a_read_only_unit_does_not_hold_up_a_writer(engine, loaded):
    """SQLite: the reader began deferred, so the writer's BEGIN IMMEDIATE gets the lock."""
    with SqlAlchemyUnitOfWork(engine, read_only=True) as reader:
        assert reader.enrollments.doubles_at(SCHOOLS[0], limit=1)     # snapshot taken
        e = factories.enrollment_of(factories.question(
            identification=factories.identification(sequence=301, stamnummer="2600301")))
        with SqlAlchemyUnitOfWork(engine, timeout=5) as writer:
            writer.enrollments.add(e)
            writer.commit()
        with pytest.raises(RuntimeError):
            reader.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.enrollments.get("034567", "2600301", e.start_date) is not None


def test_a_read_only_unit_cannot_write(engine):
    with SqlAlchemyUnitOfWork(engine, read_only=True) as uow:
        with pytest.raises(Exception) as raised:
            uow.schools.add(dataclasses.replace(factories.SECONDARY,
                                                institution_number="099999"))
        assert "read" in str(raised.value).lower()


_SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
              "WHERE i < 1000000000) SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(30)",
}


def test_a_statement_past_the_deadline_is_interrupted(engine):
    with engine.connect() as connection:
        connection.execution_options(**{DEADLINE: time.monotonic() + 0.3})
        with pytest.raises(DeadlineExceeded):
            connection.execute(text(_SLOW[engine.dialect.name]))
        connection.rollback()
        connection.execution_options(**{DEADLINE: None})
        assert connection.execute(text("SELECT 1")).scalar_one() == 1    # usable again


def test_a_lock_wait_past_the_deadline_fails_and_stores_nothing(engine):
    e = factories.enrollment_of(factories.question(
        identification=factories.identification(sequence=302, stamnummer="2600302")))
    twin = dataclasses.replace(e, administrative_group="1B")
    with SqlAlchemyUnitOfWork(engine) as first:
        first.enrollments.add(e)              # holds the write lock / the key's row lock
        with pytest.raises(DeadlineExceeded):
            with SqlAlchemyUnitOfWork(engine, timeout=0.3) as second:
                second.enrollments.add(twin)
                second.commit()
        first.commit()
    with SqlAlchemyUnitOfWork(engine) as uow:
        [stored] = uow.enrollments.at_institution("034567", "2600302")
    assert stored.administrative_group == "1A"


def test_sqlite_walks_the_indexes_and_sorts_only_within_a_student(engine):
    """The plan that makes a part cost what it returns: no table scan, no full sort."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL chooses by its statistics")
    from discimus_service.persistence.repositories import _doubles_statement
    values = {"inst": "034567", "limit": 501, "on": DAY0, "k_insz": "1",
              "k_other_start": DAY0, "k_own_start": DAY0, "k_own_id": 1, "k_other_id": 1}
    for with_day in (False, True):
        for with_after in (False, True):
            compiled = _doubles_statement(with_day, with_after).compile(dialect=engine.dialect)
            with engine.connect() as connection:
                plan = [row[-1] for row in connection.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {compiled}",
                    tuple(values.get(name, 0) for name in compiled.positiontup))]
            assert plan[0].startswith("SEARCH mine USING INDEX ix_enrollments_school_insz")
            assert plan[1].startswith("SEARCH theirs USING INDEX ix_enrollments_insz_start")
            assert plan[2:] == ["USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"]


def test_a_student_is_found_at_a_school_by_insz_alone(uow_factory, loaded):
    student = next(e for e in loaded if e.insz and e.institution_number == SCHOOLS[0])
    with uow_factory(read_only=True) as uow:
        found = uow.enrollments.at_institution(SCHOOLS[0], insz=student.insz)
    assert found and {(e.insz, e.institution_number) for e in found} == {
        (student.insz, SCHOOLS[0])}
    assert found == sorted(found, key=lambda e: (e.start_date, e.id))
