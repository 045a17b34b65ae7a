"""Questions and results of the record use cases (message types 5, 6 and 8): plain values.

Journaled as JSON, like ``views.py``: only dataclasses, dates, strings and numbers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


# -- message type 5: disciplinary measures ----------------------------------------------
@dataclass(frozen=True)
class MeasureQuestion:
    """RegistreerTuchtmaatregel or CorrigeerTuchtmaatregel."""

    institution_number: str
    student_id: str
    stamnummer: str
    insz: str
    measure_type: str
    start_date: dt.date
    end_date: dt.date | None = None


@dataclass(frozen=True)
class MeasureKey:
    """AnnuleerTuchtmaatregel: which measure."""

    institution_number: str
    stamnummer: str
    measure_type: str
    start_date: dt.date


# -- message type 6: supported students ---------------------------------------------------
@dataclass(frozen=True)
class SupportQuestion:
    """RegistreerOndersteuning or CorrigeerOndersteuning."""

    institution_number: str
    student_id: str
    stamnummer: str
    start_date: dt.date
    supporting_institution: str
    insz: str | None = None


@dataclass(frozen=True)
class SupportKey:
    """AnnuleerOndersteuning: the student's support in the school year of ``start_date``."""

    institution_number: str
    stamnummer: str
    start_date: dt.date


# -- message type 8: refusals and dissolutions --------------------------------------------
@dataclass(frozen=True)
class RefusalQuestion:
    """RegistreerWeigering or CorrigeerWeigering."""

    institution_number: str
    student_id: str
    insz: str
    kind: str
    date: dt.date
    stamnummer: str | None = None


@dataclass(frozen=True)
class RefusalKey:
    """AnnuleerWeigering: which refusal."""

    institution_number: str
    insz: str
    date: dt.date


# -- shared ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordsConsultation:
    """Geef…: the school's records, of one school year or all."""

    institution_number: str
    school_year: int | None = None


@dataclass(frozen=True)
class RecordView:
    """One record as the school sees it back."""

    institution_number: str
    start_date: dt.date
    received_on: dt.date
    stamnummer: str | None = None
    student_id: str | None = None
    insz: str | None = None
    subtype: str | None = None
    end_date: dt.date | None = None
    other_institution: str | None = None


# What a write did to the record.
NEW, CHANGED, UNCHANGED, CANCELLED = "NIEUW", "GEWIJZIGD", "ONGEWIJZIGD", "GEANNULEERD"


@dataclass(frozen=True)
class RecordStoredView:
    """The outcome of a registration, correction or cancellation, and the record."""

    institution_number: str
    outcome: str
    record: RecordView


@dataclass(frozen=True)
class RecordsView:
    institution_number: str
    items: list[RecordView]
