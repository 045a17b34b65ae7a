"""The consultations of issue 6 against in-memory fakes: running counts across schools,
30 problematic half days, nursery attendance."""
import datetime as dt

import pytest

from discimus_service.domain import school_calendar
from discimus_service.domain.absence import Absence, AbsenceCode as C, HalfDay
from discimus_service.domain.errors import (
    AuthorisationError, NotBasicEducationError, NotEnrolledHereError,
    SchoolYearNotAskableError,
)
from discimus_service.domain.model import Aanleiding, Deregistration, Niveau, School
from discimus_service.services.absence_consult_views import (
    NurseryConsultation, StudentsConsultation,
)
from discimus_service.services.absence_views import AbsencesQuestion
from discimus_service.services.consult_nursery_attendance import (
    consult_nursery_attendance,
)
from discimus_service.services.consult_problematic_limit import consult_problematic_limit
from discimus_service.services.consult_running_counts import consult_running_counts
from discimus_service.services.register_absences import register_absences
from tests import factories as f
from tests.fakes import FakeDatabase
from tests.unit.services.test_absence_use_cases import receipt

TODAY = dt.date(2026, 11, 20)
VM, NM = HalfDay.VM, HalfDay.NM
NURSERY = School("012399", "Kleuterschool Zonnebloem", Niveau.KLEUTER, "Gent")
MOVER = f.identification(stamnummer="2600005", sequence=5)


def weekday_half_days(first, count):
    """``count`` school half days from ``first`` on, mornings and afternoons."""
    return list(school_calendar.school_half_days(2026, first))[:count]


@pytest.fixture
def uow():
    db = FakeDatabase()
    seeding = db.uow()
    f.seed(seeding, mandates=f.absence_mandates())
    seeding.schools.add(NURSERY)
    seeding.commit()
    work = db.uow()
    work.enrollments.add(f.enrollment_of(f.question()))                   # 2600001
    # A student who changed school on 19 October: from 056789 (wisa) to 034567.
    work.enrollments.add(f.enrollment_of(f.question(
        institution_number="056789", identification=f.replace(MOVER, stamnummer="2600077")),
        sender_id="wisa", deregistration=Deregistration(
            dt.date(2026, 10, 16), Aanleiding.SCHOOLVERANDERING, "1")))
    work.enrollments.add(f.enrollment_of(f.question(
        identification=MOVER, start_date=dt.date(2026, 10, 19))))
    work.commit()
    return db.uow()


def at(school, stamnummer, day, half, code, note=False):
    return Absence(school, "X-" + stamnummer, stamnummer, day, half, code, "wisa", day,
                   without_certificate=note)


def counts(uow, stamnummer=None, year=None, today=TODAY):
    return consult_running_counts(uow, receipt(today=today),
                                  StudentsConsultation("034567", stamnummer, year))


