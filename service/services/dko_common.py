"""Small steps the DKO use cases share: the DKO mandate, the view of a registration."""
from __future__ import annotations

from discimus_service.domain.dko import DkoRegistration
from discimus_service.domain.errors import (
    AuthorisationError, DkoMandateError, NotAnAcademyError,
)
from discimus_service.domain.mandates import check_mandate
from discimus_service.domain.model import MessageType
from discimus_service.services.dko_views import DkoView
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def require_dko_mandate(uow: UnitOfWork, receipt: Receipt, institution_number: str) -> None:
    """The DKO channel's own rights: an academy, and a DKO mandate for it today.

    :raises NotAnAcademyError: the institution is no DKO academy.
    :raises DkoMandateError: the sender has no DKO mandate covering today.
    """
    if uow.dko.get_academy(institution_number) is None:
        raise NotAnAcademyError(
            f"institution {institution_number} is not a DKO academy; schools register "
            "their students on /inschrijving (message type 1)", field="Instellingsnummer")
    try:
        check_mandate(uow.dko.mandates(receipt.sender.sender_id, institution_number),
                      sender_id=receipt.sender.sender_id,
                      institution_number=institution_number,
                      message_type=MessageType.DKO, day=receipt.today)
    except AuthorisationError as refusal:
        raise DkoMandateError(
            refusal.diagnose + " (DKO mandates are the academy's own; a mandate for a "
            "school's message types does not count)", field=refusal.field) from None


def dko_view(uow: UnitOfWork, r: DkoRegistration) -> DkoView:
    academy = uow.dko.get_academy(r.institution_number)
    return DkoView(
        discimus_referte=r.id or 0, institution_number=r.institution_number,
        academy_name=academy.name if academy else None, stamnummer=r.stamnummer,
        school_year=r.school_year, insz=r.insz, discipline=r.discipline,
        fee_category=r.fee_category, registration_date=r.registration_date,
        end_date=r.end_date, status="UITGESCHREVEN" if r.end_date else "INGESCHREVEN")
