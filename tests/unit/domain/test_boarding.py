"""Message type 7, boarding-school enrollments: the rules of 000 §8, one test per rule."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import boarding
from discimus_service.domain.boarding import BoardingEnrollment
from discimus_service.domain.errors import (
    BoardingEnrollmentConflictError, BoardingEnrollmentEndedError,
    BoardingNotParticipatingError, BoardingPeriodSpansYearsError, InvalidAddressError,
    InvalidDateError, InvalidInszError, InvalidPostcodeError, MissingFieldError,
    NotABoardingSchoolError, SchoolNumberNotAllowedError, SupportFieldsMissingError,
    SupportFieldsTooEarlyError, UnknownSchoolNumberError, ValidationError,
)
from discimus_service.domain.model import InstitutionKind, Niveau, School
from tests.unit.domain.domain_factories import INSZ_2012, TODAY, address, identification

BOARDING = School("099001", "Internaat De Linde", Niveau.SECUNDAIR, "Gent",
                  kind=InstitutionKind.BOARDING)


def stay(**overrides) -> BoardingEnrollment:
    values = dict(institution_number="099001", identification=identification(),
                  establishment="Gent", start_date=dt.date(2024, 9, 1), end_date=None,
                  itinerant_parents=False, school_number=None, agreement_framework=True,
                  support_plan=False, sender_id="informat")
    values.update(overrides)
    return BoardingEnrollment(**values)


def old_stay(**overrides) -> BoardingEnrollment:
    """A stay of 2022-2023: before the support fields."""
    values = dict(start_date=dt.date(2022, 9, 1), agreement_framework=None,
                  support_plan=None)
    values.update(overrides)
    return stay(**values)


def test_a_complete_stay_is_valid_and_normalised():
    sent = stay(establishment="  Gent ", school_number=" 88001 ",
                identification=identification(address=address(postcode="9050 01")))
    valid = boarding.validate_boarding_enrollment(sent, today=TODAY)
    assert valid.establishment == "Gent" and valid.school_number == "88001"
    assert valid.identification.address.postcode == "905001"
    assert sent.establishment == "  Gent "          # the argument is not changed
    assert valid.last_day == dt.date(2025, 8, 31) and valid.school_year == 2024


# -- the identification of message type 1 applies unchanged ------------------------------
@pytest.mark.parametrize("ident, error", [
    (identification(insz="12051412365"), InvalidInszError),
    (identification(first_name=" "), MissingFieldError),
    (identification(address=address(country="00999")), InvalidAddressError),
    (identification(address=address(postcode="90501")), InvalidPostcodeError),
    (identification(nationality="BE"), ValidationError),
])
def test_the_identification_rules_of_message_type_1_apply(ident, error):
    with pytest.raises(error):
        boarding.validate_boarding_enrollment(stay(identification=ident), today=TODAY)


def test_an_address_abroad_is_00999_without_street():
    abroad = address(street=None, house_number=None, postcode=None, municipality=None,
                     country="00999")
    valid = boarding.validate_boarding_enrollment(
        stay(identification=identification(address=abroad)), today=TODAY)
    assert valid.identification.address.postcode is None


def test_a_boarder_pending_an_insz_is_accepted():
    valid = boarding.validate_boarding_enrollment(
        stay(identification=identification(insz=" ")), today=TODAY)
    assert valid.insz is None


# -- the stay ------------------------------------------------------------------------------
def test_the_establishment_is_required():
    with pytest.raises(MissingFieldError) as caught:
        boarding.validate_boarding_enrollment(stay(establishment=" "), today=TODAY)
    assert caught.value.field == "Vestigingsplaats"


def test_boarding_schools_take_part_from_2019_2020():
    boarding.validate_boarding_enrollment(old_stay(start_date=dt.date(2019, 9, 1)),
                                          today=TODAY)
    with pytest.raises(BoardingNotParticipatingError) as caught:
        boarding.validate_boarding_enrollment(old_stay(start_date=dt.date(2019, 8, 31)),
                                              today=TODAY)
    assert caught.value.code == 10501 and "2019-2020" in caught.value.diagnose


def test_the_end_date_is_not_before_the_start():
    boarding.validate_boarding_enrollment(stay(end_date=dt.date(2024, 9, 1)), today=TODAY)
    with pytest.raises(InvalidDateError):
        boarding.validate_boarding_enrollment(stay(end_date=dt.date(2024, 8, 31)),
                                              today=TODAY)


def test_the_stay_lies_within_one_school_year():
    boarding.validate_boarding_enrollment(stay(end_date=dt.date(2025, 8, 31)), today=TODAY)
    with pytest.raises(BoardingPeriodSpansYearsError) as caught:
        boarding.validate_boarding_enrollment(stay(end_date=dt.date(2025, 9, 1)),
                                              today=TODAY)
    assert caught.value.code == 10502 and caught.value.field == "EindDatum"


def test_the_itinerant_flag_is_kept():
    valid = boarding.validate_boarding_enrollment(stay(itinerant_parents=True),
                                                  today=TODAY)
    assert valid.itinerant_parents is True


# -- agreement framework and support plan: from 2024-2025 ---------------------------------
@pytest.mark.parametrize("framework, plan", [(True, None), (None, False), (False, True)])
def test_support_fields_are_refused_before_2024_2025(framework, plan):
    with pytest.raises(SupportFieldsTooEarlyError) as caught:
        boarding.validate_boarding_enrollment(
            old_stay(start_date=dt.date(2024, 8, 31), agreement_framework=framework,
                     support_plan=plan), today=TODAY)
    assert caught.value.code == 10503 and "2024-2025" in caught.value.diagnose


@pytest.mark.parametrize("framework, plan, field", [
    (None, True, "Afsprakenkader"), (True, None, "Ondersteuningsplan"),
    (None, None, "Afsprakenkader")])
def test_support_fields_are_required_from_2024_2025(framework, plan, field):
    with pytest.raises(SupportFieldsMissingError) as caught:
        boarding.validate_boarding_enrollment(
            stay(agreement_framework=framework, support_plan=plan), today=TODAY)
    assert caught.value.code == 10504 and caught.value.field == field


def test_false_is_an_answer_from_2024_2025():
    valid = boarding.validate_boarding_enrollment(
        stay(agreement_framework=False, support_plan=False), today=TODAY)
    assert (valid.agreement_framework, valid.support_plan) == (False, False)


# -- the school number ----------------------------------------------------------------------
def test_a_school_number_is_digits():
    with pytest.raises(ValidationError) as caught:
        boarding.validate_boarding_enrollment(stay(school_number="12a"), today=TODAY)
    assert caught.value.field == "Schoolnummer"


@pytest.mark.parametrize("kind", [InstitutionKind.EUROPEAN, InstitutionKind.NON_FUNDED])
def test_a_school_number_of_a_european_or_non_funded_school_is_allowed(kind):
    boarding.check_school_number("088001", School("088001", "X", Niveau.SECUNDAIR,
                                                  kind=kind))


@pytest.mark.parametrize("kind", [InstitutionKind.SCHOOL, InstitutionKind.BOARDING])
def test_a_school_number_of_any_other_institution_is_refused(kind):
    with pytest.raises(SchoolNumberNotAllowedError) as caught:
        boarding.check_school_number("034567", School("034567", "Sint-Jozefscollege",
                                                      Niveau.SECUNDAIR, kind=kind))
    assert caught.value.code == 10505


def test_an_unknown_school_number_is_refused():
    with pytest.raises(UnknownSchoolNumberError) as caught:
        boarding.check_school_number("077777", None)
    assert caught.value.code == 30501


# -- who sends ------------------------------------------------------------------------------
def test_only_a_boarding_school_sends_message_type_7():
    assert boarding.check_boarding_school(BOARDING, "099001") is BOARDING
    school = School("034567", "Sint-Jozefscollege", Niveau.SECUNDAIR)
    with pytest.raises(NotABoardingSchoolError) as caught:
        boarding.check_boarding_school(school, "034567")
    assert caught.value.code == 40501 and caught.value.magda_code == 40006
    with pytest.raises(NotABoardingSchoolError, match="not known"):
        boarding.check_boarding_school(None, "099999")


# -- overlap and ending ---------------------------------------------------------------------
def test_two_stays_of_one_boarder_at_one_boarding_school_may_not_overlap():
    first = stay(end_date=dt.date(2024, 12, 20), id=1)
    boarding.check_no_overlap(stay(start_date=dt.date(2025, 1, 6)), [first])
    with pytest.raises(BoardingEnrollmentConflictError) as caught:
        boarding.check_no_overlap(stay(start_date=dt.date(2024, 12, 20)), [first])
    assert caught.value.code == 30502


def test_the_same_boarder_is_found_by_insz_too():
    first = stay(id=1)
    other_number = stay(identification=identification(stamnummer="2400099"),
                        start_date=dt.date(2024, 10, 1))
    with pytest.raises(BoardingEnrollmentConflictError):
        boarding.check_no_overlap(other_number, [first])
    other_student = stay(identification=identification(stamnummer="2400099", insz=None),
                         start_date=dt.date(2024, 10, 1))
    boarding.check_no_overlap(other_student, [first])


def test_a_stay_does_not_conflict_with_itself_or_another_boarding_school():
    first = stay(id=1)
    boarding.check_no_overlap(dataclasses.replace(first), [first])
    boarding.check_no_overlap(stay(institution_number="099002"), [first])


def test_ending_a_stay():
    running = stay()
    boarding.end(running, dt.date(2025, 3, 31))
    assert running.end_date == dt.date(2025, 3, 31)
    with pytest.raises(BoardingEnrollmentEndedError) as caught:
        boarding.end(running, dt.date(2025, 4, 30))
    assert caught.value.code == 30504


@pytest.mark.parametrize("day, error", [(dt.date(2024, 8, 1), InvalidDateError),
                                        (dt.date(2025, 9, 2), BoardingPeriodSpansYearsError)])
def test_an_end_date_keeps_the_period_rules(day, error):
    running = stay()
    with pytest.raises(error):
        boarding.end(running, day)
    assert running.end_date is None


def test_school_enrollments_shown_are_those_sharing_a_day_with_the_stay():
    s = stay(start_date=dt.date(2024, 9, 1), end_date=dt.date(2024, 12, 20))
    assert boarding.school_periods_overlap(s, dt.date(2024, 12, 20), None)
    assert boarding.school_periods_overlap(s, dt.date(2023, 9, 1), dt.date(2024, 9, 1))
    assert not boarding.school_periods_overlap(s, dt.date(2024, 12, 21), None)
    assert not boarding.school_periods_overlap(s, dt.date(2023, 9, 1),
                                               dt.date(2024, 8, 31))


def test_the_default_stay_is_the_documented_student():
    assert stay().insz == INSZ_2012
