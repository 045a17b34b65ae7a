"""Use cases: a school asks for certificates (message type 4, 000 §5.2).

- :func:`consult_certificates`: its own registrations, of one student or all, of one
  school year or all, a page at a time (keyset paging on the id, like absences).
- :func:`consult_previous_certificates`: once a student is enrolled with it, the
  certificates previous schools registered: those of secondary education of this and
  the previous school year, the primary certificate always (it replaces the paper one
  at the move to secondary education). Schools are matched by INSZ.
"""
from __future__ import annotations

import base64
import binascii

from discimus_service.domain import certificate as rules, identifiers
from discimus_service.domain.errors import InvalidContinuationError, NotEnrolledHereError
from discimus_service.domain.model import Enrollment, MessageType
from discimus_service.services.answers import Answer
from discimus_service.services.certificate_items import view_of
from discimus_service.services.certificate_views import (
    CertificatesConsultation, CertificatesView, StudentQuestion,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork

PAGE_SIZE = 500
_TOKEN_PREFIX = "sb1:"


@read_only
def consult_certificates(uow: UnitOfWork, receipt: Receipt,
                         q: CertificatesConsultation) -> Answer:
    """One page of the school's own certificates.

    :raises AuthorisationError: no mandate for this school and message type 4.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises InvalidContinuationError: the Vervolg is not one this service gave out.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.STUDIEBEWIJZEN)
    stamnummer = (identifiers.validate_stamnummer(q.stamnummer)
                  if q.stamnummer is not None else None)
    after = decode_continuation(q.continuation) if q.continuation else None
    rows = uow.certificates.page(q.institution_number, stamnummer=stamnummer,
                                 school_year=q.school_year, after=after,
                                 limit=PAGE_SIZE + 1)
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    token = encode_continuation(rows[-1].id) if more else None
    return Answer(CertificatesView(q.institution_number,
                                   [view_of(c, own=True) for c in rows], token))


@read_only
def consult_previous_certificates(uow: UnitOfWork, receipt: Receipt,
                                  q: StudentQuestion) -> Answer:
    """Certificates other schools registered for a student enrolled here.

    :raises AuthorisationError: no mandate for this school and message type 4.
    :raises NotEnrolledHereError: the student is not (or no longer) enrolled here.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.STUDIEBEWIJZEN)
    enrollment = enrolled_here(uow, q.institution_number, q.stamnummer, receipt.today)
    items = []
    if enrollment.insz:
        items = [view_of(c, enrollment.stamnummer)
                 for c in uow.certificates.of_person(enrollment.insz)
                 if c.institution_number != q.institution_number
                 and rules.visible_to_next_school(c, receipt.today)]
    return Answer(CertificatesView(q.institution_number, items, insz=enrollment.insz))


def enrolled_here(uow: UnitOfWork, institution_number: str, stamnummer: str,
                  today) -> Enrollment:
    """The student's enrollment at the school that runs today or starts later.

    "nadat een leerling ingeschreven werd" (000 §5.2): a student enrolled in July for
    September counts.

    :raises InvalidStamnummerError: the stamnummer is not valid.
    :raises NotEnrolledHereError: no such enrollment.
    """
    stamnummer = identifiers.validate_stamnummer(stamnummer)
    found = [e for e in uow.enrollments.at_institution(institution_number, stamnummer)
             if e.end_date is None or e.end_date >= today]
    if not found:
        raise NotEnrolledHereError(
            f"stamnummer {stamnummer} is not enrolled at {institution_number} today or "
            "later: a school sees certificates only of its own students",
            field="Stamnummer")
    return found[-1]


def encode_continuation(last_id: int) -> str:
    raw = base64.urlsafe_b64encode(str(last_id).encode()).decode()
    return _TOKEN_PREFIX + raw.rstrip("=")


def decode_continuation(token: str) -> int:
    """:raises InvalidContinuationError: not a token of this service."""
    try:
        if not token.startswith(_TOKEN_PREFIX):
            raise ValueError(token)
        body = token[len(_TOKEN_PREFIX):]
        return int(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidContinuationError(
            "the Vervolg is not one this service gave out: copy it unchanged from the "
            "previous answer of GeefStudiebewijzen", field="Vervolg") from None
