"""Use cases of message type 5: disciplinary measures (tucht).

Thin: the shared steps are in ``records.py``, the rules in ``domain/discipline.py``;
this module says how a measure question is checked and how a cancellation names one.
"""
from __future__ import annotations

from discimus_service.domain import discipline, identifiers
from discimus_service.domain.discipline import MeasureType
from discimus_service.domain.model import MessageType
from discimus_service.domain.records import RecordKind
from discimus_service.services import records
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork
from discimus_service.services.record_views import (
    MeasureKey, MeasureQuestion, RecordsConsultation,
)


def _check(uow: UnitOfWork, receipt: Receipt, school, q: MeasureQuestion):
    stamnummer = identifiers.validate_stamnummer(q.stamnummer)
    return discipline.measure(
        school=school, enrollments=uow.enrollments.at_institution(q.institution_number,
                                                                  stamnummer),
        stamnummer=stamnummer, student_id=q.student_id, insz=q.insz,
        measure_type=MeasureType(q.measure_type), start=q.start_date, end=q.end_date,
        today=receipt.today, sender_id=receipt.sender.sender_id)


def _key(q: MeasureKey) -> str:
    return discipline.key_of(identifiers.validate_stamnummer(q.stamnummer),
                             MeasureType(q.measure_type), q.start_date)


MEASURES = records.RecordType(RecordKind.TUCHT, MessageType.TUCHT,
                              "disciplinary measure", _check, _key)


def register_measure(uow: UnitOfWork, receipt: Receipt, q: MeasureQuestion) -> Answer:
    """RegistreerTuchtmaatregel. :raises DomainError: see ``records.register``."""
    return records.register(MEASURES, uow, receipt, q)


def correct_measure(uow: UnitOfWork, receipt: Receipt, q: MeasureQuestion) -> Answer:
    """CorrigeerTuchtmaatregel: new end date, student id or INSZ of a measure."""
    return records.correct(MEASURES, uow, receipt, q)


def cancel_measure(uow: UnitOfWork, receipt: Receipt, q: MeasureKey) -> Answer:
    """AnnuleerTuchtmaatregel."""
    return records.cancel(MEASURES, uow, receipt, q)


@read_only
def consult_measures(uow: UnitOfWork, receipt: Receipt, q: RecordsConsultation) -> Answer:
    """GeefTuchtmaatregelen: the school's own registrations."""
    return records.consult(MEASURES, uow, receipt, q)
