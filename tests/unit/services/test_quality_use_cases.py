"""Quality-feedback use cases against in-memory fakes."""
import datetime as dt

import pytest

from discimus_service.domain.absence import Absence, AbsenceCode as C, HalfDay
from discimus_service.domain.errors import (
    AuthorisationError, DuplicateItemError, InvalidStamnummerError, TooManyItemsError,
)
from discimus_service.domain.model import Aanleiding, Deregistration
from discimus_service.domain.quality import DifferenceKind, ListedStudent, ProblemKind
from discimus_service.services.compare_students import compare_students
from discimus_service.services.consult_absence_problems import consult_absence_problems
from discimus_service.services.consult_enrolled_students import consult_enrolled_students
from discimus_service.services.consult_open_problems import consult_open_problems
from discimus_service.services.quality_views import ComparisonQuestion, SchoolOnDay
from tests import factories as f
from tests.fakes import FakeDatabase
from tests.unit.services.test_absence_use_cases import receipt

SCHOOL = "034567"


@pytest.fixture
def uow():
    db = FakeDatabase()
    f.seed(db.uow(), mandates=f.absence_mandates())
    work = db.uow()
    work.enrollments.add(f.enrollment_of(f.question()))                    # 2600001
    work.enrollments.add(f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600002", insz=None, last_name="Aerts"))))
    work.enrollments.add(f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600003", sequence=3)), deregistration=Deregistration(
            dt.date(2026, 9, 2), Aanleiding.SCHOOLVERANDERING, "1")))
    work.enrollments.add(f.enrollment_of(f.question(institution_number="056789"),
                                         sender_id="wisa"))
    work.commit()
    return db.uow()


def test_the_enrolled_students_on_a_day_by_name(uow):
    today = consult_enrolled_students(uow, receipt(), SchoolOnDay(SCHOOL)).result
    assert today.on == f.TODAY
    assert [(s.stamnummer, s.last_name) for s in today.students] == [
        ("2600002", "Aerts"), ("2600001", "Peeters")]
    earlier = consult_enrolled_students(uow, receipt(), SchoolOnDay(
        SCHOOL, dt.date(2026, 9, 2))).result
    assert [s.stamnummer for s in earlier.students] == ["2600002", "2600001", "2600003"]
    assert consult_enrolled_students(uow, receipt(), SchoolOnDay(
        SCHOOL, dt.date(2026, 8, 31))).result.students == []


def test_the_enrolled_students_need_a_mandate(uow):
    with pytest.raises(AuthorisationError):
        consult_enrolled_students(uow, receipt(), SchoolOnDay("056789"))


def _listed(stamnummer, **kw):
    base = dict(insz=None, first_name="Lotte", last_name="Peeters",
                birth_date=dt.date(2012, 3, 15))
    return ListedStudent(stamnummer, **{**base, **kw})


def test_the_comparison_lists_each_difference(uow):
    ident = f.identification()
    answer = compare_students(uow, receipt(), ComparisonQuestion(SCHOOL, (
        _listed("2600001", insz=ident.insz),
        _listed("2600002", last_name="Aerts", first_name="Lotte"),
        _listed("2600008"))))
    v = answer.result
    assert (v.compared, v.held) == (3, 2) and answer.issues == ()
    assert [(d.stamnummer, d.kind) for d in v.differences] == [
        ("2600008", DifferenceKind.MISSING_AT_AGODI)]
    v = compare_students(uow, receipt(), ComparisonQuestion(SCHOOL, (
        _listed("2600001", insz=ident.insz, first_name="Lot"),))).result
    assert [(d.stamnummer, d.kind, d.field) for d in v.differences] == [
        ("2600001", DifferenceKind.DIFFERENT, "Voornaam"),
        ("2600002", DifferenceKind.UNKNOWN_TO_SCHOOL, None)]


def test_a_bad_list_is_refused_naming_the_item(uow):
    with pytest.raises(InvalidStamnummerError) as refused:
        compare_students(uow, receipt(), ComparisonQuestion(SCHOOL, (
            _listed("2600001"), _listed("12"))))
    assert refused.value.field == "Leerlingen/Leerling[2]/Stamnummer"
    with pytest.raises(DuplicateItemError) as refused:
        compare_students(uow, receipt(), ComparisonQuestion(SCHOOL, (
            _listed("2600001"), _listed("2600002"), _listed("2600001"))))
    assert refused.value.field == "Leerlingen/Leerling[3]"
    with pytest.raises(TooManyItemsError):
        compare_students(uow, receipt(), ComparisonQuestion(SCHOOL, tuple(
            _listed(f"26{n:05d}") for n in range(1, 1502))))


def test_open_problems_of_the_school(uow):
    problems = consult_open_problems(uow, receipt(), SchoolOnDay(SCHOOL)).result.problems
    assert [(p.kind, p.stamnummer) for p in problems] == [
        (ProblemKind.DOUBLE_ENROLLMENT, "2600001"), (ProblemKind.PENDING_NUMBER, "2600002")]
    assert problems[0].other_institution_number == "056789"
    later = consult_open_problems(uow, receipt(), SchoolOnDay(
        SCHOOL, dt.date(2027, 9, 1))).result.problems
    assert [p.kind for p in later] == [ProblemKind.DOUBLE_ENROLLMENT,
                                       ProblemKind.PENDING_NUMBER]  # both still open


def test_absence_problems_of_the_school(uow):
    uow.absences.add_many([
        Absence(SCHOOL, "x", "2600003", dt.date(2026, 9, 2), HalfDay.VM, C.Z, "informat",
                f.TODAY),
        Absence(SCHOOL, "x", "2600003", dt.date(2026, 9, 3), HalfDay.VM, C.B, "informat",
                f.TODAY),                   # the day after the de-registration
        Absence(SCHOOL, "x", "2600009", dt.date(2026, 9, 1), HalfDay.VM, C.B, "informat",
                f.TODAY)])                  # a stamnummer no longer there at all
    problems = consult_absence_problems(uow, receipt(), SchoolOnDay(SCHOOL)).result.problems
    assert [(p.kind, p.stamnummer, p.first) for p in problems] == [
        (ProblemKind.ABSENCE_OUTSIDE_ENROLLMENT, "2600003", dt.date(2026, 9, 3)),
        (ProblemKind.ABSENCE_OUTSIDE_ENROLLMENT, "2600009", dt.date(2026, 9, 1))]
    with pytest.raises(AuthorisationError):
        consult_absence_problems(uow, receipt(sender=f.OTHER_VENDOR), SchoolOnDay(SCHOOL))
