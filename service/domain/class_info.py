"""Class information for LeerID (seed 003): who may send it, when it is shared.

From August 2024 a school can share the class and sub-class of each student with
LeerID, but only when its package is Broekx, Informat or Wisa, and only after the
school's **LeerID data manager** has activated the sharing and accepted the protocol.
That right belongs to every person with a sent director's assignment for the school,
and ends with the assignment's end date (a temporary director until 31 August; a new
assignment comes with the next weekly bulk upload). The data manager can stop the
sharing again. LeerID reads class information only while it is shared.

The emulator receives class information only while the sharing is on: the data has no
other purpose here, so a school that never agreed sends none, and stopping removes what
was shared (data minimisation, 004 §71). Sharing is a history of events, so "who
switched it on, under which protocol, when" stays answerable after a stop.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.errors import (
    ClassSharingOffError, InvalidClassError, NotDataManagerError,
    PackageCannotShareClassesError, ProtocolNotAcceptedError, TooManyItemsError,
)

# The packages that can share class information with LeerID (seed 003 §1), by sender id.
CLASS_PACKAGES = frozenset({"broekx", "informat", "wisa"})
# The only reader of class information: LeerID (its sender id, the certificate's CN).
READER = "leerid"
# The protocol a data manager accepts when switching the sharing on; a new version of
# the protocol would need a new acceptance.
PROTOCOL_VERSION = "LeerID-klasinformatie-2024-08"
MAX_ITEMS_PER_MESSAGE = 1000
MAX_CLASS_LENGTH = 20


@dataclass(frozen=True)
class DirectorAssignment:
    """A sent director's assignment: it carries the LeerID data manager right."""

    institution_number: str
    person_id: str                # the person's id in the bulk upload
    name: str
    valid_from: dt.date
    valid_to: dt.date | None = None   # None: appointed for good (maximum validity)

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class SharingEvent:
    """The data manager switched the sharing on (``active``) or off."""

    institution_number: str
    active: bool
    person_id: str
    protocol_version: str | None  # the accepted protocol (switching on only)
    at: dt.datetime


@dataclass(frozen=True)
class ClassAssignment:
    """One student's class (and sub-class) as the school's package sends it."""

    institution_number: str
    stamnummer: str
    student_id: str
    class_name: str
    subclass: str | None
    since: dt.date                # the day the emulator received this class


def check_package(sender_id: str) -> None:
    """:raises PackageCannotShareClassesError: not Broekx, Informat or Wisa."""
    if sender_id not in CLASS_PACKAGES:
        raise PackageCannotShareClassesError(
            f"package {sender_id!r} cannot share class information with LeerID; only "
            f"{', '.join(sorted(CLASS_PACKAGES))} can (LeerID, August 2024)",
            field="Afzender/Identificatie")


def check_reader(sender_id: str) -> None:
    """:raises PackageCannotShareClassesError: only LeerID reads class information."""
    if sender_id != READER:
        raise PackageCannotShareClassesError(
            f"only LeerID ({READER!r}) reads class information, not {sender_id!r}; a "
            "school sees its own students' classes in its own package",
            field="Afzender/Identificatie")


def require_data_manager(assignments: list[DirectorAssignment], *,
                         institution_number: str, person_id: str,
                         day: dt.date) -> DirectorAssignment:
    """The director's assignment that makes ``person_id`` the school's data manager today.

    :raises NotDataManagerError: no assignment for this school covers ``day``; says
        when the last one ended, because the fix is a new assignment, not a retry.
    """
    mine = [a for a in assignments
            if a.institution_number == institution_number and a.person_id == person_id]
    covering = [a for a in mine if a.covers(day)]
    if covering:
        return max(covering, key=lambda a: a.valid_from)
    ended = [a.valid_to for a in mine if a.valid_to is not None and a.valid_to < day]
    future = [a.valid_from for a in mine if a.valid_from > day]
    if ended:
        why = (f"their director's assignment ended on {max(ended).isoformat()}; the right "
               "returns with the next assignment's weekly bulk upload")
    elif future:
        why = f"their director's assignment starts only on {min(future).isoformat()}"
    else:
        why = "they have no director's assignment for this school"
    raise NotDataManagerError(
        f"person {person_id!r} is not the LeerID data manager of school "
        f"{institution_number} on {day.isoformat()}: {why}", field="Databeheerder")


def check_protocol(accepted: bool) -> None:
    """:raises ProtocolNotAcceptedError: switching on without accepting the protocol."""
    if not accepted:
        raise ProtocolNotAcceptedError(
            f"the sharing starts only when the data manager accepts the protocol "
            f"{PROTOCOL_VERSION}", field="Protocol")


def current_state(events: list[SharingEvent]) -> SharingEvent | None:
    """The latest event (events in order of arrival), or None: never switched on."""
    return events[-1] if events else None


def require_sharing(events: list[SharingEvent], institution_number: str) -> SharingEvent:
    """:raises ClassSharingOffError: the school's data manager has not switched it on."""
    state = current_state(events)
    if state is None or not state.active:
        since = f" (stopped on {state.at.date().isoformat()})" if state else ""
        raise ClassSharingOffError(
            f"school {institution_number} does not share class information with LeerID"
            f"{since}; its LeerID data manager switches it on in the LeerID Schoolloket",
            field="Instellingsnummer")
    return state


def check_items(count: int) -> None:
    """:raises TooManyItemsError: more students than one message may carry."""
    if count > MAX_ITEMS_PER_MESSAGE:
        raise TooManyItemsError(
            f"{count} students in one message; at most {MAX_ITEMS_PER_MESSAGE}",
            field="Klassen")


def check_class(class_name: str, subclass: str | None) -> None:
    """:raises InvalidClassError: an empty or too long class name."""
    for where, value in (("Klas", class_name), ("Subklas", subclass)):
        if value is None and where == "Subklas":
            continue
        if not (value or "").strip() or len(value) > MAX_CLASS_LENGTH:
            raise InvalidClassError(
                f"{where} {value!r} must be 1 to {MAX_CLASS_LENGTH} characters, as the "
                "package shows it (e.g. 1A, 3LAT)", field=where)
