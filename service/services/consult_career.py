"""Use case: a school asks for the previous and next school of one of its students, and
the CLB's most recent valid motivated report for special-needs education, if any."""
from __future__ import annotations

from discimus_service.domain import consultations
from discimus_service.domain.errors import MissingFieldError, NotEnrolledHereError
from discimus_service.domain.identifiers import validate_insz, validate_stamnummer
from discimus_service.domain.model import Niveau
from discimus_service.domain.motivated_report import most_recent_valid
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate, view_of
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.views import CareerQuestion, CareerView


@read_only
def consult_career(uow: UnitOfWork, receipt: Receipt, q: CareerQuestion) -> Answer:
    """Previous and next school, with enrollment moment and first attendance.

    For a basic-education school, an enrollment at the next school for a later school
    year shows only from 1 July (DOMAIN.md, message type 1).

    :raises NotEnrolledHereError: the student was never enrolled at the asking school.
    """
    require_mandate(uow, receipt, q.institution_number)
    if not q.insz and not q.stamnummer:
        raise MissingFieldError("give the student's INSZ or stamnummer", field="INSZ")
    insz = validate_insz(q.insz) if q.insz else None
    stamnummer = validate_stamnummer(q.stamnummer) if q.stamnummer else None
    here_all = uow.enrollments.at_institution(q.institution_number, stamnummer, insz=insz)
    if not here_all:
        raise NotEnrolledHereError(
            f"the student is not enrolled at {q.institution_number}; a school only "
            "sees the career of its own students")
    here = max(here_all, key=lambda e: e.start_date)
    school = uow.schools.get(q.institution_number)
    niveau = school.niveau if school else Niveau.SECUNDAIR
    history = uow.enrollments.for_students([here.insz]) if here.insz else [here]
    career = consultations.career(here, history, asking_niveau=niveau, today=receipt.today)
    view = CareerView(
        insz=here.insz, stamnummer=here.stamnummer, here=view_of(uow, here),
        previous=view_of(uow, career.previous) if career.previous else None,
        next=view_of(uow, career.next) if career.next else None,
        # The CLB's motivated report (VTC 06/2016): the most recent one valid today.
        report=most_recent_valid(uow.clb.reports_of(here.insz), receipt.today)
        if here.insz else None,
    )
    return Answer(view)
