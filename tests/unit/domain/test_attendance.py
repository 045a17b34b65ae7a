"""Counting for school allowances: nursery half days present, problematic half days."""
import datetime as dt

from discimus_service.domain.attendance import (
    InstitutionCount, NurseryStay, YearCount, present_half_days, problematic_half_days,
)

D = dt.date
WEEK = (D(2025, 9, 8), D(2025, 9, 12))           # Monday to Friday: 9 school half days
AFTER = D(2025, 9, 15)                           # asked the Monday after


def stay(first=WEEK[0], last=None, absent=(), school="045678"):
    return NurseryStay(school, first, last, frozenset(absent))


def test_present_is_enrolled_school_half_days_without_an_absence():
    counted = present_half_days([stay(absent={(D(2025, 9, 9), "NM"), (D(2025, 9, 9), "VM")})],
                                *WEEK, AFTER)
    assert counted == [YearCount(2025, 7, 9, (InstitutionCount("045678", 7),))]


def test_an_absence_on_a_day_without_school_changes_nothing():
    counted = present_half_days([stay(absent={(D(2025, 9, 10), "NM"), (D(2025, 9, 13), "VM")})],
                                *WEEK, AFTER)
    assert counted[0].half_days == 9


def test_only_the_enrollment_and_the_asked_period_count():
    counted = present_half_days([stay(first=D(2025, 9, 10), last=D(2025, 9, 11))],
                                D(2025, 9, 1), D(2025, 9, 30), AFTER)
    assert counted[0].half_days == 3                         # Wed VM, Thu VM+NM


def test_today_and_later_are_not_yet_attended():
    counted = present_half_days([stay()], *WEEK, D(2025, 9, 10))
    assert counted[0].half_days == 4                         # Monday and Tuesday


def test_two_nursery_schools_on_one_half_day_count_once_in_the_total():
    counted = present_half_days([stay(school="045678"), stay(school="045679")], *WEEK, AFTER)
    assert counted[0].half_days == 9
    assert counted[0].institutions == (InstitutionCount("045678", 9),
                                       InstitutionCount("045679", 9))


def test_each_school_year_separately():
    counted = present_half_days([stay(first=D(2025, 6, 30))], D(2025, 6, 30),
                                D(2025, 9, 2), AFTER)
    assert [(y.school_year, y.half_days) for y in counted] == [(2024, 9), (2025, 4)]


def test_no_stay_in_the_period_is_no_year():
    assert present_half_days([stay(first=D(2025, 10, 1))], *WEEK, AFTER) == []


def test_problematic_half_days_per_school_year_with_zero_for_enrolled_years():
    absences = [("034567", D(2025, 9, 8), "VM"), ("034567", D(2025, 9, 8), "NM"),
                ("056789", D(2025, 9, 8), "VM"), ("034567", D(2024, 3, 1), "VM"),
                ("034567", D(2023, 3, 1), "VM")]
    counted = problematic_half_days(absences, D(2023, 9, 1), D(2026, 8, 31),
                                    {2023, 2024, 2025})
    assert counted == [
        YearCount(2023, 1, None, (InstitutionCount("034567", 1),)),
        YearCount(2024, 0, None, ()),
        YearCount(2025, 2, None, (InstitutionCount("034567", 2),
                                  InstitutionCount("056789", 1)))]
