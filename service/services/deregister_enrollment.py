"""Use case: a school's package de-registers a student (or dissolves an enrollment)."""
from __future__ import annotations

from discimus_service.domain import enrollment as rules
from discimus_service.domain.errors import EnrollmentNotFoundError
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate, view_of
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import DeregistrationQuestion


def deregister_enrollment(uow: UnitOfWork, receipt: Receipt,
                          q: DeregistrationQuestion) -> Answer:
    """Close an enrollment with an end date, a reason and the situation afterwards.

    A dissolved conditional enrollment (unreasonable adaptations) is a de-registration
    with reason ``O`` (000 §2.1).

    :raises EnrollmentNotFoundError: no such enrollment.
    :raises EnrollmentClosedError: already de-registered.
    :raises InvalidDateError: the end date is before the start date.
    """
    require_mandate(uow, receipt, q.institution_number)
    current = uow.enrollments.get(q.institution_number, q.stamnummer, q.start_date)
    if current is None:
        raise EnrollmentNotFoundError(
            f"no enrollment of stamnummer {q.stamnummer} starting {q.start_date} at "
            f"{q.institution_number}")
    rules.deregister(current, q.deregistration)
    uow.enrollments.add(current)
    return Answer(view_of(uow, current))
