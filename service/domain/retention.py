"""How long the data the schools sent are kept (004 §71-73), as one cut-off date.

- §71: absences (and what is counted from them) "tot 5 jaar na het einde van het
  schooljaar": an absence of school year Y is kept until 31 August of Y+6.
- §72: the stamnummer "tot 5 jaar na de hele schoolloopbaan", because the absences hang
  on it; §73: destroyed afterwards.

**The end of the whole school career**, in the data: a person's career is every
enrollment of that person at every school (the person is the INSZ; a student still
without one is the school's stamnummer, the only key there is). It has ended when none
of those enrollments is running (each has an end date, a de-registration); it ended on
the latest end date. A career that ended can start again (a child back from abroad):
until the identifiers are destroyed, a new enrollment simply makes it running again.

Both periods are counted in school years of the calendar (``school_calendar``), and the
identifiers are kept at least as long as the absences of the career's last school year,
which §72 asks for ("omdat de aan- en afwezigheden zijn gekoppeld aan het stamnummer").
So one cut-off date serves both: what is dated before the first day of school year
``T - 5`` (T the current school year) belongs to a school year that ended more than five
years ago.

**Journal and audit entries.** The journal keeps each message's raw bytes (names,
INSZ, stamnummer, absences) and the audit the INSZ of each consultation. They are
records of the exchange, not the data themselves, and must not outlive what they
describe: an entry received before the cut-off is purged with the rest. The replay
cache (a hash per signature, no personal data) is kept.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from discimus_service.domain.school_calendar import CALENDARS, SchoolYearCalendar
from discimus_service.domain.schoolyear import school_year, school_year_start

RETENTION_YEARS = 5


def cutoff(today: dt.date, calendars: dict[int, SchoolYearCalendar] = CALENDARS) -> dt.date:
    """The first day still kept: the first day of school year ``T - 5``.

    That year's calendar may begin in the last days of August; the earlier of its
    first day and 1 September, so nothing of it is purged early.
    """
    year = school_year(today) - RETENTION_YEARS
    start = school_year_start(year)
    calendar = calendars.get(year)
    return min(start, calendar.first_day) if calendar else start


@dataclass(frozen=True)
class RetentionReport:
    """What a run removed (or, dry, would remove), per kind."""

    cutoff: dt.date
    dry_run: bool
    absences: int
    careers: int                 # persons whose identifiers went
    enrollments: int             # their enrollment rows (which hold the identifiers)
    journal_entries: int
    audit_entries: int
    # The same persons' rows in the tables of the other message types and partner flows
    # (``PERSON_TABLES``), per table: identifiers go with the whole school career.
    person_rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EnrollmentStub:
    """What retention needs of an enrollment: its keys and its end."""

    id: int
    institution_number: str
    stamnummer: str
    insz: str | None
    end_date: dt.date | None


def ended_careers(stubs: list[EnrollmentStub], before: dt.date) -> list[list[int]]:
    """The careers that ended before ``before``: per person, the ids of its enrollments.

    A person is an INSZ, joined with every stamnummer it had at a school (a student
    enrolled before the INSZ was known keeps the stamnummer); a stamnummer never seen
    with an INSZ is a person of its own.
    """
    parent: dict[tuple, tuple] = {}

    def find(key):
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for s in stubs:
        school_key = ("stam", s.institution_number, s.stamnummer)
        find(school_key)
        if s.insz:
            parent[find(school_key)] = find(("insz", s.insz))
    careers: dict[tuple, list[EnrollmentStub]] = {}
    for s in stubs:
        careers.setdefault(find(("stam", s.institution_number, s.stamnummer)), []).append(s)
    out = []
    for members in careers.values():
        if all(m.end_date is not None for m in members) and \
                max(m.end_date for m in members) < before:
            out.append(sorted(m.id for m in members))
    return sorted(out)


# The tables beside the enrollments that hold a person's identifiers, and by what they
# hold them: ("school", table) by institution number and stamnummer, ("insz", table) by
# INSZ. Their rows go with the ended school career. Not certificates: the LED database
# keeps proofs of learning for life (001), so a certificate outlives the career.
PERSON_TABLES: tuple[tuple[str, str], ...] = (
    ("school", "characteristics"), ("school", "records"), ("school", "class_assignments"),
    ("insz", "records"), ("insz", "boarding_enrollments"), ("insz", "clb_notifications"),
    ("insz", "motivated_reports"), ("insz", "home_education_inspections"),
    ("insz", "exam_board_results"),
)
