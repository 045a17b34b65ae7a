"""Use cases of fault injection: testers make a MAGDA service fail or slow down.

``discimus faults …`` stores rules (domain/audit.py, :class:`FaultRule`); every worker
reads them per MAGDA request, before the request's transaction, so a delay holds no
database connection. A refusing rule answers as MAGDA does when a source is down (60006)
or overloaded (99996): under ``Repliek/Uitzonderingen``, Oorsprong ``MAGDA``, after
MAGDA's own checks (the MAGDA edge, ``soap/magda/dispatch.py``, keeps 40006 and 20002
first, as real MAGDA checks them before it asks a source). The
message is journaled (and audited) like any refusal, so a resend with the same Referte
gets the same refusal even after the rule is cleared: send a new Referte.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from discimus_service.domain.audit import ALL, FaultKind, FaultRule, applicable
from discimus_service.domain.errors import (
    DomainError, SourceBusyError, SourceUnavailableError,
)
from discimus_service.domain.identifiers import validate_insz
from discimus_service.services.ports import UnitOfWork

MAX_DELAY_SECONDS = 20.0         # a sync worker is killed past 30 s (serving/process.py)

# MAGDA's own Diagnose texts (MAGDA-Mock's recorded answers), then which rule did it.
_DIAGNOSE = {
    FaultKind.UNAVAILABLE: (SourceUnavailableError, "Geen antwoord van de bron ontvangen"),
    FaultKind.BUSY: (SourceBusyError, "Te veel gelijktijdige bevragingen"),
}


def add_rule(uow: UnitOfWork, rule: FaultRule, now: dt.datetime) -> int:
    """Store ``rule`` (INSZ checked unless ``*``); its id.

    :raises ValueError: a negative or too long delay.
    :raises InvalidInszError: the INSZ is not valid.
    """
    if not 0 <= rule.delay_seconds <= MAX_DELAY_SECONDS:
        raise ValueError(f"a delay of {rule.delay_seconds:g} s: give 0 to "
                         f"{MAX_DELAY_SECONDS:g} seconds")
    if rule.kind is FaultKind.SLOW and rule.delay_seconds <= 0:
        raise ValueError("a slow rule needs a delay (--delay SECONDS)")
    insz = rule.insz if rule.insz == ALL else validate_insz(rule.insz)
    rule_id = uow.fault_rules.add(FaultRule(rule.service, insz, rule.kind,
                                            rule.delay_seconds, rule.note), now)
    uow.commit()
    return rule_id


def clear_rules(uow: UnitOfWork, *, rule_id: int | None = None, service: str | None = None,
                insz: str | None = None) -> int:
    """Remove the matching rules (every rule without criteria); how many."""
    removed = uow.fault_rules.remove(rule_id=rule_id, service=service, insz=insz)
    uow.commit()
    return removed


def injected(uow_factory: Callable[..., UnitOfWork], service: str, insz: str | None, *,
             sleep: Callable[[float], None] = time.sleep) -> DomainError | None:
    """Apply the rules for one request: wait their delay; the refusal they ask for."""
    with uow_factory(read_only=True) as uow:
        rules = uow.fault_rules.all()
    if not rules:
        return None
    rule, delay = applicable(rules, service, insz)
    if delay > 0:
        sleep(delay)
    if rule is None:
        return None
    error, diagnose = _DIAGNOSE[rule.kind]
    target = "every INSZ" if rule.insz == ALL else f"INSZ {rule.insz}"
    return error(f"{diagnose} (fault rule {rule.id} for {target}, set by a tester with "
                 f"`discimus faults`{': ' + rule.note if rule.note else ''})")
