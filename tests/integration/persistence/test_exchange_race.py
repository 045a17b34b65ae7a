"""The lost unique-key race of the exchange, on PostgreSQL, played out in order.

The competing duplicate commits on its own connection after the first message's
prior-check and before its commit; the database then refuses the first message's
journal row (uq_journal_sender_referte) and only the exchange's retry turns that into
the first answer. SQLite cannot have this race: every transaction there begins
IMMEDIATE and takes the write lock first, so writers queue instead (the competitor
would wait for the lock the first message holds).
"""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.persistence.database import row_counts
from discimus_service.services import exchange
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import EnrollmentView
from tests import factories as f


def receipt(replay_key):
    return Receipt(sender=f.VENDOR, afzender=f.VENDOR.sender_id, referte="r-race",
                   operation="RegistreerInschrijving", raw_message=b"<signed/>",
                   replay_key=replay_key,
                   received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def test_a_duplicate_committed_meanwhile_gets_the_first_answer(database_url, engine,
                                                                  uow_factory):
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): no race to lose")
    with uow_factory() as uow:
        f.seed(uow)
    winners = []

    def overtaken(uow, rcpt, question):
        if not winners:
            winners.append(exchange.handle(uow_factory, receipt("k-2"), question,
                                           register_enrollment, EnrollmentView))
        return register_enrollment(uow, rcpt, question)

    answer = exchange.handle(uow_factory, receipt("k-1"), f.question(), overtaken,
                             EnrollmentView)

    assert winners[0].accepted
    assert answer.result == winners[0].result
    assert [i.code for i in answer.issues] == [50003]
    counts = row_counts(engine)
    assert counts["enrollments"] == 1 and counts["journal"] == 1
