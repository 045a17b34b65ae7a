"""Use cases of the CLB feed (VTC 05/2016, DOMAIN.md "Partner flows"; ``domain/clb.py``).

**Writing.** :func:`notify` runs inside the absence registration's transaction
(``register_absences.py``): for each student of the message with a B half day it counts
the student's B half days of those school years at every school (by INSZ), and appends
a notification to the feed of the CLB guiding the sending school for each threshold
reached and not yet notified. So a notification exists exactly when the absences that
cause it are stored; a refused or rolled-back message writes neither. A student
without an INSZ, or a school no CLB guides, gives no notification (the CLB is told by
INSZ, and only the guiding CLB can be); a later message from a guided school does.

**Reading.** :func:`read_feed` answers Onderwijs.GeefMeldingenProblematischeAfwezigheden:
"the notifications after N, at most M", in order, with the next cursor. Reading
removes nothing: a CLB that lost an answer asks again from its last cursor. No
registered interest is needed: the CLB learns of these students from the feed itself
(the seed: DISCIMUS tells LARS on its own account).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from discimus_service.domain import clb as rules
from discimus_service.domain import partners
from discimus_service.domain.absence import AbsenceCode
from discimus_service.domain.clb import ClbNotification
from discimus_service.domain.schoolyear import school_year, school_year_end, school_year_start
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.partner_interest import require_partner
from discimus_service.services.ports import UnitOfWork

FEED = "Onderwijs.GeefMeldingenProblematischeAfwezigheden"
DEFAULT_LIMIT = 100
MAX_LIMIT = 500                     # the schema's Maximum maxInclusive


def notify(uow: UnitOfWork, institution_number: str,
           students: Iterable[tuple[str, dt.date]], now: dt.datetime) -> int:
    """Append the notifications the stored absences call for; how many were added.

    :param students: (stamnummer, day) of every B half day just stored at the school.
    """
    clb_id = uow.clb.guiding(institution_number)
    if clb_id is None:
        return 0
    years: dict[str, set[int]] = {}
    for stamnummer, day in students:
        years.setdefault(stamnummer, set()).add(school_year(day))
    added = 0
    for stamnummer, school_years in sorted(years.items()):
        enrollment = next((e for e in uow.enrollments.at_institution(
            institution_number, stamnummer) if e.insz), None)
        if enrollment is None:
            continue
        everywhere = uow.enrollments.for_students([enrollment.insz])
        for year in sorted(school_years):
            added += _notify_year(uow, clb_id, enrollment, everywhere, year, now)
    return added


def _notify_year(uow, clb_id, enrollment, everywhere, year, now) -> int:
    first, last = school_year_start(year), school_year_end(year)
    b_half_days = [(a.institution_number, a.date, a.half_day.value)
                   for school, stamnummer in sorted({(e.institution_number, e.stamnummer)
                                                     for e in everywhere})
                   for a in uow.absences.of_students(school, [stamnummer], first, last)
                   if a.code is AbsenceCode.B]
    done = uow.clb.notified(enrollment.insz, year)
    added = 0
    for r in rules.reached(b_half_days, enrollment.identification.birth_date):
        if r.threshold in done:
            continue
        uow.clb.add(ClbNotification(clb_id, enrollment.insz, year, r.threshold,
                                    r.half_days, r.tenth, r.thirtieth, r.institutions,
                                    now))
        added += 1
    return added


@dataclass(frozen=True)
class FeedQuestion:
    afzender: str                  # Context/Bericht/Afzender/Identificatie
    capacity: str | None           # Afzender/Hoedanigheid; None: the partner's default
    after: int                     # the cursor: the last number the CLB has seen
    limit: int                     # at most this many notifications


@dataclass(frozen=True)
class FeedResult:
    notifications: tuple[ClbNotification, ...]
    cursor: int                    # ask "after" this next time
    more: bool                     # more notifications wait after the cursor
    deliberation: str

    @property
    def inszs(self) -> tuple[str, ...]:
        """The persons this answer shows: the audit names each (services/audit.py)."""
        return tuple(dict.fromkeys(n.insz for n in self.notifications))


@read_only
def read_feed(uow: UnitOfWork, receipt: Receipt, q: FeedQuestion) -> Answer:
    """The CLB's notifications numbered after ``q.after``, in order.

    :raises SenderMismatchError: Afzender/Identificatie is not the signing partner's.
    :raises AuthorisationError: no authorisation for the feed, or not in this capacity.
    """
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    authorisation = partners.require_authorisation(
        uow.partners.authorisations(sender_id, FEED), sender_id=sender_id, service=FEED,
        capacity=q.capacity or partner.default_capacity, day=receipt.today)
    limit = max(1, min(q.limit, MAX_LIMIT))
    found = uow.clb.feed(sender_id, q.after, limit + 1)
    shown = tuple(found[:limit])
    cursor = shown[-1].sequence if shown else q.after
    return Answer(FeedResult(shown, cursor, len(found) > limit, authorisation.deliberation))
