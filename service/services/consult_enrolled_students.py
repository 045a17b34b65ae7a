"""Use case: GeefIngeschrevenLeerlingen, the school's enrolled students on a chosen day.

Quality feedback (000 §1.5): "een overzicht van ingeschreven leerlingen op een gekozen
datum", as Discimus holds them, to hold against the package's own list. One answer, by
family name: a school's students on one day fit well in one message.
"""
from __future__ import annotations

from discimus_service.domain.absence import enrollment_on
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.quality_views import (
    EnrolledStudentsView, EnrolledStudentView, SchoolOnDay,
)


def enrolled_on(uow: UnitOfWork, institution_number: str, on) -> list:
    """The school's enrollments running on ``on``."""
    return [e for e in uow.enrollments.at_institution(institution_number)
            if enrollment_on([e], on) is not None]


@read_only
def consult_enrolled_students(uow: UnitOfWork, receipt: Receipt, q: SchoolOnDay) -> Answer:
    """The students enrolled at the school on the day (default today).

    :raises AuthorisationError: no mandate for this school and message type 1.
    """
    require_mandate(uow, receipt, q.institution_number)
    on = q.on or receipt.today
    students = [EnrolledStudentView(
        e.stamnummer, e.insz, e.identification.first_name, e.identification.last_name,
        e.identification.birth_date, e.administrative_group, e.start_date, e.end_date)
        for e in enrolled_on(uow, q.institution_number, on)]
    students.sort(key=lambda s: (s.last_name, s.first_name, s.stamnummer))
    return Answer(EnrolledStudentsView(q.institution_number, on, students))
