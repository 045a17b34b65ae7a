"""Steps the boarding use cases (message type 7) share."""
from __future__ import annotations

from discimus_service.domain import boarding as rules
from discimus_service.domain.boarding import BoardingEnrollment
from discimus_service.domain.errors import BoarderSchoolUnknownNotice
from discimus_service.domain.model import MessageType
from discimus_service.services.boarding_views import BoardingQuestion, BoardingView
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def require_boarding_school(uow: UnitOfWork, receipt: Receipt,
                            institution_number: str) -> None:
    """The institution is a boarding school and the sender is its mandated package.

    :raises NotABoardingSchoolError: the institution is no boarding school.
    :raises AuthorisationError: no mandate for message type 7 today.
    """
    rules.check_boarding_school(uow.schools.get(institution_number), institution_number)
    require_mandate(uow, receipt, institution_number, MessageType.INTERNATEN)


def stay_of(q: BoardingQuestion, sender_id: str) -> BoardingEnrollment:
    return BoardingEnrollment(
        institution_number=q.institution_number, identification=q.identification,
        establishment=q.establishment, start_date=q.start_date, end_date=q.end_date,
        itinerant_parents=q.itinerant_parents, school_number=q.school_number,
        agreement_framework=q.agreement_framework, support_plan=q.support_plan,
        sender_id=sender_id)


def check_stay(uow: UnitOfWork, stay: BoardingEnrollment, *, today) -> BoardingEnrollment:
    """Validate a stay and check it against the store: school number and overlap.

    :raises ValidationError: a rule of ``domain/boarding.py`` is broken.
    :raises UnknownSchoolNumberError: the school number is not known.
    :raises BoardingEnrollmentConflictError: another stay of the boarder overlaps.
    """
    stay = rules.validate_boarding_enrollment(stay, today=today)
    if stay.school_number is not None:
        rules.check_school_number(stay.school_number, uow.schools.get(stay.school_number))
    rules.check_no_overlap(stay, uow.boarding.of_boarder(
        stay.institution_number, stay.stamnummer, stay.insz))
    return stay


def school_notice(uow: UnitOfWork, stay: BoardingEnrollment
                  ) -> BoarderSchoolUnknownNotice | None:
    """A warning when Discimus cannot tell where the boarder goes to school.

    The boarding school sends a school number only for European and non-funded
    schools; for every other school the school's own enrollment (message type 1) tells,
    found by the boarder's INSZ.
    """
    if stay.school_number is not None:
        return None
    if stay.insz is None:
        return BoarderSchoolUnknownNotice(
            "the boarder has no INSZ yet, so Discimus cannot link the stay to the "
            "school's enrollment; send the INSZ with a correction once it is known. "
            "The enrollment is stored")
    enrollments = uow.enrollments.for_students([stay.insz])
    if any(rules.school_periods_overlap(stay, e.start_date, e.end_date)
           for e in enrollments):
        return None
    return BoarderSchoolUnknownNotice(
        f"Discimus finds no school enrollment of INSZ {stay.insz} between "
        f"{stay.start_date} and {stay.last_day}: check the INSZ, or whether the school "
        "has registered the enrollment yet (or give the school number of a European "
        "or non-funded school). The enrollment is stored")


def view_of(stay: BoardingEnrollment) -> BoardingView:
    i = stay.identification
    return BoardingView(
        discimus_referte=stay.id or 0, institution_number=stay.institution_number,
        stamnummer=i.stamnummer, insz=i.insz, last_name=i.last_name,
        first_name=i.first_name, establishment=stay.establishment,
        school_year=stay.school_year, start_date=stay.start_date, end_date=stay.end_date,
        itinerant_parents=stay.itinerant_parents, school_number=stay.school_number,
        agreement_framework=stay.agreement_framework, support_plan=stay.support_plan)
