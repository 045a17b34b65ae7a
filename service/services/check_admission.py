"""Use cases: the admission-condition and transition checks (message type 4, 000 §5.2).

Both answer for a student enrolled at the asking school (today or later) and a class
(grade, year, form) on the strength of every certificate registered in Discimus for the
student, at any school; the rules are the data of ``domain/admission.py``. They advise,
they do not refuse: a school with a certificate Discimus does not know decides itself.
"""
from __future__ import annotations

from discimus_service.domain import admission as rules
from discimus_service.domain.admission import AdmissionVerdict, Target
from discimus_service.domain.errors import InvalidDateError, NotEnrolledHereError
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer
from discimus_service.services.certificate_items import view_of
from discimus_service.services.certificate_views import (
    AdmissionView, CheckQuestion, TransitionView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.consult_certificates import enrolled_here
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork


@read_only
def check_admission(uow: UnitOfWork, receipt: Receipt, q: CheckQuestion) -> Answer:
    """ControleerToelatingsvoorwaarden.

    :raises AuthorisationError: no mandate for this school and message type 4.
    :raises NotEnrolledHereError: the student is not enrolled here today or later.
    :raises CheckNotOfferedError: a class Discimus does not check.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.STUDIEBEWIJZEN)
    target = rules.check_target(Target(q.grade, q.year, q.form, q.domain),
                                rules.NOT_CHECKED_ADMISSION)
    enrollment = enrolled_here(uow, q.institution_number, q.stamnummer, receipt.today)
    verdict = rules.admission(target, _certificates(uow, q.institution_number, enrollment))
    return Answer(_admission_view(q, enrollment.stamnummer, target, verdict))


@read_only
def check_transition(uow: UnitOfWork, receipt: Receipt, q: CheckQuestion) -> Answer:
    """ControleerOvergang: a change of class during the school year on ``q.date``.

    :raises AuthorisationError: no mandate for this school and message type 4.
    :raises NotEnrolledHereError: the student is not enrolled here on that day.
    :raises CheckNotOfferedError: a class Discimus does not check.
    :raises InvalidDateError: no date of the change.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.STUDIEBEWIJZEN)
    if q.date is None:
        raise InvalidDateError("the day of the change (Datum) is required", field="Datum")
    target = rules.check_target(Target(q.grade, q.year, q.form, q.domain),
                                rules.NOT_CHECKED_TRANSITION)
    enrollment = enrolled_here(uow, q.institution_number, q.stamnummer, receipt.today)
    if enrollment.start_date > q.date or (enrollment.end_date is not None
                                          and enrollment.end_date < q.date):
        raise NotEnrolledHereError(
            f"stamnummer {enrollment.stamnummer} is not enrolled at "
            f"{q.institution_number} on {q.date}: a change during the school year is "
            "one of a student enrolled there", field="Datum")
    verdict = rules.transition(target, q.date,
                               _certificates(uow, q.institution_number, enrollment))
    return Answer(TransitionView(
        q.institution_number, enrollment.stamnummer, q.date, verdict.council_needed,
        verdict.reasons, _admission_view(q, enrollment.stamnummer, target,
                                         verdict.admission)))


def _certificates(uow, institution_number, enrollment):
    """The student's certificates at every school (by INSZ) and at this one."""
    found = {c.id: c for c in uow.certificates.of_students(institution_number,
                                                           [enrollment.stamnummer])}
    if enrollment.insz:
        found.update({c.id: c for c in uow.certificates.of_person(enrollment.insz)})
    return sorted(found.values(), key=lambda c: (c.data.obtained_on, c.id))


def _admission_view(q: CheckQuestion, stamnummer: str, target: Target,
                    v: AdmissionVerdict) -> AdmissionView:
    return AdmissionView(
        q.institution_number, stamnummer, target.grade, target.year, target.form,
        v.outcome, v.conditions, v.rule.id if v.rule else None, v.reason,
        view_of(v.based_on, stamnummer) if v.based_on is not None else None)
