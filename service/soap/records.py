"""What the record contracts (message types 5, 6 and 8) share at the SOAP edge.

Each of the three is its own spyne Application with its own path, namespace and WSDL
(``tucht.py``, ``ondersteuning.py``, ``weigering.py``); their four operations (register,
correct, cancel, consult) have the same shape, so the @rpc adapters are made here from
a table of :class:`Operation` values rather than written out three times. Each adapter
still only converts, calls one use case through :func:`adapter.call`, converts back.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spyne import Application, ServiceBase
from spyne.protocol.soap import Soap11

from discimus_service.services.exchange import UseCase
from discimus_service.services.record_views import RecordsConsultation
from discimus_service.soap.adapter import call
from discimus_service.soap.operations import operation


@dataclass(frozen=True)
class Operation:
    """One published operation: its types, documentation and conversions."""

    name: str
    verzoek: type
    repliek: type
    doc: str
    question_of: Callable[[Any], Any]
    use_case: UseCase
    result_type: type
    inhoud_of: Callable[[Any], Any]


def _method_name(op: Operation) -> str:
    """``RegistreerTuchtmaatregel`` → ``registreer_tuchtmaatregel``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", op.name).lower()


def _adapter(op: Operation):
    def adapter(ctx, verzoek):
        return call(ctx, verzoek, operation=op.name, repliek_type=op.repliek,
                    question_of=op.question_of, use_case=op.use_case,
                    result_type=op.result_type, inhoud_of=op.inhoud_of)
    adapter.__name__ = _method_name(op)
    return operation(op.name, op.verzoek, op.repliek, op.doc)(adapter)


def application(name: str, namespace: str, operations: list[Operation]) -> Application:
    """A fresh spyne Application publishing ``operations`` (validated with lxml)."""
    service = type(f"{name}Service", (ServiceBase,),
                   {_method_name(op): _adapter(op) for op in operations})
    return Application([service], tns=namespace, name=name,
                       in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())


def consultation(inhoud) -> RecordsConsultation:
    return RecordsConsultation(inhoud.Instellingsnummer, inhoud.Schooljaar)


def text(value) -> str | None:
    """An optional text field: stripped, None when absent or blank."""
    return (value or "").strip() or None
