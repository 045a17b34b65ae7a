"""Use case: a school's package registers an enrollment (message type 1)."""
from __future__ import annotations

from discimus_service.domain import consultations, enrollment as rules
from discimus_service.domain.errors import (
    DoubleEnrollmentNotice, EnrollmentConflictError, LateRegistrationNotice,
)
from discimus_service.domain.identification_numbers import Channel
from discimus_service.domain.model import Enrollment
from discimus_service.services import identification
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.common import require_mandate, view_of
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import EnrollmentQuestion


def register_enrollment(uow: UnitOfWork, receipt: Receipt,
                        q: EnrollmentQuestion) -> Answer:
    """Store a new enrollment; warn when late, inform about double enrollments.

    :raises AuthorisationError: no mandate for this school.
    :raises ValidationError: a field breaks a rule (INSZ, stamnummer, address, dates).
    :raises EnrollmentConflictError: an overlapping enrollment at this school exists.
    """
    require_mandate(uow, receipt, q.institution_number)
    new = rules.validate_enrollment(_enrollment_of(q, receipt.sender.sender_id),
                                    today=receipt.today)
    if uow.enrollments.get(new.institution_number, new.stamnummer, new.start_date):
        raise EnrollmentConflictError(
            f"an enrollment of stamnummer {new.stamnummer} starting {new.start_date} "
            f"already exists at {new.institution_number}; use CorrigeerInschrijving "
            "to change it")
    same_student = uow.enrollments.at_institution(new.institution_number, new.stamnummer)
    elsewhere: list[Enrollment] = []
    if new.insz:
        elsewhere = uow.enrollments.for_students([new.insz])
    rules.check_no_overlap_at_institution(new, same_student + [
        e for e in elsewhere if e.institution_number == new.institution_number])
    uow.enrollments.add(new)

    issues: list[Issue] = []
    if rules.is_late(new.registration_date, receipt.today):
        issues.append(Issue.of(LateRegistrationNotice(
            f"received {(receipt.today - new.registration_date).days} days after the "
            f"enrollment date {new.registration_date}; the deadline is "
            f"{rules.REGISTRATION_DEADLINE_DAYS} calendar days. The enrollment is stored")))
    for double in consultations.double_enrollments([new], elsewhere):
        other = double.other
        issues.append(Issue.of(DoubleEnrollmentNotice(
            f"the student is also enrolled at {other.institution_number} from "
            f"{other.start_date}" + (f" to {other.end_date}" if other.end_date else "")
            + f"; overlap from {double.overlap_start}"
            + (f" to {double.overlap_end}" if double.overlap_end else ""))))
    # A student without INSZ is looked up at once (services/identification.py).
    issues += identification.on_receipt(uow, Channel.SCHOOL, new.institution_number,
                                        new.identification, receipt.today)
    return Answer(view_of(uow, new), tuple(issues))


def _enrollment_of(q: EnrollmentQuestion, sender_id: str) -> Enrollment:
    return Enrollment(
        institution_number=q.institution_number,
        administrative_group=q.administrative_group,
        establishment=q.establishment,
        start_date=q.start_date,
        first_attendance_date=q.first_attendance_date,
        registration_date=q.registration_date,
        identification=q.identification,
        sender_id=sender_id,
    )
