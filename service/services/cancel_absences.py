"""Use case: a school's package cancels half days it registered (message type 2).

For a half day that was not an absence after all (the student came in late, or the
wrong student was marked). All or nothing, like a registration: a half day that is not
registered at this school is a FOUT (30030) and nothing is removed.
"""
from __future__ import annotations

from discimus_service.domain import absence as rules
from discimus_service.domain.errors import AbsenceNotFoundError
from discimus_service.domain.model import MessageType
from discimus_service.services.absence_items import at, capped, checked_items
from discimus_service.services.absence_views import AbsencesQuestion, AbsencesStoredView
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def cancel_absences(uow: UnitOfWork, receipt: Receipt, q: AbsencesQuestion) -> Answer:
    """Remove every half day of the message, or none of them.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises TooManyItemsError: more than 1,000 half days in the message.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    rules.check_item_count(len(q.items))
    problems: list[Issue] = []
    items = checked_items(q.items, receipt.today, problems)
    existing = {}
    if items:
        existing = {a.key: a for a in uow.absences.of_students(
            q.institution_number, {i.stamnummer for i in items.values()},
            min(i.date for i in items.values()), max(i.date for i in items.values()))}
    ids = []
    for position, item in items.items():
        found = existing.get((q.institution_number, item.stamnummer, item.date,
                              item.half_day))
        if found is None:
            problems.append(at(position, AbsenceNotFoundError(
                f"no absence of stamnummer {item.stamnummer} on {item.date} "
                f"{item.half_day.value} is registered at {q.institution_number}",
                field="Datum")))
        else:
            ids.append(found.id)
    if problems:
        return Answer(None, capped(problems))
    uow.absences.remove(ids)
    return Answer(AbsencesStoredView(q.institution_number, cancelled=len(ids)))
