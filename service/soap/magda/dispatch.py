"""Answering one verified MAGDA request: read, run the use case once, build the Repliek.

The edge of the partner side, as ``soap/adapter.py`` is for the school side: domain
errors become Uitzonderingen here and nowhere else; every message is journaled through
``services/exchange.py`` (idempotency on sender + Afzender/Referte, replay keys).
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.errors import DomainError, TooManyQuestionsError
from discimus_service.security.middleware import RequestInfo
from discimus_service.services import audit, exchange, fault_injection
from discimus_service.services.answers import refused
from discimus_service.soap.magda import envelope
from discimus_service.soap.magda.catalogue import MagdaService


def answer(service: MagdaService, payload, request: RequestInfo, now: dt.datetime, *,
           fault_rules: bool = True):
    """The ``…Response`` element for a verified, schema-valid request element.

    :param fault_rules: apply testers' fault rules (``DISCIMUS_FAULT_RULES``).
    """
    asked = envelope.read_context(payload)
    vragen = envelope.questions(payload)
    # MAGDA's Afzender/Identificatie is the partner's URI, not the certificate's CN:
    # the use case checks it against the partners table (require_partner).
    receipt = exchange.Receipt.of(request, afzender=request.sender.sender_id,
                                  referte=asked.referte, operation=service.operation)
    run, result_type = service.use_case, service.result_type
    if len(vragen) > service.max_questions:
        question = f"{len(vragen)} Vragen"
        run, result_type = _refuse(TooManyQuestionsError(
            f"Het maximum aantal vragen voor deze operatie is overschreden, maximum aantal "
            f"toegelaten vragen voor deze operatie is {service.max_questions} "
            f"({len(vragen)} sent)")), None
    else:
        try:
            question = service.read(vragen[0].find("Inhoud"), asked)
        except DomainError as problem:
            question = f"unreadable: {problem.diagnose}"
            run, result_type = _refuse(problem), None
        else:
            # Testers' fault rules (services/fault_injection.py), before the transaction.
            fault = fault_injection.injected(request.uow_factory, service.naam,
                                             _insz_of(question)) if fault_rules else None
            if fault is not None:
                run, result_type = _source_down(run, fault), None
    result = exchange.handle(request.uow_factory, receipt, question, run, result_type,
                             audit=_audit_hook(service))
    referte = vragen[0].findtext("Referte") if len(vragen) == 1 else None
    inhoud = service.inhoud(result.result) if result.result is not None else None
    return envelope.repliek(service.response_tag, service.naam, service.versie, asked,
                            referte, result, inhoud, service.oorsprong, now)


def _insz_of(question) -> str | None:
    inszs = getattr(question, "inszs", None)
    return getattr(question, "insz", None) or (inszs[0] if inszs else None)


def _audit_hook(service: MagdaService):
    """A consultation's audit, naming the fields its answer's Inhoud holds."""
    if not service.consultation:
        return None
    return audit.consultation_audit(service.authorisation,
                                    lambda result: inhoud_fields(service.inhoud(result)))


def inhoud_fields(inhoud) -> tuple[str, ...]:
    """The paths under Inhoud of every element with a value: names, never values."""
    return tuple(sorted({_path(e, inhoud) for e in inhoud.iter()
                         if e is not inhoud and len(e) == 0}))


def _path(element, inhoud) -> str:
    parts = [element.tag]
    for ancestor in element.iterancestors():
        if ancestor is inhoud:
            break
        parts.append(ancestor.tag)
    return "/".join(reversed(parts))


def _source_down(use_case: exchange.UseCase, fault: DomainError) -> exchange.UseCase:
    """The use case with its source down: what MAGDA checks itself (authorisation, the
    INSZ's structure) still refuses first, as real MAGDA does before asking a source;
    whatever the source would have said (its data, 30101) becomes ``fault``."""
    def run(uow, receipt, question):
        try:
            use_case(uow, receipt, question)
        except DomainError as problem:
            if problem.code in envelope.MAGDA_LEVEL:
                raise
        return refused(fault)
    run.read_only = getattr(use_case, "read_only", False)
    return run


def _refuse(problem: DomainError) -> exchange.UseCase:
    return lambda uow, receipt, question: refused(problem)
