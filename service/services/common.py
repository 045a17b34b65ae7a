"""Small steps the enrollment use cases share."""
from __future__ import annotations

from discimus_service.domain.mandates import check_mandate
from discimus_service.domain.model import Enrollment, MessageType
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import EnrollmentView


def require_mandate(uow: UnitOfWork, receipt: Receipt, institution_number: str,
                    message_type: MessageType = MessageType.INSCHRIJVING) -> None:
    """:raises AuthorisationError: the sender may not send this for this school today."""
    mandates = uow.mandates.find(receipt.sender.sender_id, institution_number, message_type)
    check_mandate(mandates, sender_id=receipt.sender.sender_id,
                  institution_number=institution_number, message_type=message_type,
                  day=receipt.today)


def view_of(uow: UnitOfWork, e: Enrollment) -> EnrollmentView:
    school = uow.schools.get(e.institution_number)
    return EnrollmentView(
        discimus_referte=e.id or 0,
        institution_number=e.institution_number,
        institution_name=school.name if school else None,
        stamnummer=e.stamnummer,
        administrative_group=e.administrative_group,
        start_date=e.start_date,
        registration_date=e.registration_date,
        first_attendance_date=e.first_attendance_date,
        end_date=e.end_date,
        status="UITGESCHREVEN" if e.deregistration else "INGESCHREVEN",
    )
