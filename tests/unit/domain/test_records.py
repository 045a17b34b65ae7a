"""Rules of message types 5, 6 and 8 (disciplinary measures, support, refusals): one
test per rule, each failing if its rule is dropped."""
import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import discipline, refusals, support
from discimus_service.domain.discipline import MeasureType as T
from discimus_service.domain.errors import (
    DissolutionNotDeregisteredError, InszMismatchError, InvalidDateError, InvalidInszError,
    LateMeasureNotice, MeasureEndDateNotAllowedError, MeasureEndDateRequiredError,
    MeasureNotExchangedError, MissingFieldError, NotEnrolledHereError,
    RefusalBeforeExchangeError, RefusedStudentEnrolledError, SupportBeforeModelError,
    SupportByOrdinarySchoolError, SupportingSchoolError, SupportReplacedByLeersteunError,
)
from discimus_service.domain.model import Aanleiding, Niveau, School
from discimus_service.domain.records import RecordKind
from discimus_service.domain.refusals import RefusalKind as K
from tests.unit.domain import domain_factories as f

TODAY = dt.date(2024, 9, 20)
PRIMARY = School("012345", "De Regenboog", Niveau.LAGER)
SECONDARY = School("034567", "Sint-Jozef", Niveau.SECUNDAIR)
NURSERY = School("011111", "De Kleine Wereld", Niveau.KLEUTER)
SPECIAL = School("099999", "BuBaO De Brug", Niveau.LAGER, special_needs=True)
RUNNING = f.enrollment()                                   # 012345 from 2024-09-01


def measure(**kw):
    base = dict(school=PRIMARY, enrollments=[RUNNING], stamnummer="2400017",
                student_id="LL-17", insz=f.INSZ_2012, measure_type=T.TU,
                start=dt.date(2024, 9, 16), end=dt.date(2024, 9, 18), today=TODAY,
                sender_id="informat")
    return discipline.measure(**{**base, **kw})


# -- message type 5 ------------------------------------------------------------------------
def test_a_measure_within_the_week_is_stored_without_notice():
    record, notices = measure()
    assert (record.kind, record.subtype, record.start_date, record.end_date) == (
        RecordKind.TUCHT, "TU", dt.date(2024, 9, 16), dt.date(2024, 9, 18))
    assert record.key == "2400017|TU|2024-09-16" and notices == ()


def test_a_measure_sent_after_more_than_a_week_is_stored_with_a_warning():
    _record, notices = measure(start=dt.date(2024, 9, 12), end=dt.date(2024, 9, 13))
    assert [type(n) for n in notices] == [LateMeasureNotice]
    assert "8 days ago" in notices[0].diagnose
    assert measure(start=dt.date(2024, 9, 13), end=dt.date(2024, 9, 13))[1] == ()


@pytest.mark.parametrize("kind", [T.PS, T.TU])
def test_suspension_and_temporary_exclusion_need_an_end_date(kind):
    with pytest.raises(MeasureEndDateRequiredError) as caught:
        measure(measure_type=kind, end=None)
    assert caught.value.field == "EindDatum"


def test_a_definitive_exclusion_refuses_an_end_date():
    with pytest.raises(MeasureEndDateNotAllowedError):
        measure(measure_type=T.DU)
    record, _ = measure(measure_type=T.DU, end=None)
    assert record.end_date is None


def test_the_end_date_cannot_precede_the_start():
    with pytest.raises(InvalidDateError, match="lies before BeginDatum"):
        measure(end=dt.date(2024, 9, 15))


def test_a_measure_in_the_future_is_refused():
    with pytest.raises(InvalidDateError, match="future"):
        measure(start=dt.date(2024, 9, 21), end=dt.date(2024, 9, 23))


def test_a_definitive_exclusion_with_effect_on_31_august_may_be_sent_ahead():
    record, notices = measure(measure_type=T.DU, start=dt.date(2025, 8, 31), end=None)
    assert record.start_date == dt.date(2025, 8, 31) and notices == ()
    with pytest.raises(InvalidDateError):          # any other future day is not
        measure(measure_type=T.DU, start=dt.date(2025, 8, 30), end=None)


def test_nursery_schools_have_no_disciplinary_measures():
    with pytest.raises(MeasureNotExchangedError, match="nursery"):
        measure(school=NURSERY)


@pytest.mark.parametrize("school, kind, first_day", [
    (PRIMARY, T.DU, dt.date(2019, 9, 1)), (SECONDARY, T.TU, dt.date(2019, 9, 1)),
    (SECONDARY, T.PS, dt.date(2019, 9, 1)), (SECONDARY, T.DU, dt.date(2017, 9, 1))])
def test_measures_are_exchanged_from_their_first_school_year(school, kind, first_day):
    discipline.check_exchanged(kind, school, first_day)
    with pytest.raises(MeasureNotExchangedError):
        discipline.check_exchanged(kind, school, first_day - dt.timedelta(days=1))


def test_a_measure_must_start_within_an_enrollment_at_the_school():
    with pytest.raises(NotEnrolledHereError, match="2024-09-01 to open"):
        measure(start=dt.date(2024, 8, 30), end=dt.date(2024, 9, 2))


def test_a_temporary_exclusion_cannot_outlast_the_enrollment():
    closed = f.closed(RUNNING, dt.date(2024, 9, 17))
    with pytest.raises(NotEnrolledHereError) as caught:
        measure(enrollments=[closed])
    assert caught.value.field == "EindDatum"


