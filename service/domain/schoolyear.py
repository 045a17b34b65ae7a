"""School years: 1 September to 31 August, named by the year they start in.

MAGDA's Schooljaar is the starting year, and so is the stamnummer prefix (000 §2.1.2):
an enrollment starting on 1 September 2019 belongs to school year 2019 (2019-2020).
"""
from __future__ import annotations

import datetime as dt

_FIRST_MONTH = 9  # a school year starts on 1 September


def school_year(day: dt.date) -> int:
    """The school year a day belongs to, as its starting year.

    :param day: any day.
    :returns: e.g. 2024 for 15 March 2025 and for 1 September 2024.
    """
    return day.year if day.month >= _FIRST_MONTH else day.year - 1


def school_year_start(year: int) -> dt.date:
    """The first day of a school year.

    :param year: the starting year.
    :returns: 1 September of that year.
    """
    return dt.date(year, _FIRST_MONTH, 1)


def school_year_end(year: int) -> dt.date:
    """The last day of a school year.

    :param year: the starting year.
    :returns: 31 August of the next year.
    """
    return dt.date(year + 1, _FIRST_MONTH, 1) - dt.timedelta(days=1)
