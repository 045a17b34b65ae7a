"""Opting a partner into (or out of) the magda-connector WS-Security profile.

The profile is part of the sender record, so every worker reads it with the sender
(``security/senders.py`` caches senders for a minute: a change reaches running workers
within that). Only partner agencies may leave the strict profile: the connector shape
is MAGDA's, and the school side never accepts it.
"""
from __future__ import annotations

from collections.abc import Callable

from discimus_service.domain.model import SecurityProfile, Sender, SenderKind
from discimus_service.services.ports import UnitOfWork


class ProfileRefused(ValueError):
    """The profile cannot be set for this sender (unknown, or not a partner agency)."""


def set_profile(uow_factory: Callable[[], UnitOfWork], sender_id: str,
                profile: SecurityProfile) -> Sender:
    """Set ``sender_id``'s profile; :returns: the sender as stored now.

    :raises ProfileRefused: no such sender, or a vendor asked for magda-connector
    """
    with uow_factory() as uow:
        sender = uow.senders.get(sender_id)
        if sender is None:
            raise ProfileRefused(f"no sender {sender_id[:64]!r} is registered; load the "
                                 "fixtures or give a registered sender id")
        if profile is not SecurityProfile.STRICT and sender.kind is not SenderKind.AGENCY:
            raise ProfileRefused(f"{sender_id!r} is a school-software vendor: only "
                                 "partner agencies may opt into the magda-connector "
                                 "profile")
        uow.senders.set_profile(sender_id, profile.value)
        uow.commit()
        return uow.senders.get(sender_id)
