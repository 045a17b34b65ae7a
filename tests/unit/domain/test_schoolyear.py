"""School years run 1 September to 31 August and are named by their starting year."""
from __future__ import annotations

import datetime as dt

import pytest

from discimus_service.domain.schoolyear import school_year, school_year_end, school_year_start


@pytest.mark.parametrize("day, year", [
    (dt.date(2024, 9, 1), 2024),
    (dt.date(2024, 12, 31), 2024),
    (dt.date(2025, 1, 1), 2024),
    (dt.date(2025, 6, 30), 2024),
    (dt.date(2025, 8, 31), 2024),
    (dt.date(2025, 9, 1), 2025),
])
def test_school_year_is_its_starting_year(day, year):
    assert school_year(day) == year


def test_school_year_bounds():
    assert school_year_start(2024) == dt.date(2024, 9, 1)
    assert school_year_end(2024) == dt.date(2025, 8, 31)


def test_every_day_of_a_school_year_maps_back_to_it():
    day = school_year_start(2023)
    while day <= school_year_end(2023):   # includes 29 February 2024
        assert school_year(day) == 2023
        day += dt.timedelta(days=1)
