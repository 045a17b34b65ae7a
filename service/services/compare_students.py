"""Use case: VergelijkLeerlingen, the school's list held against Discimus (000 §1.5).

"verschillen tussen de gegevens in het schooladministratiepakket en Discimus": the
package sends its students enrolled on a day; the answer lists who is missing at
AGODI, who is unknown to the school, and each field that differs. Nothing is stored:
a consultation, answered again the same on a resend.
"""
from __future__ import annotations

from discimus_service.domain import identifiers, quality
from discimus_service.domain.absence import duplicate_positions
from discimus_service.domain.errors import (
    DuplicateItemError, InvalidStamnummerError, TooManyItemsError,
)
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.consult_enrolled_students import enrolled_on
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.quality_views import ComparisonQuestion, ComparisonView


@read_only
def compare_students(uow: UnitOfWork, receipt: Receipt, q: ComparisonQuestion) -> Answer:
    """The differences between the school's list and Discimus on the day.

    :raises AuthorisationError: no mandate for this school and message type 1.
    :raises TooManyItemsError: more than 1,500 students in the list.
    :raises InvalidStamnummerError: a stamnummer of the list is not valid.
    :raises DuplicateItemError: a stamnummer twice in the list.
    """
    require_mandate(uow, receipt, q.institution_number)
    if len(q.students) > quality.MAX_COMPARED_STUDENTS:
        raise TooManyItemsError(
            f"the list holds {len(q.students)} students; at most "
            f"{quality.MAX_COMPARED_STUDENTS} are compared at once: send the school in "
            "parts (by administrative group)", field="Leerlingen")
    listed = []
    for position, s in enumerate(q.students):
        try:
            number = identifiers.validate_stamnummer(s.stamnummer)
        except InvalidStamnummerError as problem:
            problem.field = f"Leerlingen/Leerling[{position + 1}]/Stamnummer"
            raise
        listed.append(quality.ListedStudent(
            number, (s.insz or "").strip() or None, s.first_name, s.last_name,
            s.birth_date, s.administrative_group))
    repeats = duplicate_positions([s.stamnummer for s in listed])
    if repeats:
        repeat, first = min(repeats.items())
        raise DuplicateItemError(
            f"stamnummer {listed[repeat].stamnummer} is item {first + 1} and {repeat + 1} "
            "of the list; list each student once", field=f"Leerlingen/Leerling[{repeat + 1}]")
    on = q.on or receipt.today
    held = enrolled_on(uow, q.institution_number, on)
    differences = quality.compare(listed, held)
    return Answer(ComparisonView(q.institution_number, on, len(listed), len(held),
                                 differences))
