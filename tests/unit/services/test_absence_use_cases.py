"""Use cases of message type 2 against in-memory fakes: many half days per message."""
import datetime as dt

import pytest

from discimus_service.domain.absence import AbsenceCode as C, HalfDay
from discimus_service.domain.errors import AuthorisationError, TooManyItemsError
from discimus_service.services import consult_absences as consult_module
from discimus_service.services.absence_views import AbsencesConsultation, AbsencesQuestion
from discimus_service.services.cancel_absences import cancel_absences
from discimus_service.services.consult_absences import consult_absences
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_absences import register_absences
from tests import factories as f
from tests.fakes import FakeDatabase

SCHOOL = "034567"


@pytest.fixture
def uow():
    db = FakeDatabase()
    seeding = db.uow()
    f.seed(seeding, mandates=f.absence_mandates())
    work = db.uow()
    work.enrollments.add(f.enrollment_of(f.question()))                   # 2600001
    work.enrollments.add(f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600002", sequence=2))))
    work.commit()
    return db.uow()


def receipt(sender=f.VENDOR, today=f.TODAY):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r",
                   operation="op", raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc), today=today)


def register(uow, *items, school=SCHOOL, **kw):
    return register_absences(uow, receipt(**kw), AbsencesQuestion(school, tuple(items)))


def stored(uow, school=SCHOOL):
    return consult_absences(uow, receipt(), AbsencesConsultation(school)).result.items


def test_all_good_items_are_stored_together(uow):
    answer = register(uow, f.half_day(), f.half_day(half_day=HalfDay.NM),
                      f.half_day(stamnummer="2600002", code=C.B))
    assert answer.accepted and answer.issues == ()
    assert (answer.result.new, answer.result.replaced, answer.result.unchanged) == (3, 0, 0)
    assert [(a.stamnummer, a.half_day, a.code) for a in stored(uow)] == [
        ("2600001", HalfDay.VM, C.Z), ("2600001", HalfDay.NM, C.Z),
        ("2600002", HalfDay.VM, C.B)]


def test_one_bad_item_refuses_the_whole_message_and_names_the_item(uow):
    answer = register(uow, f.half_day(), f.half_day(half_day=HalfDay.NM, code=C.H),
                      f.half_day(stamnummer="2600002"))
    assert not answer.accepted and answer.result is None
    assert [(i.code, i.field) for i in answer.issues] == [
        (10010, "Afwezigheden/Afwezigheid[2]/Code")]
    assert stored(uow) == []


def test_every_bad_item_is_answered_in_item_order(uow):
    answer = register(uow, f.half_day(stamnummer="2699999"),
                      f.half_day(date=dt.date(2026, 9, 4)),
                      f.half_day(code=C.A),
                      f.half_day(half_day=HalfDay.NM, code=C.X), f.half_day(code=C.B))
    assert [(i.code, i.field) for i in answer.issues] == [
        (40010, "Afwezigheden/Afwezigheid[1]/Stamnummer"),
        (10002, "Afwezigheden/Afwezigheid[2]/Datum"),
        (10010, "Afwezigheden/Afwezigheid[3]/Code"),
        (10011, "Afwezigheden/Afwezigheid[4]/Code"),
        (10009, "Afwezigheden/Afwezigheid[5]")]
    assert "item 3" in answer.issues[-1].diagnose


def test_a_date_outside_the_enrollment_is_refused(uow):
    answer = register(uow, f.half_day(date=dt.date(2026, 8, 31)))
    assert [i.code for i in answer.issues] == [40010]
    assert "2026-09-01 to open" in answer.issues[0].diagnose


def test_another_schools_student_is_refused(uow):
    answer = register(uow, f.half_day(), school="012345")
    assert [i.code for i in answer.issues] == [40010]


def test_a_sender_without_a_type_2_mandate_is_refused(uow):
    with pytest.raises(AuthorisationError, match="afwezigheden"):
        register(uow, f.half_day(), sender=f.OTHER_VENDOR)


