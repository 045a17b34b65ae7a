"""Home education (VTC 38/2016, 35/2016) against fakes: the last school, the results the
inspectorate sends, corrections, field sets and refusals."""
import dataclasses
import datetime as dt

import pytest

from discimus_fixtures.partners import AUTHORISATIONS, PARTNERS
from discimus_service.domain.errors import (
    CapacityNotAllowedError, InszBirthDateMismatchError, InszSexMismatchError,
    NoDataFoundError, OutsideRegisteredPeriodError, PartnerNotAuthorisedError,
    PersonNotRegisteredError, ResultDateInFutureError, SenderMismatchError,
)
from discimus_service.domain.model import Aanleiding, Deregistration, Sender, SenderKind, Sex
from discimus_service.services import exchange
from discimus_service.services.exchange import Receipt
from discimus_service.services.home_education import (
    LAST_SCHOOL, ExamQuestion, InspectionQuestion, LastSchoolQuestion, LastSchoolResult,
    last_school, register_exam_result, register_inspection,
)
from discimus_service.services.partner_interest import (
    REGISTER, InterestQuestion, register_interest,
)
from tests import factories as f
from tests.fakes import FakeDatabase

D = dt.date
INSPECTIE = Sender("onderwijsinspectie", SenderKind.AGENCY, "Onderwijsinspectie")
GROEIPAKKET = Sender("groeipakket", SenderKind.AGENCY, "Groeipakket")
URI = "kb.vlaanderen.be/aiv/onderwijsinspectie"
CHILD = f.identification(birth_date=D(2015, 5, 28), sex=Sex.V, stamnummer="2590481",
                         sequence=481)
INSZ = CHILD.insz
TODAY = D(2026, 9, 3)
PERIOD = (D(2026, 1, 1), D(2026, 12, 31))


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    with db.uow() as uow:
        for p in PARTNERS:
            uow.partners.add(p)
        for a in AUTHORISATIONS:
            uow.partners.add_authorisation(a)
        uow.enrollments.add(f.enrollment_of(f.question(
            identification=dataclasses.replace(CHILD, stamnummer="2490481"),
            institution_number="012345", administrative_group="L3",
            start_date=D(2024, 9, 1), registration_date=D(2024, 8, 20)),
            deregistration=Deregistration(D(2025, 6, 30), Aanleiding.EINDE_SCHOOLJAAR, "1")))
        uow.enrollments.add(f.enrollment_of(f.question(
            identification=CHILD, institution_number="012345", administrative_group="L4",
            start_date=D(2025, 9, 1), registration_date=D(2025, 8, 20)),
            deregistration=Deregistration(D(2026, 1, 31), Aanleiding.HUISONDERWIJS, "0")))
        uow.commit()
    with db.uow() as uow:
        register_interest(uow, receipt(), InterestQuestion(
            REGISTER, URI, URI, "1200", (INSZ,), D(2026, 1, 1), None))
        uow.commit()
    return db


def receipt(sender=INSPECTIE, referte="r"):
    return Receipt(sender=sender, afzender=sender.sender_id, referte=referte, operation="op",
                   raw_message=b"", replay_key=f"k-{referte}",
                   received_at=dt.datetime(2026, 9, 3, 8, tzinfo=dt.timezone.utc), today=TODAY)


def ask(begin=PERIOD[0], end=PERIOD[1], insz=INSZ, capacity=None, afzender=URI):
    return LastSchoolQuestion(afzender, capacity, insz, begin, end)


def inspection(day=D(2026, 5, 12), sufficient=True, insz=INSZ, capacity=None):
    return InspectionQuestion(URI, capacity, insz, day, sufficient)


def exam(day=D(2026, 6, 20), passed=True, sex=Sex.V, birth=D(2015, 5, 28), insz=INSZ):
    return ExamQuestion(URI, None, insz, "Maes", "Lotte", sex, birth, day, passed)


def store(db, use_case, question):
    with db.uow() as uow:
        answer = use_case(uow, receipt(), question)
        uow.commit()
    return answer


def test_the_last_school_is_the_one_left_for_home_education(db):
    result = last_school(db.uow(), receipt(), ask()).result
    s = result.last_school
    assert (s.institution_number, s.institution_name, s.start_date, s.end_date) == (
        "012345", "Basisschool De Regenboog", D(2025, 9, 1), D(2026, 1, 31))
    assert (s.reason, s.home_education) == ("H", True)
    assert result.deliberation == "VTC 38/2016"
    assert (result.controls, result.exams) == ((), ())


def test_the_last_school_by_the_period_s_end_is_answered(db):
    with db.uow() as uow:
        register_interest(uow, receipt(), InterestQuestion(
            REGISTER, URI, URI, "1200", (INSZ,), D(2025, 1, 1), None))
        uow.commit()
    s = last_school(db.uow(), receipt(), ask(D(2025, 1, 1), D(2025, 8, 31))).result.last_school
    assert (s.start_date, s.reason, s.home_education) == (D(2024, 9, 1), "E", False)


def test_results_sent_show_in_the_inspectorate_s_consultation_within_the_period(db):
    store(db, register_inspection, inspection(D(2026, 5, 12), False))
    store(db, register_inspection, inspection(D(2026, 9, 2), True))
    store(db, register_exam_result, exam(D(2026, 6, 20), True))
    result = last_school(db.uow(), receipt(), ask()).result
    assert [(c.day, c.positive) for c in result.controls] == [
        (D(2026, 5, 12), False), (D(2026, 9, 2), True)]
    assert [(x.day, x.positive) for x in result.exams] == [(D(2026, 6, 20), True)]
    narrow = last_school(db.uow(), receipt(), ask(D(2026, 6, 1), D(2026, 6, 30))).result
    assert (narrow.controls, len(narrow.exams)) == ((), 1)


