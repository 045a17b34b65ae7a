"""Use case: the administration's screening program (002 §2.5), ``discimus identifiers
screen``.

Matching also runs when a DKO registration arrives; the screening runs it again over
every student still without a number on both channels (message type 1 and DKO), so a
student is found once another institution has sent him or her. A student that still
matches nobody, ``grace_days`` after the registration date, gets a pseudo number: by
then the administration concludes that no national register number exists (a school
that has one sends it in a correction meanwhile). An ambiguous student gets nothing.
Run it as often as wanted: what was given is never given twice.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from discimus_service.domain.identification_numbers import (
    Channel, MatchOutcome, NumberKind, NumberRecord, pseudo_number, pseudo_prefix,
)
from discimus_service.domain.model import Identification
from discimus_service.services import identification
from discimus_service.services.ports import UnitOfWork

DEFAULT_GRACE_DAYS = 30
PSEUDO_REASON = ("no national register number exists: no institution sent one and no "
                 "match was found; a pseudo number was created (day 60-99)")


@dataclass
class ScreeningReport:
    """What one screening did: per outcome, the students (channel, institution,
    stamnummer, number)."""

    outcomes: dict[str, list[tuple[str, str, str, str | None]]] = field(default_factory=dict)

    def add(self, outcome: str, channel: Channel, institution: str, stamnummer: str,
            number: str | None) -> None:
        self.outcomes.setdefault(outcome, []).append(
            (channel.value, institution, stamnummer, number))

    def counts(self) -> dict[str, int]:
        return dict(Counter({k: len(v) for k, v in self.outcomes.items()}))


def screen(uow: UnitOfWork, *, today: dt.date,
           grace_days: int = DEFAULT_GRACE_DAYS) -> ScreeningReport:
    """Match every pending student; give pseudo numbers past the grace period; commit.

    :param today: the business date.
    :param grace_days: days after the registration date before a pseudo number.
    :returns: what happened to each pending student.
    """
    report = ScreeningReport()
    pending: list[tuple[Channel, str, Identification, dt.date]] = [
        (Channel.SCHOOL, e.institution_number, e.identification, e.registration_date)
        for e in uow.numbers.pending_enrollments()]
    pending += [(Channel.DKO, r.institution_number, r.identification, r.registration_date)
                for r in uow.dko.pending()]
    seen: set[tuple[Channel, str, str]] = set()
    for channel, institution, ident, registered in pending:
        key = (channel, institution, ident.stamnummer)
        if key in seen:              # a DKO student registered for two school years
            continue
        seen.add(key)
        before = identification.given(uow, channel, institution, ident.stamnummer)
        if before is not None:
            report.add("known", channel, institution, ident.stamnummer, before.insz)
            continue
        result, record = identification.look_up(uow, channel, institution, ident, today)
        if result.outcome is MatchOutcome.FOUND:
            report.add("supplied", channel, institution, ident.stamnummer, result.insz)
        elif result.outcome is MatchOutcome.AMBIGUOUS:
            report.add("ambiguous", channel, institution, ident.stamnummer, None)
        elif (today - registered).days < grace_days:
            report.add("waiting", channel, institution, ident.stamnummer, None)
        else:
            number = pseudo_number(ident, uow.numbers.pseudo_numbers(pseudo_prefix(ident)))
            uow.numbers.add(NumberRecord(channel, institution, ident.stamnummer,
                                         NumberKind.PSEUDO, number, "", ident, today,
                                         PSEUDO_REASON))
            report.add("pseudo", channel, institution, ident.stamnummer, number)
    uow.commit()
    return report
