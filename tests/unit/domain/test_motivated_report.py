"""Motivated reports (VTC 06/2016): types, dates, the most recent valid one."""
import datetime as dt

import pytest

from discimus_service.domain.errors import InvalidCodeValueError, InvalidDateError
from discimus_service.domain.motivated_report import (
    MotivatedReport, SpecialNeedsType as T, check_report, most_recent_valid,
    special_needs_type,
)

D = dt.date


def report(day, kind=T.TYPE_9, begin=None, end=None, id=None):
    return MotivatedReport("clb", "11070788884", day, kind, begin or day, end, id)


def test_the_types_a_report_gives_access_to():
    assert special_needs_type("BA") is T.BASISAANBOD and special_needs_type("9") is T.TYPE_9
    for code in ("5", "1", "8", "ba", ""):
        with pytest.raises(InvalidCodeValueError):
            special_needs_type(code)


def test_a_report_dated_after_today_or_ending_before_it_begins_is_refused():
    check_report(report(D(2026, 9, 3)), D(2026, 9, 3))
    with pytest.raises(InvalidDateError) as refused:
        check_report(report(D(2026, 9, 4)), D(2026, 9, 3))
    assert refused.value.field == "Datum"
    with pytest.raises(InvalidDateError) as refused:
        check_report(report(D(2026, 1, 1), end=D(2025, 12, 31)), D(2026, 9, 3))
    assert refused.value.field == "Geldigheid"


def test_the_most_recent_valid_report_on_a_day():
    old = report(D(2024, 5, 1), T.TYPE_3, end=D(2026, 8, 31), id=1)
    new = report(D(2026, 6, 1), T.TYPE_9, begin=D(2026, 9, 1), id=2)
    expired = report(D(2026, 7, 1), T.TYPE_2, end=D(2026, 7, 31), id=3)
    assert most_recent_valid([old, new, expired], D(2026, 8, 31)) == old
    assert most_recent_valid([old, new, expired], D(2026, 9, 3)) == new
    assert most_recent_valid([old, new, expired], D(2026, 7, 15)) == expired
    assert most_recent_valid([old], D(2024, 4, 30)) is None
    same_day = report(D(2026, 6, 1), T.TYPE_7, begin=D(2026, 9, 1), id=4)
    assert most_recent_valid([new, same_day], D(2026, 9, 3)) == same_day  # received later