def test_a_field_set_without_the_results_leaves_them_out(db):
    store(db, register_inspection, inspection())
    store(db, register_exam_result, exam())
    with db.uow() as uow:
        uow.state.authorisations = [
            dataclasses.replace(a, field_set=()) if a.service == LAST_SCHOOL else a
            for a in uow.state.authorisations]
        uow.commit()
    result = last_school(db.uow(), receipt(), ask()).result
    assert (result.controls, result.exams) == ((), ())
    assert result.last_school.home_education


def test_a_second_result_of_the_same_day_replaces_the_first_with_50180(db):
    first = store(db, register_inspection, inspection(sufficient=False))
    assert first.accepted and not first.issues and not first.result.replaced
    again = store(db, register_inspection, inspection(sufficient=True))
    assert again.accepted and again.result.replaced
    assert [(i.code, i.severity) for i in again.issues] == [(50180, "INFORMATIE")]
    (control,) = last_school(db.uow(), receipt(), ask()).result.controls
    assert control.positive
    assert store(db, register_exam_result, exam(passed=False)).issues == ()
    replaced = store(db, register_exam_result, exam(passed=True))
    assert [i.code for i in replaced.issues] == [50180]
    with db.uow() as uow:
        (stored,) = uow.home_education.exams(INSZ)
    assert (stored.passed, stored.last_name, stored.sex) == (True, "Maes", Sex.V)


def test_no_enrollment_and_no_result_is_30101_but_a_result_alone_is_answered(db):
    other = f.identification(birth_date=D(2015, 3, 3), sequence=482).insz
    with db.uow() as uow:
        register_interest(uow, receipt(), InterestQuestion(
            REGISTER, URI, URI, "1200", (other,), D(2026, 1, 1), None))
        uow.commit()
    with pytest.raises(NoDataFoundError):
        last_school(db.uow(), receipt(), ask(insz=other))
    store(db, register_inspection, inspection(insz=other))
    result = last_school(db.uow(), receipt(), ask(insz=other)).result
    assert result.last_school is None and len(result.controls) == 1


def test_the_consultation_refusals(db):
    with pytest.raises(PartnerNotAuthorisedError):
        last_school(db.uow(), receipt(GROEIPAKKET),
                    ask(afzender="kb.vlaanderen.be/aiv/groeipakket"))
    with pytest.raises(SenderMismatchError):
        last_school(db.uow(), receipt(), ask(afzender="kb.vlaanderen.be/aiv/groeipakket"))
    with pytest.raises(CapacityNotAllowedError):
        last_school(db.uow(), receipt(), ask(capacity="1300"))
    with pytest.raises(PersonNotRegisteredError):
        last_school(db.uow(), receipt(), ask(insz=f.identification(sequence=483).insz))
    with pytest.raises(OutsideRegisteredPeriodError):
        last_school(db.uow(), receipt(), ask(D(2025, 9, 1), D(2026, 8, 31)))


def test_the_registration_refusals(db):
    with pytest.raises(PartnerNotAuthorisedError):
        register_inspection(db.uow(), receipt(GROEIPAKKET), dataclasses.replace(
            inspection(), afzender="kb.vlaanderen.be/aiv/groeipakket"))
    with pytest.raises(CapacityNotAllowedError):
        register_inspection(db.uow(), receipt(), inspection(capacity="1300"))
    with pytest.raises(ResultDateInFutureError):
        register_inspection(db.uow(), receipt(), inspection(D(2026, 9, 4)))
    with pytest.raises(ResultDateInFutureError):
        register_exam_result(db.uow(), receipt(), exam(D(2026, 9, 4)))
    with pytest.raises(InszBirthDateMismatchError):
        register_exam_result(db.uow(), receipt(), exam(birth=D(2015, 5, 27)))
    with pytest.raises(InszSexMismatchError):
        register_exam_result(db.uow(), receipt(), exam(sex=Sex.M))


def test_a_refused_registration_writes_nothing_but_its_journal_entry(db):
    before = db.committed
    answer = exchange.handle(db.uow, receipt(referte="late"), inspection(D(2026, 9, 4)),
                             register_inspection, None)
    assert [i.code for i in answer.issues] == [10180]
    with db.uow() as uow:
        assert uow.home_education.inspections(INSZ) == []
    assert len(db.committed.journal) == len(before.journal) + 1


def test_a_resend_is_answered_from_the_journal_without_a_second_row(db):
    from discimus_service.services.home_education import RegisteredResult
    first = exchange.handle(db.uow, receipt(referte="same"), inspection(),
                            register_inspection, RegisteredResult)
    # Signed anew (another replay key), the same Referte and content: a resend.
    resent = dataclasses.replace(receipt(referte="same"), replay_key="k-same-2")
    again = exchange.handle(db.uow, resent, inspection(), register_inspection,
                            RegisteredResult)
    assert again.result == first.result and not again.result.replaced
    with db.uow() as uow:
        assert len(uow.home_education.inspections(INSZ)) == 1


def test_the_result_type_round_trips_through_the_journal(db):
    store(db, register_inspection, inspection())
    answer = exchange.handle(db.uow, receipt(referte="ask"), ask(), last_school,
                             LastSchoolResult)
    assert answer.result.last_school.home_education and len(answer.result.controls) == 1
