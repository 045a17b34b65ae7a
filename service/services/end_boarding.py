"""Use case: a boarding school's package ends a boarder's stay (message type 7)."""
from __future__ import annotations

from discimus_service.domain import boarding as rules, identifiers
from discimus_service.domain.errors import BoardingEnrollmentNotFoundError
from discimus_service.services.answers import Answer
from discimus_service.services.boarding_common import require_boarding_school, view_of
from discimus_service.services.boarding_views import BoardingEndQuestion
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def end_boarding(uow: UnitOfWork, receipt: Receipt, q: BoardingEndQuestion) -> Answer:
    """Give a running stay its last day.

    :raises BoardingEnrollmentNotFoundError: no such stay.
    :raises BoardingEnrollmentEndedError: the stay already has an end date.
    :raises InvalidDateError: the end date lies before the start date.
    :raises BoardingPeriodSpansYearsError: the end date lies in a later school year.
    """
    require_boarding_school(uow, receipt, q.institution_number)
    stamnummer = identifiers.validate_stamnummer(q.stamnummer)
    stay = uow.boarding.get(q.institution_number, stamnummer, q.start_date)
    if stay is None:
        raise BoardingEnrollmentNotFoundError(
            f"no boarding enrollment of stamnummer {stamnummer} starting {q.start_date} "
            f"at {q.institution_number}", field="BeginDatum")
    rules.end(stay, q.end_date)
    uow.boarding.add(stay)
    return Answer(view_of(stay))
