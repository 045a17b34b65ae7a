"""Use cases of message type 4 against in-memory fakes."""
import datetime as dt

import pytest

from discimus_service.domain.admission import Condition, Outcome
from discimus_service.domain.certificate import CertificateKind as K, Form
from discimus_service.domain.errors import (
    AuthorisationError, CheckNotOfferedError, InvalidContinuationError, InvalidDateError,
    NotEnrolledHereError, TooManyItemsError,
)
from discimus_service.services import consult_certificates as consult_module
from discimus_service.services.cancel_certificates import cancel_certificates
from discimus_service.services.certificate_views import (
    CancelCertificatesQuestion, CancelItem, CertificatesConsultation,
    CertificatesQuestion, CheckQuestion, StudentQuestion,
)
from discimus_service.services.check_admission import check_admission, check_transition
from discimus_service.services.consult_certificates import (
    consult_certificates, consult_previous_certificates,
)
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_certificates import register_certificates
from discimus_service.domain.model import Deregistration, Aanleiding
from tests import factories as f
from tests.fakes import FakeDatabase

SCHOOL, PRIMARY, TODAY = "034567", "012345", dt.date(2026, 7, 3)
LOTTE = f.identification()                                    # 2600001 at 034567


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow(), mandates=f.certificate_mandates())
    work = db.uow()
    last_year = dict(start_date=dt.date(2025, 9, 1), registration_date=dt.date(2025, 8, 1))
    work.enrollments.add(f.enrollment_of(f.question(**last_year)))        # 2600001
    work.enrollments.add(f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600002", sequence=2), **last_year)))
    # The same Lotte at the primary school the year before, with its own stamnummer.
    work.enrollments.add(f.enrollment_of(f.question(
        institution_number=PRIMARY, administrative_group="L6",
        identification=f.replace(LOTTE, stamnummer="1900007"),
        start_date=dt.date(2024, 9, 1), registration_date=dt.date(2024, 8, 1)),
        deregistration=Deregistration(dt.date(2025, 6, 30), Aanleiding.EINDE_SCHOOLJAAR,
                                      "1")))
    work.commit()
    return db


def receipt(today=TODAY, sender=f.VENDOR):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r", operation="op",
                   raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 7, 3, tzinfo=dt.timezone.utc), today=today)


def register(db, *items, school=SCHOOL, **kw):
    return register_certificates(db.uow(), receipt(**kw),
                                 CertificatesQuestion(school, tuple(items)))


def committed(db, school=SCHOOL):
    answer = consult_certificates(db.uow(read_only=True), receipt(),
                                  CertificatesConsultation(school))
    return answer.result.items


def _commit_register(db, *items, school=SCHOOL, **kw):
    uow = db.uow()
    answer = register_certificates(uow, receipt(**kw),
                                   CertificatesQuestion(school, tuple(items)))
    if answer.accepted:
        uow.commit()
    return answer


def gbo(**kw):
    data = kw.pop("data", None) or f.certificate_data(
        kind=K.GBO, grade=None, year=None, form=None, obtained_on=dt.date(2025, 6, 27))
    return f.certificate_item(stamnummer="1900007", data=data, **kw)


def test_certificates_are_stored_and_listed(db):
    answer = _commit_register(db, f.certificate_item(),
                              f.certificate_item(stamnummer="2600002"))
    assert answer.accepted and answer.issues == ()
    assert (answer.result.new, answer.result.replaced, answer.result.unchanged) == (2, 0, 0)
    items = committed(db)
    assert [(c.stamnummer, c.kind, c.school_year, c.student_id) for c in items] == [
        ("2600001", K.OA, 2025, "LL-0001"), ("2600002", K.OA, 2025, "LL-0001")]
    assert items[0].full_name == "Oriënteringsattest A"
    assert items[0].institution_name == "Sint-Jozefscollege"


