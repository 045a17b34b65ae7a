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
    sender, day = receipt.sender.sender_id, receipt.today
    mandates = uow.dko.mandates(sender, institution_number)
    try:
        check_mandate(mandates, sender_id=sender, institution_number=institution_number,
                      message_type=MessageType.DKO, day=day)
    except AuthorisationError:
        ended = [m.valid_to for m in mandates if m.valid_to is not None and m.valid_to < day]
        future = [m.valid_from for m in mandates if m.valid_from > day]
        if ended:
            why = (f"the DKO mandate of {sender!r} for academy {institution_number} ended "
                   f"on {max(ended).isoformat()}: the academy changed package")
        elif future:
            why = (f"the DKO mandate of {sender!r} for academy {institution_number} "
                   f"starts only on {min(future).isoformat()}")
        else:
            why = (f"there is no DKO mandate for {sender!r} at academy "
                   f"{institution_number}; the academy must grant the package its DKO "
                   "rights first")
        raise DkoMandateError(why + " (a mandate for a school's message types does not "
                              "count)", field="Afzender/Identificatie") from None

def dko_view(uow: UnitOfWork, r: DkoRegistration) -> DkoView:
    academy = uow.dko.get_academy(r.institution_number)
    return DkoView(
        discimus_referte=r.id or 0, institution_number=r.institution_number,
        academy_name=academy.name if academy else None, stamnummer=r.stamnummer,
        school_year=r.school_year, insz=r.insz, discipline=r.discipline,
        fee_category=r.fee_category, registration_date=r.registration_date,
        end_date=r.end_date, status="UITGESCHREVEN" if r.end_date else "INGESCHREVEN")
