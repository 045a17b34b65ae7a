"""Use case: a school's package corrects an enrollment it registered before."""
from __future__ import annotations

import dataclasses

from discimus_service.domain import enrollment as rules
from discimus_service.domain.errors import (
    EnrollmentClosedError, EnrollmentNotFoundError, ValidationError,
)
from discimus_service.domain.identification_numbers import Channel
from discimus_service.services import identification
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate, view_of
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import EnrollmentQuestion


def correct_enrollment(uow: UnitOfWork, receipt: Receipt,
                       q: EnrollmentQuestion) -> Answer:
    """Replace the identification data and dates of an enrollment.

    The enrollment is found by institution number, stamnummer and start date. A change
    of administrative group is not a correction but close-and-open: de-register, then
    register the new group.

    :raises EnrollmentNotFoundError: no such enrollment.
    :raises ValidationError: a field breaks a rule, or the group differs.
    """
    require_mandate(uow, receipt, q.institution_number)
    current = uow.enrollments.get(q.institution_number, q.identification.stamnummer,
                                  q.start_date)
    if current is None:
        raise EnrollmentNotFoundError(
            f"no enrollment of stamnummer {q.identification.stamnummer} starting "
            f"{q.start_date} at {q.institution_number}; register it first")
    if current.deregistration is not None:
        raise EnrollmentClosedError(
            f"the enrollment was de-registered on {current.end_date}; it can no longer "
            "be corrected")
    if current.administrative_group != q.administrative_group:
        raise ValidationError(
            f"the administrative group changes from {current.administrative_group} to "
            f"{q.administrative_group}: a change of group is a de-registration "
            "(RegistreerUitschrijving) followed by a new enrollment",
            field="AdministratieveGroep")
    corrected = dataclasses.replace(
        current,
        identification=q.identification,
        establishment=q.establishment,
        first_attendance_date=q.first_attendance_date,
        registration_date=q.registration_date,
        sender_id=receipt.sender.sender_id,
    )
    corrected = rules.validate_enrollment(corrected, today=receipt.today)
    uow.enrollments.add(corrected)
    return Answer(view_of(uow, corrected), tuple(identification.on_receipt(
        uow, Channel.SCHOOL, corrected.institution_number, corrected.identification,
        receipt.today)))
