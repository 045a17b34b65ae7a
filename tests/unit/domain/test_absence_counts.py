"""Counts beyond one school: sick notes as runs, nursery presence, thresholds, calendar.

Mutation testing (tools/mutation.py, target domain): the survivors of attendance.py are
equivalent. In :func:`sick_notes` the sort key's ``hd[1] is HalfDay.NM`` turned into
``==`` (an enum member is a singleton) or into ``<=`` ("VM" <= "NM" is False and
"NM" <= "NM" True, the same order); and ``position != previous + 1`` turned into
``>``: the half days are unique and sorted in calendar order, so a position is never
below the previous one plus one. The survivors of school_calendar.py are its table's
data: a holiday moved within a weekend, or a weekend day of a period changed, changes
no school day (the counts per year are pinned below); and in :func:`holidays` the
fallback's ``m >= 9`` turned into ``> 8``, ``> 9`` or ``>= 10``: no fallback period
starts or ends in August or September.
"""
import datetime as dt

import pytest

from discimus_service.domain import absence_counts as attendance, school_calendar
from discimus_service.domain.absence import AbsenceCode, HalfDay
from discimus_service.domain.errors import SickNoteNotIllnessError
from discimus_service.domain.absence import check_sick_note

VM, NM = HalfDay.VM, HalfDay.NM
D = dt.date


def test_a_school_half_day_is_a_weekday_half_outside_the_holidays():
    periods = school_calendar.holidays(2025)
    assert school_calendar.is_school_half_day(D(2025, 9, 1), VM, periods)     # Monday
    assert school_calendar.is_school_half_day(D(2025, 9, 3), VM, periods)     # Wed VM
    assert not school_calendar.is_school_half_day(D(2025, 9, 3), NM, periods)  # Wed NM
    assert not school_calendar.is_school_half_day(D(2025, 9, 6), VM, periods)  # Saturday
    assert not school_calendar.is_school_half_day(D(2025, 12, 22), VM, periods)  # Christmas
    assert not school_calendar.is_school_half_day(D(2025, 11, 11), NM, periods)
    assert school_calendar.is_school_half_day(D(2025, 11, 10), NM, periods)


def test_a_school_year_has_about_320_school_half_days():
    for year in school_calendar.CALENDARS:
        count = len(list(school_calendar.school_half_days(year)))
        assert 300 <= count <= 330, (year, count)


def test_a_year_outside_the_table_falls_back_to_fixed_holidays():
    assert not school_calendar.in_table(2018)
    days = list(school_calendar.school_half_days(2018))
    assert (D(2018, 11, 1), VM) not in days and (D(2019, 7, 1), VM) not in days
    assert (D(2018, 11, 12), VM) in days and (D(2018, 11, 14), NM) not in days


def test_the_fallback_leaves_out_exactly_its_fixed_holidays():
    weekdays, day = set(), D(2018, 9, 1)
    while day <= D(2019, 8, 31):
        if day.weekday() < 5:
            weekdays.add(day)
        day += dt.timedelta(days=1)
    taught = {d for d, _ in school_calendar.school_half_days(2018)}
    fixed = {D(2018, 11, 1), D(2018, 11, 11), D(2019, 1, 1), D(2019, 5, 1)}
    fixed |= {D(2018, 12, 25) + dt.timedelta(days=n) for n in range(7)}
    fixed |= {D(2019, 7, 1) + dt.timedelta(days=n) for n in range(62)}
    assert weekdays - taught == {d for d in fixed if d.weekday() < 5}


def test_the_calendar_table_gives_each_years_school_half_days():
    # A checksum of the table (one table for the school side and the partner side,
    # domain/school_calendar.CALENDARS): a holiday moved onto school days changes it.
    assert {year: len(list(school_calendar.school_half_days(year)))
            for year in school_calendar.CALENDARS} == {
        2019: 327, 2020: 321, 2021: 326, 2022: 311, 2023: 319, 2024: 312, 2025: 314,
        2026: 315}


