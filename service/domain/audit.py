"""Operations records of the partner side: the audit of consultations, testers' fault rules.

**Audit.** Every consultation by a partner agency (a MAGDA service that answers data
about a person) leaves one :class:`AuditEntry`: who (the certificate's sender and the
MAGDA identification it gave), which service, about which INSZ, when, under which
authorisation (the privacy board's deliberation and the capacity), the verdict, and
which fields were answered, by name, never their values. It is written in the same
transaction as the message's journal entry (``services/exchange.py``), so there is no
answer without its audit, and no audit of an answer that was never given. A refusal
shows no data and is audited by its journal entry only; a resend answered from the
journal (50003) adds none: it shows the partner nothing new.

**Fault rules.** A tester makes a MAGDA service answer as if its source were down
(MAGDA 60006 "Geen antwoord van de bron ontvangen"), overloaded (99996 "Te veel
gelijktijdige bevragingen") or slow, for one INSZ or for everyone. Rules live in the
database so that every worker applies them.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

ALL = "*"                        # a fault rule for every service or every INSZ


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    sender_id: str               # the certificate's sender
    identification: str          # Afzender/Identificatie as sent
    service: str                 # e.g. GeefAantalAanwezigheden-02.00
    referte: str                 # Afzender/Referte
    insz: str | None             # as asked (also when the question was refused)
    capacity: str | None         # Hoedanigheid, the partner's default when none given
    deliberation: str | None     # the authorisation answered under; None when refused
    verdict: str                 # AANVAARD or GEWEIGERD
    codes: str                   # the Uitzonderingen's codes, comma-separated
    fields: tuple[str, ...]      # the answered elements' names (paths under Inhoud)
    id: int | None = None


class FaultKind(str, enum.Enum):
    UNAVAILABLE = "unavailable"  # MAGDA 60006: no answer from the source
    BUSY = "busy"                # MAGDA 99996: too many concurrent questions
    SLOW = "slow"                # answer normally, after a delay


@dataclass(frozen=True)
class FaultRule:
    service: str                 # a MAGDA service's Naam, or ALL
    insz: str                    # an INSZ, or ALL
    kind: FaultKind
    delay_seconds: float = 0.0   # SLOW: how long; the others may add a delay too
    note: str = ""
    id: int | None = None

    def matches(self, service: str, insz: str | None) -> bool:
        return (self.service in (ALL, service)) and (self.insz in (ALL, insz))


def applicable(rules: list[FaultRule], service: str, insz: str | None
               ) -> tuple[FaultRule | None, float]:
    """The refusing rule that applies (the most specific: INSZ before everyone, service
    before every service, then the oldest) and the longest delay of any applying rule."""
    matching = [r for r in rules if r.matches(service, insz)]
    delay = max((r.delay_seconds for r in matching), default=0.0)
    refusing = sorted((r for r in matching if r.kind is not FaultKind.SLOW),
                      key=lambda r: (r.insz == ALL, r.service == ALL, r.id or 0))
    return (refusing[0] if refusing else None), delay
