"""Partner agencies through MAGDA: authorisations and the register of interest (001).

A partner (school allowances, Onderwijsinspectie, CLB, LED consumers) consults only
under a privacy-board authorisation per service, with the capacities (Hoedanigheid)
it names, and only about persons it has registered its interest in for a period
(MAGDA's repertorium, "inschrijvingscontrole"). Both refusals are MAGDA's 40006
"Fout in autorisatie" to the client; our finer codes (40020-40023) say which rule.

The register is a history of events: each RegistreerInschrijving adds a period, each
RegistreerUitschrijving removes one (or everything, without a period). On any day, the
latest event covering that day decides: a registration after a de-registration
registers again. Periods are closed ranges of days; an open end runs for ever.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from discimus_service.domain.errors import (
    CapacityNotAllowedError, InvalidDateError, OutsideRegisteredPeriodError,
    PartnerNotAuthorisedError, PersonNotRegisteredError,
)

FOREVER = dt.date.max


@dataclass(frozen=True)
class Partner:
    """A partner agency: a sender (certificate CN) with a MAGDA identification URI."""

    sender_id: str
    identification: str           # what Context/Bericht/Afzender/Identificatie says
    default_capacity: str         # Hoedanigheid when the Context gives none


@dataclass(frozen=True)
class PartnerAuthorisation:
    """One privacy-board authorisation: a partner may use one service, in some capacities."""

    sender_id: str
    service: str                  # e.g. "Onderwijs.GeefHistoriekInschrijving-02.01"
    deliberation: str             # the privacy board's decision, e.g. "VTC 17/2016"
    capacities: tuple[str, ...]   # allowed Hoedanigheid codes
    valid_from: dt.date
    valid_to: dt.date | None = None
    # The field set: the answer's optional fields this authorisation grants (their
    # element names); None grants every field of the service. A service's mandatory
    # fields are always answered: without them the answer would not be its contract.
    field_set: tuple[str, ...] | None = None

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def grants(self, field: str) -> bool:
        """Whether the optional field ``field`` may be answered under this authorisation."""
        return self.field_set is None or field in self.field_set


class InterestKind(str, enum.Enum):
    REGISTERED = "I"              # RegistreerInschrijving
    ENDED = "U"                   # RegistreerUitschrijving


@dataclass(frozen=True)
class InterestEvent:
    """One registration or de-registration of a partner's interest in a person."""

    sender_id: str
    capacity: str
    insz: str
    kind: InterestKind
    begin: dt.date
    end: dt.date | None           # None: open-ended
    sequence: int = 0             # order of arrival (the database id)

    @property
    def last_day(self) -> dt.date:
        return self.end or FOREVER


def check_period(begin: dt.date, end: dt.date | None) -> None:
    """:raises InvalidDateError: the period ends before it begins."""
    if end is not None and end < begin:
        raise InvalidDateError(f"the period ends ({end}) before it begins ({begin})",
                               field="Periode")


def require_authorisation(authorisations: list[PartnerAuthorisation], *, sender_id: str,
                          service: str, capacity: str, day: dt.date) -> PartnerAuthorisation:
    """The authorisation that lets ``sender_id`` use ``service`` in ``capacity`` today.

    :raises PartnerNotAuthorisedError: none covers this service on ``day``.
    :raises CapacityNotAllowedError: one does, but not in this capacity.
    """
    current = [a for a in authorisations
               if a.sender_id == sender_id and a.service == service and a.covers(day)]
    if not current:
        raise PartnerNotAuthorisedError(
            f"{sender_id!r} has no authorisation for {service} on {day}; a partner needs "
            "a privacy-board authorisation per service", field="Afzender/Identificatie")
    for authorisation in current:
        if capacity in authorisation.capacities:
            return authorisation
    allowed = sorted({c for a in current for c in a.capacities})
    raise CapacityNotAllowedError(
        f"{sender_id!r} may use {service} only in capacity {', '.join(allowed)}, "
        f"not {capacity!r}", field="Afzender/Hoedanigheid")


def uncovered_days(events: list[InterestEvent], begin: dt.date,
                   end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first stretch of [begin, end] the register does not cover, or None.

    On each day the latest event covering it decides (see the module docstring).
    """
    ordered = sorted(events, key=lambda e: e.sequence)
    # The days where the deciding event can change: every event's first day and the
    # day after its last, clipped to the asked period.
    cuts = {begin}
    for e in ordered:
        for day in (e.begin, e.last_day + dt.timedelta(days=1)
                    if e.last_day < FOREVER else None):
            if day is not None and begin < day <= end:
                cuts.add(day)
    points = sorted(cuts)
    for i, start in enumerate(points):
        stop = points[i + 1] - dt.timedelta(days=1) if i + 1 < len(points) else end
        deciding = [e for e in ordered if e.begin <= start <= e.last_day]
        if not deciding or deciding[-1].kind is InterestKind.ENDED:
            return start, stop
    return None


def require_registered(events: list[InterestEvent], *, sender_id: str, capacity: str,
                       insz: str, begin: dt.date, end: dt.date) -> None:
    """The partner registered its interest in ``insz`` for every day of [begin, end].

    :raises PersonNotRegisteredError: no registration of this person at all.
    :raises OutsideRegisteredPeriodError: registered, but not for the whole period.
    """
    mine = [e for e in events
            if e.sender_id == sender_id and e.capacity == capacity and e.insz == insz]
    if not any(e.kind is InterestKind.REGISTERED for e in mine):
        raise PersonNotRegisteredError(
            f"{sender_id!r} (capacity {capacity}) has not registered its interest in "
            f"INSZ {insz}; send RegistreerInschrijving first", field="INSZ")
    gap = uncovered_days(mine, begin, end)
    if gap is not None:
        raise OutsideRegisteredPeriodError(
            f"{sender_id!r} (capacity {capacity}) is not registered for INSZ {insz} "
            f"from {gap[0]} to {gap[1]}; the question asks {begin} to {end}",
            field="Periode")
