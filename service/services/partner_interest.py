"""Use cases: a partner registers (RegistreerInschrijving) or ends (RegistreerUitschrijving)
its interest in persons, MAGDA's repertorium (issue 7, service 1).

A partner registers for itself only (Inschrijving/Identificatie is its own MAGDA
identification), in a capacity its authorisation for the service allows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain import partners as rules
from discimus_service.domain.errors import SenderMismatchError
from discimus_service.domain.identifiers import validate_insz
from discimus_service.domain.partners import InterestEvent, InterestKind, Partner
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork

REGISTER = "Repertorium.RegistreerInschrijving"
END = "Repertorium.RegistreerUitschrijving"


@dataclass(frozen=True)
class InterestQuestion:
    """Inhoud/Inschrijving or Inhoud/Uitschrijving, from either contract version."""

    service: str                  # the authorisation it needs, e.g. REGISTER
    afzender: str                 # Context/Bericht/Afzender/Identificatie
    identification: str           # Inschrijving/Identificatie: the partner's own URI
    capacity: str                 # Inschrijving/Hoedanigheid
    inszs: tuple[str, ...]        # 02.00: one INSZ; 02.01: the PERS subjects
    begin: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class InterestResult:
    """Resultaat 1 (OK) with how many persons were registered or de-registered."""

    persons: int


def register_interest(uow: UnitOfWork, receipt: Receipt, q: InterestQuestion
                      ) -> Answer:
    """Register the partner's interest in each INSZ for [begin, end] (begin: today).

    :raises AuthorisationError: not a partner, no authorisation, capacity not allowed,
        or registering on behalf of another identification.
    :raises ValidationError: an INSZ or the period is invalid.
    """
    return _record(uow, receipt, q, InterestKind.REGISTERED,
                   begin=q.begin or receipt.today, end=q.end)


def end_interest(uow: UnitOfWork, receipt: Receipt, q: InterestQuestion) -> Answer:
    """End the partner's interest for [begin, end]; without a period, for every day."""
    return _record(uow, receipt, q, InterestKind.ENDED,
                   begin=q.begin or dt.date.min, end=q.end)


def require_partner(uow: UnitOfWork, receipt: Receipt, identification: str, *,
                    field: str = "Afzender/Identificatie") -> Partner:
    """The signing partner, when ``identification`` is its MAGDA identification.

    MAGDA's Afzender/Identificatie is a URI (``kb.vlaanderen.be/aiv/…``), not the
    certificate's CN, so the MAGDA edge hands the exchange the CN and the use case
    checks the URI here, against the partners table.

    :raises SenderMismatchError: not a partner, or another partner's identification.
    """
    sender_id = receipt.sender.sender_id
    partner = uow.partners.get(sender_id)
    if partner is None or identification != partner.identification:
        known = f" (its identification is {partner.identification!r})" if partner else \
            " (which is not registered as a partner agency)"
        raise SenderMismatchError(
            f"{field} says {identification!r} but the message is signed with the "
            f"certificate of {sender_id!r}{known}", field=field)
    return partner


def _record(uow, receipt, q: InterestQuestion, kind: InterestKind, *, begin: dt.date,
            end: dt.date | None) -> Answer:
    sender_id = receipt.sender.sender_id
    require_partner(uow, receipt, q.afzender)
    require_partner(uow, receipt, q.identification, field="Inschrijving/Identificatie")
    rules.require_authorisation(uow.partners.authorisations(sender_id, q.service),
                                sender_id=sender_id, service=q.service,
                                capacity=q.capacity, day=receipt.today)
    rules.check_period(begin, end)
    inszs = [validate_insz(i) for i in q.inszs]
    for insz in inszs:
        uow.interests.add(InterestEvent(sender_id, q.capacity, insz, kind, begin, end),
                          receipt.received_at)
    return Answer(InterestResult(persons=len(inszs)))
