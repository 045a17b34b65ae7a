"""Characteristics messages through the exchange on SQLite and PostgreSQL: all or
nothing, journaled, resent idempotently, and answers that survive the journal."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain.characteristics import (
    HomeLanguage as L, Indicator as I, MotherEducation as E,
)
from discimus_service.domain.model import Mandate, MessageType
from discimus_service.persistence.database import row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services import exchange
from discimus_service.services.characteristics_views import (
    CharacteristicsView, DeclarationItem, DeclarationsQuestion, DeclarationsStoredView,
    IndicatorsView, StudentsQuestion,
)
from discimus_service.services.consult_characteristics import (
    consult_characteristics, consult_indicators,
)
from discimus_service.services.register_characteristics import register_characteristics
from tests import factories as f

SCHOOL = "034567"


@pytest.fixture
def seeded(engine):
    with SqlAlchemyUnitOfWork(engine) as uow:
        f.seed(uow, mandates=f.absence_mandates() + [Mandate(
            "informat", SCHOOL, MessageType.LEERLINGENKENMERKEN, dt.date(2020, 9, 1))])
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.enrollments.add(f.enrollment_of(f.question()))              # 2600001
        uow.commit()
    return engine


def receipt(referte, key, operation="RegistreerLeerlingenkenmerken"):
    return exchange.Receipt(
        sender=f.VENDOR, afzender="informat", referte=referte, operation=operation,
        raw_message=b"<signed/>", replay_key=key,
        received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc), today=f.TODAY)


def item(on=dt.date(2026, 8, 28), language=L.ANDERE_TAAL, stamnummer="2600001"):
    return DeclarationItem("INF-1", stamnummer, on, language, E.BASISONDERWIJS)


def send(engine, referte, key, *items):
    return exchange.handle(lambda **kw: SqlAlchemyUnitOfWork(engine, **kw),
                           receipt(referte, key), DeclarationsQuestion(SCHOOL, items),
                           register_characteristics, DeclarationsStoredView)


def test_a_refused_message_writes_only_its_journal_entry(seeded):
    before = row_counts(seeded)
    answer = send(seeded, "r-1", "k-1", item(), item(stamnummer="2600999"))
    assert not answer.accepted and [i.code for i in answer.issues] == [40010]
    assert row_counts(seeded) == {**before, "journal": before["journal"] + 1,
                                  "replay_keys": before["replay_keys"] + 1}


def test_a_resend_returns_the_first_answer_and_writes_once(seeded):
    first = send(seeded, "r-1", "k-1", item())
    again = send(seeded, "r-1", "k-2", item())
    assert again.result == first.result == DeclarationsStoredView(SCHOOL, new=1)
    assert [i.code for i in again.issues] == [50003]
    assert row_counts(seeded)["characteristics"] == 1
    other = send(seeded, "r-1", "k-3", item(language=L.NEDERLANDS))
    assert [i.code for i in other.issues] == [10006]


@pytest.mark.parametrize("use_case, view", [(consult_characteristics, CharacteristicsView),
                                            (consult_indicators, IndicatorsView)])
def test_consultation_answers_survive_the_journal(seeded, use_case, view):
    send(seeded, "r-1", "k-1", item())
    ask = StudentsQuestion(SCHOOL, ("2600001",))
    uows = lambda **kw: SqlAlchemyUnitOfWork(seeded, **kw)      # noqa: E731
    first = exchange.handle(uows, receipt("q-1", "k-2", "Geef"), ask, use_case, view)
    again = exchange.handle(uows, receipt("q-1", "k-3", "Geef"), ask, use_case, view)
    assert [i.code for i in again.issues] == [50003]
    assert again.result == first.result and first.result.items
    if view is IndicatorsView:
        [s] = again.result.items
        assert (s.home_language, s.mother_education, s.declared_on) == (
            I.JA, I.JA, dt.date(2026, 8, 28))
    else:
        [s] = again.result.items
        assert (s.in_force.home_language, s.in_force.declared_on) == (
            L.ANDERE_TAAL, dt.date(2026, 8, 28))
