"""Use cases of message type 6: students supported under the support model (types 2, 4,
6, 7).

The shared steps are in ``records.py``, the rules in ``domain/support.py``. The
consultation shows a school both what it registered (an ordinary school) and the
students it supports (a special-needs school, named by the ordinary schools).
"""
from __future__ import annotations

from discimus_service.domain import identifiers, support
from discimus_service.domain.model import MessageType
from discimus_service.domain.records import RecordKind
from discimus_service.domain.schoolyear import school_year
from discimus_service.services import records
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.record_views import (
    RecordsConsultation, SupportKey, SupportQuestion,
)


def _check(uow: UnitOfWork, receipt: Receipt, school, q: SupportQuestion):
    stamnummer = identifiers.validate_stamnummer(q.stamnummer)
    record = support.support(
        school=school, supporting=uow.schools.get(q.supporting_institution),
        supporting_number=q.supporting_institution,
        enrollments=uow.enrollments.at_institution(q.institution_number, stamnummer),
        stamnummer=stamnummer, student_id=q.student_id, insz=q.insz, start=q.start_date,
        today=receipt.today, sender_id=receipt.sender.sender_id)
    return record, ()


def _key(q: SupportKey) -> str:
    return support.key_of(identifiers.validate_stamnummer(q.stamnummer),
                          school_year(q.start_date))


SUPPORT = records.RecordType(RecordKind.ONDERSTEUNING, MessageType.ONDERSTEUNING,
                             "support", _check, _key, include_other=True)


def register_support(uow: UnitOfWork, receipt: Receipt, q: SupportQuestion) -> Answer:
    """RegistreerOndersteuning. :raises DomainError: see ``records.register``."""
    return records.register(SUPPORT, uow, receipt, q)


def correct_support(uow: UnitOfWork, receipt: Receipt, q: SupportQuestion) -> Answer:
    """CorrigeerOndersteuning: another start date (same school year) or supporting
    school."""
    return records.correct(SUPPORT, uow, receipt, q)


def cancel_support(uow: UnitOfWork, receipt: Receipt, q: SupportKey) -> Answer:
    """AnnuleerOndersteuning."""
    return records.cancel(SUPPORT, uow, receipt, q)


@read_only
def consult_supported(uow: UnitOfWork, receipt: Receipt, q: RecordsConsultation) -> Answer:
    """GeefOndersteundeLeerlingen: registered by the school or supported by it."""
    return records.consult(SUPPORT, uow, receipt, q)