def test_school_half_days_are_clipped_to_the_period_and_the_year():
    days = list(school_calendar.school_half_days(2025, D(2025, 9, 3), D(2025, 9, 4)))
    assert days == [(D(2025, 9, 3), VM), (D(2025, 9, 4), VM), (D(2025, 9, 4), NM)]
    assert list(school_calendar.school_half_days(2025, D(2020, 1, 1), D(2025, 9, 1))) \
        == [(D(2025, 9, 1), VM), (D(2025, 9, 1), NM)]


def test_one_sick_note_per_run_of_consecutive_school_half_days():
    # Thursday afternoon to Monday morning: the weekend does not break the run.
    run = [(D(2025, 10, 2), NM), (D(2025, 10, 3), VM), (D(2025, 10, 3), NM),
           (D(2025, 10, 6), VM)]
    assert attendance.sick_notes(run, 2025) == 1
    # Wednesday morning, then Thursday morning: the free afternoon is not a school
    # half day, so still one note.
    assert attendance.sick_notes([(D(2025, 10, 8), VM), (D(2025, 10, 9), VM)], 2025) == 1
    # A gap of one school half day: two notes.
    assert attendance.sick_notes([(D(2025, 10, 13), VM), (D(2025, 10, 14), VM)],
                                 2025) == 2
    assert attendance.sick_notes([], 2025) == 0


def test_a_marked_half_day_without_school_is_a_note_of_its_own():
    assert attendance.sick_notes([(D(2025, 10, 4), VM), (D(2025, 10, 6), VM)], 2025) == 2
    assert attendance.sick_notes([(D(2025, 10, 6), VM), (D(2025, 10, 6), VM)], 2025) == 1


@pytest.mark.parametrize(("birth", "year", "age", "threshold"), [
    (D(2019, 12, 31), 2024, 6, 220), (D(2019, 1, 1), 2024, 6, 220),
    (D(2020, 3, 1), 2024, 5, 185), (D(2018, 5, 5), 2024, 7, None),
    (D(2021, 5, 5), 2024, 4, None)])
def test_the_nursery_threshold_follows_the_age_reached_the_year_primary_starts(
        birth, year, age, threshold):
    assert attendance.nursery_threshold(birth, year) == (age, threshold)


def test_present_is_enrolled_school_half_days_minus_absent_ones():
    # 1 to 5 September 2025: Mon-Fri, 10 half days less Wednesday afternoon.
    enrolled = [(D(2025, 9, 1), D(2025, 9, 5))]
    absent = [(D(2025, 9, 1), VM), (D(2025, 9, 3), NM),        # Wednesday NM: no school
              (D(2025, 9, 8), VM)]                              # after the enrollment
    assert attendance.present_half_days(2025, enrolled, absent) == (9, 1, 8)


def test_a_running_enrollment_counts_to_the_end_of_the_school_year():
    total, absent, present = attendance.present_half_days(2025, [(D(2025, 9, 1), None)], [])
    assert total == len(list(school_calendar.school_half_days(2025))) == present
    assert absent == 0


def test_only_illness_may_be_marked_as_a_sick_note():
    check_sick_note(AbsenceCode.Z, True)
    check_sick_note(AbsenceCode.B, False)
    with pytest.raises(SickNoteNotIllnessError) as refused:
        check_sick_note(AbsenceCode.B, True)
    assert refused.value.code == 10700 and refused.value.field == "ZonderMedischAttest"


def test_the_limits_are_the_seeds():
    # 30 half days (004 §30, 001 VTC 05/2016), 4 sick notes (004 §78), 220 or 185
    # half days present (004 §34).
    assert attendance.PROBLEMATIC_LIMIT == 30
    assert attendance.SICK_NOTES_PER_YEAR == 4
    assert sorted(attendance.NURSERY_THRESHOLDS.values()) == [185, 220]
