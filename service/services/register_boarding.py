"""Use case: a boarding school's package registers a boarder's stay (message type 7)."""
from __future__ import annotations

from discimus_service.domain.errors import BoardingEnrollmentConflictError
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.boarding_common import (
    check_stay, require_boarding_school, school_notice, stay_of, view_of,
)
from discimus_service.services.boarding_views import BoardingQuestion
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def register_boarding(uow: UnitOfWork, receipt: Receipt, q: BoardingQuestion) -> Answer:
    """Store a new stay; warn when Discimus cannot tell where the boarder goes to school.

    :raises NotABoardingSchoolError: the institution is no boarding school.
    :raises AuthorisationError: no mandate for message type 7.
    :raises ValidationError: a field breaks a rule (identification, period, support
        fields, school number).
    :raises BoardingEnrollmentConflictError: this stay exists, or another overlaps.
    """
    require_boarding_school(uow, receipt, q.institution_number)
    # The same stay again says so before the overlap check would (a sharper advice).
    stamnummer = (q.identification.stamnummer or "").strip()
    if uow.boarding.get(q.institution_number, stamnummer, q.start_date):
        raise BoardingEnrollmentConflictError(
            f"a boarding enrollment of stamnummer {stamnummer} starting {q.start_date} "
            f"already exists at {q.institution_number}; use "
            "CorrigeerInternaatInschrijving to change it", field="BeginDatum")
    stay = check_stay(uow, stay_of(q, receipt.sender.sender_id), today=receipt.today)
    uow.boarding.add(stay)
    notice = school_notice(uow, stay)
    return Answer(view_of(stay), (Issue.of(notice),) if notice else ())