def test_one_bad_item_refuses_all_and_each_problem_names_its_item(db):
    answer = register(db, f.certificate_item(),
                      f.certificate_item(data_kw=dict(kind=K.VEI)),
                      f.certificate_item(data_kw=dict(kind=K.GBO)),
                      f.certificate_item(data_kw=dict(year=5)),
                      f.certificate_item(data_kw=dict(kind=K.OB)),
                      f.certificate_item(stamnummer="2600002"),
                      f.certificate_item(stamnummer="2600002"),
                      f.certificate_item(stamnummer="2699999"),
                      f.certificate_item(stamnummer="12"),
                      f.certificate_item(student_id=" "),
                      f.certificate_item(data_kw=dict(obtained_on=dt.date(2026, 7, 4))),
                      f.certificate_item(data_kw=dict(kind=K.DCV, grade=3, form=Form.BSO,
                                                      obtained_on=dt.date(2016, 10, 1))))
    assert not answer.accepted and answer.result is None
    assert [(i.code, i.field) for i in answer.issues] == [
        (10300, "Studiebewijzen/Studiebewijs[2]/Soort"),
        (10302, "Studiebewijzen/Studiebewijs[3]/Soort"),
        (10303, "Studiebewijzen/Studiebewijs[4]/Leerjaar"),
        (10304, "Studiebewijzen/Studiebewijs[5]/UitgeslotenOnderwijsvormen"),
        (10305, "Studiebewijzen/Studiebewijs[7]"),
        (40010, "Studiebewijzen/Studiebewijs[8]/Stamnummer"),
        (10003, "Studiebewijzen/Studiebewijs[9]/Stamnummer"),
        (10001, "Studiebewijzen/Studiebewijs[10]/UniekeIdentificatorLeerling"),
        (10002, "Studiebewijzen/Studiebewijs[11]/Datum"),
        (10301, "Studiebewijzen/Studiebewijs[12]/Datum")]
    assert "item 6" in answer.issues[4].diagnose
    assert committed(db) == []


def test_a_primary_school_registers_a_primary_certificate_with_the_insz(db):
    answer = _commit_register(db, gbo(), school=PRIMARY)
    assert answer.accepted
    [stored] = db.uow().certificates.of_person(LOTTE.insz)
    assert (stored.institution_number, stored.stamnummer, stored.kind) == (
        PRIMARY, "1900007", K.GBO)


def test_a_certificate_after_the_last_day_of_class_counts_for_that_school_year(db):
    july = gbo(data=f.certificate_data(kind=K.GBO, grade=None, year=None, form=None,
                                       obtained_on=dt.date(2025, 7, 2)))
    assert _commit_register(db, july, school=PRIMARY).accepted
    next_year = gbo(data=f.certificate_data(kind=K.GBO, grade=None, year=None,
                                            form=None, obtained_on=dt.date(2025, 9, 2)))
    answer = register(db, next_year, school=PRIMARY)
    assert [i.code for i in answer.issues] == [40010]


def test_late_is_stored_with_a_warning(db):
    answer = _commit_register(db, f.certificate_item(
        data_kw=dict(obtained_on=dt.date(2026, 6, 25))), f.certificate_item(
        stamnummer="2600002"))
    assert answer.accepted and [(i.code, i.severity) for i in answer.issues] == [
        (50300, "WAARSCHUWING")]
    assert "2026-06-25" in answer.issues[0].diagnose and "1 certificate was" in \
        answer.issues[0].diagnose
    assert answer.issues[0].field == "Studiebewijzen/Studiebewijs[1]"
    assert len(committed(db)) == 2


def test_a_resend_with_other_data_corrects_and_unchanged_stays(db):
    _commit_register(db, f.certificate_item(), f.certificate_item(stamnummer="2600002"))
    b = f.certificate_item(data_kw=dict(kind=K.OA, study_field="Latijn"))
    answer = _commit_register(db, b, f.certificate_item(stamnummer="2600002"))
    assert (answer.result.new, answer.result.replaced, answer.result.unchanged) == (0, 1, 1)
    assert [(i.code, i.severity) for i in answer.issues] == [(50301, "INFORMATIE")]
    assert "item 1 (2600001 OA 2025-2026)" in answer.issues[0].diagnose
    assert [c.study_field for c in committed(db)] == ["Latijn", None]
    only_id = _commit_register(db, f.replace(b, student_id="NEW-1"))
    assert only_id.result.replaced == 1 and only_id.issues == ()


