"""Use case: a school asks which of its students are also enrolled elsewhere.

The database finds the doubles (one indexed self-join, ``EnrollmentRepository.
doubles_at``); the domain rule decides each pair it returns. An answer lists at most
``uow.page_size`` doubles; when there are more it carries a ``continuation`` (Vervolg):
asking again with it gives the next part. The token is the key of the last double
shown (keyset pagination), so a part costs what it returns, and a part already given
does not shift when enrollments are added meanwhile.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt

from discimus_service.domain import consultations
from discimus_service.domain.errors import InvalidContinuationError
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate, view_of
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import (
    DoubleEnrollmentsQuestion, DoubleEnrollmentsView, DoubleEnrollmentView,
)

_TOKEN_VERSION = "1"


@read_only
def consult_double_enrollments(uow: UnitOfWork, receipt: Receipt,
                               q: DoubleEnrollmentsQuestion) -> Answer:
    """The school's students with an overlapping enrollment at another school.

    A school only sees its own students; the other school's enrollment moment, first
    attendance and the overlap period are shown (000 §1.5).

    :raises InvalidContinuationError: ``q.continuation`` is not a token this service
        gave for the same school and day.
    """
    require_mandate(uow, receipt, q.institution_number)
    after = (continuation_key(q.continuation, q.institution_number, q.on)
             if q.continuation else None)
    pairs = uow.enrollments.doubles_at(q.institution_number, on=q.on, after=after,
                                       limit=uow.page_size + 1)
    doubles = [d for own, other in pairs[:uow.page_size]
               if (d := consultations.double_enrollment(own, other, on=q.on)) is not None]
    more = len(pairs) > uow.page_size
    names = _CachedSchools(uow)
    items = [DoubleEnrollmentView(
        insz=d.own.insz or "",
        last_name=d.own.identification.last_name,
        first_name=d.own.identification.first_name,
        own=view_of(names, d.own),
        other=view_of(names, d.other),
        overlap_start=d.overlap_start,
        overlap_end=d.overlap_end,
    ) for d in doubles]
    token = None
    if more:
        token = continuation_token(consultations.pair_key(*pairs[uow.page_size - 1]),
                                   q.institution_number, q.on)
    return Answer(DoubleEnrollmentsView(q.institution_number, items, token))


def continuation_token(key: tuple, institution_number: str, on: dt.date | None) -> str:
    """An opaque token for "after this key, for this question" (URL-safe, ~70 chars)."""
    insz, other_start, own_start, own_id, other_id = key
    text = "|".join([_TOKEN_VERSION, institution_number, on.isoformat() if on else "",
                     insz, other_start.isoformat(), own_start.isoformat(),
                     str(own_id), str(other_id)])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def continuation_key(token: str, institution_number: str, on: dt.date | None) -> tuple:
    """The key a token continues after.

    :raises InvalidContinuationError: malformed, or given for another school or day.
    """
    refusal = InvalidContinuationError(
        "Vervolg is not one this service gave for this question; send the question "
        "without Vervolg for the first part, then the Vervolg of each answer as it is",
        field="Vervolg")
    try:
        padded = token + "=" * (-len(token) % 4)
        parts = base64.urlsafe_b64decode(padded.encode("ascii")).decode().split("|")
        version, inst, day, insz, other_start, own_start, own_id, other_id = parts
        key = (insz, dt.date.fromisoformat(other_start), dt.date.fromisoformat(own_start),
               int(own_id), int(other_id))
    except (ValueError, UnicodeError, binascii.Error):
        raise refusal from None
    if (version, inst, day) != (_TOKEN_VERSION, institution_number,
                                on.isoformat() if on else ""):
        raise refusal
    if continuation_token(key, institution_number, on) != token.rstrip("="):
        raise refusal                   # not the canonical spelling of any key we give
    return key


class _CachedSchools:
    """``uow`` with ``schools.get`` remembered: an answer names few schools many times."""

    def __init__(self, uow: UnitOfWork):
        self._uow, self._names = uow, {}
        self.schools = self

    def get(self, institution_number: str):
        if institution_number not in self._names:
            self._names[institution_number] = self._uow.schools.get(institution_number)
        return self._names[institution_number]
