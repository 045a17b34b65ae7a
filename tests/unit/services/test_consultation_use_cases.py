"""The consultations: answers in parts with a continuation, read-only, journaled once."""
import base64
import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.errors import InvalidContinuationError
from discimus_service.services import exchange
from discimus_service.services.consult_double_enrollments import (
    consult_double_enrollments, continuation_key, continuation_token,
)
from discimus_service.services.exchange import Receipt
from discimus_service.services.views import DoubleEnrollmentsQuestion, DoubleEnrollmentsView
from tests import factories as f
from tests.fakes import FakeDatabase

D = dt.date


@pytest.fixture
def db():
    """Seven students of 034567 also enrolled at 056789 from the same day."""
    db = FakeDatabase()
    uow = db.uow()
    f.seed(uow)
    for n in range(7):
        ident = f.identification(sequence=n + 1, stamnummer=f"26000{n:02d}")
        for school in ("034567", "056789"):
            uow.enrollments.add(f.enrollment_of(f.question(
                institution_number=school, identification=ident)))
    uow.commit()
    return db


def receipt(referte="r-1", replay_key="k-1"):
    return Receipt(sender=f.VENDOR, afzender="informat", referte=referte,
                   operation="GeefDubbeleInschrijvingen", raw_message=b"<signed/>",
                   replay_key=replay_key,
                   received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def ask(db, continuation=None, page_size=3, on=None):
    uow = db.uow(read_only=True)
    uow.page_size = page_size
    return consult_double_enrollments(
        uow, receipt(), DoubleEnrollmentsQuestion("034567", on, continuation))


def test_an_answer_lists_at_most_a_page_and_continues_where_it_stopped(db):
    seen, token, parts = [], None, 0
    while True:
        answer = ask(db, token)
        parts += 1
        assert len(answer.result.items) <= 3
        seen += [item.insz for item in answer.result.items]
        token = answer.result.continuation
        if token is None:
            break
    assert parts == 3
    everything = ask(db, page_size=100).result
    assert seen == [item.insz for item in everything.items] and len(seen) == 7
    assert everything.continuation is None


def test_an_exact_page_ends_without_a_continuation(db):
    assert ask(db, page_size=7).result.continuation is None
    assert ask(db, page_size=6).result.continuation is not None


@pytest.mark.parametrize("token", [
    "not base64!", "bm9wZQ", continuation_token(("x", D(2026, 9, 1), D(2026, 9, 1), 1, 2),
                                                    "056789", None),
    continuation_token(("x", D(2026, 9, 1), D(2026, 9, 1), 1, 2), "034567", D(2026, 9, 3)),
])
def test_a_continuation_this_service_did_not_give_for_this_question_is_refused(db, token):
    with pytest.raises(InvalidContinuationError) as refused:
        ask(db, token)
    assert refused.value.code == 10012 and refused.value.field == "Vervolg"


def test_a_token_round_trips_its_key_and_only_its_canonical_spelling():
    key = ("12031500143", D(2026, 9, 1), D(2025, 9, 1), 17, 42)
    token = continuation_token(key, "034567", None)
    assert continuation_key(token, "034567", None) == key
    padded = base64.urlsafe_b64encode(
        b"1|034567||12031500143|2026-09-01|2025-09-01|017|42").decode()
    with pytest.raises(InvalidContinuationError):
        continuation_key(padded, "034567", None)


def test_a_consultation_reads_read_only_then_journals_once(db):
    calls = []

    def factory(*, read_only=False):
        calls.append(read_only)
        return db.uow(read_only=read_only)

    question = DoubleEnrollmentsQuestion("034567")
    first = exchange.handle(factory, receipt(), question, consult_double_enrollments,
                            DoubleEnrollmentsView)
    assert calls == [True, False]                 # read, then the journal's write
    assert len(first.result.items) == 7 and len(db.committed.journal) == 1
    again = exchange.handle(factory, receipt(replay_key="k-2"), question,
                            consult_double_enrollments, DoubleEnrollmentsView)
    # Answered from the journal; the write keeps only this copy's replay key.
    assert calls == [True, False, True, False]
    assert len(db.committed.journal) == 1
    assert [i.code for i in again.issues] == [50003]
    assert dataclasses.replace(again, issues=()) == first


def test_a_transaction_out_of_time_is_s501_and_stores_nothing(db):
    from discimus_service.security.faults import RequestTimedOut
    from discimus_service.services.ports import DeadlineExceeded
    from discimus_service.services.register_enrollment import register_enrollment

    def register_then_run_out_of_time(uow, receipt, question):
        register_enrollment(uow, receipt, question)
        raise DeadlineExceeded("statement timeout")

    before = (dict(db.committed.enrollments), list(db.committed.journal))
    with pytest.raises(RequestTimedOut) as raised:
        exchange.handle(db.uow, receipt(), f.question(identification=f.identification(
            sequence=77, stamnummer="2600077")), register_then_run_out_of_time, None)
    assert raised.value.code == 501 and "nothing was stored" in raised.value.faultstring
    assert (dict(db.committed.enrollments), list(db.committed.journal)) == before