def test_problematic_half_days_and_sick_notes_run_on_at_the_new_school(uow):
    old = weekday_half_days(dt.date(2026, 9, 7), 25)
    uow.absences.add_many(
        [at("056789", "2600077", d, h, C.B) for d, h in old]
        # three notes at the old school: Monday-Tuesday, Thursday, a Friday morning
        + [at("056789", "2600077", d, h, C.Z, note=True) for d, h in (
            (dt.date(2026, 10, 5), VM), (dt.date(2026, 10, 5), NM),
            (dt.date(2026, 10, 6), VM), (dt.date(2026, 10, 8), VM),
            (dt.date(2026, 10, 16), VM))]
        + [at("056789", "2600077", dt.date(2026, 10, 13), VM, C.Z)]       # certificate
        + [at("056789", "2600077", dt.date(2026, 6, 1), VM, C.B)])        # last year
    answer = register_absences(uow, receipt(today=TODAY), AbsencesQuestion("034567", (
        f.half_day(stamnummer="2600005", date=dt.date(2026, 10, 20), code=C.B),
        f.half_day(stamnummer="2600005", date=dt.date(2026, 10, 20), half_day=NM,
                   code=C.B),
        f.half_day(stamnummer="2600005", date=dt.date(2026, 10, 21), half_day=VM,
                   code=C.B),
        f.half_day(stamnummer="2600005", date=dt.date(2026, 11, 16), code=C.Z,
                   without_certificate=True),
        f.half_day(stamnummer="2600005", date=dt.date(2026, 11, 18), code=C.Z,
                   without_certificate=True))))
    assert answer.accepted, answer.issues
    result = counts(uow).result
    assert result.school_year == 2026
    [mover] = result.students
    assert (mover.stamnummer, mover.insz) == ("2600005", MOVER.insz)
    assert [(s.institution_number, s.problematic_half_days, s.sick_notes)
            for s in mover.schools] == [("034567", 3, 2), ("056789", 25, 3)]
    assert (mover.problematic_half_days, mover.sick_notes) == (28, 5)
    assert not mover.problematic_limit_reached and mover.thirtieth_on is None
    assert mover.sick_notes_over_limit
    assert consult_problematic_limit(uow, receipt(today=TODAY), StudentsConsultation(
        "034567")).result.students == []
    # Two more B half days at the new school: the 30th is the second of them.
    register_absences(uow, receipt(today=TODAY), AbsencesQuestion("034567", (
        f.half_day(stamnummer="2600005", date=dt.date(2026, 11, 19), code=C.B),
        f.half_day(stamnummer="2600005", date=dt.date(2026, 11, 19), half_day=NM,
                   code=C.B))))
    [mover] = consult_problematic_limit(uow, receipt(today=TODAY), StudentsConsultation(
        "034567")).result.students
    assert mover.problematic_half_days == 30 and mover.problematic_limit_reached
    assert mover.thirtieth_on == dt.date(2026, 11, 19)


def test_a_student_without_counts_is_left_out_and_one_student_can_be_asked(uow):
    uow.absences.add_many([at("034567", "2600001", dt.date(2026, 9, 7), VM, C.Z)])
    assert counts(uow).result.students == []
    assert counts(uow, "2600001").result.students == []
    with pytest.raises(NotEnrolledHereError):
        counts(uow, "2600077")                     # the old school's number: not here


def test_a_student_without_insz_counts_at_the_asking_school_only(uow):
    pending = f.identification(stamnummer="2600006", insz=None)
    uow.enrollments.add(f.enrollment_of(f.question(identification=pending)))
    uow.absences.add_many([at("034567", "2600006", dt.date(2026, 9, 7), VM, C.B),
                           at("034567", "2600006", dt.date(2026, 9, 8), VM, C.Z, True)])
    [student] = counts(uow, "2600006").result.students
    assert (student.insz, student.problematic_half_days, student.sick_notes) == (
        None, 1, 1)
    assert [s.institution_number for s in student.schools] == ["034567"]


def test_the_previous_school_year_can_be_asked_and_no_other(uow):
    uow.absences.add_many([at("056789", "2600077", dt.date(2026, 6, 1), VM, C.B)])
    # The student was not enrolled at 056789 last school year: nothing to carry over.
    assert counts(uow, year=2025).result.students == []
    for year in (2024, 2027):
        with pytest.raises(SchoolYearNotAskableError) as refused:
            counts(uow, year=year)
        assert refused.value.code == 10701


def test_the_counts_need_a_mandate_for_absences(uow):
    with pytest.raises(AuthorisationError):
        consult_running_counts(uow, receipt(sender=f.OTHER_VENDOR, today=TODAY),
                               StudentsConsultation("034567"))


def test_a_sick_note_mark_on_another_code_is_refused_and_stores_nothing(uow):
    answer = register_absences(uow, receipt(today=TODAY), AbsencesQuestion("034567", (
        f.half_day(date=dt.date(2026, 9, 7)),
        f.half_day(date=dt.date(2026, 9, 8), code=C.B, without_certificate=True))))
    assert not answer.accepted
    assert [(i.code, i.field) for i in answer.issues] == [
        (10700, "Afwezigheden/Afwezigheid[2]/ZonderMedischAttest")]
    assert uow.absences.of_students("034567", {"2600001"}, dt.date(2026, 9, 1),
                                    TODAY) == []