def test_more_than_a_thousand_certificates_is_refused_whole(db):
    with pytest.raises(TooManyItemsError):
        register(db, *[f.certificate_item()] * 1001)


def test_without_a_mandate_for_type_4_nothing_is_taken(db):
    uow = db.uow()
    with pytest.raises(AuthorisationError):
        register_certificates(uow, receipt(sender=f.OTHER_VENDOR),
                              CertificatesQuestion(SCHOOL, (f.certificate_item(),)))


def test_cancel_removes_all_or_nothing(db):
    _commit_register(db, f.certificate_item(), f.certificate_item(stamnummer="2600002"))
    missing = CancelItem("x", "2600001", K.GEG, 2025)
    uow = db.uow()
    refused = cancel_certificates(uow, receipt(), CancelCertificatesQuestion(
        SCHOOL, (CancelItem("x", "2600001", K.OA, 2025), missing)))
    assert [(i.code, i.field) for i in refused.issues] == [
        (30300, "TeAnnulerenStudiebewijzen/Studiebewijs[2]/Soort")]
    assert len(committed(db)) == 2
    uow = db.uow()
    done = cancel_certificates(uow, receipt(), CancelCertificatesQuestion(
        SCHOOL, (CancelItem("x", "2600001", K.OA, 2025),)))
    uow.commit()
    assert done.result.cancelled == 1 and [c.stamnummer for c in committed(db)] == [
        "2600002"]


def test_cancel_names_repeats_and_bad_stamnummers(db):
    item = CancelItem("x", "2600001", K.OA, 2025)
    answer = cancel_certificates(db.uow(), receipt(), CancelCertificatesQuestion(
        SCHOOL, (item, item, CancelItem("x", "1", K.OA, 2025))))
    assert [(i.code, i.field) for i in answer.issues] == [
        (30300, "TeAnnulerenStudiebewijzen/Studiebewijs[1]/Soort"),
        (10305, "TeAnnulerenStudiebewijzen/Studiebewijs[2]"),
        (10003, "TeAnnulerenStudiebewijzen/Studiebewijs[3]/Stamnummer")]


def test_own_registrations_page_by_page(db, monkeypatch):
    monkeypatch.setattr(consult_module, "PAGE_SIZE", 1)
    _commit_register(db, f.certificate_item(), f.certificate_item(stamnummer="2600002"))
    first = consult_certificates(db.uow(), receipt(), CertificatesConsultation(SCHOOL))
    assert [c.stamnummer for c in first.result.items] == ["2600001"]
    second = consult_certificates(db.uow(), receipt(), CertificatesConsultation(
        SCHOOL, continuation=first.result.continuation))
    assert [c.stamnummer for c in second.result.items] == ["2600002"]
    assert second.result.continuation is None
    with pytest.raises(InvalidContinuationError):
        consult_certificates(db.uow(), receipt(), CertificatesConsultation(
            SCHOOL, continuation="afw1:abc"))
    filtered = consult_certificates(db.uow(), receipt(), CertificatesConsultation(
        SCHOOL, stamnummer="2600002", school_year=2025))
    assert [c.stamnummer for c in filtered.result.items] == ["2600002"]
    assert consult_certificates(db.uow(), receipt(), CertificatesConsultation(
        SCHOOL, school_year=2024)).result.items == []


def test_the_new_school_sees_the_primary_certificate_under_its_own_stamnummer(db):
    _commit_register(db, gbo(), school=PRIMARY)
    _commit_register(db, f.certificate_item())
    answer = consult_previous_certificates(db.uow(), receipt(),
                                           StudentQuestion(SCHOOL, "2600001"))
    [c] = answer.result.items
    assert (c.institution_number, c.kind, c.stamnummer, c.student_id) == (
        PRIMARY, K.GBO, "2600001", None)
    assert answer.result.insz == LOTTE.insz
    # the primary school does not see it: the student is no longer enrolled there
    with pytest.raises(NotEnrolledHereError):
        consult_previous_certificates(db.uow(), receipt(),
                                      StudentQuestion(PRIMARY, "1900007"))


