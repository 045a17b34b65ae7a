"""Use cases of message types 5, 6 and 8 against in-memory fakes: the shared steps
(register, resend, conflict, correct, cancel, consult) and each type's wiring."""
import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.errors import (
    AuthorisationError, NotEnrolledHereError, RecordConflictError, RecordNotFoundError,
)
from discimus_service.domain.model import Aanleiding, Deregistration
from discimus_service.services import discipline_records as d
from discimus_service.services import refusal_records as w
from discimus_service.services import support_records as o
from discimus_service.services.exchange import Receipt
from discimus_service.services.record_views import (
    MeasureKey, MeasureQuestion, RecordsConsultation, RefusalKey, RefusalQuestion,
    SupportKey, SupportQuestion,
)
from tests import factories as f
from tests.fakes import FakeDatabase

TODAY = dt.date(2026, 9, 10)
STUDENT = f.identification()                      # stamnummer 2600001
OTHER = f.identification(stamnummer="2600002", sequence=2)


@pytest.fixture
def db():
    db = FakeDatabase()
    seeding = db.uow()
    seeding.schools.add(f.SPECIAL_NEEDS)
    f.seed(seeding, mandates=f.record_mandates())
    work = db.uow()
    work.enrollments.add(f.enrollment_of(f.question()))
    work.enrollments.add(f.enrollment_of(f.question(identification=OTHER)))
    # A student of the primary school in 2022-2023, supported then.
    work.enrollments.add(f.enrollment_of(f.question(
        institution_number="012345", start_date=dt.date(2022, 9, 1),
        identification=f.identification(stamnummer="2200001", sequence=3)),
        deregistration=Deregistration(dt.date(2023, 6, 30), Aanleiding.EINDE_SCHOOLJAAR,
                                      "1")))
    work.commit()
    return db


def receipt(sender=f.VENDOR, today=TODAY):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r", operation="op",
                   raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 9, 10, tzinfo=dt.timezone.utc),
                   today=today)


def measure(**kw):
    base = dict(institution_number="034567", student_id="LL-1", stamnummer="2600001",
                insz=STUDENT.insz, measure_type="TU", start_date=dt.date(2026, 9, 7),
                end_date=dt.date(2026, 9, 9))
    return MeasureQuestion(**{**base, **kw})


def test_register_resend_and_conflict(db):
    uow = db.uow()
    first = d.register_measure(uow, receipt(), measure())
    assert first.accepted and first.result.outcome == "NIEUW"
    again = d.register_measure(uow, receipt(), measure())
    assert again.result.outcome == "ONGEWIJZIGD"
    with pytest.raises(RecordConflictError):
        d.register_measure(uow, receipt(), measure(end_date=dt.date(2026, 9, 10)))


def test_a_late_measure_is_new_with_a_warning_and_its_correction_is_not_late(db):
    uow = db.uow()
    late = measure(start_date=dt.date(2026, 9, 1), end_date=dt.date(2026, 9, 2))
    answer = d.register_measure(uow, receipt(), late)
    assert answer.accepted and [i.code for i in answer.issues] == [50400]
    fixed = d.correct_measure(uow, receipt(), dataclasses.replace(
        late, end_date=dt.date(2026, 9, 3)))
    assert fixed.result.outcome == "GEWIJZIGD" and fixed.issues == ()
    assert fixed.result.record.end_date == dt.date(2026, 9, 3)


def test_correct_and_cancel_need_the_record(db):
    uow = db.uow()
    with pytest.raises(RecordNotFoundError):
        d.correct_measure(uow, receipt(), measure())
    key = MeasureKey("034567", "2600001", "TU", dt.date(2026, 9, 7))
    with pytest.raises(RecordNotFoundError):
        d.cancel_measure(uow, receipt(), key)
    d.register_measure(uow, receipt(), measure())
    assert d.cancel_measure(uow, receipt(), key).result.outcome == "GEANNULEERD"
    assert d.consult_measures(uow, receipt(), RecordsConsultation("034567")).result.items == []


def test_another_schools_student_is_refused(db):
    with pytest.raises(NotEnrolledHereError):
        d.register_measure(db.uow(), receipt(), measure(institution_number="012345"))


def test_no_mandate_for_the_message_type_is_refused(db):
    with pytest.raises(AuthorisationError):
        d.register_measure(db.uow(), receipt(f.OTHER_VENDOR), measure(
            institution_number="056789"))


def test_consultation_by_school_year(db):
    uow = db.uow()
    d.register_measure(uow, receipt(), measure())
    d.register_measure(uow, receipt(), measure(stamnummer="2600002", student_id="LL-2",
                                               insz=OTHER.insz, measure_type="PS"))
    both = d.consult_measures(uow, receipt(), RecordsConsultation("034567", 2026))
    assert [(r.stamnummer, r.subtype) for r in both.result.items] == [
        ("2600001", "TU"), ("2600002", "PS")]
    assert d.consult_measures(uow, receipt(), RecordsConsultation(
        "034567", 2025)).result.items == []


def support_question(**kw):
    base = dict(institution_number="012345", student_id="LL-3", stamnummer="2200001",
                start_date=dt.date(2022, 10, 3), supporting_institution="099999")
    return SupportQuestion(**{**base, **kw})


def test_support_is_seen_by_both_schools(db):
    uow = db.uow()
    assert o.register_support(uow, receipt(), support_question()).result.outcome == "NIEUW"
    uow.commit()
    ordinary = o.consult_supported(db.uow(), receipt(), RecordsConsultation("012345"))
    special = o.consult_supported(db.uow(), receipt(f.OTHER_VENDOR),
                                  RecordsConsultation("099999"))
    assert [(r.institution_number, r.other_institution, r.stamnummer)
            for r in special.result.items] == [("012345", "099999", "2200001")]
    assert ordinary.result.items == special.result.items
    assert o.consult_supported(db.uow(), receipt(), RecordsConsultation(
        "034567")).result.items == []


def test_support_correction_moves_the_start_within_the_school_year(db):
    uow = db.uow()
    o.register_support(uow, receipt(), support_question())
    changed = o.correct_support(uow, receipt(), support_question(
        start_date=dt.date(2022, 11, 7)))
    assert changed.result.outcome == "GEWIJZIGD"
    assert changed.result.record.start_date == dt.date(2022, 11, 7)
    gone = o.cancel_support(uow, receipt(), SupportKey("012345", "2200001",
                                                       dt.date(2023, 3, 1)))
    assert gone.result.outcome == "GEANNULEERD"


def test_refusal_register_correct_cancel(db):
    uow = db.uow()
    insz = f.identification(sequence=40).insz
    q = RefusalQuestion("034567", "KAND-9", insz, "W", dt.date(2026, 6, 15))
    assert w.register_refusal(uow, receipt(), q).result.outcome == "NIEUW"
    with pytest.raises(RecordNotFoundError):
        w.cancel_refusal(uow, receipt(), RefusalKey("034567", insz, dt.date(2026, 6, 16)))
    assert w.cancel_refusal(uow, receipt(), RefusalKey("034567", insz, q.date)
                            ).result.outcome == "GEANNULEERD"


def test_a_school_cannot_refuse_its_own_running_student(db):
    from discimus_service.domain.errors import RefusedStudentEnrolledError
    q = RefusalQuestion("034567", "LL-1", STUDENT.insz, "W", dt.date(2026, 9, 8))
    with pytest.raises(RefusedStudentEnrolledError):
        w.register_refusal(db.uow(), receipt(), q)
