"""Quality feedback rules: the comparison, the enrollment and the absence control panel.

Mutation testing (tools/mutation.py, target domain): the one survivor of quality.py is
equivalent: ``len(days) > 1`` turned into ``!= 1`` (a group has at least one day).
(Run of the three new rule modules: 609 mutants, 547 killed before the last tests were
added; the survivors of attendance.py and school_calendar.py are listed in
test_attendance.py.)
"""
import datetime as dt

from discimus_service.domain import quality as q
from discimus_service.domain.absence import Absence, AbsenceCode as C, HalfDay
from discimus_service.domain.model import Aanleiding, Deregistration, Niveau, School
from tests import factories as f

D = dt.date


def listed(e, **kw):
    i = e.identification
    base = dict(stamnummer=i.stamnummer, insz=i.insz, first_name=i.first_name,
                last_name=i.last_name, birth_date=i.birth_date,
                administrative_group=None)
    return q.ListedStudent(**{**base, **kw})


def test_the_comparison_finds_missing_unknown_and_differing_fields():
    a = f.enrollment_of(f.question())
    b = f.enrollment_of(f.question(identification=f.identification(stamnummer="2600002",
                                                                   sequence=2)))
    c = f.enrollment_of(f.question(identification=f.identification(stamnummer="2600003",
                                                                   sequence=3)))
    school = [listed(a), listed(b, last_name="Peters", birth_date=D(2012, 3, 16),
                                administrative_group="1B"),
              q.ListedStudent("2600009", None, "Nora", "Claes", D(2012, 1, 1))]
    diffs = q.compare(school, [a, b, c])
    assert [(d.stamnummer, d.kind, d.field, d.at_school, d.at_agodi) for d in diffs] == [
        ("2600002", q.DifferenceKind.DIFFERENT, "AdministratieveGroep", "1B", "1A"),
        ("2600002", q.DifferenceKind.DIFFERENT, "Geboortedatum", "2012-03-16",
         "2012-03-15"),
        ("2600002", q.DifferenceKind.DIFFERENT, "Naam", "Peters", "Peeters"),
        ("2600003", q.DifferenceKind.UNKNOWN_TO_SCHOOL, None, None, None),
        ("2600009", q.DifferenceKind.MISSING_AT_AGODI, None, None, None)]


def test_a_student_missing_at_agodi_does_not_stop_the_comparison():
    a = f.enrollment_of(f.question())
    diffs = q.compare([q.ListedStudent("2600009", None, "Nora", "Claes", D(2012, 1, 1)),
                       listed(a, last_name="Peters")], [a])
    assert [(d.stamnummer, d.kind) for d in diffs] == [
        ("2600001", q.DifferenceKind.DIFFERENT), ("2600009", q.DifferenceKind.MISSING_AT_AGODI)]


def test_the_values_are_frozen_and_the_list_limit_is_the_contracts():
    import dataclasses
    import pytest
    a = f.enrollment_of(f.question())
    for value in (listed(a), q.Difference("2600001", q.DifferenceKind.DIFFERENT),
                  q.Problem(q.ProblemKind.PENDING_NUMBER, "2600001", "x", D(2026, 9, 1))):
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.stamnummer = "2600002"
    assert q.MAX_COMPARED_STUDENTS == 1500       # 10008 above it, as documented


def test_a_pending_number_at_the_school_against_a_known_one_is_a_difference():
    a = f.enrollment_of(f.question())
    [d] = q.compare([listed(a, insz=None)], [a])
    assert (d.field, d.at_school, d.at_agodi) == ("INSZ", None, a.insz)
    assert q.compare([listed(a, first_name=" Lotte ")], [a]) == []
    printed = f"{a.insz[:2]}.{a.insz[2:4]}.{a.insz[4:6]}-{a.insz[6:9]}.{a.insz[9:]}"
    assert q.compare([listed(a, insz=printed)], [a]) == []


def test_open_enrollment_problems_are_doubles_and_pending_numbers():
    mine = f.enrollment_of(f.question())
    pending = f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600002", insz=None)))
    ended = f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600003", insz=None)), deregistration=Deregistration(
            D(2026, 9, 2), Aanleiding.SCHOOLVERANDERING, "1"))
    elsewhere = f.enrollment_of(f.question(institution_number="056789",
                                           start_date=D(2026, 9, 2)))
    ends_today = f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600004", insz=None)), deregistration=Deregistration(
            D(2026, 9, 3), Aanleiding.SCHOOLVERANDERING, "1"))
    ends_later = f.enrollment_of(f.question(identification=f.identification(
        stamnummer="2600005", insz=None)), deregistration=Deregistration(
            D(2026, 12, 31), Aanleiding.SCHOOLVERANDERING, "1"))
    problems = q.enrollment_problems([mine, pending, ended, ends_today, ends_later],
                                     [mine, elsewhere], D(2026, 9, 3))
    # 2600003 ended yesterday: no longer open; 2600004 ends today: still open.
    assert [(p.kind, p.stamnummer, p.first, p.last, p.other_institution_number)
            for p in problems] == [
        (q.ProblemKind.DOUBLE_ENROLLMENT, "2600001", D(2026, 9, 2), None, "056789"),
        (q.ProblemKind.PENDING_NUMBER, "2600002", D(2026, 9, 1), None, None),
        (q.ProblemKind.PENDING_NUMBER, "2600004", D(2026, 9, 1), D(2026, 9, 3), None),
        (q.ProblemKind.PENDING_NUMBER, "2600005", D(2026, 9, 1), D(2026, 12, 31), None)]


def test_absences_the_enrollments_no_longer_carry_are_grouped_per_student_and_code():
    school = School("034567", "x", Niveau.KLEUTER)
    e = f.enrollment_of(f.question(identification=f.identification(
        birth_date=D(2020, 3, 1))), deregistration=Deregistration(
            D(2026, 9, 30), Aanleiding.SCHOOLVERANDERING, "1"))

    def at(day, code=C.Z):
        return Absence("034567", "x", "2600001", day, HalfDay.VM, code, "informat", day)
    absences = [at(D(2026, 9, 7)), at(D(2026, 10, 5)), at(D(2026, 10, 6)),
                at(D(2026, 9, 8), C.A),                 # of compulsory age since 2025
                at(D(2026, 9, 9), C.B)]
    problems = q.absence_problems(school, absences, {"2600001": [e]})
    assert [(p.kind, p.first, p.last, p.detail) for p in problems] == [
        (q.ProblemKind.ABSENCE_CODE_INVALID, D(2026, 9, 8), D(2026, 9, 8),
         "1 half day with code A"),
        (q.ProblemKind.ABSENCE_OUTSIDE_ENROLLMENT, D(2026, 10, 5), D(2026, 10, 6),
         "2 half days with code Z")]