def test_secondary_certificates_of_older_school_years_stay_hidden(db):
    _commit_register(db, f.certificate_item(), school=SCHOOL)
    uow = db.uow()
    uow.enrollments.add(f.enrollment_of(f.question(
        institution_number="056789", identification=f.replace(LOTTE,
                                                               stamnummer="2700001"),
        start_date=dt.date(2027, 9, 1), registration_date=dt.date(2027, 7, 1)),
        sender_id="wisa"))
    uow.commit()
    ask = StudentQuestion("056789", "2700001")
    later = dt.date(2027, 7, 1)                      # school year 2026: sees 2025
    wisa = f.OTHER_VENDOR
    assert [c.kind for c in consult_previous_certificates(
        db.uow(), receipt(later, wisa), ask).result.items] == [K.OA]
    much_later = dt.date(2027, 9, 1)                 # school year 2027: 2025 is hidden
    assert consult_previous_certificates(db.uow(), receipt(much_later, wisa),
                                         ask).result.items == []


def test_the_admission_check_answers_from_every_school(db):
    _commit_register(db, gbo(), school=PRIMARY)
    q = CheckQuestion(SCHOOL, "2600001", 1, 1, Form.A)
    v = check_admission(db.uow(), receipt(), q).result
    assert (v.outcome, v.rule_id, v.conditions) == (Outcome.VOLDOET, "T01", ())
    assert v.based_on.institution_number == PRIMARY and v.based_on.stamnummer == "2600001"
    b = check_admission(db.uow(), receipt(), CheckQuestion(SCHOOL, "2600001", 1, 1,
                                                           Form.B)).result
    assert (b.outcome, b.conditions) == (Outcome.VOLDOET_MITS,
                                         (Condition.TOELATINGSKLASSENRAAD,))
    no = check_admission(db.uow(), receipt(), CheckQuestion(SCHOOL, "2600002", 1, 2,
                                                            Form.A)).result
    assert no.outcome is Outcome.VOLDOET_NIET and no.based_on is None


def test_the_checks_refuse_what_discimus_does_not_check_or_see(db):
    with pytest.raises(CheckNotOfferedError):
        check_admission(db.uow(), receipt(), CheckQuestion(SCHOOL, "2600001", 2, 1,
                                                           Form.MOD))
    with pytest.raises(CheckNotOfferedError):
        check_transition(db.uow(), receipt(), CheckQuestion(
            SCHOOL, "2600001", 2, 1, Form.DUAAL, date=TODAY))
    with pytest.raises(NotEnrolledHereError):
        check_admission(db.uow(), receipt(), CheckQuestion(SCHOOL, "2600009", 1, 1,
                                                           Form.A))
    with pytest.raises(InvalidDateError):
        check_transition(db.uow(), receipt(), CheckQuestion(SCHOOL, "2600001", 1, 1,
                                                            Form.B))
    with pytest.raises(NotEnrolledHereError):
        check_transition(db.uow(), receipt(), CheckQuestion(
            SCHOOL, "2600001", 1, 1, Form.B, date=dt.date(2025, 8, 1)))


def test_the_transition_check_says_when_a_class_council_is_needed(db):
    _commit_register(db, gbo(), school=PRIMARY)
    early = check_transition(db.uow(), receipt(dt.date(2025, 10, 1)), CheckQuestion(
        SCHOOL, "2600001", 1, 1, Form.A, date=dt.date(2025, 10, 1))).result
    assert early.council_needed is False and early.admission.rule_id == "T01"
    late = check_transition(db.uow(), receipt(dt.date(2026, 2, 1)), CheckQuestion(
        SCHOOL, "2600001", 1, 1, Form.B, date=dt.date(2026, 2, 1))).result
    assert late.council_needed and len(late.reasons) == 2
