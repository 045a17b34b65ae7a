"""Use case: a school's package registers certificates its students obtained (type 4).

Like absences, the school's administration is the truth: a package sends the
certificates as they now stand. One not yet registered is stored; one registered before
(same student, kind and school year) with other data takes the new data (a correction,
INFORMATIE 50301); one sent again unchanged is left as it is. A certificate registered
by mistake is removed with AnnuleerStudiebewijzen (``cancel_certificates.py``).

Only for students the school had in that school year: an enrollment at the school that
began on or before the day the certificate was obtained and did not end before that
school year began (a certificate is often given after the last day of class).
"""
from __future__ import annotations

import dataclasses

from discimus_service.domain import certificate as rules
from discimus_service.domain.certificate import Certificate
from discimus_service.domain.errors import (
    CertificateCorrectedNotice, DomainError, LateCertificateNotice, NotEnrolledHereError,
)
from discimus_service.domain.model import MessageType
from discimus_service.domain.schoolyear import school_year, school_year_start
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.certificate_items import (
    REGISTER_PATH, at, capped, check_count, duplicates, student_fields,
)
from discimus_service.services.certificate_views import (
    CertificatesQuestion, CertificatesStoredView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork

_NAMED_CORRECTIONS = 10


def register_certificates(uow: UnitOfWork, receipt: Receipt,
                          q: CertificatesQuestion) -> Answer:
    """Store every certificate of the message, or none of them.

    :raises AuthorisationError: no mandate for this school and message type 4.
    :raises TooManyItemsError: more than 1,000 certificates in the message.
    :returns: counts of new, replaced and unchanged certificates; or, when any item
        breaks a rule, every item's problems (FOUT) and nothing stored.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.STUDIEBEWIJZEN)
    check_count(len(q.items), "Studiebewijzen")
    school = uow.schools.get(q.institution_number)
    if school is None:
        raise NotEnrolledHereError(f"institution {q.institution_number} is not known",
                                   field="Instellingsnummer")
    problems: list[tuple[int, Issue]] = []
    made: dict[int, Certificate] = {}
    enrollments: dict[str, list] = {}
    for position, item in enumerate(q.items):
        try:
            stamnummer = student_fields(item.student_id, item.stamnummer)
            data = item.data
            rules.check_date(data.obtained_on, receipt.today)
            rules.check_kind(data, school)
            rules.check_placement(data)
            if stamnummer not in enrollments:
                enrollments[stamnummer] = uow.enrollments.at_institution(
                    q.institution_number, stamnummer)
            enrollment = _enrolled(enrollments[stamnummer], q.institution_number,
                                   stamnummer, data.obtained_on)
        except DomainError as problem:
            problems.append((position, at(REGISTER_PATH, position, problem)))
            continue
        made[position] = Certificate(
            q.institution_number, item.student_id.strip(), stamnummer, enrollment.insz,
            data, school.name, school.special_needs, receipt.sender.sender_id,
            receipt.today)
    problems += duplicates([c.key for c in made.values()], list(made), REGISTER_PATH)
    if problems:
        return Answer(None, capped(problems))
    return _store(uow, q, made, receipt)


def _enrolled(enrollments, institution_number, stamnummer, day):
    """:raises NotEnrolledHereError: the school did not have the student that year."""
    year_start = school_year_start(school_year(day))
    for e in enrollments:
        if e.start_date <= day and (e.end_date is None or e.end_date >= year_start):
            return e
    known = ", ".join(f"{e.start_date} to {e.end_date or 'open'}" for e in enrollments)
    raise NotEnrolledHereError(
        f"stamnummer {stamnummer} was not enrolled at {institution_number} in the "
        f"school year of {day}" + (f" (its enrollments there: {known})" if known
                                   else " (no enrollment there at all)"),
        field="Stamnummer")


def _store(uow, q, made: dict[int, Certificate], receipt) -> Answer:
    existing = {c.key: c for c in uow.certificates.of_students(
        q.institution_number, {c.stamnummer for c in made.values()})} if made else {}
    new = unchanged = 0
    corrections = []
    for position, c in made.items():
        old = existing.get(c.key)
        if old is None:
            uow.certificates.add(c)
            new += 1
        elif (old.data, old.student_id) == (c.data, c.student_id):
            unchanged += 1
        else:
            if old.data != c.data:
                corrections.append((position, c))
            uow.certificates.update(dataclasses.replace(c, id=old.id))
    issues = _notices(made, corrections, receipt.today)
    return Answer(CertificatesStoredView(q.institution_number, new=new,
                                         replaced=len(made) - new - unchanged,
                                         unchanged=unchanged), issues)


def _notices(made, corrections, today) -> tuple[Issue, ...]:
    issues = []
    late = [(p, c) for p, c in made.items() if rules.is_late(c.data.obtained_on, today)]
    if late:
        position, earliest = min(late, key=lambda pc: pc[1].data.obtained_on)
        issues.append(at(REGISTER_PATH, position, LateCertificateNotice(
            f"{_count(len(late))} sent more than {rules.CERTIFICATE_DEADLINE_DAYS} "
            f"calendar days after it was obtained ({len(late)} of {len(made)} in the "
            f"message, the earliest obtained on {earliest.data.obtained_on}); send "
            "certificates within the week. They are stored")))
    if corrections:
        named = "; ".join(f"item {p + 1} ({c.stamnummer} {c.kind.value} "
                          f"{c.school_year}-{c.school_year + 1})"
                          for p, c in corrections[:_NAMED_CORRECTIONS])
        more = len(corrections) - _NAMED_CORRECTIONS
        issues.append(at(REGISTER_PATH, corrections[0][0], CertificateCorrectedNotice(
            f"{_count(len(corrections))} registered before with other data now "
            f"carry the new data: {named}" + (f"; and {more} more" if more > 0 else ""))))
    return tuple(issues)


def _count(n: int) -> str:
    return "1 certificate was" if n == 1 else f"{n} certificates were"
