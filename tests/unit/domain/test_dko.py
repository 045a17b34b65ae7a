"""DKO registration rules (domain/dko.py): message type 1's identification, DKO's own
stamnummer and wrong-number rules."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain import dko
from discimus_service.domain.errors import (
    DkoRegistrationCancelledError, InvalidAddressError, InvalidDateError,
    InvalidPostcodeError, InvalidSchoolYearError, MissingFieldError, StamnummerChangedError,
    StamnummerTakenError, ValidationError,
)
from tests.factories import address, identification

TODAY = dt.date(2026, 9, 20)


def registration(**kw) -> dko.DkoRegistration:
    base = dict(institution_number="120001", school_year=2026,
                identification=identification(stamnummer="2600001"),
                discipline=dko.Discipline.MUZIEK, fee_category=dko.FeeCategory.JONGEREN,
                registration_date=dt.date(2026, 9, 5), sender_id="dkosoft")
    return dko.DkoRegistration(**{**base, **kw})


def test_a_valid_registration_is_normalised_and_has_no_wrong_number():
    ident = identification(insz="12.03.15-001.45", address=address(postcode="9050 01"))
    new, wrong = dko.validate_registration(registration(identification=ident), today=TODAY)
    assert wrong is None
    assert new.insz == "12031500145" and new.identification.address.postcode == "905001"


def test_an_empty_insz_is_pending():
    new, wrong = dko.validate_registration(
        registration(identification=identification(insz="  ")), today=TODAY)
    assert (new.insz, wrong) == (None, None)


@pytest.mark.parametrize("sent,why", [("12031500146", "check digits"),
                                      ("1203150014", "10 digits"),
                                      ("12.03.15-001.4x", "'x'"),
                                      ("12031600313", "birth date")])
def test_a_wrong_insz_is_taken_out_and_reported_not_refused(sent, why):
    ident = identification(insz=sent)
    new, wrong = dko.validate_registration(registration(identification=ident), today=TODAY)
    assert new.insz is None
    assert wrong.sent == sent and why in wrong.diagnose


@pytest.mark.parametrize("year", [2024, 2028])
def test_only_the_running_previous_and_next_school_year(year):
    with pytest.raises(InvalidSchoolYearError) as refusal:
        dko.validate_registration(registration(school_year=year), today=TODAY)
    assert refusal.value.code == 10600 and refusal.value.field == "Schooljaar"
    for fine in (2025, 2026, 2027):
        dko.validate_registration(registration(school_year=fine), today=TODAY)


def test_message_type_1_address_rules_apply():
    abroad_with_street = address(country="00999", postcode=None)
    with pytest.raises(InvalidAddressError):
        dko.validate_registration(registration(identification=identification(
            address=abroad_with_street)), today=TODAY)
    with pytest.raises(InvalidPostcodeError):
        dko.validate_registration(registration(identification=identification(
            address=address(postcode="905"))), today=TODAY)
    with pytest.raises(MissingFieldError):
        dko.validate_registration(registration(identification=identification(
            first_name=" ")), today=TODAY)


def test_registration_date_and_institution_number_are_checked():
    with pytest.raises(InvalidDateError):
        dko.validate_registration(registration(registration_date=TODAY + dt.timedelta(1)),
                                  today=TODAY)
    with pytest.raises(ValidationError) as refusal:
        dko.validate_registration(registration(institution_number="12a"), today=TODAY)
    assert refusal.value.field == "Instellingsnummer"


def _stored(**kw):
    r = registration(**kw)
    r.id = kw.get("id", 1)
    return r


def test_the_same_student_keeps_the_stamnummer_across_years():
    last_year = _stored(school_year=2025)
    dko.check_stamnummer(registration(), [last_year], [last_year])


def test_a_stamnummer_of_another_student_is_refused():
    other = _stored(school_year=2024, identification=identification(
        stamnummer="2600001", sequence=7, first_name="Jan", last_name="Claes"))
    with pytest.raises(StamnummerTakenError) as refusal:
        dko.check_stamnummer(registration(), [other], [])
    assert refusal.value.code == 20600 and "Jan Claes" in refusal.value.diagnose


def test_without_insz_the_names_and_birth_date_decide_who_owns_a_stamnummer():
    pending = identification(insz=None)
    same = _stored(school_year=2025, identification=identification(last_name="PEETERS"))
    dko.check_stamnummer(registration(identification=pending), [same], [])
    other = _stored(school_year=2025, identification=identification(
        birth_date=dt.date(2011, 1, 1)))
    with pytest.raises(StamnummerTakenError):
        dko.check_stamnummer(registration(identification=pending), [other], [])


def test_a_returning_student_with_a_new_stamnummer_is_refused():
    old = _stored(school_year=2025, identification=identification(stamnummer="2500004"))
    with pytest.raises(StamnummerChangedError) as refusal:
        dko.check_stamnummer(registration(), [], [old])
    assert refusal.value.code == 20601 and "2500004" in refusal.value.diagnose


def test_a_correction_is_not_compared_with_itself():
    stored = _stored(id=5)
    corrected = dataclasses.replace(registration(identification=identification(
        first_name="Lotje", sequence=9)), id=5)
    dko.check_stamnummer(corrected, [stored], [])


def test_deregistering_twice_or_before_the_registration_is_refused():
    r = registration()
    with pytest.raises(InvalidDateError):
        dko.deregister(r, dt.date(2026, 9, 1))
    dko.deregister(r, dt.date(2026, 12, 20))
    assert r.end_date == dt.date(2026, 12, 20)
    with pytest.raises(DkoRegistrationCancelledError) as refusal:
        dko.deregister(r, dt.date(2026, 12, 21))
    assert refusal.value.code == 30602


def test_the_fee_table_adds_up():
    for normal, fund, total in dko.FEES_2001.values():
        assert normal + fund == total
