"""Enrollment and de-registration rules of message type 1 (000 §2.1-2.2)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import enrollment as rules
from discimus_service.domain.errors import (
    EnrollmentClosedError, EnrollmentConflictError, InszBirthDateMismatchError,
    InvalidCodeValueError, InvalidDateError, InvalidInszError, InvalidPostcodeError,
    InvalidStamnummerError, MissingFieldError, ValidationError,
)
from discimus_service.domain.model import Aanleiding, Deregistration
from tests.unit.domain.domain_factories import (
    BIS_PLUS_20, INSZ_1985, INSZ_2010, INSZ_2012, NN_UNKNOWN_DAY, TODAY, address, closed,
    deregistration, enrollment, identification,
)

D = dt.date


# -- identification -------------------------------------------------------------------------
def test_identification_is_returned_normalised():
    sent = identification(insz="12.05.14-123.64", first_name="  Lotte ",
                          last_name=" Peeters", stamnummer=" 2400017",
                          address=address(postcode="9050 01"))
    result = rules.validate_identification(sent, today=TODAY)
    assert result.insz == INSZ_2012
    assert (result.first_name, result.last_name) == ("Lotte", "Peeters")
    assert result.stamnummer == "2400017"
    assert result.address.postcode == "905001"
    assert sent.insz == "12.05.14-123.64"   # the message as sent is left alone


@pytest.mark.parametrize("pending", [None, "", "  "])
def test_identification_without_insz_is_pending_a_number(pending):
    assert rules.validate_identification(identification(insz=pending), today=TODAY).insz is None


@pytest.mark.parametrize("name, field", [("first_name", "Voornaam"), ("last_name", "Naam")])
def test_blank_names_are_refused_naming_the_field(name, field):
    with pytest.raises(MissingFieldError) as exc:
        rules.validate_identification(identification(**{name: "   "}), today=TODAY)
    assert exc.value.code == 10001
    assert exc.value.field == field


def test_insz_with_another_birth_date_is_a_mismatch():
    with pytest.raises(InszBirthDateMismatchError) as exc:
        rules.validate_identification(identification(birth_date=D(2012, 5, 15)), today=TODAY)
    assert exc.value.code == 20010
    assert "2012-05-14" in exc.value.diagnose and "2012-05-15" in exc.value.diagnose


def test_bis_number_birth_date_is_compared_too():
    ok = identification(insz=BIS_PLUS_20, birth_date=D(1998, 7, 28))
    assert rules.validate_identification(ok, today=TODAY).insz == BIS_PLUS_20
    with pytest.raises(InszBirthDateMismatchError):
        rules.validate_identification(dataclasses.replace(ok, birth_date=D(1998, 7, 27)),
                                      today=TODAY)


def test_insz_with_unknown_day_accepts_any_birth_date():
    ident = identification(insz=NN_UNKNOWN_DAY, birth_date=D(1985, 7, 12))
    assert rules.validate_identification(ident, today=TODAY).insz == NN_UNKNOWN_DAY


def test_invalid_insz_is_refused_before_the_birth_date_is_compared():
    with pytest.raises(InvalidInszError):
        rules.validate_identification(identification(insz="12051412365"), today=TODAY)


def test_invalid_stamnummer_is_refused():
    with pytest.raises(InvalidStamnummerError):
        rules.validate_identification(identification(stamnummer="240017"), today=TODAY)


def test_birth_date_in_the_future_is_refused():
    with pytest.raises(InvalidDateError, match="future") as exc:
        rules.validate_identification(
            identification(insz=None, birth_date=TODAY + dt.timedelta(days=1)), today=TODAY)
    assert exc.value.field == "Geboortedatum"


def test_birth_date_more_than_120_years_ago_is_refused():
    limit = D(1904, 9, 10)
    ok = identification(insz=None, birth_date=limit)
    assert rules.validate_identification(ok, today=TODAY).birth_date == limit
    with pytest.raises(InvalidDateError, match="120 years"):
        rules.validate_identification(identification(insz=None, birth_date=D(1904, 9, 9)),
                                      today=TODAY)


def test_120_years_back_from_29_february_when_1900_had_none():
    # 1900 was no leap year: the limit falls back to 28 February.
    ident = identification(insz=None, birth_date=D(1900, 2, 28))
    assert rules.validate_identification(ident, today=D(2020, 2, 29)).birth_date == D(1900, 2, 28)
    with pytest.raises(InvalidDateError):
        rules.validate_identification(dataclasses.replace(ident, birth_date=D(1900, 2, 27)),
                                      today=D(2020, 2, 29))


def test_bad_nationality_and_address_are_refused():
    with pytest.raises(InvalidCodeValueError):
        rules.validate_identification(identification(nationality="BE"), today=TODAY)
    with pytest.raises(InvalidPostcodeError):
        rules.validate_identification(identification(address=address(postcode="905")),
                                      today=TODAY)


# -- enrollment -----------------------------------------------------------------------------
def test_valid_enrollment_is_returned_as_a_normalised_copy():
    sent = enrollment(institution_number=" 12345", administrative_group=" 1A ",
                      establishment=" ", insz="12 05 14 123 64")
    result = rules.validate_enrollment(sent, today=TODAY)
    assert result is not sent
    assert (result.institution_number, result.administrative_group) == ("12345", "1A")
    assert result.establishment is None
    assert result.insz == INSZ_2012
    assert sent.insz == "12 05 14 123 64"


@pytest.mark.parametrize("number", ["", "1234567", "12A45"])
def test_institution_number_is_1_to_6_digits(number):
    with pytest.raises(ValidationError) as exc:
        rules.validate_enrollment(enrollment(institution_number=number), today=TODAY)
    assert exc.value.field == "Instellingsnummer"


def test_one_digit_institution_number_is_accepted():
    assert rules.validate_enrollment(enrollment(institution_number="7"),
                                     today=TODAY).institution_number == "7"


def test_administrative_group_is_required():
    with pytest.raises(MissingFieldError) as exc:
        rules.validate_enrollment(enrollment(administrative_group=" "), today=TODAY)
    assert exc.value.field == "AdministratieveGroep"


def test_registration_date_after_today_is_refused():
    # The result is a dataclass, always truthy: check what it says.
    assert rules.validate_enrollment(enrollment(registration_date=TODAY),
                                     today=TODAY).registration_date == TODAY
    with pytest.raises(InvalidDateError) as exc:
        rules.validate_enrollment(enrollment(registration_date=TODAY + dt.timedelta(days=1)),
                                  today=TODAY)
    assert exc.value.field == "DatumInschrijving"


def test_first_attendance_before_start_is_refused():
    assert rules.validate_enrollment(enrollment(first_attendance_date=None),
                                     today=TODAY).first_attendance_date is None
    assert rules.validate_enrollment(enrollment(first_attendance_date=D(2024, 9, 1)),
                                     today=TODAY).first_attendance_date == D(2024, 9, 1)
    with pytest.raises(InvalidDateError) as exc:
        rules.validate_enrollment(enrollment(first_attendance_date=D(2024, 8, 31)),
                                  today=TODAY)
    assert exc.value.field == "DatumEersteLes"


def test_enrollment_with_deregistration_is_checked():
    ok = enrollment(deregistration=deregistration(D(2024, 9, 1), "O", " 12"))
    result = rules.validate_enrollment(ok, today=TODAY)
    assert result.deregistration == Deregistration(D(2024, 9, 1), Aanleiding.ONTBINDING, "12")
    with pytest.raises(InvalidDateError):
        rules.validate_enrollment(enrollment(deregistration=deregistration(D(2024, 8, 31))),
                                  today=TODAY)


@pytest.mark.parametrize("reason, situation, field", [
    ("Q", "1", "Uitschrijving/Aanleiding"),
    ("s", "1", "Uitschrijving/Aanleiding"),
    (Aanleiding.VERHUIS, "123", "Uitschrijving/SituatieNa"),
    (Aanleiding.VERHUIS, "", "Uitschrijving/SituatieNa"),
    (Aanleiding.VERHUIS, "A", "Uitschrijving/SituatieNa"),
])
def test_deregistration_codes_are_checked(reason, situation, field):
    e = enrollment(deregistration=deregistration(D(2025, 6, 30), reason, situation))
    with pytest.raises(InvalidCodeValueError) as exc:
        rules.validate_enrollment(e, today=TODAY)
    assert exc.value.field == field


# -- deadline -------------------------------------------------------------------------------
@pytest.mark.parametrize("received, late", [
    (D(2024, 9, 1), False), (D(2024, 9, 8), False), (D(2024, 9, 9), True),
])
def test_registration_is_late_after_7_calendar_days(received, late):
    assert rules.is_late(D(2024, 9, 1), received) is late


# -- overlaps -------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b, common", [
    ((D(2024, 9, 1), D(2025, 6, 30)), (D(2025, 1, 6), None), (D(2025, 1, 6), D(2025, 6, 30))),
    ((D(2024, 9, 1), None), (D(2025, 1, 6), None), (D(2025, 1, 6), None)),
    ((D(2024, 9, 1), D(2025, 1, 5)), (D(2025, 1, 6), None), None),
    ((D(2024, 9, 1), D(2025, 1, 6)), (D(2025, 1, 6), None), (D(2025, 1, 6), D(2025, 1, 6))),
    ((D(2025, 1, 6), None), (D(2024, 9, 1), D(2024, 12, 20)), None),
    ((D(2024, 9, 1), D(2025, 6, 30)), (D(2024, 10, 1), D(2024, 10, 31)),
     (D(2024, 10, 1), D(2024, 10, 31))),
])
def test_overlap_of_periods_with_open_and_inclusive_ends(a, b, common):
    assert rules.overlaps(*a, *b) == common
    assert rules.overlaps(*b, *a) == common


# -- one enrollment at a time per school ----------------------------------------------------
def test_overlapping_enrollment_at_the_same_school_is_refused_with_close_and_open_advice():
    running = enrollment(administrative_group="1A")
    new = enrollment(administrative_group="1B", start_date=D(2025, 1, 6))
    with pytest.raises(EnrollmentConflictError) as exc:
        rules.check_no_overlap_at_institution(new, [running])
    assert exc.value.code == 30020
    assert "group 1A from 2024-09-01, not de-registered" in exc.value.diagnose
    assert "(stamnummer 2400017) is already enrolled at 012345" in exc.value.diagnose
    assert "before 2025-01-06" in exc.value.diagnose


def test_change_of_group_after_deregistration_is_accepted():
    old = closed(enrollment(administrative_group="1A"), D(2025, 1, 5))
    new = enrollment(administrative_group="1B", start_date=D(2025, 1, 6))
    rules.check_no_overlap_at_institution(new, [old])


def test_deregistration_on_the_new_start_day_still_overlaps():
    old = closed(enrollment(), D(2025, 1, 6))
    with pytest.raises(EnrollmentConflictError, match="to 2025-01-06"):
        rules.check_no_overlap_at_institution(enrollment(start_date=D(2025, 1, 6)), [old])


def test_same_insz_under_another_stamnummer_is_the_same_student():
    old = enrollment(stamnummer="2300005")
    with pytest.raises(EnrollmentConflictError):
        rules.check_no_overlap_at_institution(
            enrollment(stamnummer="2400017", start_date=D(2025, 1, 6)), [old])


def test_same_stamnummer_without_insz_is_the_same_student():
    old = enrollment(insz=None)
    with pytest.raises(EnrollmentConflictError):
        rules.check_no_overlap_at_institution(enrollment(insz=None, start_date=D(2025, 2, 1)),
                                              [old])


def test_other_students_and_other_schools_do_not_conflict():
    new = enrollment(start_date=D(2025, 1, 6))
    rules.check_no_overlap_at_institution(new, [
        new,                                                         # itself
        enrollment(insz=INSZ_2010, stamnummer="2400018"),            # another student
        enrollment(insz=None, stamnummer="2400019"),                 # another, pending
        enrollment(institution_number="054321"),                     # another school
    ])


def test_pending_insz_on_both_sides_is_not_a_match_by_itself():
    new = enrollment(insz=None, stamnummer="2400017")
    rules.check_no_overlap_at_institution(new, [enrollment(insz=None, stamnummer="2400099")])


# -- deregister -----------------------------------------------------------------------------
def test_deregister_closes_the_enrollment_in_place():
    e = enrollment()
    rules.deregister(e, Deregistration(D(2025, 3, 14), Aanleiding("O"), "3"))
    assert e.end_date == D(2025, 3, 14)
    assert e.deregistration.reason is Aanleiding.ONTBINDING


def test_deregister_on_the_start_day_is_allowed():
    e = enrollment()
    rules.deregister(e, deregistration(D(2024, 9, 1)))
    assert e.end_date == D(2024, 9, 1)


def test_deregister_twice_is_refused_with_the_first_end_date():
    e = closed(enrollment(), D(2025, 3, 14))
    with pytest.raises(EnrollmentClosedError) as exc:
        rules.deregister(e, deregistration(D(2025, 6, 30)))
    assert exc.value.code == 30021
    assert "2025-03-14" in exc.value.diagnose
    assert e.end_date == D(2025, 3, 14)


def test_deregister_before_the_start_is_refused_and_changes_nothing():
    e = enrollment()
    with pytest.raises(InvalidDateError) as exc:
        rules.deregister(e, deregistration(D(2024, 8, 31)))
    assert "2024-08-31" in exc.value.diagnose and "2024-09-01" in exc.value.diagnose
    assert e.deregistration is None


def test_deadline_constant():
    assert rules.REGISTRATION_DEADLINE_DAYS == 7


def test_1985_student_enrolls_as_adult_learner():
    ident = identification(insz=INSZ_1985, birth_date=D(1985, 7, 30))
    assert rules.validate_identification(ident, today=TODAY).insz == INSZ_1985
