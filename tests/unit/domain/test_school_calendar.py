"""The school calendar of basic education as data: which half days are school."""
import datetime as dt

import pytest

from discimus_service.domain.errors import NoSchoolCalendarError
from discimus_service.domain.school_calendar import (
    CALENDARS, calendar_year, calendars_between,
)

D = dt.date
C2025 = CALENDARS[2025]


def test_a_school_week_has_nine_half_days_no_wednesday_afternoon():
    week = C2025.half_days(D(2025, 9, 8), D(2025, 9, 14))   # Monday to Sunday
    assert len(week) == 9
    assert (D(2025, 9, 10), "VM") in week and (D(2025, 9, 10), "NM") not in week
    assert all(day.weekday() < 5 for day, _ in week)


def test_holidays_and_legal_holidays_are_no_school():
    assert not C2025.is_school_day(D(2025, 11, 11))          # Wapenstilstand, a Tuesday
    assert not C2025.is_school_day(D(2025, 12, 29))          # kerstvakantie
    assert C2025.is_school_day(D(2025, 11, 10))
    assert C2025.half_days(D(2025, 12, 22), D(2026, 1, 4)) == []


def test_outside_the_school_year_there_is_no_school():
    assert C2025.half_days(D(2026, 7, 6), D(2026, 8, 31)) == []
    assert C2025.half_days(D(2026, 7, 3), D(2026, 7, 3)) == [(D(2026, 7, 3), "VM"),
                                                             (D(2026, 7, 3), "NM")]


def test_every_calendar_is_consistent():
    for year, c in CALENDARS.items():
        assert c.year == year and c.first_day < c.last_day
        assert dt.date(year, 8, 25) <= c.first_day <= dt.date(year, 9, 2)
        assert c.first_day.weekday() <= 2 and c.is_school_day(c.first_day)
        for first, last, name in c.days_off:
            assert c.first_day < first <= last < c.last_day, (year, name)
        # A full year of basic education has some 300 to 330 school half days.
        assert 290 <= len(c.half_days(c.first_day, c.last_day)) <= 335, year


def test_since_2022_the_last_days_of_august_belong_to_the_new_school_year():
    assert calendar_year(D(2024, 8, 26)) == 2024
    assert calendar_year(D(2024, 8, 25)) == 2023
    assert calendar_year(D(2021, 8, 31)) == 2020


def test_a_school_year_without_a_calendar_is_refused_not_guessed():
    with pytest.raises(NoSchoolCalendarError) as refused:
        calendars_between(D(2017, 9, 1), D(2019, 12, 31))
    assert refused.value.code == 30901 and "2017-2018" in refused.value.diagnose
    assert [c.year for c in calendars_between(D(2019, 9, 1), D(2020, 12, 31))] == [2019, 2020]
