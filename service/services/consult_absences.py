"""Use case: a school asks for its own absence registrations (message type 2).

A school sees only what was registered for its own institution (004 §67), filtered by
student and dates, a page at a time in (date, registration) order. The cost is
proportional to the page: the rows are read through the index on (institution, date,
id) from where the previous page stopped (keyset paging), never counted or skipped.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt

from discimus_service.domain import identifiers
from discimus_service.domain.errors import (
    InvalidContinuationError, InvalidDateError,
)
from discimus_service.domain.model import MessageType
from discimus_service.services.absence_views import (
    AbsencesConsultation, AbsencesView, AbsenceView,
)
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork

PAGE_SIZE = 500
_TOKEN_PREFIX = "afw1:"


@read_only
def consult_absences(uow: UnitOfWork, receipt: Receipt, q: AbsencesConsultation) -> Answer:
    """One page of the school's half days of absence.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises InvalidDateError: EindDatum before BeginDatum.
    :raises InvalidContinuationError: the Vervolg is not one this service gave out.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    stamnummer = (identifiers.validate_stamnummer(q.stamnummer)
                  if q.stamnummer is not None else None)
    if q.first is not None and q.last is not None and q.last < q.first:
        raise InvalidDateError(f"EindDatum {q.last} lies before BeginDatum {q.first}",
                               field="EindDatum")
    after = decode_continuation(q.continuation) if q.continuation else None
    rows = uow.absences.page(q.institution_number, stamnummer=stamnummer, first=q.first,
                             last=q.last, after=after, limit=PAGE_SIZE + 1)
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    items = [AbsenceView(a.institution_number, a.student_id, a.stamnummer, a.date,
                         a.half_day, a.code, a.without_certificate) for a in rows]
    token = encode_continuation(rows[-1].date, rows[-1].id) if more else None
    return Answer(AbsencesView(q.institution_number, items, token))


def encode_continuation(day: dt.date, last_id: int) -> str:
    raw = f"{day.isoformat()}|{last_id}".encode()
    return _TOKEN_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_continuation(token: str) -> tuple[dt.date, int]:
    """:raises InvalidContinuationError: not a token of this service."""
    try:
        if not token.startswith(_TOKEN_PREFIX):
            raise ValueError(token)
        body = token[len(_TOKEN_PREFIX):]
        text = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
        day, last_id = text.split("|")
        return dt.date.fromisoformat(day), int(last_id)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidContinuationError(
            "the Vervolg is not one this service gave out: copy it unchanged from the "
            "previous answer of GeefAfwezigheden", field="Vervolg") from None
