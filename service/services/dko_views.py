"""Questions and results of the DKO and identification-number use cases: plain values.

Like ``views.py``: journaled as JSON, so only dataclasses, enums, dates, strings and
numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from discimus_service.domain.dko import Discipline, FeeCategory
from discimus_service.domain.identification_numbers import NumberKind
from discimus_service.domain.model import Identification


@dataclass(frozen=True)
class DkoQuestion:
    """RegistreerDkoInschrijving and CorrigeerDkoInschrijving."""

    institution_number: str
    school_year: int
    identification: Identification
    discipline: Discipline
    fee_category: FeeCategory
    registration_date: dt.date


@dataclass(frozen=True)
class DkoDeregistrationQuestion:
    """RegistreerDkoUitschrijving: which registration ends, and on which day."""

    institution_number: str
    stamnummer: str
    school_year: int
    end_date: dt.date


@dataclass(frozen=True)
class DkoView:
    discimus_referte: int
    institution_number: str
    academy_name: str | None
    stamnummer: str
    school_year: int
    insz: str | None
    discipline: Discipline
    fee_category: FeeCategory
    registration_date: dt.date
    end_date: dt.date | None
    status: str                     # INGESCHREVEN or UITGESCHREVEN


@dataclass(frozen=True)
class NumbersQuestion:
    """GeefIdentificatienummers: an institution's supplied, pseudo and wrong numbers."""

    institution_number: str
    stamnummer: str | None = None
    continuation: str | None = None


@dataclass(frozen=True)
class NumberView:
    stamnummer: str
    first_name: str
    last_name: str
    birth_date: dt.date
    kind: NumberKind
    insz: str | None
    insz_sent: str | None
    decided_on: dt.date
    diagnose: str


@dataclass(frozen=True)
class NumbersView:
    institution_number: str
    items: list[NumberView]
    continuation: str | None = None
