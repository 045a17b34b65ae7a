"""Use case: a school asks which of its students are also enrolled elsewhere."""
from __future__ import annotations

from discimus_service.domain import consultations
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate, view_of
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import (
    DoubleEnrollmentsQuestion, DoubleEnrollmentsView, DoubleEnrollmentView,
)


def consult_double_enrollments(uow: UnitOfWork, receipt: Receipt,
                               q: DoubleEnrollmentsQuestion) -> Answer:
    """The school's students with an overlapping enrollment at another school.

    A school only sees its own students; the other school's enrollment moment, first
    attendance and the overlap period are shown (000 §1.5).
    """
    require_mandate(uow, receipt, q.institution_number)
    own = uow.enrollments.at_institution(q.institution_number)
    inszs = {e.insz for e in own if e.insz}
    others = uow.enrollments.for_students(inszs) if inszs else []
    doubles = consultations.double_enrollments(own, others, on=q.on)
    items = [DoubleEnrollmentView(
        insz=d.own.insz or "",
        last_name=d.own.identification.last_name,
        first_name=d.own.identification.first_name,
        own=view_of(uow, d.own),
        other=view_of(uow, d.other),
        overlap_start=d.overlap_start,
        overlap_end=d.overlap_end,
    ) for d in doubles]
    return Answer(DoubleEnrollmentsView(q.institution_number, items))
