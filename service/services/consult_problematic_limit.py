"""Use case: GeefLeerlingenMet30Problematisch, quality feedback (000 §1.5).

"leerlingen met 30 B-codes": the school's students with 30 or more problematic half
days (B) this school year, counted across every school they attended this year (the
count runs on at a new school, 004 §78), with the day of the 30th: from then on the
CLB acts automatically and AGODI is told (004 §30, 001 VTC 05/2016).
"""
from __future__ import annotations

from discimus_service.domain.model import MessageType
from discimus_service.services.absence_consult_views import (
    RunningCountsResult, StudentsConsultation,
)
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.running_counts import running_counts


@read_only
def consult_problematic_limit(uow: UnitOfWork, receipt: Receipt,
                              q: StudentsConsultation) -> Answer:
    """The school's students at 30 B half days or more this school year.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises NotEnrolledHereError: the student asked for is not enrolled here today.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    year, students = running_counts(uow, q.institution_number, q.stamnummer,
                                    receipt.today)
    return Answer(RunningCountsResult(
        q.institution_number, year, [s for s in students if s.problematic_limit_reached]))
