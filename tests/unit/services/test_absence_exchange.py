"""Absence messages through the exchange: all or nothing, journaled, resent idempotently."""
import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.absence import AbsenceCode as C, HalfDay
from discimus_service.services import exchange
from discimus_service.services.absence_views import (
    AbsencesConsultation, AbsencesQuestion, AbsencesStoredView, AbsencesView,
)
from discimus_service.services.consult_absences import consult_absences
from discimus_service.services.register_absences import register_absences
from tests import factories as f
from tests.fakes import FakeDatabase

SCHOOL = "034567"


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow(), mandates=f.absence_mandates())
    work = db.uow()
    work.enrollments.add(f.enrollment_of(f.question()))
    work.commit()
    return db


def receipt(referte, key, operation="RegistreerAfwezigheden"):
    return exchange.Receipt(
        sender=f.VENDOR, afzender="informat", referte=referte, operation=operation,
        raw_message=b"<signed/>", replay_key=key,
        received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc), today=f.TODAY)


def send(db, referte, key, *items):
    return exchange.handle(db.uow, receipt(referte, key),
                           AbsencesQuestion(SCHOOL, tuple(items)), register_absences,
                           AbsencesStoredView)


def test_a_refused_message_stores_no_item_but_is_journaled(db):
    answer = send(db, "r-1", "k-1", f.half_day(), f.half_day(half_day=HalfDay.NM, code=C.A))
    assert not answer.accepted
    assert db.committed.absences == {}
    (entry,) = db.committed.journal
    assert (entry.verdict, entry.codes) == ("GEWEIGERD", "10010")


def test_a_resend_returns_the_first_answer_and_stores_nothing_again(db):
    first = send(db, "r-1", "k-1", f.half_day(), f.half_day(half_day=HalfDay.NM))
    again = send(db, "r-1", "k-2", f.half_day(), f.half_day(half_day=HalfDay.NM))
    assert again.result == first.result == AbsencesStoredView(SCHOOL, new=2)
    assert [i.code for i in again.issues] == [50003]
    assert len(db.committed.absences) == 2 and len(db.committed.journal) == 1


def test_the_same_referte_with_other_half_days_is_refused(db):
    send(db, "r-1", "k-1", f.half_day())
    other = send(db, "r-1", "k-2", f.half_day(code=C.B))
    assert [i.code for i in other.issues] == [10006]
    assert [a.code for a in db.committed.absences.values()] == [C.Z]


def test_a_consultation_answer_survives_the_journal(db):
    send(db, "r-1", "k-1", f.half_day())
    ask = AbsencesConsultation(SCHOOL)
    first = exchange.handle(db.uow, receipt("q-1", "k-2", "GeefAfwezigheden"), ask,
                            consult_absences, AbsencesView)
    again = exchange.handle(db.uow, receipt("q-1", "k-3", "GeefAfwezigheden"), ask,
                            consult_absences, AbsencesView)
    assert again.result == first.result
    (item,) = again.result.items
    assert (item.half_day, item.code) == (HalfDay.VM, C.Z)
    assert dataclasses.asdict(item)["date"] == dt.date(2026, 9, 2)
