"""Use cases of message type 8: refusals and dissolved enrollments (weigeringen / MNGI).

The shared steps are in ``records.py``, the rules in ``domain/refusals.py``.
"""
from __future__ import annotations

from discimus_service.domain import identifiers, refusals
from discimus_service.domain.model import MessageType
from discimus_service.domain.records import RecordKind
from discimus_service.domain.refusals import RefusalKind
from discimus_service.services import records
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.record_views import (
    RecordsConsultation, RefusalKey, RefusalQuestion,
)


def _check(uow: UnitOfWork, receipt: Receipt, school, q: RefusalQuestion):
    insz = identifiers.validate_insz(q.insz or "")
    stamnummer = (q.stamnummer or "").strip() or None
    by_stamnummer = (uow.enrollments.at_institution(
        q.institution_number, identifiers.validate_stamnummer(stamnummer))
        if stamnummer and q.kind == RefusalKind.O.value else [])
    record = refusals.refusal(
        institution_number=q.institution_number,
        enrollments_by_insz=uow.enrollments.at_institution(q.institution_number,
                                                           insz=insz),
        enrollments_by_stamnummer=by_stamnummer, kind=RefusalKind(q.kind), insz=insz,
        stamnummer=stamnummer, student_id=q.student_id, day=q.date, today=receipt.today,
        sender_id=receipt.sender.sender_id)
    return record, ()


def _key(q: RefusalKey) -> str:
    return refusals.key_of(identifiers.validate_insz(q.insz or ""), q.date)


REFUSALS = records.RecordType(RecordKind.WEIGERING, MessageType.WEIGERINGEN,
                              "refusal", _check, _key)


def register_refusal(uow: UnitOfWork, receipt: Receipt, q: RefusalQuestion) -> Answer:
    """RegistreerWeigering. :raises DomainError: see ``records.register``."""
    return records.register(REFUSALS, uow, receipt, q)


def correct_refusal(uow: UnitOfWork, receipt: Receipt, q: RefusalQuestion) -> Answer:
    """CorrigeerWeigering: another kind, stamnummer or student id for the same day."""
    return records.correct(REFUSALS, uow, receipt, q)


def cancel_refusal(uow: UnitOfWork, receipt: Receipt, q: RefusalKey) -> Answer:
    """AnnuleerWeigering."""
    return records.cancel(REFUSALS, uow, receipt, q)


@read_only
def consult_refusals(uow: UnitOfWork, receipt: Receipt, q: RecordsConsultation) -> Answer:
    """GeefWeigeringen: the school's own registrations."""
    return records.consult(REFUSALS, uow, receipt, q)
