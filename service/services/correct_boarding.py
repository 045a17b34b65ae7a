"""Use case: a boarding school's package corrects a stay it registered before."""
from __future__ import annotations

import dataclasses

from discimus_service.domain.errors import BoardingEnrollmentNotFoundError
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.boarding_common import (
    check_stay, require_boarding_school, school_notice, stay_of, view_of,
)
from discimus_service.services.boarding_views import BoardingQuestion
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def correct_boarding(uow: UnitOfWork, receipt: Receipt, q: BoardingQuestion) -> Answer:
    """Replace everything of a stay but its key (boarding school, stamnummer, start).

    The end date is corrected too: sent without one, the stay runs again to the end of
    the school year.

    :raises BoardingEnrollmentNotFoundError: no such stay.
    :raises ValidationError: a field breaks a rule.
    :raises BoardingEnrollmentConflictError: the corrected stay overlaps another one.
    """
    require_boarding_school(uow, receipt, q.institution_number)
    current = uow.boarding.get(q.institution_number,
                               (q.identification.stamnummer or "").strip(), q.start_date)
    if current is None:
        raise BoardingEnrollmentNotFoundError(
            f"no boarding enrollment of stamnummer {q.identification.stamnummer} "
            f"starting {q.start_date} at {q.institution_number}; register it first",
            field="BeginDatum")
    corrected = dataclasses.replace(stay_of(q, receipt.sender.sender_id), id=current.id)
    corrected = check_stay(uow, corrected, today=receipt.today)
    uow.boarding.add(corrected)
    notice = school_notice(uow, corrected)
    return Answer(view_of(corrected), (Issue.of(notice),) if notice else ())
