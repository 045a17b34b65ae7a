"""The edge between spyne and the use cases: one call per @rpc method.

``call`` takes the verified request context the security middleware left in the WSGI
environ, converts nothing itself (the per-contract modules pass converters in), runs the
use case through :func:`services.exchange.handle`, and builds the MAGDA ``Repliek``:
Uitzonderingen about the question under ``Antwoord``, the answer's ``Inhoud`` when
accepted. Domain errors become Uitzonderingen here and nowhere else.
"""
from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from typing import Any

from spyne.model.fault import Fault

from discimus_client.wsse.errors import SecurityError
from discimus_service.domain.errors import DomainError
from discimus_service.security.faults import InternalError
from discimus_service.security.middleware import ENVIRON_ERROR, ENVIRON_REQUEST
from discimus_service.services import exchange
from discimus_service.services.answers import Answer, Issue, refused
from discimus_service.soap.generiek import (
    AfzenderAdresType, BerichtType, ContextType, OntvangerAdresType, TijdstipType,
    UitzonderingType,
)

log = logging.getLogger("discimus.soap")
SERVER_ID = "agodi-discimus-emulator"
OORSPRONG = "DISCIMUS"


def call(ctx, verzoek, *, operation: str, repliek_type: type,
         question_of: Callable[[Any], Any], use_case: exchange.UseCase,
         result_type: type | None, inhoud_of: Callable[[Any], Any]):
    """Run one operation for a spyne method context and return the spyne ``Repliek``."""
    environ = ctx.transport.req_env
    request = environ[ENVIRON_REQUEST]
    vraag = verzoek.Vragen.Vraag
    afzender = verzoek.Context.Bericht.Afzender
    receipt = exchange.Receipt.of(request, afzender=afzender.Identificatie,
                                  referte=afzender.Referte, operation=operation)
    try:
        question, run = question_of(vraag.Inhoud), use_case
    except DomainError as problem:
        # A value that cannot even be converted is refused like any other broken
        # rule, and journaled like any other message.
        question, run, result_type = repr(vraag.Inhoud), _refuse(problem), None
    try:
        answer = exchange.handle(request.uow_factory, receipt, question, run, result_type)
    except SecurityError as error:       # a replay, found inside the transaction
        environ[ENVIRON_ERROR] = error
        raise Fault("Client", error.faultstring)
    except Exception:
        reference = uuid.uuid4().hex[:12]
        log.exception("internal error in %s, reference %s", operation, reference)
        environ[ENVIRON_ERROR] = InternalError(reference)
        raise Fault("Server", "internal error")
    return repliek(repliek_type, verzoek, vraag.Referte, answer, inhoud_of,
                   request.received_at)


def _refuse(problem: DomainError) -> exchange.UseCase:
    return lambda uow, receipt, question: refused(problem)


def repliek(repliek_type, verzoek, vraag_referte: str, answer: Answer,
            inhoud_of: Callable[[Any], Any], now: dt.datetime):
    antwoord = repliek_type.Antwoord_(Referte=vraag_referte)
    if answer.result is not None:
        antwoord.Inhoud = inhoud_of(answer.result)
    if answer.issues:
        antwoord.Uitzonderingen = [uitzondering(i, now) for i in answer.issues]
    return repliek_type(
        Context=response_context(verzoek.Context, now),
        Antwoorden=repliek_type.Antwoorden_(Antwoord=antwoord),
    )


def response_context(request_context, now: dt.datetime):
    """The request's Context turned around: type ANTWOORD, our time, the asker as Ontvanger."""
    afzender = request_context.Bericht.Afzender
    return ContextType(
        Naam=request_context.Naam,
        Versie=request_context.Versie,
        Bericht=BerichtType(
            Type="ANTWOORD",
            Tijdstip=tijdstip(now),
            Afzender=AfzenderAdresType(Identificatie=SERVER_ID, Referte=afzender.Referte),
            Ontvanger=OntvangerAdresType(Identificatie=afzender.Identificatie,
                                         Referte=afzender.Referte),
        ),
    )


def tijdstip(now: dt.datetime) -> TijdstipType:
    return TijdstipType(Datum=now.date(),
                        Tijd=now.strftime("%H:%M:%S.") + f"{now.microsecond // 1000:03d}")


def uitzondering(issue: Issue, now: dt.datetime) -> UitzonderingType:
    return UitzonderingType(
        Identificatie=f"{issue.code:05d}",
        Oorsprong=OORSPRONG,
        Type=issue.severity,
        Tijdstip=tijdstip(now),
        Diagnose=issue.diagnose,
        Omstandigheid=issue.field,
    )
