"""Use cases of the LeerID Schoolloket: the data manager switches class sharing on or off.

Not a signed SOAP message: in reality a person does this in LeerID's web portal, so the
emulator offers it as ``discimus leerid share|stop`` (``service/cli.py``). Each switch
is one transaction: the event, and on a stop the removal of the shared classes.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain import class_info as rules
from discimus_service.domain.class_info import SharingEvent
from discimus_service.services.class_views import SharingView
from discimus_service.services.consult_classes import sharing_view
from discimus_service.services.ports import UnitOfWork


@dataclass(frozen=True)
class Switched:
    sharing: SharingView
    changed: bool             # False: it already was in that state
    removed: int = 0          # classes removed by a stop


def switch_on(uow: UnitOfWork, *, institution_number: str, person_id: str,
              accept_protocol: bool, now: dt.datetime) -> Switched:
    """:raises NotDataManagerError: the person is not the school's data manager today.
    :raises ProtocolNotAcceptedError: the protocol was not accepted.
    """
    rules.require_data_manager(uow.class_info.directors(institution_number),
                               institution_number=institution_number,
                               person_id=person_id, day=now.date())
    rules.check_protocol(accept_protocol)
    events = uow.class_info.events(institution_number)
    state = rules.current_state(events)
    if state is not None and state.active:
        return Switched(sharing_view(uow, institution_number, events), changed=False)
    uow.class_info.add_event(SharingEvent(institution_number, True, person_id,
                                          rules.PROTOCOL_VERSION, now))
    uow.commit()
    return Switched(sharing_view(uow, institution_number,
                                 uow.class_info.events(institution_number)), changed=True)


def switch_off(uow: UnitOfWork, *, institution_number: str, person_id: str,
               now: dt.datetime) -> Switched:
    """Stop sharing and remove the classes shared so far (their purpose ended).

    :raises NotDataManagerError: the person is not the school's data manager today.
    """
    rules.require_data_manager(uow.class_info.directors(institution_number),
                               institution_number=institution_number,
                               person_id=person_id, day=now.date())
    events = uow.class_info.events(institution_number)
    state = rules.current_state(events)
    if state is None or not state.active:
        return Switched(sharing_view(uow, institution_number, events), changed=False)
    uow.class_info.add_event(SharingEvent(institution_number, False, person_id, None, now))
    removed = uow.class_info.remove_classes(institution_number)
    uow.commit()
    return Switched(sharing_view(uow, institution_number,
                                 uow.class_info.events(institution_number)),
                    changed=True, removed=removed)
