"""Use case: a school's package cancels declarations it registered (message type 3).

For a declaration sent for the wrong student or with the wrong date. All or nothing,
like a registration: a declaration that is not registered at this school is a FOUT
(30200) and nothing is removed. Only the school's own registrations can be cancelled;
the student's declarations at other schools stay, and the most recent remaining one is
then in force.
"""
from __future__ import annotations

from discimus_service.domain import characteristics as rules
from discimus_service.domain.errors import DeclarationNotFoundError
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.characteristics_items import (
    at, checked_items, refused_items,
)
from discimus_service.services.characteristics_views import (
    DeclarationsQuestion, DeclarationsStoredView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def cancel_characteristics(uow: UnitOfWork, receipt: Receipt,
                           q: DeclarationsQuestion) -> Answer:
    """Remove every declaration of the message, or none of them.

    :raises AuthorisationError: no mandate for this school and message type 3.
    :raises TooManyItemsError: more than 1,000 declarations in the message.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.LEERLINGENKENMERKEN)
    rules.check_item_count(len(q.items))
    problems: list[tuple[int, Issue]] = []
    items = checked_items(q.items, problems)
    existing = {d.key: d for d in uow.characteristics.of_students(
        q.institution_number, {i.stamnummer for i in items.values()})}
    ids = []
    for position, item in items.items():
        found = existing.get((q.institution_number, item.stamnummer, item.declared_on))
        if found is None:
            problems.append((position, at(position, DeclarationNotFoundError(
                f"no declaration of stamnummer {item.stamnummer} dated "
                f"{item.declared_on} is registered at {q.institution_number}",
                field="DatumVerklaring"))))
        else:
            ids.append(found.id)
    if problems:
        return refused_items(problems)
    uow.characteristics.remove(ids)
    return Answer(DeclarationsStoredView(q.institution_number, cancelled=len(ids)))
