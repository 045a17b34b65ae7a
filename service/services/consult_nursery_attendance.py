"""Use case: GeefKleuterparticipatie, half days of nursery attendance (004 §34, §39).

"In het basisonderwijs kunnen scholen ook informatie raadplegen over hoeveel halve dagen
een kind kleuteronderwijs volgde" (000 §3.2): below 220 or 185 half days present (by
age) in the previous school year, the child takes a language test before primary
(004 §34); a school taking over a nursery pupil needs the other school's count (§39).

Present is derived, never sent (only absences are registered): for each enrollment at a
nursery school (``School.niveau`` 1; the emulator's schools are all Dutch-language
schools of the Flemish Community) that school year, its school half days
(:mod:`domain.school_calendar`) minus the half days that school registered absent,
whatever the code. The other schools' counts are found by INSZ.
"""
from __future__ import annotations

from collections import defaultdict

from discimus_service.domain import absence_counts as attendance, school_calendar
from discimus_service.domain.errors import (
    NotBasicEducationError, SchoolYearNotAskableError,
)
from discimus_service.domain.model import MessageType, Niveau
from discimus_service.domain.schoolyear import (
    school_year, school_year_end, school_year_start,
)
from discimus_service.services.absence_consult_views import (
    NurseryConsultation, NurseryResult, NurserySchoolView, NurseryView,
)
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.own_students import enrolled_today, enrollments_of
from discimus_service.services.ports import UnitOfWork

# Absence data are kept 5 years after the school year (004 §71).
_YEARS_BACK = 5


@read_only
def consult_nursery_attendance(uow: UnitOfWork, receipt: Receipt,
                               q: NurseryConsultation) -> Answer:
    """Nursery attendance of the school's students in one school year, and whether it
    reaches the threshold of their age.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises NotBasicEducationError: the asking school is not a nursery or primary school.
    :raises SchoolYearNotAskableError: the school year is not a past one within 5 years.
    :raises NotEnrolledHereError: the student asked for is not enrolled here today.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    school = uow.schools.get(q.institution_number)
    if school is None or school.niveau not in (Niveau.KLEUTER, Niveau.LAGER):
        raise NotBasicEducationError(
            f"institution {q.institution_number} is not a nursery or primary school; "
            "nursery attendance is consulted in basic education", field="Instellingsnummer")
    current = school_year(receipt.today)
    year = q.school_year if q.school_year is not None else current - 1
    if not current - _YEARS_BACK <= year < current:
        raise SchoolYearNotAskableError(
            f"Schooljaar {year}: nursery attendance is given for an ended school year "
            f"from {current - _YEARS_BACK} to {current - 1}", field="Schooljaar")
    own = enrolled_today(uow, q.institution_number, q.stamnummer, receipt.today)
    first, last = school_year_start(year), school_year_end(year)
    records = enrollments_of(uow, own, first, last)
    niveau = {}
    nursery: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for mine, enrollments in records.items():
        for e in enrollments:
            if e.institution_number not in niveau:
                found = uow.schools.get(e.institution_number)
                niveau[e.institution_number] = found.niveau if found else None
            if niveau[e.institution_number] is Niveau.KLEUTER:
                nursery[mine][e.institution_number].append(e)
    birth = {e.stamnummer: (e.insz, e.identification.birth_date) for e in own}
    students = [_student(uow, mine, birth[mine], nursery[mine], year)
                for mine in sorted(nursery)]
    return Answer(NurseryResult(q.institution_number, year,
                                not school_calendar.in_table(year), students))


def _student(uow, mine, person, schools, year) -> NurseryView:
    insz, birth_date = person
    first, last = school_year_start(year), school_year_end(year)
    shares = []
    for number in sorted(schools):
        enrollments = schools[number]
        absent = [(a.date, a.half_day) for a in uow.absences.of_students(
            number, {e.stamnummer for e in enrollments}, first, last)]
        total, missed, present = attendance.present_half_days(
            year, [(e.start_date, e.end_date) for e in enrollments], absent)
        shares.append(NurserySchoolView(number, total, missed, present))
    age, threshold = attendance.nursery_threshold(birth_date, year)
    present = sum(s.present for s in shares)
    return NurseryView(mine, insz, birth_date, age, sum(s.school_half_days for s in shares),
                       sum(s.absent for s in shares), present, threshold,
                       None if threshold is None else present >= threshold, shares)
