"""Whether a package may send a message type for a school on a day (000 §1.4).

Discimus checks that the signing vendor "gemandateerd is voor die school". A school may
use several packages, each with its own rights, and a change of vendor ends the old
package's mandate on one day and starts the new one's the next; the refusal says which
of these situations the sender is in, since the fix differs (ask the school for a
mandate, stop sending, or wait).
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.errors import AuthorisationError
from discimus_service.domain.model import Mandate, MessageType


def check_mandate(mandates: list[Mandate], *, sender_id: str, institution_number: str,
                  message_type: MessageType, day: dt.date) -> Mandate:
    """Find the mandate that lets a sender send a message type for a school on a day.

    :param mandates: candidate mandates; ones for another sender, school or message
        type are ignored.
    :param sender_id: the package that signed the message.
    :param institution_number: the school the message is about.
    :param message_type: what the message registers or asks.
    :param day: the day the message is processed.
    :returns: the covering mandate (the most recently started one if several cover).
    :raises AuthorisationError: no mandate covers the day; the diagnosis says whether
        there is none at all, one that ended, or one that starts later.
    """
    relevant = [m for m in mandates
                if m.sender_id == sender_id
                and m.institution_number == institution_number
                and m.message_type == message_type]
    covering = [m for m in relevant if m.covers(day)]
    if covering:
        return max(covering, key=lambda m: m.valid_from)
    kind = MessageType(message_type).value
    who = f"{sender_id!r} for school {institution_number} and message type {kind}"
    ended = [m.valid_to for m in relevant if m.valid_to is not None and m.valid_to < day]
    future = [m.valid_from for m in relevant if m.valid_from > day]
    reasons: list[str] = []
    if ended:
        reasons.append(f"the mandate of {who} ended on {max(ended).isoformat()}: the "
                       "school changed package")
    if future:
        reasons.append(f"the mandate of {who} starts only on {min(future).isoformat()}")
    if not reasons:
        raise AuthorisationError(
            f"there is no mandate at all for {who}; the school must grant the package "
            "its Discimus rights first", field="Afzender/Identificatie")
    raise AuthorisationError(f"no mandate on {day.isoformat()}: " + "; ".join(reasons),
                             field="Afzender/Identificatie")
