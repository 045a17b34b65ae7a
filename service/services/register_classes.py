"""Use case: a school's package sends its students' classes for LeerID (seed 003).

Only Broekx, Informat and Wisa can, with the school's mandate for class information,
and only while the school's LeerID data manager shares class information. The package
sends the classes as they now stand (its daily synchronisation): a student's class
replaces the one sent before. All or nothing, like absences: every problem is answered
with the item's path (``Klassen/Klas[3]/Klas``) and nothing is stored.
"""
from __future__ import annotations

from discimus_service.domain import absence, class_info as rules
from discimus_service.domain.class_info import ClassAssignment
from discimus_service.domain.errors import DomainError, DuplicateStudentError
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.class_views import ClassesQuestion, ClassesStoredView
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork

ITEM_PATH = "Klassen/Klas"


def register_classes(uow: UnitOfWork, receipt: Receipt, q: ClassesQuestion) -> Answer:
    """Store every student's class of the message, or none.

    :raises PackageCannotShareClassesError: not Broekx, Informat or Wisa.
    :raises AuthorisationError: no mandate for this school and class information.
    :raises ClassSharingOffError: the school does not share class information.
    :raises TooManyItemsError: more than 1,000 students.
    """
    rules.check_package(receipt.sender.sender_id)
    require_mandate(uow, receipt, q.institution_number, MessageType.KLASINFORMATIE)
    rules.require_sharing(uow.class_info.events(q.institution_number), q.institution_number)
    rules.check_items(len(q.items))
    problems: list[Issue] = []
    seen: dict[str, int] = {}
    good: list[ClassAssignment] = []
    for position, item in enumerate(q.items):
        try:
            stamnummer = absence.check_item_fields(item.student_id, item.stamnummer)
            rules.check_class(item.class_name, item.subclass)
            if stamnummer in seen:
                raise DuplicateStudentError(
                    f"stamnummer {stamnummer} is also item {seen[stamnummer] + 1}; one "
                    "class per student per message", field="Stamnummer")
            seen[stamnummer] = position
            absence.require_enrolled(
                uow.enrollments.at_institution(q.institution_number, stamnummer),
                q.institution_number, stamnummer, receipt.today)
        except DomainError as problem:
            problems.append(_at(position, problem))
            continue
        good.append(ClassAssignment(q.institution_number, stamnummer,
                                    item.student_id.strip(), item.class_name.strip(),
                                    (item.subclass or "").strip() or None, receipt.today))
    if problems:
        return Answer(None, tuple(problems[:100]))
    new, changed = uow.class_info.put_classes(good, receipt.sender.sender_id)
    return Answer(ClassesStoredView(q.institution_number, new=new, changed=changed,
                                    unchanged=len(good) - new - changed))


def _at(position: int, problem: DomainError) -> Issue:
    sub = f"/{problem.field}" if problem.field else ""
    return Issue(problem.code, problem.severity.value, problem.diagnose,
                 f"{ITEM_PATH}[{position + 1}]{sub}")
