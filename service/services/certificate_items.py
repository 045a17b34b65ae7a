"""Checking the items of a certificate message: every item, every problem, by position.

The habits of ``absence_items.py``: a message is one transaction; a refused one lists
each problem with its item's path in ``Omstandigheid``
(``Studiebewijzen/Studiebewijs[3]/Graad``, 1-based as in XPath).
"""
from __future__ import annotations

import dataclasses

from discimus_service.domain import certificate as rules, identifiers
from discimus_service.domain.certificate import KIND_RULES, Certificate, CertificateData
from discimus_service.domain.errors import (
    DomainError, DuplicateCertificateError, MissingFieldError, Notice, TooManyItemsError,
)
from discimus_service.services.answers import Issue
from discimus_service.services.certificate_views import CertificateView

REGISTER_PATH = "Studiebewijzen/Studiebewijs"
CANCEL_PATH = "TeAnnulerenStudiebewijzen/Studiebewijs"
MAX_REPORTED = 100


def at(path: str, position: int, problem: DomainError | Notice) -> Issue:
    """The problem as an Issue about item ``position`` (0-based) under ``path``."""
    sub = getattr(problem, "field", None)
    where = f"{path}[{position + 1}]" + (f"/{sub}" if sub and sub != "Studiebewijs"
                                         else "")
    return Issue(problem.code, problem.severity.value, problem.diagnose, where)


def capped(problems: list[tuple[int, Issue]]) -> tuple[Issue, ...]:
    """The problems in item order, at most :data:`MAX_REPORTED` of them."""
    ordered = [i for _p, i in sorted(problems, key=lambda pi: pi[0])]
    if len(ordered) <= MAX_REPORTED:
        return tuple(ordered)
    shown, more = ordered[:MAX_REPORTED], len(ordered) - MAX_REPORTED
    shown[-1] = dataclasses.replace(
        shown[-1], diagnose=f"{shown[-1].diagnose} (and {more} more problems not listed)")
    return tuple(shown)


def check_count(count: int, field: str) -> None:
    """:raises TooManyItemsError: more than ``MAX_ITEMS_PER_MESSAGE`` items."""
    if count > rules.MAX_ITEMS_PER_MESSAGE:
        raise TooManyItemsError(
            f"the message holds {count} certificates; at most "
            f"{rules.MAX_ITEMS_PER_MESSAGE} fit in one message: send the rest in "
            "further messages", field=field)


def student_fields(student_id: str, stamnummer: str) -> str:
    """:returns: the normalised stamnummer.

    :raises MissingFieldError: no Unieke Identificator Leerling.
    :raises InvalidStamnummerError: the stamnummer is not valid.
    """
    if not (student_id or "").strip():
        raise MissingFieldError("the Unieke Identificator Leerling is required",
                                field="UniekeIdentificatorLeerling")
    return identifiers.validate_stamnummer(stamnummer)


def duplicates(keys: list[tuple], positions: list[int], path: str
               ) -> list[tuple[int, Issue]]:
    """Items whose key appeared earlier in the message, as problems."""
    first: dict[tuple, int] = {}
    out = []
    for position, key in zip(positions, keys):
        if key in first:
            out.append((position, at(path, position, DuplicateCertificateError(
                f"this certificate of this student and school year is also item "
                f"{first[key] + 1} of the message; send each certificate once",
                field="Studiebewijs"))))
        else:
            first[key] = position
    return out


def full_name(data: CertificateData) -> str:
    return data.full_name or KIND_RULES[data.kind].name


def view_of(c: Certificate, stamnummer: str | None = None, *,
            own: bool = False) -> CertificateView:
    """A certificate as the asking school sees it (under its own stamnummer)."""
    d = c.data
    return CertificateView(
        institution_number=c.institution_number, institution_name=c.institution_name,
        stamnummer=stamnummer or c.stamnummer, kind=d.kind, obtained_on=d.obtained_on,
        school_year=c.school_year, full_name=full_name(d), grade=d.grade, year=d.year,
        form=d.form, study_field=d.study_field, study_field_code=d.study_field_code,
        excluded_forms=tuple(d.excluded_forms),
        student_id=c.student_id if own else None)
