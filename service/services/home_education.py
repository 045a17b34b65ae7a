"""Use cases: home education between the Onderwijsinspectie and AGODI (001; issue 7).

- ``last_school`` (GeefLaatsteInschrijvingHuisonderwijs 02.00, VTC 38/2016): the
  inspectorate asks the last school a home-educated child was enrolled at, answered
  live from the enrollments schools sent; checked as every consultation is (partner,
  authorisation and capacity, INSZ, period, registered interest for the whole period)
  and audited. The seed says the control and exam-board results go to AGODI for its
  control of enrollments and names no other recipient, so they are visible here, to
  the inspectorate's own consultation, as optional fields of its field set.
- ``register_inspection`` (RegistreerControleHuisonderwijs 02.00, VTC 38/2016): the
  result of a control visit, sufficient or insufficient.
- ``register_exam_result`` (RegistreerResultaatExamencommissie 02.00, VTC 35/2016):
  passed or not passed, with the child's INSZ, name, first name, sex and birth date.

The two registrations need the authorisation, not a registered interest: the
inspectorate sends what it holds, it does not consult.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain import home_education as rules, partners
from discimus_service.domain.errors import NoDataFoundError, ResultReplacedNotice
from discimus_service.domain.home_education import ExamResult, InspectionResult
from discimus_service.domain.identifiers import validate_insz
from discimus_service.domain.model import Sex
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.partner_interest import require_partner
from discimus_service.services.ports import UnitOfWork

LAST_SCHOOL = "Onderwijs.GeefLaatsteInschrijvingHuisonderwijs"
INSPECTION = "Onderwijs.RegistreerControleHuisonderwijs"
EXAM = "Onderwijs.RegistreerResultaatExamencommissie"
CONTROLS = "Controles"                  # optional answer fields (their element names)
EXAM_BOARD = "Examencommissie"
OPTIONAL_FIELDS = {LAST_SCHOOL: (CONTROLS, EXAM_BOARD)}


# -- questions -------------------------------------------------------------------------
@dataclass(frozen=True)
class LastSchoolQuestion:
    afzender: str                 # Context/Bericht/Afzender/Identificatie
    capacity: str | None          # Afzender/Hoedanigheid; None: the partner's default
    insz: str
    begin: dt.date
    end: dt.date


@dataclass(frozen=True)
class InspectionQuestion:
    afzender: str
    capacity: str | None
    insz: str
    visit_date: dt.date
    sufficient: bool


@dataclass(frozen=True)
class ExamQuestion:
    afzender: str
    capacity: str | None
    insz: str
    last_name: str
    first_name: str
    sex: Sex
    birth_date: dt.date
    decision_date: dt.date
    passed: bool


# -- results ---------------------------------------------------------------------------
@dataclass(frozen=True)
class LastSchool:
    institution_number: str
    institution_name: str | None
    start_date: dt.date
    end_date: dt.date | None
    reason: str | None            # Aanleiding of the de-registration, if ended
    home_education: bool          # ended with Aanleiding H


@dataclass(frozen=True)
class DatedOutcome:
    day: dt.date
    positive: bool                # sufficient / passed


@dataclass(frozen=True)
class LastSchoolResult:
    last_school: LastSchool | None
    controls: tuple[DatedOutcome, ...]
    exams: tuple[DatedOutcome, ...]
    deliberation: str


@dataclass(frozen=True)
class RegisteredResult:
    insz: str
    day: dt.date
    replaced: bool


# -- use cases -------------------------------------------------------------------------
@read_only
def last_school(uow: UnitOfWork, receipt: Receipt, q: LastSchoolQuestion) -> Answer:
    """The enrollment that began last by the period's end, and the results in the period.

    :raises AuthorisationError: no authorisation, capacity, or registration.
    :raises InvalidInszError: the INSZ fails its checks (MAGDA 20002).
    :raises NoDataFoundError: no enrollment by then and no result (MAGDA 30101).
    """
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    capacity = q.capacity or partner.default_capacity
    authorisation = partners.require_authorisation(
        uow.partners.authorisations(sender_id, LAST_SCHOOL), sender_id=sender_id,
        service=LAST_SCHOOL, capacity=capacity, day=receipt.today)
    insz = validate_insz(q.insz)
    partners.check_period(q.begin, q.end)
    partners.require_registered(uow.interests.of_person(sender_id, insz),
                                sender_id=sender_id, capacity=capacity, insz=insz,
                                begin=q.begin, end=q.end)
    last = rules.last_enrollment(uow.enrollments.for_students([insz]), until=q.end)
    school = None
    if last is not None:
        known = uow.schools.get(last.institution_number)
        d = last.deregistration
        school = LastSchool(last.institution_number, known.name if known else None,
                            last.start_date, last.end_date,
                            d.reason.value if d else None,
                            rules.ended_for_home_education(last))
    controls = tuple(DatedOutcome(r.visit_date, r.sufficient)
                     for r in uow.home_education.inspections(insz)
                     if q.begin <= r.visit_date <= q.end) \
        if authorisation.grants(CONTROLS) else ()
    exams = tuple(DatedOutcome(r.decision_date, r.passed)
                  for r in uow.home_education.exams(insz)
                  if q.begin <= r.decision_date <= q.end) \
        if authorisation.grants(EXAM_BOARD) else ()
    if school is None and not controls and not exams:
        raise NoDataFoundError(f"no enrollment of INSZ {insz} that began by {q.end}, and "
                               f"no result between {q.begin} and {q.end}", field="INSZ")
    return Answer(LastSchoolResult(school, controls, exams, authorisation.deliberation))


def register_inspection(uow: UnitOfWork, receipt: Receipt, q: InspectionQuestion
                        ) -> Answer:
    """Store a control visit's result; one for the same INSZ and day replaces it (50180).

    :raises AuthorisationError: not a partner, no authorisation or capacity.
    :raises InvalidInszError: the INSZ fails its checks.
    :raises ResultDateInFutureError: the visit lies after today.
    """
    sender_id = _admit(uow, receipt, q, INSPECTION)
    insz = validate_insz(q.insz)
    rules.check_not_future(q.visit_date, receipt.today, "Controle/Datum")
    replaced = uow.home_education.put_inspection(
        InspectionResult(insz, q.visit_date, q.sufficient, sender_id), receipt.received_at)
    return _registered(insz, q.visit_date, replaced, "control visit")


def register_exam_result(uow: UnitOfWork, receipt: Receipt, q: ExamQuestion) -> Answer:
    """Store the exam board's decision; one for the same INSZ and day replaces it (50180).

    :raises AuthorisationError: not a partner, no authorisation or capacity.
    :raises InvalidInszError: the INSZ fails its checks.
    :raises InszBirthDateMismatchError: the INSZ encodes another birth date.
    :raises InszSexMismatchError: the INSZ encodes the other sex.
    :raises ResultDateInFutureError: the decision lies after today.
    """
    sender_id = _admit(uow, receipt, q, EXAM)
    insz = rules.check_identity(q.insz, q.birth_date, q.sex)
    rules.check_not_future(q.decision_date, receipt.today, "Beslissing/Datum")
    replaced = uow.home_education.put_exam(
        ExamResult(insz, q.last_name.strip(), q.first_name.strip(), q.sex, q.birth_date,
                   q.decision_date, q.passed, sender_id), receipt.received_at)
    return _registered(insz, q.decision_date, replaced, "exam-board decision")


def _admit(uow: UnitOfWork, receipt: Receipt, q, service: str) -> str:
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    partners.require_authorisation(
        uow.partners.authorisations(sender_id, service), sender_id=sender_id,
        service=service, capacity=q.capacity or partner.default_capacity,
        day=receipt.today)
    return sender_id


def _registered(insz: str, day: dt.date, replaced: bool, what: str) -> Answer:
    issues = ()
    if replaced:
        issues = (Issue.of(ResultReplacedNotice(
            f"a {what} of INSZ {insz} on {day} was already registered; this one "
            "replaces it")),)
    return Answer(RegisteredResult(insz, day, replaced), issues)
