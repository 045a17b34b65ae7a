"""Message type 7 through the exchange on SQLite and PostgreSQL: a refusal writes only
its journal entry and replay key, a resend writes nothing twice, and the boarding
school's consultation reads the schools' enrollments."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain.model import Mandate, MessageType
from discimus_service.persistence.database import row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services import exchange
from discimus_service.services.boarding_views import (
    BoardersSchoolsView, BoardingConsultation, BoardingView,
)
from discimus_service.services.consult_boarding import consult_boarders_schools
from discimus_service.services.register_boarding import register_boarding
from tests import factories as f
from tests.unit.services.test_boarding_use_cases import (
    BOARDING, EUROPEAN, SPECIAL, boarding_question,
)


@pytest.fixture
def engine_seeded(engine):
    with SqlAlchemyUnitOfWork(engine) as uow:
        f.seed(uow)
    with SqlAlchemyUnitOfWork(engine) as uow:
        for school in (BOARDING, EUROPEAN, SPECIAL):
            uow.schools.add(school)
        uow.mandates.add(Mandate("informat", "099001", MessageType.INTERNATEN,
                                 dt.date(2020, 9, 1)))
        uow.enrollments.add(f.enrollment_of(f.question()))
        uow.commit()
    return engine


def receipt(referte, key, operation="RegistreerInternaatInschrijving"):
    return exchange.Receipt(
        sender=f.VENDOR, afzender="informat", referte=referte, operation=operation,
        raw_message=b"<signed/>", replay_key=key,
        received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc), today=f.TODAY)


def send(engine, referte, key, question):
    return exchange.handle(lambda **kw: SqlAlchemyUnitOfWork(engine, **kw),
                           receipt(referte, key), question, register_boarding, BoardingView)


def test_a_refusal_writes_only_its_journal_entry(engine_seeded):
    before = row_counts(engine_seeded)
    answer = send(engine_seeded, "r-1", "k-1", boarding_question(support_plan=None))
    assert [i.code for i in answer.issues] == [10504]
    assert row_counts(engine_seeded) == {**before, "journal": before["journal"] + 1,
                                         "replay_keys": before["replay_keys"] + 1}


def test_a_resend_stores_the_stay_once(engine_seeded):
    first = send(engine_seeded, "r-1", "k-1", boarding_question())
    again = send(engine_seeded, "r-1", "k-2", boarding_question())
    assert first.accepted and [i.code for i in again.issues] == [50003]
    assert again.result == first.result
    assert row_counts(engine_seeded)["boarding_enrollments"] == 1


def test_the_consultation_reads_the_schools_enrollments(engine_seeded):
    assert send(engine_seeded, "r-1", "k-1", boarding_question()).accepted
    answer = exchange.handle(lambda **kw: SqlAlchemyUnitOfWork(engine_seeded, **kw),
                             receipt("r-2", "k-2", "GeefSchoolInschrijvingenInternen"),
                             BoardingConsultation("099001"), consult_boarders_schools,
                             BoardersSchoolsView)
    (boarder,) = answer.result.items
    (school,) = boarder.schools
    assert (school.institution_number, school.institution_name, school.special_needs) == (
        "034567", "Sint-Jozefscollege", False)
