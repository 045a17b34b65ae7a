"""The consultations of issue 6 against SQLite and PostgreSQL, on the generated demo
data: what the fakes showed holds on the real repositories, and the demo data give
every consultation something to show."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_fixtures import generator
from discimus_fixtures.loader import load
from discimus_fixtures.nursery import DEMO_NURSERY
from discimus_service.domain.quality import ProblemKind
from discimus_service.services.absence_consult_views import (
    NurseryConsultation, StudentsConsultation,
)
from discimus_service.services.consult_absence_problems import consult_absence_problems
from discimus_service.services.consult_enrolled_students import consult_enrolled_students
from discimus_service.services.consult_nursery_attendance import (
    consult_nursery_attendance,
)
from discimus_service.services.consult_open_problems import consult_open_problems
from discimus_service.services.consult_problematic_limit import consult_problematic_limit
from discimus_service.services.consult_running_counts import consult_running_counts
from discimus_service.services.quality_views import SchoolOnDay
from tests.unit.services.test_absence_use_cases import receipt

TODAY = dt.date(2027, 3, 1)          # far enough into the year for 30 B half days


@pytest.fixture
def demo(uow_factory):
    data = generator.generate(2026, today=TODAY)
    load(uow_factory, data)
    return data


def test_the_demo_data_answer_every_absence_consultation(uow_factory, demo):
    at = receipt(today=TODAY)
    with uow_factory(read_only=True) as uow:
        counts = consult_running_counts(uow, at, StudentsConsultation(
            generator.DEMO_SECONDARY)).result
        thirty = consult_problematic_limit(uow, at, StudentsConsultation(
            generator.DEMO_SECONDARY)).result
        nursery = consult_nursery_attendance(uow, at, NurseryConsultation(
            generator.DEMO_PRIMARY)).result
    assert counts.school_year == 2026
    assert any(s.sick_notes for s in counts.students)
    assert any(len(s.schools) > 1 for s in counts.students)        # the double enrollment
    assert [s.stamnummer for s in thirty.students] == [
        s.stamnummer for s in counts.students if s.problematic_half_days >= 30] != []
    assert all(s.thirtieth_on <= TODAY for s in thirty.students)
    assert {(s.age, s.threshold_met) for s in nursery.students} == {
        (6, True), (6, False), (5, True), (5, False)}
    assert {c.institution_number for s in nursery.students for c in s.schools} == {
        DEMO_NURSERY.institution_number}


def test_the_demo_data_answer_the_quality_feedback(uow_factory, demo):
    at = receipt(today=TODAY)
    with uow_factory(read_only=True) as uow:
        enrolled = consult_enrolled_students(uow, at, SchoolOnDay(
            generator.DEMO_SECONDARY)).result
        problems = consult_open_problems(uow, at, SchoolOnDay(
            generator.DEMO_SECONDARY)).result
        absence_problems = consult_absence_problems(uow, at, SchoolOnDay(
            generator.DEMO_SECONDARY)).result
    running = {e.stamnummer for e in demo.enrollments
               if e.institution_number == generator.DEMO_SECONDARY
               and e.start_date <= TODAY and (e.end_date is None or TODAY <= e.end_date)}
    assert {s.stamnummer for s in enrolled.students} == running
    assert ProblemKind.DOUBLE_ENROLLMENT in {p.kind for p in problems.problems}
    assert absence_problems.problems == []       # the demo absences are all consistent
