"""The CLB's motivated report against fakes: stored, replaced when sent again, refused
without the authorisation, and seen by the school in GeefSchoolloopbaan."""
import datetime as dt

import pytest

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.errors import (
    InvalidCodeValueError, InvalidDateError, InvalidInszError, PartnerNotAuthorisedError,
)
from discimus_service.domain.model import Sender, SenderKind
from discimus_service.domain.motivated_report import SpecialNeedsType
from discimus_service.services.consult_career import consult_career
from discimus_service.services.exchange import Receipt
from discimus_service.services.motivated_reports import ReportQuestion, register_report
from discimus_service.services.views import CareerQuestion
from tests import factories as f
from tests.fakes import FakeDatabase

D = dt.date
CLB = Sender("clb", SenderKind.AGENCY, "CLB")
GROEIPAKKET = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket")
STUDENT = f.identification()


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    with db.uow() as uow:
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        uow.enrollments.add(f.enrollment_of(f.question()))
        uow.commit()
    return db


def receipt(sender=CLB):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r", operation="op",
                   raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc),
                   today=f.TODAY)


def send(db, sender=CLB, insz=STUDENT.insz, day=D(2026, 6, 15), kind="9",
         begin=D(2026, 9, 1), end=None):
    with db.uow() as uow:
        answer = register_report(uow, receipt(sender), ReportQuestion(
            f"kb.vlaanderen.be/aiv/{sender.sender_id}", None, insz, day, kind, begin, end))
        uow.commit()
    return answer


def career(db):
    return consult_career(db.uow(read_only=True), receipt(f.VENDOR),
                          CareerQuestion("034567", STUDENT.insz, None)).result


def test_the_school_sees_the_most_recent_valid_report_in_the_career(db):
    assert career(db).report is None
    first = send(db, day=D(2026, 6, 15), kind="3", begin=D(2026, 6, 15))
    assert first.accepted and first.result.new
    assert send(db, day=D(2026, 8, 20), kind="9", begin=D(2026, 9, 1)).accepted
    report = career(db).report
    assert (report.report_date, report.kind, report.valid_from) == (
        D(2026, 8, 20), SpecialNeedsType.TYPE_9, D(2026, 9, 1))


def test_the_same_report_sent_again_replaces_its_validity(db):
    send(db)
    again = send(db, end=D(2026, 9, 2))              # no longer valid today
    assert again.accepted and not again.result.new
    assert career(db).report is None


@pytest.mark.parametrize("change, error", [
    (dict(kind="5"), InvalidCodeValueError), (dict(day=D(2026, 9, 4)), InvalidDateError),
    (dict(end=D(2026, 8, 31)), InvalidDateError), (dict(insz="12345678901"), InvalidInszError),
])
def test_a_wrong_report_is_refused(db, change, error):
    with pytest.raises(error):
        send(db, **change)


def test_a_partner_without_the_authorisation_is_refused(db):
    with pytest.raises(PartnerNotAuthorisedError):
        send(db, sender=GROEIPAKKET)
