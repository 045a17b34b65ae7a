"""A consultation on a large school does not hold up registrations.

The consultation is stopped half way, inside its transaction (after the database found
the doubles); a registration then has to complete before it may go on. Before the
consultations ran read-only, SQLite's write lock was theirs for the whole time and the
registration ran out of time instead (S501; S500 "database is locked" earlier still).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

from discimus_service.persistence.database import row_counts
from discimus_service.persistence.unit_of_work import SqlAlchemyUnitOfWork
from discimus_service.services import exchange
from discimus_service.services.consult_double_enrollments import consult_double_enrollments
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import (
    DoubleEnrollmentsQuestion, DoubleEnrollmentsView, EnrollmentView,
)
from tests import factories as f

STUDENTS = 1_000          # every one also enrolled at the other school: 1,000 doubles


def _large_school(engine) -> None:
    with SqlAlchemyUnitOfWork(engine) as uow:
        for n in range(STUDENTS):
            ident = f.identification(sequence=n % 490 + 1, stamnummer=f"25{n:05d}",
                                     birth_date=dt.date(2011, 1, 1) + dt.timedelta(n // 490))
            for school in ("034567", "056789"):
                uow.enrollments.add(f.enrollment_of(f.question(
                    institution_number=school, identification=ident)))
        uow.commit()


def _receipt(operation: str, referte: str) -> exchange.Receipt:
    return exchange.Receipt(
        sender=f.VENDOR, afzender="informat", referte=referte, operation=operation,
        raw_message=b"<signed/>", replay_key=f"key-{referte}",
        received_at=dt.datetime.now(dt.timezone.utc), today=f.TODAY)


def test_a_registration_completes_while_a_large_consultation_runs(engine, uow_factory):
    _large_school(engine)
    consulting, registered = threading.Event(), threading.Event()

    @exchange.read_only
    def consult_then_wait(uow, receipt, question):
        answer = consult_double_enrollments(uow, receipt, question)
        consulting.set()
        assert registered.wait(30), "the registration did not complete meanwhile"
        return answer

    def consult():
        return exchange.handle(uow_factory, _receipt("GeefDubbeleInschrijvingen", "c-1"),
                               DoubleEnrollmentsQuestion("034567"), consult_then_wait,
                               DoubleEnrollmentsView)

    with ThreadPoolExecutor(1) as pool:
        consultation = pool.submit(consult)
        while not consulting.wait(0.1):
            if consultation.done():
                consultation.result()          # the consultation failed: say why
        newcomer = f.question(identification=f.identification(
            sequence=498, stamnummer="2699999", birth_date=dt.date(2013, 5, 5)))
        # Its unit of work has a 10 s deadline: waiting on the consultation fails it.
        registration = exchange.handle(uow_factory, _receipt("RegistreerInschrijving", "r-1"),
                                       newcomer, register_enrollment, EnrollmentView)
        registered.set()
        answer = consultation.result()
    assert registration.accepted
    assert answer.accepted and len(answer.result.items) == 500     # one part
    assert answer.result.continuation is not None
    assert row_counts(engine)["journal"] == 2