def test_the_insz_must_be_the_one_of_the_enrollment():
    with pytest.raises(InszMismatchError):
        measure(insz=f.INSZ_2010)
    with pytest.raises(InvalidInszError):
        measure(insz="12345678901")


def test_a_measure_names_the_student_in_the_package():
    with pytest.raises(MissingFieldError):
        measure(student_id="  ")


# -- message type 6 ------------------------------------------------------------------------
SUPPORT_DAY = dt.date(2022, 10, 3)
ENROLLED_2022 = f.enrollment(start_date=dt.date(2022, 9, 1))


def supported(**kw):
    base = dict(school=PRIMARY, supporting=SPECIAL, supporting_number="099999",
                enrollments=[ENROLLED_2022], stamnummer="2400017", student_id="LL-17",
                insz=None, start=SUPPORT_DAY, today=TODAY, sender_id="informat")
    return support.support(**{**base, **kw})


def test_a_supported_student_names_the_special_needs_school_and_year():
    record = supported()
    assert (record.kind, record.other_institution, record.key, record.insz) == (
        RecordKind.ONDERSTEUNING, "099999", "2400017|2022", f.INSZ_2012)


def test_support_is_registered_from_2019_2020_on():
    supported(start=dt.date(2019, 9, 2),
              enrollments=[f.enrollment(start_date=dt.date(2019, 9, 1))])
    with pytest.raises(SupportBeforeModelError):
        supported(start=dt.date(2019, 8, 31),
                  enrollments=[f.enrollment(start_date=dt.date(2018, 9, 1))])


def test_from_2023_2024_on_the_leersteun_decree_replaces_it():
    supported(start=dt.date(2023, 8, 31))
    with pytest.raises(SupportReplacedByLeersteunError, match="Leersteun decree"):
        supported(start=dt.date(2023, 9, 1))


def test_the_supporting_school_must_be_a_known_special_needs_school():
    with pytest.raises(SupportingSchoolError, match="not a known school"):
        supported(supporting=None, supporting_number="088888")
    with pytest.raises(SupportingSchoolError, match="not a school for special-needs"):
        supported(supporting=SECONDARY, supporting_number="034567")


def test_only_an_ordinary_school_registers_support():
    with pytest.raises(SupportByOrdinarySchoolError):
        supported(school=SPECIAL)


def test_support_needs_an_enrollment_at_the_school_on_its_start():
    with pytest.raises(NotEnrolledHereError):
        supported(start=dt.date(2022, 8, 31))


def test_a_given_insz_must_match_the_enrollment():
    with pytest.raises(InszMismatchError):
        supported(insz=f.INSZ_2010)


def test_support_in_the_future_is_refused():
    with pytest.raises(InvalidDateError):
        supported(today=dt.date(2022, 10, 2))


# -- message type 8 ------------------------------------------------------------------------
REFUSAL_DAY = dt.date(2024, 6, 10)


def refused(**kw):
    base = dict(institution_number="012345", enrollments_by_insz=[],
                enrollments_by_stamnummer=[], kind=K.W, insz=f.INSZ_2012,
                stamnummer=None, student_id="KAND-1", day=REFUSAL_DAY, today=TODAY,
                sender_id="informat")
    return refusals.refusal(**{**base, **kw})


def test_a_refusal_of_a_student_not_enrolled_is_stored():
    record = refused(stamnummer="2400017")
    assert (record.subtype, record.insz, record.stamnummer, record.key) == (
        "W", f.INSZ_2012, None, f"{f.INSZ_2012}|2024-06-10")


def test_refusals_are_exchanged_from_2020_2021_on():
    refused(day=dt.date(2020, 9, 1))
    with pytest.raises(RefusalBeforeExchangeError):
        refused(day=dt.date(2020, 8, 31))


def test_a_school_cannot_refuse_a_student_it_has_enrolled():
    enrolled = f.enrollment(start_date=dt.date(2023, 9, 1))
    with pytest.raises(RefusedStudentEnrolledError, match="reason O"):
        refused(enrollments_by_insz=[enrolled])
    refused(enrollments_by_insz=[f.closed(enrolled, dt.date(2024, 6, 9))])


def dissolved(end=REFUSAL_DAY, reason=Aanleiding.ONTBINDING):
    e = f.enrollment(start_date=dt.date(2023, 9, 1))
    return dataclasses.replace(e, deregistration=f.deregistration(end, reason))


def test_a_dissolution_needs_the_enrollment_de_registered_with_reason_o_that_day():
    record = refused(kind=K.O, stamnummer="2400017", enrollments_by_stamnummer=[dissolved()])
    assert (record.subtype, record.stamnummer) == ("O", "2400017")
    for wrong in (dissolved(reason=Aanleiding.SCHOOLVERANDERING),
                  dissolved(end=dt.date(2024, 6, 11))):
        with pytest.raises(DissolutionNotDeregisteredError, match="reason O"):
            refused(kind=K.O, stamnummer="2400017", enrollments_by_stamnummer=[wrong])


def test_a_dissolution_names_the_stamnummer_and_the_students_insz():
    with pytest.raises(MissingFieldError):
        refused(kind=K.O, stamnummer=None, enrollments_by_stamnummer=[dissolved()])
    with pytest.raises(InszMismatchError):
        refused(kind=K.O, stamnummer="2400017", insz=f.INSZ_2010,
                enrollments_by_stamnummer=[dissolved()])


def test_a_refusal_in_the_future_or_without_valid_insz_is_refused():
    with pytest.raises(InvalidDateError):
        refused(day=dt.date(2024, 9, 21))
    with pytest.raises(InvalidInszError):
        refused(insz="")
