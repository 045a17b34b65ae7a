"""Use cases: LeerID reads a school's class information; anyone concerned reads whether
the school shares it (seed 003).

LeerID sees the classes of the students enrolled at the school today, with their INSZ
(LeerID's accounts are per person), and only while the school shares them. The school's
packages and LeerID can both ask whether the school shares, since, and under which
protocol: a package starts its daily synchronisation from that.
"""
from __future__ import annotations

from discimus_service.domain import class_info as rules
from discimus_service.domain.absence import enrollment_on
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer
from discimus_service.services.class_views import (
    ClassesConsultation, ClassesView, SharingView, StudentClassView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork


@read_only
def consult_classes(uow: UnitOfWork, receipt: Receipt, q: ClassesConsultation) -> Answer:
    """:raises PackageCannotShareClassesError: the asker is not LeerID.
    :raises ClassSharingOffError: the school does not share class information.
    """
    rules.check_reader(receipt.sender.sender_id)
    events = uow.class_info.events(q.institution_number)
    rules.require_sharing(events, q.institution_number)
    items = []
    for c in uow.class_info.classes(q.institution_number):
        enrolled = enrollment_on(
            uow.enrollments.at_institution(q.institution_number, c.stamnummer),
            receipt.today)
        if enrolled is None:     # left the school since: no longer LeerID's business
            continue
        items.append(StudentClassView(c.stamnummer, enrolled.identification.insz,
                                      c.class_name, c.subclass, c.since))
    return Answer(ClassesView(q.institution_number, sharing_view(uow, q.institution_number,
                                                                 events), tuple(items)))


@read_only
def consult_sharing(uow: UnitOfWork, receipt: Receipt, q: ClassesConsultation) -> Answer:
    """:raises AuthorisationError: a package without the school's class mandate."""
    if receipt.sender.sender_id != rules.READER:
        require_mandate(uow, receipt, q.institution_number, MessageType.KLASINFORMATIE)
    return Answer(sharing_view(uow, q.institution_number,
                               uow.class_info.events(q.institution_number)))


def sharing_view(uow: UnitOfWork, institution_number: str, events) -> SharingView:
    state = rules.current_state(events)
    if state is None:
        return SharingView(institution_number, active=False)
    names = {d.person_id: d.name for d in uow.class_info.directors(institution_number)}
    return SharingView(institution_number, state.active, state.at,
                       state.protocol_version if state.active else None,
                       names.get(state.person_id, state.person_id))
