"""The counts that run on across schools this school year (004 §30, §78).

Shared by GeefDoorlopendeTellingen and GeefLeerlingenMet30Problematisch: for each of
the school's students, the problematic half days (B) and the sick notes without a
medical certificate registered this school year by every school the student was
enrolled at (the asking one included), school by school. A school only gives its
count, never the days (004 §78); the day of the 30th half day is the one date given,
as the CLB receives it (001 VTC 05/2016).

Cost: the half days of these students at these schools this school year, read per
school through the (institution, stamnummer, date) key, counted here.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from discimus_service.domain import absence_counts as attendance
from discimus_service.domain.absence import AbsenceCode
from discimus_service.domain.errors import SchoolYearNotAskableError
from discimus_service.domain.schoolyear import (
    school_year, school_year_end, school_year_start,
)
from discimus_service.services.absence_consult_views import (
    RunningCountsView, SchoolCountView,
)
from discimus_service.services.own_students import enrolled_today, enrollments_of
from discimus_service.services.ports import UnitOfWork


def running_counts(uow: UnitOfWork, institution_number: str, stamnummer: str | None,
                   today: dt.date, year: int | None = None
                   ) -> tuple[int, list[RunningCountsView]]:
    """``(school year, counts)``: the students with a B half day or a sick note in the
    school year (None: the current one), by stamnummer.

    :raises SchoolYearNotAskableError: neither the current nor the previous school year.
    :raises InvalidStamnummerError: the stamnummer asked for is not valid.
    :raises NotEnrolledHereError: the student asked for is not enrolled here today.
    """
    current = school_year(today)
    year = current if year is None else year
    if year not in (current, current - 1):
        raise SchoolYearNotAskableError(
            f"Schooljaar {year}: the counts are given for the current school year "
            f"({current}) or the previous one ({current - 1}) (000 §3.2)",
            field="Schooljaar")
    first, last = school_year_start(year), min(today, school_year_end(year))
    own = enrolled_today(uow, institution_number, stamnummer, today)
    records = enrollments_of(uow, own, first, last)
    # Per school: its stamnummer of each student -> the student's stamnummer here.
    at_school: dict[str, dict[str, str]] = defaultdict(dict)
    for mine, enrollments in records.items():
        for e in enrollments:
            at_school[e.institution_number][e.stamnummer] = mine
    problematic: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    notes: dict[str, dict[str, int]] = defaultdict(dict)
    for school in sorted(at_school):
        students = at_school[school]
        marked: dict[str, list] = defaultdict(list)
        for a in uow.absences.of_students(school, students, first, last):
            if a.code is AbsenceCode.B:
                problematic[students[a.stamnummer]][school].append(a.date)
            elif a.code is AbsenceCode.Z and a.without_certificate:
                marked[a.stamnummer].append((a.date, a.half_day))
        for theirs, half_days in marked.items():
            notes[students[theirs]][school] = attendance.sick_notes(half_days, year)
    insz = {e.stamnummer: e.insz for e in own}
    out = []
    for mine in sorted(set(problematic) | set(notes)):
        schools = sorted(set(problematic[mine]) | set(notes[mine]))
        days = sorted(d for s in schools for d in problematic[mine][s])
        b_total = len(days)
        note_total = sum(notes[mine].values())
        out.append(RunningCountsView(
            mine, insz.get(mine), b_total, note_total,
            b_total >= attendance.PROBLEMATIC_LIMIT,
            note_total > attendance.SICK_NOTES_PER_YEAR,
            [SchoolCountView(s, len(problematic[mine][s]), notes[mine].get(s, 0))
             for s in schools],
            days[attendance.PROBLEMATIC_LIMIT - 1]
            if b_total >= attendance.PROBLEMATIC_LIMIT else None))
    return year, out