def test_too_many_items_are_refused_before_any_is_checked(uow):
    items = [f.half_day(date=dt.date(2026, 9, 1) + dt.timedelta(days=i // 2),
                        half_day=(HalfDay.VM, HalfDay.NM)[i % 2]) for i in range(1001)]
    with pytest.raises(TooManyItemsError, match="1001"):
        register(uow, *items)


def test_a_resent_half_day_with_another_code_replaces_it(uow):
    register(uow, f.half_day(), f.half_day(half_day=HalfDay.NM))
    answer = register(uow, f.half_day(code=C.B), f.half_day(half_day=HalfDay.NM))
    assert (answer.result.new, answer.result.replaced, answer.result.unchanged) == (0, 1, 1)
    assert [(i.code, i.field) for i in answer.issues] == [
        (50005, "Afwezigheden/Afwezigheid[1]")]
    assert "Z → B" in answer.issues[0].diagnose
    assert [a.code for a in stored(uow)] == [C.B, C.Z]


def test_late_half_days_are_stored_with_one_warning(uow):
    today = dt.date(2026, 9, 11)
    answer = register(uow, f.half_day(date=dt.date(2026, 9, 2)),
                      f.half_day(date=dt.date(2026, 9, 3)),
                      f.half_day(date=dt.date(2026, 9, 4)), today=today)
    assert answer.accepted and answer.result.new == 3
    assert [(i.code, i.severity, i.field) for i in answer.issues] == [
        (50004, "WAARSCHUWING", "Afwezigheden/Afwezigheid[1]")]
    assert "2 of the 3 half days" in answer.issues[0].diagnose


def test_cancel_removes_registered_half_days(uow):
    register(uow, f.half_day(), f.half_day(half_day=HalfDay.NM))
    answer = cancel_absences(uow, receipt(), AbsencesQuestion(SCHOOL, (
        f.half_day(code=None),)))
    assert answer.accepted and answer.result.cancelled == 1
    assert [a.half_day for a in stored(uow)] == [HalfDay.NM]


def test_cancelling_an_unregistered_half_day_cancels_nothing(uow):
    register(uow, f.half_day())
    answer = cancel_absences(uow, receipt(), AbsencesQuestion(SCHOOL, (
        f.half_day(code=None), f.half_day(half_day=HalfDay.NM, code=None))))
    assert [(i.code, i.field) for i in answer.issues] == [
        (30030, "Afwezigheden/Afwezigheid[2]/Datum")]
    assert answer.result is None


def test_consultation_pages_with_a_continuation(uow, monkeypatch):
    monkeypatch.setattr(consult_module, "PAGE_SIZE", 2)
    register(uow, *[f.half_day(date=dt.date(2026, 9, d), half_day=h)
                    for d in (1, 2, 3) for h in HalfDay])
    seen, token = [], None
    for _ in range(3):
        page = consult_absences(uow, receipt(), AbsencesConsultation(
            SCHOOL, continuation=token)).result
        seen += [(a.date.day, a.half_day) for a in page.items]
        token = page.continuation
    assert token is None
    assert seen == [(d, h) for d in (1, 2, 3) for h in HalfDay]


def test_consultation_filters_by_student_and_period(uow):
    register(uow, f.half_day(date=dt.date(2026, 9, 1)), f.half_day(date=dt.date(2026, 9, 2)),
             f.half_day(stamnummer="2600002", date=dt.date(2026, 9, 2)))
    page = consult_absences(uow, receipt(), AbsencesConsultation(
        SCHOOL, stamnummer="2600001", first=dt.date(2026, 9, 2))).result
    assert [(a.stamnummer, a.date.day) for a in page.items] == [("2600001", 2)]


def test_a_school_sees_only_its_own_registrations(uow):
    register(uow, f.half_day())
    assert consult_absences(uow, receipt(), AbsencesConsultation("012345")).result.items == []


@pytest.mark.parametrize("token", ["nonsense", "afw1:!!!", "afw1:MjAyNg"])
def test_a_forged_continuation_is_refused_with_10012(uow, token):
    from discimus_service.domain.errors import InvalidContinuationError
    with pytest.raises(InvalidContinuationError, match="Vervolg") as refused:
        consult_absences(uow, receipt(), AbsencesConsultation(SCHOOL, continuation=token))
    assert refused.value.code == 10012 and refused.value.field == "Vervolg"


def test_at_most_100_problems_are_listed_and_the_last_says_how_many_more(uow):
    items = [f.half_day(stamnummer="2699999", date=dt.date(2026, 9, 1) + dt.timedelta(
        days=i // 2), half_day=(HalfDay.VM, HalfDay.NM)[i % 2]) for i in range(150)]
    answer = register(uow, *items, today=dt.date(2026, 12, 31))
    assert len(answer.issues) == 100
    assert answer.issues[0].field == "Afwezigheden/Afwezigheid[1]/Stamnummer"
    assert answer.issues[-1].diagnose.endswith("(and 50 more problems not listed)")


def _problematic(uow, stamnummer=None, school=SCHOOL):
    from discimus_service.services.absence_views import ProblematicConsultation
    from discimus_service.services.consult_problematic_absences import (
        consult_problematic_absences,
    )
    return consult_problematic_absences(uow, receipt(),
                                        ProblematicConsultation(school, stamnummer))


def test_problematic_absences_at_the_previous_school_are_counted_per_year(uow):
    from discimus_service.domain.absence import Absence
    from discimus_service.domain.model import Aanleiding, Deregistration
    ident = f.identification()                      # 2600001's INSZ, enrolled here
    before = f.enrollment_of(f.question(
        institution_number="056789", start_date=dt.date(2024, 9, 1),
        identification=f.replace(ident, stamnummer="2400077")), sender_id="wisa",
        deregistration=Deregistration(dt.date(2026, 6, 30), Aanleiding.SCHOOLVERANDERING,
                                      "1"))
    uow.enrollments.add(before)

    def at_other(day, code, half=HalfDay.VM):
        return Absence("056789", "W-77", "2400077", day, half, code, "wisa", day)
    uow.absences.add_many([
        at_other(dt.date(2024, 10, 1), C.B),                    # two years ago: not shown
        at_other(dt.date(2025, 10, 1), C.B), at_other(dt.date(2025, 10, 1), C.B, HalfDay.NM),
        at_other(dt.date(2026, 3, 2), C.Z),                     # illness: not problematic
        at_other(dt.date(2026, 3, 3), C.B)])
    register(uow, f.half_day(code=C.B))                          # own: not in this list
    answer = _problematic(uow)
    assert [(i.stamnummer, i.other_institution_number, i.school_year, i.half_days)
            for i in answer.result.items] == [("2600001", "056789", 2025, 3)]
    assert _problematic(uow, "2600002").result.items == []


def test_problematic_absences_only_for_a_student_enrolled_here(uow):
    from discimus_service.domain.errors import NotEnrolledHereError
    with pytest.raises(NotEnrolledHereError):
        _problematic(uow, "2600003")
