"""Use case: a school asks for its own registrations of characteristics (message type 3).

What the school itself sent, in registration order, of one student or all, a page at a
time, read from where the previous page stopped (keyset paging on the id): a package
compares it with its own data (000 §1.5, differences between the school and Discimus).
"""
from __future__ import annotations

import base64
import binascii

from discimus_service.domain import identifiers
from discimus_service.domain.errors import InvalidContinuationError
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer
from discimus_service.services.characteristics_items import view_of
from discimus_service.services.characteristics_views import (
    OwnDeclarationsQuestion, OwnDeclarationsView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork

PAGE_SIZE = 500
_TOKEN_PREFIX = "llk1:"


@read_only
def consult_own_characteristics(uow: UnitOfWork, receipt: Receipt,
                                q: OwnDeclarationsQuestion) -> Answer:
    """One page of the school's own declarations.

    :raises AuthorisationError: no mandate for this school and message type 3.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises InvalidContinuationError: the Vervolg is not one this service gave out.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.LEERLINGENKENMERKEN)
    stamnummer = (identifiers.validate_stamnummer(q.stamnummer)
                  if q.stamnummer is not None else None)
    after = decode_continuation(q.continuation) if q.continuation else None
    rows = uow.characteristics.page(q.institution_number, stamnummer=stamnummer,
                                    after=after, limit=PAGE_SIZE + 1)
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    token = encode_continuation(rows[-1].id) if more else None
    return Answer(OwnDeclarationsView(q.institution_number, [view_of(d) for d in rows],
                                      token))


def encode_continuation(last_id: int) -> str:
    raw = str(last_id).encode()
    return _TOKEN_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_continuation(token: str) -> int:
    """:raises InvalidContinuationError: not a token of this service."""
    try:
        if not token.startswith(_TOKEN_PREFIX):
            raise ValueError(token)
        body = token[len(_TOKEN_PREFIX):]
        value = int(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode())
        if value < 0:
            raise ValueError(token)
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidContinuationError(
            "the Vervolg is not one this service gave out: copy it unchanged from the "
            "previous answer of GeefGeregistreerdeLeerlingenkenmerken",
            field="Vervolg") from None
