"""The consultations of issue 6 over HTTP, signed both ways: running counts across a
change of school, nursery attendance from the demo data, quality feedback; with the
reference client and the CLI."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from discimus_client.results import (
    Address, EnrollmentData, HalfDayAbsence, ListedStudent, Student,
)
from discimus_fixtures.generator import (
    DEMO_OTHER, DEMO_PRIMARY, DEMO_SECONDARY, insz_for,
)
from discimus_fixtures.nursery import DEMO_NURSERY
from discimus_service.domain.model import Sex
from tests.e2e.test_cli import discimus

BIRTH = dt.date(2011, 6, 21)
SEP1, SEP2, SEP3 = dt.date(2026, 9, 1), dt.date(2026, 9, 2), dt.date(2026, 9, 3)
MOVER = Student(insz=insz_for(BIRTH, Sex.V, 441), stamnummer="2600641",
                first_name="Fien", last_name="Wouters", birth_date=BIRTH, sex="V",
                address=Address("Veldstraat", "3", "9000", "Gent"))


@pytest.fixture(scope="module")
def moved(server):
    """A student at 056789 on 1 and 2 September (B, then ill on a parents' note), who
    moved to 034567 on 3 September."""
    from discimus_client.client import DiscimusClient
    wisa = DiscimusClient.from_pki(server.url, server.pki_dir, "wisa")
    informat = DiscimusClient.from_pki(server.url, server.pki_dir, "informat")
    assert wisa.register_enrollment(MOVER, EnrollmentData(
        DEMO_OTHER, "2A", SEP1, dt.date(2026, 8, 25), SEP1)).ok
    absent = wisa.register_absences(DEMO_OTHER, [
        HalfDayAbsence("W-41", "2600641", SEP1, "VM", "B"),
        HalfDayAbsence("W-41", "2600641", SEP1, "NM", "B"),
        HalfDayAbsence("W-41", "2600641", SEP2, "VM", "Z", without_certificate=True)])
    assert absent.ok, absent.uitzonderingen
    assert wisa.deregister(DEMO_OTHER, "2600641", SEP1, end_date=SEP2, reason="S",
                           situation_after="1").ok
    here = Student(**{**MOVER.__dict__, "stamnummer": "2600642"})
    assert informat.register_enrollment(here, EnrollmentData(
        DEMO_SECONDARY, "2A", SEP3, dt.date(2026, 9, 3), SEP3)).ok
    return "2600642"


def test_the_counts_run_on_at_the_new_school(client_for, moved):
    informat = client_for("informat")
    done = informat.running_counts(DEMO_SECONDARY, stamnummer=moved)
    assert done.ok and informat.wsse.last_verified is not None
    [student] = done.inhoud.students
    assert (student.stamnummer, student.insz) == (moved, MOVER.insz)
    assert (student.problematic_half_days, student.sick_notes) == (2, 1)
    assert [(s.institution_number, s.problematic_half_days, s.sick_notes)
            for s in student.schools] == [(DEMO_OTHER, 2, 1)]
    assert not student.problematic_limit_reached and not student.sick_notes_over_limit
    # The old school sees its own registration with the mark.
    mine = client_for("wisa").absences(DEMO_OTHER, stamnummer="2600641")
    assert [(a.code, a.without_certificate) for a in mine.inhoud] == [
        ("B", False), ("B", False), ("Z", True)]


def test_a_sick_note_mark_on_another_code_is_refused(client_for, moved):
    done = client_for("informat").register_absences(DEMO_SECONDARY, [HalfDayAbsence(
        "I-42", moved, SEP3, "VM", "P", without_certificate=True)])
    assert not done.ok and done.codes() == [10700]
    assert done.errors[0].omstandigheid == "Afwezigheden/Afwezigheid[1]/ZonderMedischAttest"


def test_the_demo_nursery_pupils_meet_and_miss_their_thresholds(client_for):
    done = client_for("informat").nursery_attendance(DEMO_PRIMARY)
    assert done.ok and done.inhoud.school_year == 2025
    assert not done.inhoud.calendar_approximate
    verdicts = sorted((s.age, s.threshold, s.threshold_met) for s in done.inhoud.students)
    assert verdicts == [(5, 185, False), (5, 185, True), (6, 220, False), (6, 220, True)]
    for s in done.inhoud.students:
        [school] = s.schools
        assert school.institution_number == DEMO_NURSERY.institution_number
        assert s.present == school.school_half_days - school.absent
    refused = client_for("informat").nursery_attendance(DEMO_SECONDARY)
    assert not refused.ok and refused.codes() == [40700]


def test_nobody_reached_30_on_the_third_day_of_the_school_year(client_for):
    done = client_for("informat").problematic_limit(DEMO_SECONDARY)
    assert done.ok and done.inhoud.students == [] and done.inhoud.school_year == 2026


def test_quality_feedback_on_the_enrollments(client_for, moved):
    informat = client_for("informat")
    enrolled = informat.enrolled_students(DEMO_SECONDARY, on=SEP3)
    assert done_ok(enrolled) and moved in [s.stamnummer for s in enrolled.inhoud.students]
    compared = informat.compare_students(DEMO_SECONDARY, [
        ListedStudent(moved, MOVER.insz, "Fien", "Wauters", BIRTH),
        ListedStudent("2600649", None, "Jo", "Peeters", dt.date(2011, 1, 1))], on=SEP3)
    assert done_ok(compared)
    kinds = {(d.stamnummer, d.kind, d.field) for d in compared.inhoud.differences}
    assert (moved, "AFWIJKEND", "Naam") in kinds
    assert ("2600649", "ONTBREEKT_BIJ_AGODI", None) in kinds
    assert compared.inhoud.held == len(enrolled.inhoud.students)
    assert sum(d.kind == "ONBEKEND_BIJ_SCHOOL" for d in compared.inhoud.differences) \
        == compared.inhoud.held - 1
    problems = informat.open_problems(DEMO_SECONDARY)
    assert done_ok(problems)
    assert "DUBBELE_INSCHRIJVING" in {p.kind for p in problems.inhoud.problems}
    assert done_ok(informat.absence_problems(DEMO_SECONDARY))


def done_ok(result) -> bool:
    return result.ok and result.inhoud is not None


def test_the_cli_shows_counts_nursery_and_comparison(server, moved, tmp_path):
    done = discimus(server, "absences", "counts", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--stamnummer", moved)
    assert done.returncode == 0, done.stderr
    assert f"stamnummer {moved}" in done.stdout and "2 B half days, 1 sick note " \
        in done.stdout
    done = discimus(server, "absences", "nursery", "--as", "informat", "--institution",
                    DEMO_PRIMARY, "--json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["inhoud"]["students"]) == 4
    listing = tmp_path / "students.csv"
    listing.write_text("stamnummer,insz,voornaam,naam,geboortedatum\n"
                       f"{moved},{MOVER.insz},Fien,Wouters,{BIRTH}\n")
    done = discimus(server, "quality", "compare", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--file", str(listing), "--on", str(SEP3))
    assert done.returncode == 0, done.stderr
    assert "enrolled at Discimus, not on your list" in done.stdout
    assert f"{moved}  " not in done.stdout
    listing.write_text("stamnummer,voornaam\n1,x\n")
    done = discimus(server, "quality", "compare", "--as", "informat", "--institution",
                    DEMO_SECONDARY, "--file", str(listing))
    assert done.returncode == 3 and "line 2" in done.stderr, done.stderr
