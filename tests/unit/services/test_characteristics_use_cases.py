"""Use cases of message type 3 against in-memory fakes: declarations on honour."""
import datetime as dt

import pytest

from discimus_service.domain.characteristics import (
    HomeLanguage as L, Indicator as I, MotherEducation as E,
)
from discimus_service.domain.errors import (
    AuthorisationError, InvalidContinuationError, TooManyStudentsError,
)
from discimus_service.domain.model import Mandate, MessageType
from discimus_service.services.cancel_characteristics import cancel_characteristics
from discimus_service.services.characteristics_views import (
    DeclarationItem, DeclarationsQuestion, OwnDeclarationsQuestion, StudentsQuestion,
)
from discimus_service.services.consult_characteristics import (
    consult_characteristics, consult_indicators,
)
from discimus_service.services import consult_own_characteristics as own_module
from discimus_service.services.consult_own_characteristics import (
    consult_own_characteristics,
)
from discimus_service.services.exchange import Receipt
from discimus_service.services.register_characteristics import register_characteristics
from tests import factories as f
from tests.fakes import FakeDatabase

SCHOOL, OTHER, PRIMARY = "034567", "056789", "012345"
BIRTH = dt.date(2012, 3, 15)


def mandates():
    since = dt.date(2018, 9, 1)
    return f.absence_mandates() + [
        Mandate("informat", SCHOOL, MessageType.LEERLINGENKENMERKEN, since),
        Mandate("informat", PRIMARY, MessageType.LEERLINGENKENMERKEN, since),
        Mandate("wisa", OTHER, MessageType.LEERLINGENKENMERKEN, since)]


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow(), mandates=mandates())
    work = db.uow()
    lotte = f.identification()                                        # 2600001
    work.enrollments.add(f.enrollment_of(f.question(identification=lotte)))
    work.enrollments.add(f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600002", sequence=2))))
    # Lotte was at the primary school before, under another stamnummer.
    work.enrollments.add(f.enrollment_of(f.question(
        institution_number=PRIMARY, administrative_group="L6",
        identification=f.replace(lotte, stamnummer="1800007"),
        start_date=dt.date(2018, 9, 1), registration_date=dt.date(2018, 8, 1)),
        deregistration=_ended(dt.date(2026, 6, 30))))
    # A student of the other school only.
    work.enrollments.add(f.enrollment_of(f.question(
        institution_number=OTHER, identification=f.identification(
            stamnummer="2600003", sequence=3)), sender_id="wisa"))
    work.commit()
    return db


def _ended(day):
    from discimus_service.domain.model import Aanleiding, Deregistration
    return Deregistration(day, Aanleiding.SCHOOLVERANDERING, "1")


def receipt(sender=f.VENDOR, today=f.TODAY):
    return Receipt(sender=sender, afzender=sender.sender_id, referte="r",
                   operation="op", raw_message=b"", replay_key="k",
                   received_at=dt.datetime(2026, 9, 3, tzinfo=dt.timezone.utc), today=today)


def item(stamnummer="2600001", on=dt.date(2026, 9, 1), language=L.ANDERE_TAAL,
         level=E.BASISONDERWIJS, student_id=None):
    return DeclarationItem(student_id or f"INF-{stamnummer}", stamnummer, on, language,
                           level)


def register(db, *items, school=SCHOOL, **kw):
    uow = db.uow()
    answer = register_characteristics(uow, receipt(**kw), DeclarationsQuestion(school, items))
    if answer.accepted:
        uow.commit()
    return answer


def cancel(db, *items, school=SCHOOL):
    uow = db.uow()
    answer = cancel_characteristics(uow, receipt(), DeclarationsQuestion(school, items))
    if answer.accepted:
        uow.commit()
    return answer


def ask(db, use_case, *stamnummers, school=SCHOOL, **kw):
    return use_case(db.uow(read_only=True), receipt(**kw),
                    StudentsQuestion(school, stamnummers))


def own(db, school=SCHOOL, **kw):
    return consult_own_characteristics(db.uow(read_only=True), receipt(),
                                       OwnDeclarationsQuestion(school, **kw))


def test_declarations_are_stored_and_consulted(db):
    answer = register(db, item(), item("2600002", language=L.NEDERLANDS, level=E.HOGER))
    assert answer.accepted and answer.issues == ()
    assert (answer.result.new, answer.result.replaced, answer.result.unchanged) == (2, 0, 0)
    found = ask(db, consult_characteristics, "2600001", "2600002").result.items
    assert [(s.stamnummer, s.in_force.home_language, s.in_force.mother_education,
             s.in_force.institution_number) for s in found] == [
        ("2600001", L.ANDERE_TAAL, E.BASISONDERWIJS, SCHOOL),
        ("2600002", L.NEDERLANDS, E.HOGER, SCHOOL)]
    indicators = ask(db, consult_indicators, "2600002", "2600001").result.items
    assert [(s.stamnummer, s.home_language, s.mother_education, s.declared_on)
            for s in indicators] == [
        ("2600002", I.NEEN, I.NEEN, dt.date(2026, 9, 1)),
        ("2600001", I.JA, I.JA, dt.date(2026, 9, 1))]


def test_a_student_without_a_declaration_is_answered_as_unknown(db):
    found = ask(db, consult_characteristics, "2600002").result.items
    assert [(s.stamnummer, s.in_force) for s in found] == [("2600002", None)]
    indicators = ask(db, consult_indicators, "2600002").result.items
    assert [(s.home_language, s.mother_education, s.declared_on)
            for s in indicators] == [(I.ONBEKEND, I.ONBEKEND, None)]


def test_the_previous_schools_declaration_counts_at_the_next_school(db):
    old = item("1800007", on=dt.date(2018, 8, 20), language=L.NEDERLANDS,
               level=E.LAGER_SECUNDAIR)
    uow = db.uow()
    # Sent while Lotte was at the primary school: the business day then.
    answer = register_characteristics(uow, receipt(today=dt.date(2018, 9, 3)),
                                      DeclarationsQuestion(PRIMARY, (old,)))
    assert answer.accepted
    uow.commit()
    [found] = ask(db, consult_characteristics, "2600001").result.items
    assert (found.in_force.institution_number, found.in_force.stamnummer,
            found.in_force.declared_on) == (PRIMARY, "1800007", dt.date(2018, 8, 20))
    [ind] = ask(db, consult_indicators, "2600001").result.items
    assert (ind.home_language, ind.mother_education) == (I.NEEN, I.JA)
    # A newer declaration at the secondary school: in force, and the answer says an
    # earlier one was known (50201).
    answer = register(db, item(on=dt.date(2026, 9, 2)))
    assert [(i.code, i.severity, i.field) for i in answer.issues] == [
        (50201, "INFORMATIE", "Leerlingenkenmerken/Leerlingenkenmerk[1]")]
    assert "2018-08-20 from school 012345" in answer.issues[0].diagnose
    [found] = ask(db, consult_characteristics, "2600001").result.items
    assert (found.in_force.institution_number, found.in_force.declared_on) == (
        SCHOOL, dt.date(2026, 9, 2))


def test_an_older_declaration_is_stored_but_the_most_recent_stays_in_force(db):
    register(db, item(on=dt.date(2026, 9, 2)))
    answer = register(db, item(on=dt.date(2026, 8, 1), language=L.NEDERLANDS))
    assert answer.accepted and answer.result.new == 1
    assert [(i.code, i.severity) for i in answer.issues] == [(50202, "WAARSCHUWING")]
    assert "2026-09-02" in answer.issues[0].diagnose
    [found] = ask(db, consult_characteristics, "2600001").result.items
    assert found.in_force.declared_on == dt.date(2026, 9, 2)
    assert len(own(db).result.items) == 2


def test_sending_again_corrects_and_unchanged_is_left_alone(db):
    register(db, item(), item("2600002"))
    answer = register(db, item(language=L.NEDERLANDS), item("2600002"))
    assert (answer.result.new, answer.result.replaced, answer.result.unchanged) == (0, 1, 1)
    assert [(i.code, i.field) for i in answer.issues] == [
        (50200, "Leerlingenkenmerken/Leerlingenkenmerk[1]")]
    assert "2600001 of 2026-09-01" in answer.issues[0].diagnose
    [found] = ask(db, consult_characteristics, "2600001").result.items
    assert found.in_force.home_language is L.NEDERLANDS
    assert [d.home_language for d in own(db).result.items] == [L.NEDERLANDS,
                                                                L.ANDERE_TAAL]


def test_every_bad_item_is_answered_and_nothing_is_stored(db):
    answer = register(db, item("2600003"), item(on=dt.date(2026, 9, 4)),
                      item("2600002", on=dt.date(2011, 1, 1)), item(student_id=" "),
                      item("2600002"), item("2600002"), item("26x"))
    assert [(i.code, i.field) for i in answer.issues] == [
        (40010, "Leerlingenkenmerken/Leerlingenkenmerk[1]/Stamnummer"),
        (10002, "Leerlingenkenmerken/Leerlingenkenmerk[2]/DatumVerklaring"),
        (10200, "Leerlingenkenmerken/Leerlingenkenmerk[3]/DatumVerklaring"),
        (10001, "Leerlingenkenmerken/Leerlingenkenmerk[4]/UniekeIdentificatorLeerling"),
        (10201, "Leerlingenkenmerken/Leerlingenkenmerk[6]"),
        (10003, "Leerlingenkenmerken/Leerlingenkenmerk[7]/Stamnummer")]
    assert answer.result is None
    assert own(db).result.items == []


def test_a_student_of_another_school_is_refused_each_time_named(db):
    answer = register(db, item("2600003"), item("2600003", on=dt.date(2026, 8, 1)))
    assert [(i.code, i.field) for i in answer.issues] == [
        (40010, "Leerlingenkenmerken/Leerlingenkenmerk[1]/Stamnummer"),
        (40010, "Leerlingenkenmerken/Leerlingenkenmerk[2]/Stamnummer")]


def test_a_school_learns_nothing_of_another_schools_student(db):
    register(db, item("2600003"), school=OTHER, sender=f.OTHER_VENDOR)
    for use_case in (consult_characteristics, consult_indicators):
        answer = ask(db, use_case, "2600001", "2600003")
        assert answer.result is None
        assert [(i.code, i.field) for i in answer.issues] == [
            (40010, "Leerlingen/Leerling[2]")]
        assert "2600003" in answer.issues[0].diagnose


def test_a_de_registered_student_is_no_longer_the_schools_own(db):
    answer = ask(db, consult_characteristics, "1800007", school=PRIMARY)
    assert [i.code for i in answer.issues] == [40010]
    assert "ended on 2026-06-30" in answer.issues[0].diagnose


def test_a_student_asked_twice_is_answered_once_and_bad_stamnummers_are_named(db):
    found = ask(db, consult_indicators, "2600001", "2600001", "2600002").result.items
    assert [s.stamnummer for s in found] == ["2600001", "2600002"]
    answer = ask(db, consult_indicators, "2600001", "12")
    assert [(i.code, i.field) for i in answer.issues] == [(10003, "Leerlingen/Leerling[2]")]


def test_too_many_students_in_one_question(db):
    with pytest.raises(TooManyStudentsError):
        ask(db, consult_characteristics, *["2600001"] * 501)


def test_every_operation_needs_the_mandate_for_message_type_3(db):
    with pytest.raises(AuthorisationError, match="leerlingenkenmerken"):
        register(db, item(), sender=f.OTHER_VENDOR)
    with pytest.raises(AuthorisationError):
        ask(db, consult_indicators, "2600001", sender=f.OTHER_VENDOR)
    with pytest.raises(AuthorisationError):
        own(db, school=OTHER)
    with pytest.raises(AuthorisationError):
        cancel_characteristics(db.uow(), receipt(sender=f.OTHER_VENDOR),
                               DeclarationsQuestion(SCHOOL, (item(),)))


def test_cancel_removes_all_or_nothing(db):
    register(db, item(), item("2600002"))
    answer = cancel(db, item(), item("2600002", on=dt.date(2026, 8, 1)))
    assert answer.result is None
    assert [(i.code, i.field) for i in answer.issues] == [
        (30200, "Leerlingenkenmerken/Leerlingenkenmerk[2]/DatumVerklaring")]
    assert len(own(db).result.items) == 2
    answer = cancel(db, item(), item("2600002"))
    assert answer.accepted and answer.result.cancelled == 2
    assert own(db).result.items == []
    [found] = ask(db, consult_characteristics, "2600001").result.items
    assert found.in_force is None


def test_own_registrations_are_paged_and_filtered(db, monkeypatch):
    monkeypatch.setattr(own_module, "PAGE_SIZE", 2)
    register(db, item(), item("2600002"), item(on=dt.date(2026, 8, 1)))
    first = own(db)
    assert len(first.result.items) == 2 and first.result.continuation
    second = own(db, continuation=first.result.continuation)
    assert len(second.result.items) == 1 and second.result.continuation is None
    assert {d.declared_on for d in first.result.items + second.result.items} == {
        dt.date(2026, 9, 1), dt.date(2026, 8, 1)}
    only = own(db, stamnummer="2600002").result.items
    assert [d.stamnummer for d in only] == ["2600002"]
    for forged in ("afw1:MjAyNi0wOS0wMXwx", "llk1:LTE", "llk1:!!", "llk1:eHl6"):
        with pytest.raises(InvalidContinuationError):
            own(db, continuation=forged)
