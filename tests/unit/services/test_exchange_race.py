"""A duplicate that commits between the prior-check and the commit, played out in order.

Threads hitting the server at once cannot tell concurrent from sequential processing:
if the requests happen to run one after the other, the prior-check alone answers them
and the retry in ``exchange.handle`` is never exercised. Here the use case itself
runs the competing message to completion *inside* the first one's transaction, after
its prior-check and before its commit, so the first message always loses the unique
key race (the fakes enforce the journal's unique keys like the tables do) and only the
retry turns that into the right answer. (tests/unit/services/test_exchange.py makes
the competitor commit just before the commit instead; both points must work.)
"""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_client.wsse.errors import ReplayedMessage
from discimus_service.services import exchange, ports
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import EnrollmentView
from tests import factories as f
from tests.fakes import FakeDatabase


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    return db


def receipt(referte="r-1", replay_key="k-1"):
    return Receipt(sender=f.VENDOR, afzender=f.VENDOR.sender_id, referte=referte,
                   operation="RegistreerInschrijving", raw_message=b"<signed/>",
                   replay_key=replay_key,
                   received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def handle(db, rcpt, question, use_case=register_enrollment):
    return exchange.handle(db.uow, rcpt, question, use_case, EnrollmentView)


def overtaken_by(db, competitor_receipt, competitor_question):
    """A use case that first lets the competitor run and commit, then does its work."""
    seen = []

    def use_case(uow, rcpt, question):
        if not seen:
            seen.append(handle(db, competitor_receipt, competitor_question))
        return register_enrollment(uow, rcpt, question)
    return use_case, seen


def test_a_resend_that_wins_the_race_makes_the_loser_answer_with_the_first_answer(db):
    use_case, seen = overtaken_by(db, receipt(replay_key="k-2"), f.question())

    answer = handle(db, receipt(replay_key="k-1"), f.question(), use_case)

    (winner,) = seen
    assert winner.accepted and winner.issues == ()
    assert answer.result == winner.result
    assert [i.code for i in answer.issues] == [50003]
    assert len(db.committed.enrollments) == 1 and len(db.committed.journal) == 1


def test_an_exact_replay_that_wins_the_race_makes_the_loser_a_replay(db):
    use_case, seen = overtaken_by(db, receipt(replay_key="k-1"), f.question())
    with pytest.raises(ReplayedMessage):
        handle(db, receipt(replay_key="k-1"), f.question(), use_case)
    assert len(db.committed.journal) == 1


def test_another_question_that_wins_the_race_makes_the_loser_a_referte_conflict(db):
    use_case, seen = overtaken_by(db, receipt(replay_key="k-2"),
                                  f.question(administrative_group="2B"))
    answer = handle(db, receipt(replay_key="k-1"), f.question(), use_case)
    assert not answer.accepted and [i.code for i in answer.issues] == [10006]
    assert len(db.committed.journal) == 1


class _AlwaysTaken(ports.UnitOfWork):
    """A unit of work whose commit always finds its key taken."""

    def __init__(self, db, attempts):
        self._inner = db.uow()
        self.enrollments, self.schools = self._inner.enrollments, self._inner.schools
        self.senders, self.mandates = self._inner.senders, self._inner.mandates
        self.journal = self._inner.journal
        attempts.append(self)

    def commit(self):
        raise ports.DuplicateKeyError("taken")

    def rollback(self):
        self._inner.rollback()


def test_a_race_lost_on_every_attempt_gives_up_after_six(db):
    # A message writes at most five unique keys (with a number supplied and a wrong one
    # reported) and loses each at most once, so a seventh attempt could never help
    # (services/exchange.py).
    attempts = []
    with pytest.raises(ports.DuplicateKeyError):
        exchange.handle(lambda: _AlwaysTaken(db, attempts), receipt(), f.question(),
                        register_enrollment, EnrollmentView)
    assert len(attempts) == 6
    assert db.committed.journal == []
