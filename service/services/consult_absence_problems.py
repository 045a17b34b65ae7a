"""Use case: GeefAfwezigheidsproblemen, the school's absence control panel (000 §1.5).

Half days of the school, this school year and the previous one, that its enrollment
data no longer carry: registered on a day the student is no longer enrolled there (an
enrollment corrected or ended afterwards), or with a code the current data no longer
allow (a birth date corrected after code A was used). Each registration was valid when
sent; this finds what later changes left behind. Rules: ``domain/quality.py``.
"""
from __future__ import annotations

from collections import defaultdict

from discimus_service.domain import quality
from discimus_service.domain.absence import problematic_school_years
from discimus_service.domain.errors import NotEnrolledHereError
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.quality_views import ProblemsView, SchoolOnDay

_BATCH = 5000


@read_only
def consult_absence_problems(uow: UnitOfWork, receipt: Receipt, q: SchoolOnDay) -> Answer:
    """The school's half days its enrollments no longer carry, per student and kind.

    :raises AuthorisationError: no mandate for this school and message type 2.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    school = uow.schools.get(q.institution_number)
    if school is None:
        raise NotEnrolledHereError(f"institution {q.institution_number} is not known",
                                   field="Instellingsnummer")
    enrollments = defaultdict(list)
    for e in uow.enrollments.at_institution(q.institution_number):
        enrollments[e.stamnummer].append(e)
    first = problematic_school_years(receipt.today)[0][1]
    rows = _every_half_day(uow, q.institution_number, first, receipt.today)
    return Answer(ProblemsView(q.institution_number,
                               quality.absence_problems(school, rows, enrollments)))


def _every_half_day(uow, institution_number, first, last):
    """The school's half days from ``first`` to ``last``, read in keyset batches."""
    after = None
    while True:
        rows = uow.absences.page(institution_number, stamnummer=None, first=first,
                                 last=last, after=after, limit=_BATCH)
        yield from rows
        if len(rows) < _BATCH:
            return
        after = (rows[-1].date, rows[-1].id)
