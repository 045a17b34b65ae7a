"""Use cases of message type 1 against in-memory fakes."""
import datetime as dt

import pytest

from discimus_service.domain.errors import (
    EnrollmentClosedError, EnrollmentConflictError, EnrollmentNotFoundError,
    NotEnrolledHereError, ValidationError,
)
from discimus_service.domain.model import Aanleiding, Deregistration, Mandate, MessageType
from discimus_service.services.consult_career import consult_career
from discimus_service.services.consult_double_enrollments import consult_double_enrollments
from discimus_service.services.correct_enrollment import correct_enrollment
from discimus_service.services.deregister_enrollment import deregister_enrollment
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_enrollment import register_enrollment
from discimus_service.services.views import (
    CareerQuestion, DeregistrationQuestion, DoubleEnrollmentsQuestion,
)
from tests import factories as f
from tests.fakes import FakeDatabase


@pytest.fixture
def uow():
    db = FakeDatabase()
    f.seed(db.uow())
    return db.uow()


def receipt(sender=f.VENDOR, today=f.TODAY):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r",
                   operation="op", raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc), today=today)


def test_register_answers_the_stored_enrollment(uow):
    answer = register_enrollment(uow, receipt(), f.question())
    assert answer.result.status == "INGESCHREVEN"
    assert answer.result.institution_name == "Sint-Jozefscollege"
    assert answer.issues == ()


def test_late_registration_is_stored_with_a_warning(uow):
    q = f.question(registration_date=dt.date(2026, 8, 20))
    answer = register_enrollment(uow, receipt(), q)
    assert answer.accepted and [i.code for i in answer.issues] == [50001]
    assert "14 days" in answer.issues[0].diagnose
    assert uow.enrollments.get("034567", "2600001", dt.date(2026, 9, 1)) is not None


def test_registration_on_day_seven_is_not_late(uow):
    q = f.question(registration_date=f.TODAY - dt.timedelta(days=7))
    assert register_enrollment(uow, receipt(), q).issues == ()


def test_second_school_sees_the_double_enrollment(uow):
    register_enrollment(uow, receipt(), f.question())
    other = f.question(institution_number="056789", start_date=dt.date(2026, 9, 2),
                       identification=f.replace(f.identification(), stamnummer="2600456"))
    answer = register_enrollment(uow, receipt(f.OTHER_VENDOR), other)
    assert [i.code for i in answer.issues] == [50002]
    assert "034567" in answer.issues[0].diagnose
    doubles = consult_double_enrollments(uow, receipt(), DoubleEnrollmentsQuestion("034567"))
    (item,) = doubles.result.items
    assert item.other.institution_number == "056789"
    assert item.overlap_start == dt.date(2026, 9, 2) and item.overlap_end is None


def test_same_student_twice_at_one_school_is_a_conflict(uow):
    register_enrollment(uow, receipt(), f.question())
    with pytest.raises(EnrollmentConflictError):
        register_enrollment(uow, receipt(), f.question(administrative_group="1B",
                                                       start_date=dt.date(2026, 9, 5)))


def test_vendor_without_mandate_cannot_consult(uow):
    from discimus_service.domain.errors import AuthorisationError
    with pytest.raises(AuthorisationError):
        consult_double_enrollments(uow, receipt(f.OTHER_VENDOR),
                                   DoubleEnrollmentsQuestion("034567"))


def test_vendor_change_old_package_refused_after_end_date():
    db = FakeDatabase()
    f.seed(db.uow(), mandates=[
        Mandate("wisa", "034567", MessageType.INSCHRIJVING, dt.date(2020, 9, 1),
                dt.date(2026, 8, 31)),
        Mandate("informat", "034567", MessageType.INSCHRIJVING, dt.date(2026, 9, 1))])
    from discimus_service.domain.errors import AuthorisationError
    with pytest.raises(AuthorisationError, match="2026-08-31"):
        register_enrollment(db.uow(), receipt(f.OTHER_VENDOR), f.question())
    assert register_enrollment(db.uow(), receipt(), f.question()).accepted


def test_correct_replaces_identification(uow):
    register_enrollment(uow, receipt(), f.question())
    fixed = f.question(identification=f.replace(f.identification(), first_name="Lotta"))
    correct_enrollment(uow, receipt(), fixed)
    stored = uow.enrollments.get("034567", "2600001", dt.date(2026, 9, 1))
    assert stored.identification.first_name == "Lotta"


def test_correct_with_another_group_is_close_and_open(uow):
    register_enrollment(uow, receipt(), f.question())
    with pytest.raises(ValidationError, match="de-registration"):
        correct_enrollment(uow, receipt(), f.question(administrative_group="2A"))


def test_correct_unknown_enrollment(uow):
    with pytest.raises(EnrollmentNotFoundError):
        correct_enrollment(uow, receipt(), f.question())


def dereg(end=dt.date(2026, 10, 1), reason=Aanleiding.ONTBINDING):
    return DeregistrationQuestion("034567", "2600001", dt.date(2026, 9, 1),
                                  Deregistration(end, reason, "1"))


def test_deregister_closes_once(uow):
    register_enrollment(uow, receipt(), f.question())
    answer = deregister_enrollment(uow, receipt(), dereg())
    assert answer.result.status == "UITGESCHREVEN"
    assert answer.result.end_date == dt.date(2026, 10, 1)
    with pytest.raises(EnrollmentClosedError):
        deregister_enrollment(uow, receipt(), dereg())


def test_career_shows_previous_and_next_school(uow):
    register_enrollment(uow, receipt(), f.question())
    deregister_enrollment(uow, receipt(), dereg(reason=Aanleiding.SCHOOLVERANDERING))
    nxt = f.question(institution_number="056789", start_date=dt.date(2026, 10, 2),
                     identification=f.replace(f.identification(), stamnummer="2600456"))
    register_enrollment(uow, receipt(f.OTHER_VENDOR), nxt)
    here = consult_career(uow, receipt(), CareerQuestion("034567", stamnummer="2600001"))
    assert here.result.next.institution_number == "056789"
    assert here.result.previous is None
    there = consult_career(uow, receipt(f.OTHER_VENDOR),
                           CareerQuestion("056789", insz=f.identification().insz))
    assert there.result.previous.institution_number == "034567"


def test_career_of_a_student_not_enrolled_here(uow):
    with pytest.raises(NotEnrolledHereError):
        consult_career(uow, receipt(), CareerQuestion("034567", stamnummer="2600999"))
