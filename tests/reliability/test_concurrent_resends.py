"""Resends that really run at the same time write once and get the same answer.

A barrier inside the transaction holds each copy until both have looked in the journal
and found nothing: the test fails if they ran one after the other (the barrier breaks),
and it fails if the loser of the unique-key race is not answered from the winner's
journal entry (the retry in ``services/exchange.py``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from discimus_service.persistence.database import row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services import exchange
from discimus_service.services.consult_double_enrollments import consult_double_enrollments
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import (
    DoubleEnrollmentsQuestion, DoubleEnrollmentsView, EnrollmentView,
)
from tests import factories as f


def _receipt(operation: str, replay_key: str) -> exchange.Receipt:
    return exchange.Receipt(
        sender=f.VENDOR, afzender="informat", referte="same-referte", operation=operation,
        raw_message=b"<signed/>", replay_key=replay_key,
        received_at=dt.datetime.now(dt.timezone.utc), today=f.TODAY)


class _MeetingUnitOfWork(SqlAlchemyUnitOfWork):
    """A unit whose journal look-up, when it finds nothing, waits for the other copy's."""

    def __init__(self, engine, barrier: threading.Barrier, **kw):
        super().__init__(engine, timeout=10, **kw)
        self._barrier = barrier

    def __enter__(self):
        super().__enter__()
        find = self.journal.find

        def find_then_meet(*args):
            found = find(*args)
            if found is None:
                self._barrier.wait(timeout=20)     # BrokenBarrierError: not concurrent
            return found
        self.journal.find = find_then_meet
        return self


def _race(engine, operation, question, use_case, result_type):
    barrier = threading.Barrier(2)
    before = row_counts(engine)
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(
            lambda key: exchange.handle(
                lambda **kw: _MeetingUnitOfWork(engine, barrier, **kw),
                _receipt(operation, key), question, use_case, result_type),
            ["key-1", "key-2"]))
    return answers, before, row_counts(engine)


def _without_notice(answer):
    return dataclasses.replace(answer, issues=tuple(i for i in answer.issues
                                                    if i.code != 50003))


def test_two_concurrent_copies_of_a_consultation_journal_once(engine):
    answers, before, after = _race(engine, "GeefDubbeleInschrijvingen",
                                   DoubleEnrollmentsQuestion("034567"),
                                   consult_double_enrollments, DoubleEnrollmentsView)
    assert sorted(50003 in [i.code for i in a.issues] for a in answers) == [False, True]
    assert _without_notice(answers[0]) == _without_notice(answers[1])
    assert after["journal"] == before["journal"] + 1


def test_two_concurrent_copies_of_a_registration_enroll_once(engine):
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite: writers begin IMMEDIATE, one at a time; they cannot meet")
    answers, before, after = _race(engine, "RegistreerInschrijving",
                                   f.question(), register_enrollment, EnrollmentView)
    assert all(a.accepted for a in answers)
    assert sorted(50003 in [i.code for i in a.issues] for a in answers) == [False, True]
    assert _without_notice(answers[0]) == _without_notice(answers[1])
    assert after["enrollments"] == before["enrollments"] + 1
    assert after["journal"] == before["journal"] + 1
