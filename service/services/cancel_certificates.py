"""Use case: a school's package cancels certificates it registered (message type 4).

For a certificate registered by mistake, or under the wrong kind or school year (cancel
it, then register the right one). All or nothing: a certificate not registered at this
school is a FOUT (30300) and nothing is removed.
"""
from __future__ import annotations

from discimus_service.domain.errors import CertificateNotFoundError, DomainError
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.certificate_items import (
    CANCEL_PATH, at, capped, check_count, duplicates, student_fields,
)
from discimus_service.services.certificate_views import (
    CancelCertificatesQuestion, CertificatesStoredView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork


def cancel_certificates(uow: UnitOfWork, receipt: Receipt,
                        q: CancelCertificatesQuestion) -> Answer:
    """Remove every certificate of the message, or none of them.

    :raises AuthorisationError: no mandate for this school and message type 4.
    :raises TooManyItemsError: more than 1,000 certificates in the message.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.STUDIEBEWIJZEN)
    check_count(len(q.items), "TeAnnulerenStudiebewijzen")
    problems: list[tuple[int, Issue]] = []
    keys: dict[int, tuple] = {}
    for position, item in enumerate(q.items):
        try:
            stamnummer = student_fields(item.student_id, item.stamnummer)
        except DomainError as problem:
            problems.append((position, at(CANCEL_PATH, position, problem)))
            continue
        keys[position] = (q.institution_number, stamnummer, item.kind, item.school_year)
    repeats = duplicates(list(keys.values()), list(keys), CANCEL_PATH)
    problems += repeats
    for position, _issue in repeats:         # said once: a repeat, not also missing
        del keys[position]
    existing = {c.key: c for c in uow.certificates.of_students(
        q.institution_number, {k[1] for k in keys.values()})} if keys else {}
    ids = []
    for position, key in keys.items():
        found = existing.get(key)
        if found is None:
            problems.append((position, at(CANCEL_PATH, position, CertificateNotFoundError(
                f"no {key[2].value} of stamnummer {key[1]} in school year "
                f"{key[3]}-{key[3] + 1} is registered at {q.institution_number}",
                field="Soort"))))
        elif found.id not in ids:
            ids.append(found.id)
    if problems:
        return Answer(None, capped(problems))
    uow.certificates.remove(ids)
    return Answer(CertificatesStoredView(q.institution_number, cancelled=len(ids)))
