"""Use cases of the audit: record a consultation, and read the audit back.

``consultation_audit`` makes the hook ``services/exchange.py`` calls in the transaction
that journals a consultation's answer (domain/audit.py says why there). The fields are
named by the MAGDA edge, which knows what the answer's Inhoud holds. Only answers that
were given are audited: a refused question (40006, 20002, 30101, a fault rule) showed
no data and, like every refusal, writes nothing but its journal entry, where it stays
visible with its codes.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from discimus_service.domain import partners as rules
from discimus_service.domain.audit import AuditEntry
from discimus_service.domain.errors import DomainError
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork

AuditHook = Callable[[UnitOfWork, Receipt, Any, Answer], None]


def consultation_audit(authorisation_service: str,
                       field_names: Callable[[Any], tuple[str, ...]]) -> AuditHook:
    """The hook for one MAGDA service.

    :param authorisation_service: the service an authorisation names.
    :param field_names: the names of the fields an answer's result puts in the Inhoud.
    """
    def record(uow: UnitOfWork, receipt: Receipt, question: Any, answer: Answer) -> None:
        if not answer.accepted:
            return      # a refusal writes nothing but its journal entry (and shows no data)
        sender_id = receipt.sender.sender_id
        partner = uow.partners.get(sender_id)
        capacity = getattr(question, "capacity", None) or (
            partner.default_capacity if partner else None)
        try:
            used = rules.require_authorisation(
                uow.partners.authorisations(sender_id, authorisation_service),
                sender_id=sender_id, service=authorisation_service,
                capacity=capacity, day=receipt.today)
        except DomainError:
            used = None
        # An answer about many persons (the CLB feed) names each INSZ it showed in an
        # entry of its own, so "who looked at this student" finds it.
        shown = getattr(answer.result, "inszs", None)
        if shown is None:
            inszs = (getattr(question, "insz", None),)
        else:
            inszs = shown or (None,)        # an empty feed: one entry that it was read
        for insz in inszs:
            uow.audit.add(AuditEntry(
                # The Context's Afzender/Identificatie (the use case checked it is the
                # partner's URI); the receipt's afzender is the certificate's sender.
                at=receipt.received_at, sender_id=sender_id,
                identification=getattr(question, "afzender", None) or receipt.afzender,
                service=receipt.operation, referte=receipt.referte,
                insz=insz, capacity=capacity,
                deliberation=used.deliberation if used else None, verdict=answer.verdict,
                codes=",".join(str(i.code) for i in answer.issues),
                fields=field_names(answer.result) if answer.result is not None else ()))
    return record


def who_looked(uow: UnitOfWork, insz: str, limit: int = 1000) -> list[AuditEntry]:
    """Every consultation about ``insz``, oldest first."""
    return uow.audit.find(insz=insz, limit=limit)


def what_was_seen(uow: UnitOfWork, sender_id: str, limit: int = 1000) -> list[AuditEntry]:
    """Every consultation by the partner ``sender_id``, oldest first."""
    return uow.audit.find(sender_id=sender_id, limit=limit)
