"""Use case: a school asks for its students' problematic absences at other schools.

"Scholen en centra [kunnen] zowel voor het lopende als het daaraan voorafgaande
schooljaar de problematische afwezigheden van hun leerplichtige en meerderjarige
leerlingen opvragen", also when another school registered them (000 §3.2), as
aggregated counts: student, code, institution, number of half days (004 §66). A school
changing mid-year needs them: the 30 half days that oblige a CLB to act run across
schools (004 §30, §78).

Only for the school's own students, enrolled there today and known by INSZ (a
stamnummer means nothing at another school). The cost is one count per other school
and year, grouped in the database.
"""
from __future__ import annotations

from collections import defaultdict

from discimus_service.domain import absence as rules, identifiers
from discimus_service.domain.absence import AbsenceCode
from discimus_service.domain.errors import NotEnrolledHereError
from discimus_service.domain.model import MessageType
from discimus_service.services.absence_views import (
    ProblematicConsultation, ProblematicCountView, ProblematicView,
)
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork


@read_only
def consult_problematic_absences(uow: UnitOfWork, receipt: Receipt,
                                 q: ProblematicConsultation) -> Answer:
    """B half days other schools registered for the school's students, per school year.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises NotEnrolledHereError: the student asked for is not enrolled here today.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    today = receipt.today
    stamnummer = (identifiers.validate_stamnummer(q.stamnummer)
                  if q.stamnummer is not None else None)
    own = [e for e in uow.enrollments.at_institution(q.institution_number, stamnummer)
           if rules.enrollment_on([e], today) is not None]
    if stamnummer is not None and not own:
        raise NotEnrolledHereError(f"stamnummer {stamnummer} is not enrolled at "
                                   f"{q.institution_number} today", field="Stamnummer")
    here = {e.insz: e.stamnummer for e in own if e.insz}
    years = rules.problematic_school_years(today)
    # The other schools' stamnummers of these students, per other school.
    elsewhere: dict[str, dict[str, str]] = defaultdict(dict)
    for e in uow.enrollments.for_students(here):
        if e.institution_number != q.institution_number:
            elsewhere[e.institution_number][e.stamnummer] = e.insz
    items = []
    for other in sorted(elsewhere):
        students = elsewhere[other]
        for year, first, last in years:
            counts = uow.absences.count_code(other, students, AbsenceCode.B, first, last)
            items += [ProblematicCountView(here[students[s]], students[s], other, year, n)
                      for s, n in sorted(counts.items())]
    items.sort(key=lambda i: (i.stamnummer, i.school_year, i.other_institution_number))
    return Answer(ProblematicView(q.institution_number, items))
