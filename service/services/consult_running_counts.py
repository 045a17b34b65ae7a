"""Use case: GeefDoorlopendeTellingen, the counts that carry over on a change of school.

"Bij schoolveranderingen moeten de 'problematische afwezigheden' en de 'ziekte zonder
attest' doorgegeven worden aan de nieuwe school. [...] In beide gevallen moet de
telling doorlopen in de nieuwe school. Er worden geen dagen opgegeven, enkel het
aantal dat in de oude school is geregistreerd." (004 §78). So a school sees, for its
students, both counts of this school year per school attended, and their totals.
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
def consult_running_counts(uow: UnitOfWork, receipt: Receipt,
                           q: StudentsConsultation) -> Answer:
    """Problematic half days and sick notes of the school's students this school year,
    at every school they attended.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises SchoolYearNotAskableError: neither the current nor the previous school year.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises NotEnrolledHereError: the student asked for is not enrolled here today.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    year, students = running_counts(uow, q.institution_number, q.stamnummer,
                                    receipt.today, q.school_year)
    return Answer(RunningCountsResult(q.institution_number, year, students))
