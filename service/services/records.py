"""Register, correct, cancel and consult dated records: what message types 5, 6 and 8 share.

Each message type gives a :class:`RecordType`: its kind, its mandate, how a question
becomes a checked :class:`Record` (its domain rules) and how a cancellation names one.
The steps here are the same for all three:

- register: a new record is stored (NIEUW); the same record again is left as it is
  (ONGEWIJZIGD, so a resend under a new Referte is harmless); a different one under the
  same key is refused (30401): that is a correction, sent as such;
- correct: the record with the key must exist (30400) and takes the new content;
- cancel: the record with the key must exist (30400) and is removed;
- consult: the school's records, of one school year or all.

Notices (a late measure) go with a new record only: a correction or a resend of a
measure is not itself late.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from discimus_service.domain.errors import (
    Notice, NotEnrolledHereError, RecordConflictError, RecordNotFoundError,
)
from discimus_service.domain.model import MessageType, School
from discimus_service.domain.records import Record, RecordKind
from discimus_service.domain.schoolyear import school_year_end, school_year_start
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.record_views import (
    CANCELLED, CHANGED, NEW, UNCHANGED, RecordsConsultation, RecordStoredView, RecordsView,
    RecordView,
)


@dataclass(frozen=True)
class RecordType:
    """What one message type adds to the shared steps.

    ``check(uow, receipt, school, question)`` returns the checked record and its
    notices, or raises the first broken rule; ``key(question)`` the key a cancellation
    names (raising for a malformed one); ``noun`` names a record in diagnoses.
    """

    kind: RecordKind
    message_type: MessageType
    noun: str
    check: Callable[[UnitOfWork, Receipt, School, Any], tuple[Record, tuple[Notice, ...]]]
    key: Callable[[Any], str]
    include_other: bool = False      # the consultation shows records naming the school


def school_of(uow: UnitOfWork, institution_number: str) -> School:
    """:raises NotEnrolledHereError: the school is not known."""
    school = uow.schools.get(institution_number)
    if school is None:
        raise NotEnrolledHereError(f"institution {institution_number} is not known",
                                   field="Instellingsnummer")
    return school


def _start(rt: RecordType, uow: UnitOfWork, receipt: Receipt, q) -> School:
    require_mandate(uow, receipt, q.institution_number, rt.message_type)
    return school_of(uow, q.institution_number)


def register(rt: RecordType, uow: UnitOfWork, receipt: Receipt, q) -> Answer:
    """:raises DomainError: no mandate, a broken rule, or another record under the key."""
    school = _start(rt, uow, receipt, q)
    record, notices = rt.check(uow, receipt, school, q)
    old = uow.records.get(rt.kind, record.institution_number, record.key)
    if old is not None:
        if old.same_content(record):
            return Answer(stored(UNCHANGED, old))
        raise RecordConflictError(
            f"{rt.noun} {_describe(old)} is already registered with other data; send a "
            "correction to change it, or cancel it first")
    uow.records.add(record)
    return Answer(stored(NEW, record), tuple(Issue.of(n) for n in notices))


def correct(rt: RecordType, uow: UnitOfWork, receipt: Receipt, q) -> Answer:
    """:raises DomainError: no mandate, a broken rule, or no record under the key."""
    school = _start(rt, uow, receipt, q)
    record, _notices = rt.check(uow, receipt, school, q)
    old = _existing(rt, uow, q.institution_number, record.key)
    if old.same_content(record):
        return Answer(stored(UNCHANGED, old))
    new = dataclasses.replace(record, id=old.id)
    uow.records.replace(new)
    return Answer(stored(CHANGED, new))


def cancel(rt: RecordType, uow: UnitOfWork, receipt: Receipt, q) -> Answer:
    """:raises DomainError: no mandate, or no record under the key."""
    _start(rt, uow, receipt, q)
    old = _existing(rt, uow, q.institution_number, rt.key(q))
    uow.records.remove(old.id)
    return Answer(stored(CANCELLED, old))


def consult(rt: RecordType, uow: UnitOfWork, receipt: Receipt,
            q: RecordsConsultation) -> Answer:
    """:raises AuthorisationError: no mandate for this school and message type."""
    _start(rt, uow, receipt, q)
    first = last = None
    if q.school_year is not None:
        first, last = school_year_start(q.school_year), school_year_end(q.school_year)
    rows = uow.records.of_school(rt.kind, q.institution_number, first=first, last=last,
                                 include_other=rt.include_other)
    return Answer(RecordsView(q.institution_number, [view(r) for r in rows]))


def _existing(rt: RecordType, uow: UnitOfWork, institution_number: str,
              key: str) -> Record:
    old = uow.records.get(rt.kind, institution_number, key)
    if old is None:
        raise RecordNotFoundError(
            f"no {rt.noun} {_describe_key(key)} is registered by {institution_number}; "
            "register it first")
    return old


def _describe_key(key: str) -> str:
    return "(" + ", ".join(key.split("|")) + ")"


def _describe(r: Record) -> str:
    return _describe_key(r.key)


def view(r: Record) -> RecordView:
    return RecordView(r.institution_number, r.start_date, r.received_on,
                      stamnummer=r.stamnummer, student_id=r.student_id, insz=r.insz,
                      subtype=r.subtype, end_date=r.end_date,
                      other_institution=r.other_institution)


def stored(outcome: str, r: Record) -> RecordStoredView:
    return RecordStoredView(r.institution_number, outcome, view(r))
