"""Use case: an academy's package de-registers a student (002)."""
from __future__ import annotations

from discimus_service.domain import dko as rules
from discimus_service.domain.errors import DkoRegistrationNotFoundError
from discimus_service.services.answers import Answer
from discimus_service.services.dko_common import dko_view, require_dko_mandate
from discimus_service.services.dko_views import DkoDeregistrationQuestion
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def deregister_dko(uow: UnitOfWork, receipt: Receipt,
                   q: DkoDeregistrationQuestion) -> Answer:
    """End a registration on a day of its school year.

    :raises DkoRegistrationNotFoundError: no such registration.
    :raises DkoRegistrationCancelledError: de-registered before.
    :raises InvalidDateError: the end date lies before the registration date.
    """
    require_dko_mandate(uow, receipt, q.institution_number)
    current = uow.dko.get(q.institution_number, q.stamnummer.strip(), q.school_year)
    if current is None:
        raise DkoRegistrationNotFoundError(
            f"no registration of stamnummer {q.stamnummer} at academy "
            f"{q.institution_number} for school year {q.school_year}")
    rules.deregister(current, q.end_date)
    uow.dko.add(current)
    return Answer(dko_view(uow, current))
