"""Questions and results of the certificate use cases (message type 4): plain values.

Like ``absence_views.py``: journaled as JSON, so only dataclasses, enums, dates,
strings, booleans and numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.admission import Condition, Outcome, StudyDomain
from discimus_service.domain.certificate import CertificateData, CertificateKind, Form


@dataclass(frozen=True)
class CertificateItem:
    """One certificate of a registration message."""

    student_id: str                  # Unieke Identificator Leerling
    stamnummer: str
    data: CertificateData


@dataclass(frozen=True)
class CancelItem:
    """One registered certificate to cancel: its student, kind and school year."""

    student_id: str
    stamnummer: str
    kind: CertificateKind
    school_year: int


@dataclass(frozen=True)
class CertificatesQuestion:
    """RegistreerStudiebewijzen: one school, many certificates."""

    institution_number: str
    items: tuple[CertificateItem, ...]


@dataclass(frozen=True)
class CancelCertificatesQuestion:
    """AnnuleerStudiebewijzen: one school, certificates registered before."""

    institution_number: str
    items: tuple[CancelItem, ...]


@dataclass(frozen=True)
class CertificatesStoredView:
    institution_number: str
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class CertificatesConsultation:
    """GeefStudiebewijzen: the school's own registrations, one page at a time."""

    institution_number: str
    stamnummer: str | None = None
    school_year: int | None = None
    continuation: str | None = None


@dataclass(frozen=True)
class StudentQuestion:
    """GeefVorigeStudiebewijzen: one student enrolled at the asking school."""

    institution_number: str
    stamnummer: str


@dataclass(frozen=True)
class CertificateView:
    """A certificate as a school sees it; ``stamnummer`` is the asking school's."""

    institution_number: str          # the school that gave it
    institution_name: str
    stamnummer: str
    kind: CertificateKind
    obtained_on: dt.date
    school_year: int
    full_name: str
    grade: int | None = None
    year: int | None = None
    form: Form | None = None
    study_field: str | None = None
    study_field_code: str | None = None
    excluded_forms: tuple[Form, ...] = ()
    student_id: str | None = None    # own registrations only


@dataclass(frozen=True)
class CertificatesView:
    institution_number: str
    items: list[CertificateView]
    continuation: str | None = None
    insz: str | None = None          # previous schools: the INSZ they were matched by


@dataclass(frozen=True)
class CheckQuestion:
    """ControleerToelatingsvoorwaarden / ControleerOvergang: a student and a class."""

    institution_number: str
    stamnummer: str
    grade: int
    year: int
    form: Form
    domain: StudyDomain | None = None
    date: dt.date | None = None      # the day of the change (transition only)


@dataclass(frozen=True)
class AdmissionView:
    institution_number: str
    stamnummer: str
    grade: int
    year: int
    form: Form
    outcome: Outcome
    conditions: tuple[Condition, ...]
    rule_id: str | None
    reason: str
    based_on: CertificateView | None = None


@dataclass(frozen=True)
class TransitionView:
    institution_number: str
    stamnummer: str
    date: dt.date
    council_needed: bool
    reasons: tuple[str, ...]
    admission: AdmissionView
