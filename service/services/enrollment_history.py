"""Use case: a partner asks the enrollment history of one INSZ over a period
(MAGDA Onderwijs.GeefHistoriekInschrijving 02.01, issue 7, service 2).

Answered live from what the schools sent (the enrollments table): every enrollment of
the person at any school that overlaps the asked period, oldest first, with what the
school side knows of the institution. The partner must hold the authorisation, in the
capacity it asks in, and have registered its interest in the person for the whole
period (domain/partners.py).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from discimus_service.domain import partners as rules
from discimus_service.domain.errors import NoDataFoundError
from discimus_service.domain.identifiers import validate_insz
from discimus_service.domain.schoolyear import school_year
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.partner_interest import require_partner
from discimus_service.services.ports import UnitOfWork

SERVICE = "Onderwijs.GeefHistoriekInschrijving"
MAX_ENROLLMENTS = 99              # InschrijvingenType maxOccurs


@dataclass(frozen=True)
class HistoryQuestion:
    afzender: str                 # Context/Bericht/Afzender/Identificatie
    capacity: str | None          # Afzender/Hoedanigheid; None: the partner's default
    insz: str
    begin: dt.date
    end: dt.date


@dataclass(frozen=True)
class HistoryEntry:
    """One enrollment as the partner sees it (names, not the student's identity)."""

    discimus_referte: int
    institution_number: str
    institution_name: str | None
    institution_niveau: int | None
    institution_municipality: str | None
    establishment: str | None
    administrative_group: str
    school_year: int
    start_date: dt.date
    end_date: dt.date | None
    registration_date: dt.date
    first_attendance_date: dt.date | None
    reason: str | None            # Aanleiding of the de-registration
    situation_after: str | None


@dataclass(frozen=True)
class HistoryResult:
    entries: tuple[HistoryEntry, ...]


@read_only
def enrollment_history(uow: UnitOfWork, receipt: Receipt, q: HistoryQuestion
                       ) -> Answer:
    """:raises AuthorisationError: no authorisation, capacity, or registration.
    :raises InvalidInszError: the INSZ fails its checks (MAGDA 20002).
    :raises NoDataFoundError: no enrollment in the period (MAGDA 30101).
    """
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    capacity = q.capacity or partner.default_capacity
    authorisation = rules.require_authorisation(
        uow.partners.authorisations(sender_id, SERVICE), sender_id=sender_id,
        service=SERVICE, capacity=capacity, day=receipt.today)
    insz = validate_insz(q.insz)
    rules.check_period(q.begin, q.end)
    rules.require_registered(uow.interests.of_person(sender_id, insz), sender_id=sender_id,
                             capacity=capacity, insz=insz, begin=q.begin, end=q.end)
    found = sorted((e for e in uow.enrollments.for_students([insz])
                    if e.start_date <= q.end and (e.end_date is None or e.end_date >= q.begin)),
                   key=lambda e: (e.start_date, e.id or 0))
    if not found:
        raise NoDataFoundError(f"no enrollment of INSZ {insz} between {q.begin} and "
                               f"{q.end}", field="INSZ")
    entries = []
    for e in found[:MAX_ENROLLMENTS]:
        school = uow.schools.get(e.institution_number)
        d = e.deregistration
        entries.append(HistoryEntry(
            discimus_referte=e.id or 0, institution_number=e.institution_number,
            institution_name=school.name if school else None,
            institution_niveau=int(school.niveau) if school else None,
            institution_municipality=(school.municipality or None) if school else None,
            establishment=e.establishment, administrative_group=e.administrative_group,
            school_year=school_year(e.start_date), start_date=e.start_date,
            end_date=e.end_date, registration_date=e.registration_date,
            first_attendance_date=e.first_attendance_date,
            reason=d.reason.value if d else None,
            situation_after=d.situation_after if d else None))
    return Answer(HistoryResult(tuple(_granted(e, authorisation) for e in entries)))


# The answer's optional fields an authorisation's field set may leave out, by their
# element names in the answer, with the entry fields that carry them.
OPTIONAL_FIELDS = {"Adres": ("institution_municipality",),
                   "OnderwijsLocatie": ("establishment",),
                   "DatumEersteLes": ("first_attendance_date",),
                   "Uitschrijving": ("reason", "situation_after")}


def _granted(entry: HistoryEntry, authorisation) -> HistoryEntry:
    left_out = {name: None for field, names in OPTIONAL_FIELDS.items()
                if not authorisation.grants(field) for name in names}
    return dataclasses.replace(entry, **left_out) if left_out else entry
