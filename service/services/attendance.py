"""Use cases: school allowances ask the nursery attendance and the problematic absences
of one INSZ (GeefAantalAanwezigheden and GeefAantalProblematischeAfwezigheden 02.00,
VTC 16/2016; the emulator's own design: MAGDA publishes no contract for them).

Two services because they are two authorisations. Both check as GeefHistoriekInschrijving
does: the partner, its authorisation and capacity, the INSZ, the period and the
partner's registered interest in the person for the whole period; then count
(``domain/attendance.py``) from the enrollments and absences the schools sent. The
per-school breakdown (``Instellingen``) and, for attendance, the enrolled half days
(``AantalHalveDagenIngeschreven``) are optional fields an authorisation's field set
may leave out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from discimus_service.domain import attendance as counting, partners as rules
from discimus_service.domain.absence import AbsenceCode
from discimus_service.domain.attendance import NurseryStay, YearCount
from discimus_service.domain.errors import NoDataFoundError
from discimus_service.domain.identifiers import validate_insz
from discimus_service.domain.model import Niveau
from discimus_service.domain.school_calendar import calendar_year
from discimus_service.services.answers import Answer
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.partner_interest import require_partner
from discimus_service.services.ports import UnitOfWork

ATTENDANCE = "Onderwijs.GeefAantalAanwezigheden"
PROBLEMATIC = "Onderwijs.GeefAantalProblematischeAfwezigheden"
INSTITUTIONS = "Instellingen"
ENROLLED = "AantalHalveDagenIngeschreven"
OPTIONAL_FIELDS = {ATTENDANCE: (ENROLLED, INSTITUTIONS), PROBLEMATIC: (INSTITUTIONS,)}


@dataclass(frozen=True)
class CountQuestion:
    afzender: str                 # Context/Bericht/Afzender/Identificatie
    capacity: str | None          # Afzender/Hoedanigheid; None: the partner's default
    insz: str
    begin: dt.date
    end: dt.date


@dataclass(frozen=True)
class CountResult:
    """Per school year, oldest first; the authorisation it was answered under."""

    years: tuple[YearCount, ...]
    deliberation: str


@read_only
def nursery_attendance(uow: UnitOfWork, receipt: Receipt, q: CountQuestion) -> Answer:
    """Half days present in nursery per school year (``domain/attendance.py``).

    :raises AuthorisationError: no authorisation, capacity, or registration.
    :raises InvalidInszError: the INSZ fails its checks (MAGDA 20002).
    :raises NoDataFoundError: no nursery enrollment in the period (MAGDA 30101).
    :raises NoSchoolCalendarError: the period reaches a school year without a calendar.
    """
    authorisation, insz = _admit(uow, receipt, q, ATTENDANCE)
    stays = []
    for e in uow.enrollments.for_students([insz]):
        school = uow.schools.get(e.institution_number)
        if school is None or school.niveau is not Niveau.KLEUTER:
            continue
        first = max(e.start_date, e.first_attendance_date or e.start_date)
        if first > q.end or (e.end_date is not None and e.end_date < q.begin):
            continue
        absent = uow.absences.of_students(e.institution_number, [e.stamnummer],
                                          max(first, q.begin), min(q.end, e.end_date or q.end))
        stays.append(NurseryStay(e.institution_number, first, e.end_date,
                                 frozenset((a.date, a.half_day.value) for a in absent)))
    years = counting.present_half_days(stays, q.begin, q.end, receipt.today)
    if not years:
        raise NoDataFoundError(f"no nursery enrollment (Niveau 1) of INSZ {insz} between "
                               f"{q.begin} and {min(q.end, receipt.today)}", field="INSZ")
    return Answer(CountResult(_filtered(years, authorisation), authorisation.deliberation))


@read_only
def problematic_absences(uow: UnitOfWork, receipt: Receipt, q: CountQuestion) -> Answer:
    """Half days of code B per school year, at every school the person was enrolled.

    :raises AuthorisationError: no authorisation, capacity, or registration.
    :raises InvalidInszError: the INSZ fails its checks (MAGDA 20002).
    :raises NoDataFoundError: not enrolled anywhere in the period (MAGDA 30101).
    """
    authorisation, insz = _admit(uow, receipt, q, PROBLEMATIC)
    overlapping = [e for e in uow.enrollments.for_students([insz])
                   if e.start_date <= q.end and (e.end_date is None or e.end_date >= q.begin)]
    students = {(e.institution_number, e.stamnummer) for e in overlapping}
    # The school years the person was enrolled in, up to today: a year not begun yet
    # has no count to answer, not a count of 0.
    last = min(q.end, receipt.today)
    enrolled_years = {year for e in overlapping
                      if max(q.begin, e.start_date) <= min(last, e.end_date or last)
                      for year in range(calendar_year(max(q.begin, e.start_date)),
                                        calendar_year(min(last, e.end_date or last)) + 1)}
    if not students:
        raise NoDataFoundError(f"no enrollment of INSZ {insz} between {q.begin} and "
                               f"{q.end}", field="INSZ")
    b_half_days = [(institution, a.date, a.half_day.value)
                   for institution, stamnummer in sorted(students)
                   for a in uow.absences.of_students(institution, [stamnummer],
                                                     q.begin, q.end)
                   if a.code is AbsenceCode.B]
    years = counting.problematic_half_days(b_half_days, q.begin, q.end, enrolled_years)
    return Answer(CountResult(_filtered(years, authorisation), authorisation.deliberation))


def _admit(uow: UnitOfWork, receipt: Receipt, q: CountQuestion, service: str):
    """The authorisation the question is answered under, and the valid INSZ."""
    sender_id = receipt.sender.sender_id
    partner = require_partner(uow, receipt, q.afzender)
    capacity = q.capacity or partner.default_capacity
    authorisation = rules.require_authorisation(
        uow.partners.authorisations(sender_id, service), sender_id=sender_id,
        service=service, capacity=capacity, day=receipt.today)
    insz = validate_insz(q.insz)
    rules.check_period(q.begin, q.end)
    rules.require_registered(uow.interests.of_person(sender_id, insz), sender_id=sender_id,
                             capacity=capacity, insz=insz, begin=q.begin, end=q.end)
    return authorisation, insz


def _filtered(years: list[YearCount], authorisation) -> tuple[YearCount, ...]:
    """Leave out the optional fields the authorisation's field set does not grant."""
    out = []
    for year in years:
        if not authorisation.grants(INSTITUTIONS):
            year = replace(year, institutions=())
        if not authorisation.grants(ENROLLED):
            year = replace(year, enrolled_half_days=None)
        out.append(year)
    return tuple(out)