def test_marking_a_half_day_registered_before_is_a_change(uow):
    def send(mark):
        return register_absences(uow, receipt(today=TODAY), AbsencesQuestion("034567", (
            f.half_day(date=dt.date(2026, 9, 7), without_certificate=mark),))).result
    assert send(False).new == 1
    assert send(True).replaced == 1
    assert send(True).unchanged == 1
    [stored] = uow.absences.of_students("034567", {"2600001"}, dt.date(2026, 9, 7),
                                        dt.date(2026, 9, 7))
    assert stored.without_certificate


# -- nursery attendance ------------------------------------------------------------------
CHILD = f.identification(stamnummer="2600031", sequence=31, birth_date=dt.date(2020, 4, 2))
YOUNGER = f.identification(stamnummer="2600032", sequence=32,
                           birth_date=dt.date(2021, 2, 2))


@pytest.fixture
def primary(uow):
    for ident in (CHILD, YOUNGER):
        uow.enrollments.add(f.enrollment_of(f.question(
            institution_number="012345", identification=ident)))
        uow.enrollments.add(f.enrollment_of(f.question(
            institution_number="012399", start_date=dt.date(2025, 9, 1),
            identification=f.replace(ident, stamnummer="25" + ident.stamnummer[2:])),
            deregistration=Deregistration(dt.date(2026, 6, 30),
                                          Aanleiding.EINDE_SCHOOLJAAR, "1")))
    uow.commit()
    return uow


def nursery(uow, school="012345", stamnummer=None, year=None):
    return consult_nursery_attendance(uow, receipt(today=TODAY), NurseryConsultation(
        school, stamnummer, year))


def test_nursery_attendance_is_school_half_days_minus_absences(primary):
    year_days = list(school_calendar.school_half_days(2025, None, dt.date(2026, 6, 30)))
    absent = year_days[:100]
    primary.absences.add_many(
        [at("012399", "2500031", d, h, C.A) for d, h in absent]
        + [at("012399", "2500032", d, h, C.Z) for d, h in year_days[:10]]
        + [at("012399", "2500031", dt.date(2025, 9, 6), VM, C.A)])   # a Saturday
    result = nursery(primary).result
    assert result.school_year == 2025 and not result.calendar_approximate
    child, younger = result.students
    assert (child.stamnummer, child.age, child.threshold) == ("2600031", 6, 220)
    assert child.school_half_days == len(year_days)
    assert (child.absent, child.present) == (100, len(year_days) - 100)
    assert child.threshold_met is (len(year_days) - 100 >= 220)
    assert [(s.institution_number, s.present) for s in child.schools] == [
        ("012399", child.present)]
    assert (younger.age, younger.threshold, younger.absent) == (5, 185, 10)
    assert younger.threshold_met
    assert [s.stamnummer for s in nursery(primary, stamnummer="2600032").result.students] \
        == ["2600032"]


def test_a_child_far_below_the_threshold_must_take_the_language_test(primary):
    year_days = list(school_calendar.school_half_days(2025, None, dt.date(2026, 6, 30)))
    primary.absences.add_many([at("012399", "2500031", d, h, C.A)
                               for d, h in year_days[:len(year_days) - 200]])
    child = nursery(primary, stamnummer="2600031").result.students[0]
    assert child.present == 200 and child.threshold_met is False


def test_students_without_a_nursery_enrollment_are_left_out(primary):
    primary.enrollments.add(f.enrollment_of(f.question(
        institution_number="012345", identification=f.identification(
            stamnummer="2600040", sequence=40, birth_date=dt.date(2019, 1, 1)))))
    assert "2600040" not in [s.stamnummer for s in nursery(primary).result.students]


def test_nursery_attendance_is_for_basic_education_and_ended_years(primary):
    with pytest.raises(NotBasicEducationError) as refused:
        nursery(primary, school="034567")
    assert refused.value.code == 40700
    for year in (2026, 2020):
        with pytest.raises(SchoolYearNotAskableError):
            nursery(primary, year=year)
    assert nursery(primary, year=2021).result.students == []
    # The calendar table covers 2019-2020 on: no askable year is approximated any more.
    assert not nursery(primary, year=2021).result.calendar_approximate
