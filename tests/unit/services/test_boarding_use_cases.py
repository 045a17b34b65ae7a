"""Use cases of message type 7 (boarding schools) against in-memory fakes, and their
way through the exchange: journaled, refused writes nothing, a resend is no duplicate."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from discimus_service.domain.errors import (
    AuthorisationError, BoardingEnrollmentConflictError, BoardingEnrollmentEndedError,
    BoardingEnrollmentNotFoundError, InvalidDateError, InvalidStamnummerError,
    NotABoardingSchoolError, SchoolNumberNotAllowedError, UnknownSchoolNumberError,
)
from discimus_service.domain.model import (
    Aanleiding, Deregistration, InstitutionKind, Mandate, MessageType, Niveau, School,
)
from discimus_service.domain.errors import DomainError
from discimus_service.services import exchange
from discimus_service.services.answers import refused
from discimus_service.services.boarding_views import (
    BoardersSchoolsView, BoardingConsultation, BoardingEndQuestion, BoardingQuestion,
    BoardingView,
)
from discimus_service.services.consult_boarding import (
    consult_boarders_schools, consult_boarding,
)
from discimus_service.services.correct_boarding import correct_boarding
from discimus_service.services.end_boarding import end_boarding
from discimus_service.services.register_boarding import register_boarding
from tests import factories as f
from tests.fakes import FakeDatabase

BOARDING = School("099001", "Internaat De Linde", Niveau.SECUNDAIR, "Gent",
                  kind=InstitutionKind.BOARDING)
EUROPEAN = School("088001", "Europese School Brussel", Niveau.SECUNDAIR, "Brussel",
                  kind=InstitutionKind.EUROPEAN)
SPECIAL = School("035555", "BuSO De Brug", Niveau.SECUNDAIR, "Gent", special_needs=True)
START = dt.date(2026, 9, 1)


def boarding_question(**kw) -> BoardingQuestion:
    base = dict(identification=f.identification(stamnummer="2600101"),
                institution_number="099001", establishment="Gent", start_date=START,
                end_date=None, itinerant_parents=False, school_number=None,
                agreement_framework=True, support_plan=False)
    return BoardingQuestion(**{**base, **kw})


@pytest.fixture
def db():
    db = FakeDatabase()
    f.seed(db.uow())
    work = db.uow()
    for school in (BOARDING, EUROPEAN, SPECIAL):
        work.schools.add(school)
    work.mandates.add(Mandate("informat", "099001", MessageType.INTERNATEN,
                              dt.date(2020, 9, 1)))
    # The boarder goes to school at 034567 (stamnummer 2600001 there).
    work.enrollments.add(f.enrollment_of(f.question()))
    work.commit()
    return db


def receipt(referte="r", key="k", operation="op", sender=f.VENDOR):
    return exchange.Receipt(
        sender=sender, afzender=sender.sender_id, referte=referte, operation=operation,
        raw_message=b"<signed/>", replay_key=key,
        received_at=dt.datetime(2026, 9, 3, 8, 0, tzinfo=dt.timezone.utc), today=f.TODAY)


def run(db, use_case, question, **kw):
    """Run a use case as the exchange does: a refusal is an answer, not an exception."""
    uow = db.uow()
    try:
        answer = use_case(uow, receipt(**kw), question)
    except DomainError as problem:
        return refused(problem)
    if answer.accepted and not getattr(use_case, "read_only", False):
        uow.commit()
    return answer


def codes(answer):
    return [i.code for i in answer.issues]


def test_a_stay_is_registered_and_linked_to_the_school(db):
    answer = run(db, register_boarding, boarding_question())
    assert answer.accepted and answer.issues == ()
    assert (answer.result.stamnummer, answer.result.school_year) == ("2600101", 2026)
    assert answer.result.discimus_referte > 0
    (stored,) = db.committed.boarding.values()
    assert stored.sender_id == "informat" and stored.establishment == "Gent"


def test_a_boarder_whose_school_is_not_found_is_stored_with_a_warning(db):
    unknown = f.identification(stamnummer="2600102", sequence=9)
    answer = run(db, register_boarding, boarding_question(identification=unknown))
    assert answer.accepted and codes(answer) == [50501]
    assert "finds no school enrollment" in answer.issues[0].diagnose
    pending = f.identification(stamnummer="2600103", insz=None)
    answer = run(db, register_boarding, boarding_question(identification=pending))
    assert answer.accepted and codes(answer) == [50501]
    assert "no INSZ" in answer.issues[0].diagnose


def test_a_school_number_of_a_european_school_needs_no_enrollment(db):
    unknown = f.identification(stamnummer="2600102", sequence=9)
    answer = run(db, register_boarding, boarding_question(identification=unknown,
                                                          school_number="88001"))
    # "88001" is not "088001": numbers are compared as sent.
    assert codes(answer) == [30501]
    answer = run(db, register_boarding, boarding_question(identification=unknown,
                                                          school_number="088001"))
    assert answer.accepted and answer.issues == ()


def test_a_school_number_of_a_funded_school_is_refused(db):
    answer = run(db, register_boarding, boarding_question(school_number="034567"))
    assert codes(answer) == [SchoolNumberNotAllowedError.code]
    assert db.committed.boarding == {}


def test_only_a_boarding_school_registers(db):
    answer = run(db, register_boarding, boarding_question(institution_number="034567"))
    assert codes(answer) == [NotABoardingSchoolError.code]


def test_the_package_needs_a_mandate_for_message_type_7(db):
    answer = run(db, register_boarding, boarding_question(), sender=f.OTHER_VENDOR)
    assert codes(answer) == [AuthorisationError.code]


def test_a_boarding_school_changes_package_like_a_school(db):
    work = db.uow()
    work.schools.add(School("099002", "Internaat Ter Duinen", Niveau.SECUNDAIR, "Brugge",
                            kind=InstitutionKind.BOARDING))
    work.mandates.add(Mandate("wisa", "099002", MessageType.INTERNATEN,
                              dt.date(2020, 9, 1), dt.date(2026, 8, 31)))
    work.mandates.add(Mandate("informat", "099002", MessageType.INTERNATEN,
                              dt.date(2026, 9, 1)))
    work.commit()
    old = run(db, register_boarding, boarding_question(institution_number="099002"),
              sender=f.OTHER_VENDOR)
    assert codes(old) == [AuthorisationError.code]
    assert "ended on 2026-08-31" in old.issues[0].diagnose
    new = run(db, register_boarding, boarding_question(institution_number="099002"))
    assert new.accepted


def test_the_same_stay_twice_is_a_conflict(db):
    run(db, register_boarding, boarding_question())
    answer = run(db, register_boarding, boarding_question())
    assert codes(answer) == [BoardingEnrollmentConflictError.code]
    assert "already exists" in answer.issues[0].diagnose
    assert "CorrigeerInternaatInschrijving" in answer.issues[0].diagnose
    overlapping = run(db, register_boarding,
                      boarding_question(start_date=dt.date(2026, 10, 1)))
    assert codes(overlapping) == [BoardingEnrollmentConflictError.code]
    assert "overlaps from 2026-10-01" in overlapping.issues[0].diagnose


def test_a_correction_replaces_the_stay_and_keeps_its_number(db):
    first = run(db, register_boarding, boarding_question()).result
    answer = run(db, correct_boarding, boarding_question(
        establishment="Brugge", itinerant_parents=True, end_date=dt.date(2027, 6, 30)))
    assert answer.accepted
    assert answer.result.discimus_referte == first.discimus_referte
    (stored,) = db.committed.boarding.values()
    assert (stored.establishment, stored.itinerant_parents, stored.end_date) == (
        "Brugge", True, dt.date(2027, 6, 30))


def test_a_correction_needs_the_stay(db):
    answer = run(db, correct_boarding, boarding_question())
    assert codes(answer) == [BoardingEnrollmentNotFoundError.code]


def test_a_correction_does_not_conflict_with_itself_but_with_another_stay(db):
    run(db, register_boarding, boarding_question(end_date=dt.date(2026, 12, 20)))
    run(db, register_boarding, boarding_question(start_date=dt.date(2027, 1, 4)))
    answer = run(db, correct_boarding, boarding_question(end_date=dt.date(2027, 1, 4)))
    assert codes(answer) == [BoardingEnrollmentConflictError.code]


def test_ending_a_stay(db):
    run(db, register_boarding, boarding_question())
    question = BoardingEndQuestion("099001", "2600101", START, dt.date(2027, 3, 31))
    answer = run(db, end_boarding, question)
    assert answer.accepted and answer.result.end_date == dt.date(2027, 3, 31)
    assert codes(run(db, end_boarding, question)) == [BoardingEnrollmentEndedError.code]


def test_ending_needs_the_stay_and_a_valid_stamnummer(db):
    missing = BoardingEndQuestion("099001", "2600101", START, dt.date(2027, 3, 31))
    assert codes(run(db, end_boarding, missing)) == [BoardingEnrollmentNotFoundError.code]
    broken = BoardingEndQuestion("099001", "26001", START, dt.date(2027, 3, 31))
    assert codes(run(db, end_boarding, broken)) == [InvalidStamnummerError.code]


def test_the_own_registrations_of_a_school_year(db):
    run(db, register_boarding, boarding_question())
    run(db, register_boarding, boarding_question(
        identification=f.identification(stamnummer="2600102", sequence=9)))
    listing = run(db, consult_boarding, BoardingConsultation("099001")).result
    assert (listing.school_year, [b.stamnummer for b in listing.items]) == (
        2026, ["2600101", "2600102"])
    one = run(db, consult_boarding, BoardingConsultation("099001", stamnummer="2600102"))
    assert [b.stamnummer for b in one.result.items] == ["2600102"]
    last_year = run(db, consult_boarding, BoardingConsultation("099001", 2025))
    assert last_year.result.items == []
    too_early = run(db, consult_boarding, BoardingConsultation("099001", 2018))
    assert codes(too_early) == [InvalidDateError.code]


def test_where_the_boarders_go_to_school(db):
    work = db.uow()
    special = f.identification(stamnummer="2600002", sequence=5)
    work.enrollments.add(f.enrollment_of(f.question(
        identification=special, institution_number="035555", administrative_group="OV3")))
    # Closed before the stay begins: not shown.
    work.enrollments.add(f.enrollment_of(
        f.question(identification=special, institution_number="056789",
                   start_date=dt.date(2025, 9, 1)),
        deregistration=Deregistration(dt.date(2026, 6, 30), Aanleiding.EINDE_SCHOOLJAAR,
                                      "1")))
    work.commit()
    run(db, register_boarding, boarding_question())
    run(db, register_boarding, boarding_question(
        identification=dataclasses.replace(special, stamnummer="2600102")))
    run(db, register_boarding, boarding_question(
        identification=f.identification(stamnummer="2600103", sequence=9),
        school_number="088001"))
    view = run(db, consult_boarders_schools, BoardingConsultation("099001")).result
    assert isinstance(view, BoardersSchoolsView) and view.school_year == 2026
    first, second, third = view.items
    (school,) = first.schools
    assert (school.institution_number, school.institution_name,
            school.administrative_group, school.start_date, school.special_needs) == (
        "034567", "Sint-Jozefscollege", "1A", START, False)
    (school,) = second.schools
    assert (school.institution_number, school.special_needs) == ("035555", True)
    assert (third.school_number, third.school_name, third.schools) == (
        "088001", "Europese School Brussel", [])


def test_a_school_sees_nothing_of_message_type_7(db):
    answer = run(db, consult_boarders_schools, BoardingConsultation("034567"))
    assert codes(answer) == [NotABoardingSchoolError.code]


# -- through the exchange -------------------------------------------------------------------
def send(db, referte, key, question, use_case=register_boarding):
    return exchange.handle(db.uow, receipt(referte, key, "RegistreerInternaatInschrijving"),
                           question, use_case, BoardingView)


def test_a_refused_stay_writes_nothing_but_its_journal_entry(db):
    answer = send(db, "r-1", "k-1", boarding_question(agreement_framework=None))
    assert not answer.accepted and db.committed.boarding == {}
    (entry,) = db.committed.journal
    assert (entry.verdict, entry.codes) == ("GEWEIGERD", "10504")


def test_a_resend_is_answered_again_and_stores_nothing_twice(db):
    first = send(db, "r-1", "k-1", boarding_question())
    again = send(db, "r-1", "k-2", boarding_question())
    assert first.accepted and again.accepted
    assert again.result == first.result and codes(again) == [50003]
    assert len(db.committed.boarding) == 1 and len(db.committed.journal) == 1
    reused = send(db, "r-1", "k-3", boarding_question(establishment="Brugge"))
    assert codes(reused) == [10006]
