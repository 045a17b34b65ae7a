"""The client side of the issue-6 consultations, offline: the CSV list, the renderings."""
import datetime as dt

import pytest

from discimus_client import results as r
from discimus_client.commands_absence_consult import render as render_counts
from discimus_client.commands_quality import render as render_quality
from discimus_client.quality_messages import compare_inhoud, read_students

D = dt.date


def test_the_school_list_is_read_from_csv(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("stamnummer,insz,voornaam,naam,geboortedatum,administratieve_groep\n"
                    "2600001,, Lotte ,Peeters,2012-03-15,1A\n"
                    "2600002,12031500112,Jan,Joos,2013-03-30,\n")
    assert read_students(path) == [
        r.ListedStudent("2600001", None, "Lotte", "Peeters", D(2012, 3, 15), "1A"),
        r.ListedStudent("2600002", "12031500112", "Jan", "Joos", D(2013, 3, 30), None)]
    inhoud = compare_inhoud("034567", read_students(path), None)
    assert inhoud["Leerlingen"]["Leerling"][1]["AdministratieveGroep"] is None


@pytest.mark.parametrize("row", ["2600001,,Lotte,Peeters,15/03/2012",
                                 "2600001,,Lotte"])
def test_a_bad_row_is_named_by_its_line(tmp_path, row):
    path = tmp_path / "l.csv"
    path.write_text(f"stamnummer,insz,voornaam,naam,geboortedatum\n{row}\n")
    with pytest.raises(ValueError, match="line 2"):
        read_students(path)


def test_the_counts_and_the_nursery_attendance_read_plainly():
    counts = r.Result("ref", r.SchoolYearCounts("034567", 2026, [r.RunningCounts(
        "2600001", "11062706014", 31, 5, True, True, D(2026, 11, 19),
        [r.SchoolCount("034567", 30, 1), r.SchoolCount("056789", 1, 4)])]))
    text = render_counts(counts)
    assert "school year 2026-2027" in text
    assert ("stamnummer 2600001 (INSZ 11062706014): 31 B half days, 5 sick notes without "
            "certificate  [30 reached on 2026-11-19; more than 4 sick notes]") in text
    assert "at 056789: 1 B, 4 sick notes" in text and "at 034567: 30 B, 1 sick note" in text
    nursery = r.Result("ref", r.NurseryYear("012345", 2025, True, [r.NurseryAttendance(
        "2600017", None, D(2018, 1, 1), 8, 300, 10, 290, None, None,
        [r.NurserySchool("012346", 300, 10, 290)])]))
    text = render_counts(nursery)
    assert "calendar approximate" in text and "no threshold at this age" in text


def test_the_quality_feedback_reads_plainly():
    comparison = r.Result("ref", r.Comparison("034567", D(2026, 9, 3), 2, 2, [
        r.Difference("2600001", "AFWIJKEND", "Naam", "Peters", "Peeters"),
        r.Difference("2600002", "ONBEKEND_BIJ_SCHOOL"),
        r.Difference("2600009", "ONTBREEKT_BIJ_AGODI")]))
    text = render_quality(comparison)
    assert "2600001  Naam differs: yours 'Peters', Discimus 'Peeters'" in text
    assert "2600002  enrolled at Discimus, not on your list" in text
    assert "2600009  on your list, not enrolled at Discimus" in text
    problems = r.Result("ref", r.Problems("034567", [r.Problem(
        "INSZ_ONTBREEKT", "2600002", "enrollment from 2026-09-01 has no INSZ",
        D(2026, 9, 1), None)]))
    assert "2600002  INSZ_ONTBREEKT  enrollment from 2026-09-01 has no INSZ  " \
           "(2026-09-01 to open)" in render_quality(problems)
