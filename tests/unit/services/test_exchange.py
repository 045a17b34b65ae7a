"""The exchange: exactly-once processing, journaling and idempotent resends."""
import datetime as dt

import pytest

from discimus_client.wsse.errors import ReplayedMessage
from discimus_service.services import exchange
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


def receipt(referte="r-1", replay_key="k-1", sender=f.VENDOR, afzender=None):
    return Receipt(sender=sender, afzender=afzender or sender.sender_id, referte=referte,
                   operation="RegistreerInschrijving", raw_message=b"<signed/>",
                   replay_key=replay_key,
                   received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def run(db, q, **kw):
    return exchange.handle(db.uow, receipt(**kw), q, register_enrollment, EnrollmentView)


def test_accepted_message_is_stored_and_journaled_together(db):
    answer = run(db, f.question())
    assert answer.accepted and answer.result.discimus_referte == 1
    assert len(db.committed.enrollments) == 1
    (entry,) = db.committed.journal
    assert entry.verdict == "AANVAARD" and entry.raw_message == b"<signed/>"
    assert db.commits == 2  # the seed, then the message: one transaction


def test_resend_with_same_referte_returns_first_answer_and_writes_nothing(db):
    first = run(db, f.question())
    again = run(db, f.question(), replay_key="k-2")
    assert again.result == first.result
    assert again.issues[-1].code == 50003
    assert len(db.committed.enrollments) == 1 and len(db.committed.journal) == 1


def test_same_referte_for_another_question_is_refused(db):
    run(db, f.question())
    other = run(db, f.question(administrative_group="2B"), replay_key="k-2")
    assert not other.accepted and other.issues[0].code == 10006
    assert len(db.committed.journal) == 1


def test_exact_replay_is_a_security_refusal(db):
    run(db, f.question())
    with pytest.raises(ReplayedMessage):
        run(db, f.question(), referte="r-2")


def test_refusal_is_journaled_but_writes_no_business_row(db):
    bad = f.question(identification=f.replace(f.identification(), insz="12031500100"))
    answer = run(db, bad)
    assert not answer.accepted and answer.issues[0].code == 20002
    assert db.committed.enrollments == {}
    (entry,) = db.committed.journal
    assert entry.verdict == "GEWEIGERD" and entry.codes == "20002"


def test_afzender_must_be_the_certificate_sender(db):
    answer = run(db, f.question(), afzender="wisa")
    assert [i.code for i in answer.issues] == [40011]
    assert db.committed.enrollments == {}


def test_no_mandate_is_40006_and_writes_nothing(db):
    answer = run(db, f.question(institution_number="056789"))
    assert [i.code for i in answer.issues] == [40006]
    assert "056789" in answer.issues[0].diagnose
    assert db.committed.enrollments == {}


# -- the replay key of every verified message (issue 5 §2) --------------------------------
def test_exact_replay_of_a_resend_is_a_security_refusal(db):
    run(db, f.question())
    resend = run(db, f.question(), replay_key="k-2")
    assert resend.issues[-1].code == 50003
    with pytest.raises(ReplayedMessage):
        run(db, f.question(), replay_key="k-2")
    assert db.committed.replay_keys == {"k-1", "k-2"}
    assert len(db.committed.journal) == 1


def test_exact_replay_of_a_referte_conflict_is_a_security_refusal(db):
    run(db, f.question())
    conflict = run(db, f.question(administrative_group="2B"), replay_key="k-2")
    assert conflict.issues[0].code == 10006
    with pytest.raises(ReplayedMessage):
        run(db, f.question(administrative_group="2B"), replay_key="k-2")


def test_exact_replay_of_a_refused_message_is_a_security_refusal(db):
    bad = f.question(identification=f.replace(f.identification(), insz="12031500100"))
    assert run(db, bad).issues[0].code == 20002
    with pytest.raises(ReplayedMessage):
        run(db, bad, referte="r-2")
    assert db.committed.replay_keys == {"k-1"}


class _Interleaved:
    """A unit-of-work factory whose n-th unit lets ``competitors[n]`` run to its commit
    just before committing itself: the losing side of races, made deterministic."""

    def __init__(self, db, *competitors):
        self.db, self.competitors, self.units = db, list(competitors), 0

    def __call__(self):
        unit = self.db.uow()
        self.units += 1
        if self.competitors:
            competitor, commit = self.competitors.pop(0), unit.commit

            def commit_after_the_competitor():
                competitor()
                commit()
            unit.commit = commit_after_the_competitor
        return unit


def test_two_copies_of_one_resend_at_once_answer_once_and_refuse_the_other(db):
    run(db, f.question())
    racer = _Interleaved(db, lambda: run(db, f.question(), replay_key="k-2"))
    with pytest.raises(ReplayedMessage):
        exchange.handle(racer, receipt(replay_key="k-2"), f.question(),
                        register_enrollment, EnrollmentView)
    assert racer.units == 2                    # lost the race, retried, saw the key
    assert db.committed.replay_keys == {"k-1", "k-2"} and len(db.committed.journal) == 1


def test_a_lost_race_for_a_referte_is_answered_as_a_resend(db):
    racer = _Interleaved(db, lambda: run(db, f.question(), replay_key="k-1"))
    answer = exchange.handle(racer, receipt(replay_key="k-2"), f.question(),
                             register_enrollment, EnrollmentView)
    assert racer.units == 2
    assert answer.accepted and answer.issues[-1].code == 50003
    assert len(db.committed.enrollments) == 1 and len(db.committed.journal) == 1


def test_losing_the_referte_and_then_the_replay_key_still_ends_in_a_verdict(db):
    """Three at once: a first use (k-1) and two copies of a resend (k-2). The copy that
    loses twice (first the Referte, then its replay key) is a replay, not an S500."""
    racer = _Interleaved(db, lambda: run(db, f.question(), replay_key="k-1"),
                         lambda: run(db, f.question(), replay_key="k-2"))
    with pytest.raises(ReplayedMessage):
        exchange.handle(racer, receipt(replay_key="k-2"), f.question(),
                        register_enrollment, EnrollmentView)
    assert racer.units == 3
    assert db.committed.replay_keys == {"k-1", "k-2"} and len(db.committed.journal) == 1


def test_three_lost_races_in_a_row_still_end_in_a_verdict(db):
    """The enrollment taken by another Referte, this Referte taken by a copy signed
    anew, then this very message's replay key taken by its own copy: a replay."""
    racer = _Interleaved(db, lambda: run(db, f.question(), referte="r-9", replay_key="k-9"),
                         lambda: run(db, f.question(), replay_key="k-1"),
                         lambda: run(db, f.question(), replay_key="k-2"))
    with pytest.raises(ReplayedMessage):
        exchange.handle(racer, receipt(replay_key="k-2"), f.question(),
                        register_enrollment, EnrollmentView)
    assert racer.units == 4
    assert len(db.committed.enrollments) == 1
    assert db.committed.replay_keys == {"k-9", "k-1", "k-2"}
