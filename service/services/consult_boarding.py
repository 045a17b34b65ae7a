"""Use cases: what a boarding school consults (message type 7, 000 §8).

- its own registrations of a school year;
- "waar de leerling schoolloopt": for each of its boarders the enrollments the schools
  sent (message type 1) that share a day with the stay: school, administrative group,
  enrollment period and whether it is special-needs education.

A school year's boarders of one boarding school are one answer: a boarding school
houses some hundreds at most, so there is no Vervolg.
"""
from __future__ import annotations

from discimus_service.domain import boarding as rules, identifiers
from discimus_service.domain.errors import InvalidDateError
from discimus_service.domain.schoolyear import (
    school_year, school_year_end, school_year_start,
)
from discimus_service.services.answers import Answer
from discimus_service.services.boarding_common import require_boarding_school, view_of
from discimus_service.services.boarding_views import (
    BoarderSchoolsView, BoardersSchoolsView, BoardingConsultation, BoardingListView,
    SchoolEnrollmentView,
)
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork


def _stays(uow: UnitOfWork, receipt: Receipt, q: BoardingConsultation):
    require_boarding_school(uow, receipt, q.institution_number)
    year = q.school_year if q.school_year is not None else school_year(receipt.today)
    if year < rules.PARTICIPATION_FROM:
        raise InvalidDateError(
            f"school year {year}-{year + 1} lies before {rules.PARTICIPATION_FROM}-"
            f"{rules.PARTICIPATION_FROM + 1}, when boarding schools joined Discimus",
            field="Schooljaar")
    stamnummer = (identifiers.validate_stamnummer(q.stamnummer)
                  if q.stamnummer is not None else None)
    return year, uow.boarding.starting_in(q.institution_number, school_year_start(year),
                                          school_year_end(year), stamnummer=stamnummer)


@read_only
def consult_boarding(uow: UnitOfWork, receipt: Receipt, q: BoardingConsultation) -> Answer:
    """The boarding school's own stays of a school year.

    :raises NotABoardingSchoolError: the institution is no boarding school.
    :raises AuthorisationError: no mandate for message type 7.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises InvalidDateError: a school year before 2019-2020.
    """
    year, stays = _stays(uow, receipt, q)
    return Answer(BoardingListView(q.institution_number, year,
                                   [view_of(s) for s in stays]))


@read_only
def consult_boarders_schools(uow: UnitOfWork, receipt: Receipt,
                             q: BoardingConsultation) -> Answer:
    """Where the boarding school's boarders of a school year go to school.

    Only enrollments sharing a day with the stay are shown, found by the boarder's
    INSZ (a boarder without one has none).

    :raises NotABoardingSchoolError: the institution is no boarding school.
    :raises AuthorisationError: no mandate for message type 7.
    """
    year, stays = _stays(uow, receipt, q)
    by_insz: dict[str, list] = {}
    for e in uow.enrollments.for_students(s.insz for s in stays if s.insz):
        by_insz.setdefault(e.insz, []).append(e)
    schools: dict[str, object] = {}

    def school(number: str):
        if number not in schools:
            schools[number] = uow.schools.get(number)
        return schools[number]

    items = []
    for stay in stays:
        enrollments = [e for e in by_insz.get(stay.insz, [])
                       if rules.school_periods_overlap(stay, e.start_date, e.end_date)]
        given = school(stay.school_number) if stay.school_number else None
        i = stay.identification
        items.append(BoarderSchoolsView(
            stamnummer=i.stamnummer, insz=i.insz, last_name=i.last_name,
            first_name=i.first_name, start_date=stay.start_date, end_date=stay.end_date,
            school_number=stay.school_number, school_name=given.name if given else None,
            schools=[SchoolEnrollmentView(
                institution_number=e.institution_number,
                institution_name=(school(e.institution_number).name
                                  if school(e.institution_number) else None),
                administrative_group=e.administrative_group, start_date=e.start_date,
                end_date=e.end_date,
                special_needs=bool(school(e.institution_number)
                                   and school(e.institution_number).special_needs))
                for e in enrollments]))
    return Answer(BoardersSchoolsView(q.institution_number, year, items))
