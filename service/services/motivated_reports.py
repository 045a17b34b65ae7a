"""Use case: a CLB sends a motivated report for special-needs education (VTC 06/2016,
CREON → AGODI; ``domain/motivated_report.py``).

Onderwijs.RegistreerGemotiveerdVerslag 02.00 (the emulator's own design). The CLB needs
its authorisation for the service, not a registration in the repertorium: it is the
source of the report, not a consumer of DISCIMUS's data. The school sees the report in
GeefSchoolloopbaan (``consult_career.py``) while it is valid.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain import motivated_report as rules
from discimus_service.domain import partners
from discimus_service.domain.identifiers import validate_insz
from discimus_service.domain.motivated_report import MotivatedReport
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt
from discimus_service.services.partner_interest import require_partner
from discimus_service.services.ports import UnitOfWork

REPORT = "Onderwijs.RegistreerGemotiveerdVerslag"


@dataclass(frozen=True)
class ReportQuestion:
    afzender: str                  # Context/Bericht/Afzender/Identificatie
    capacity: str | None           # Afzender/Hoedanigheid; None: the partner's default
    insz: str
    report_date: dt.date
    kind: str                      # the type of special-needs education, as sent
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class ReportResult:
    new: bool                      # False: the same report again, its validity replaced
    insz: str
    deliberation: str


def register_report(uow: UnitOfWork, receipt: Receipt, q: ReportQuestion) -> Answer:
    """Store the report (or replace the validity of the same report sent before).

    :raises SenderMismatchError: Afzender/Identificatie is not the signing partner's.
    :raises AuthorisationError: no authorisation for the service, or not in this capacity.
    :raises InvalidInszError: the INSZ fails its checks.
    :raises InvalidCodeValueError: not a type of special-needs education.
    :raises InvalidDateError: dated after today, or its validity ends before it begins.
    """
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    authorisation = partners.require_authorisation(
        uow.partners.authorisations(sender_id, REPORT), sender_id=sender_id,
        service=REPORT, capacity=q.capacity or partner.default_capacity,
        day=receipt.today)
    insz = validate_insz(q.insz)
    report = MotivatedReport(sender_id, insz, q.report_date,
                             rules.special_needs_type(q.kind), q.valid_from, q.valid_to)
    rules.check_report(report, receipt.today)
    new = uow.clb.put_report(report, receipt.received_at)
    return Answer(ReportResult(new, insz, authorisation.deliberation))
