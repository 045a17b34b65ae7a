"""Checking the items of an absence message: every item, every problem, by position.

A message is one transaction: if any item breaks a rule, nothing of it is stored and
the answer lists each problem with the item's path in ``Omstandigheid``
(``Afwezigheden/Afwezigheid[3]/Code``, 1-based as in XPath). A package then fixes the
items named and sends the message again; there is no partial state to reconcile.
"""
from __future__ import annotations

import dataclasses

from discimus_service.domain import absence as rules
from discimus_service.domain.errors import DomainError, Notice
from discimus_service.services.absence_views import HalfDayItem
from discimus_service.services.answers import Issue

ITEM_PATH = "Afwezigheden/Afwezigheid"
# A message of 1,000 bad items would answer with 1,000 Uitzonderingen; the first 100
# show what is wrong, the last one says how many more there are.
MAX_REPORTED = 100


def at(position: int, problem: DomainError | Notice) -> Issue:
    """The problem as an Issue about item ``position`` (0-based)."""
    sub = getattr(problem, "field", None)
    path = f"{ITEM_PATH}[{position + 1}]" + (f"/{sub}" if sub and sub != "Afwezigheid"
                                             else "")
    return Issue(problem.code, problem.severity.value, problem.diagnose, path)


def position_of(issue: Issue) -> int:
    """The 1-based item an issue made by :func:`at` is about (0: the message)."""
    field = issue.field or ""
    if not field.startswith(ITEM_PATH + "["):
        return 0
    return int(field[len(ITEM_PATH) + 1:].split("]", 1)[0])


def capped(problems: list[Issue]) -> tuple[Issue, ...]:
    """The problems in item order, at most :data:`MAX_REPORTED` of them."""
    problems = sorted(problems, key=position_of)
    if len(problems) <= MAX_REPORTED:
        return tuple(problems)
    shown = problems[:MAX_REPORTED]
    last = shown[-1]
    more = len(problems) - MAX_REPORTED
    shown[-1] = dataclasses.replace(
        last, diagnose=f"{last.diagnose} (and {more} more problems not listed)")
    return tuple(shown)


def checked_items(items: tuple[HalfDayItem, ...], today, problems: list[Issue]
                  ) -> dict[int, HalfDayItem]:
    """The items whose own fields are valid, normalised, by position; the others'
    problems (and repeats of a half day within the message) are added to ``problems``.
    """
    good: dict[int, HalfDayItem] = {}
    for position, item in enumerate(items):
        try:
            stamnummer = rules.check_item_fields(item.student_id, item.stamnummer)
            rules.check_date(item.date, today)
        except DomainError as problem:
            problems.append(at(position, problem))
            continue
        good[position] = dataclasses.replace(item, stamnummer=stamnummer,
                                             student_id=item.student_id.strip())
    positions = list(good)
    keys = [(good[p].stamnummer, good[p].date, good[p].half_day) for p in positions]
    for repeat, first in rules.duplicate_positions(keys).items():
        problems.append(at(positions[repeat],
                           rules.duplicate_error(positions[repeat], positions[first])))
        del good[positions[repeat]]
    return good
