"""Use case: GeefOpenProblemen, the school's enrollment control panel (000 §1.5).

"een fouten- en inconsistentiescherm": what Discimus itself sees is open in the
school's enrollments running today or later: a student also enrolled at another school
on overlapping days (one of the two must act, 004 §14 footnote), and an enrollment
still without INSZ (AGODI supplies it, or a pseudo number). The rules are
``domain/quality.py``.
"""
from __future__ import annotations

from discimus_service.domain import quality
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.quality_views import ProblemsView, SchoolOnDay


@read_only
def consult_open_problems(uow: UnitOfWork, receipt: Receipt, q: SchoolOnDay) -> Answer:
    """The open problems of the school's enrollments running on the day (default
    today) or later.

    :raises AuthorisationError: no mandate for this school and message type 1.
    """
    require_mandate(uow, receipt, q.institution_number)
    own = uow.enrollments.at_institution(q.institution_number)
    others = uow.enrollments.for_students({e.insz for e in own if e.insz})
    return Answer(ProblemsView(q.institution_number,
                               quality.enrollment_problems(own, others,
                                                           q.on or receipt.today)))
