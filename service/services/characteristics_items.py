"""Steps the characteristics use cases share (message type 3).

Items are checked like absences (``absence_items.py``): every item, every problem,
named by its path in ``Omstandigheid`` (``Leerlingenkenmerken/Leerlingenkenmerk[3]/
DatumVerklaring``, 1-based as in XPath), all or nothing. And a student's declarations
are found at every school the student was enrolled at, by INSZ: "once per school
career" (000 §4) means the declaration a previous school sent counts at the next one.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict

from discimus_service.domain import characteristics as rules, identifiers
from discimus_service.domain.characteristics import Declaration
from discimus_service.domain.errors import DomainError, Notice
from discimus_service.domain.model import Enrollment
from discimus_service.services.absence_items import MAX_REPORTED
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.characteristics_views import (
    DeclarationItem, DeclarationView,
)
from discimus_service.services.ports import UnitOfWork

ITEM_PATH = "Leerlingenkenmerken/Leerlingenkenmerk"
STUDENT_PATH = "Leerlingen/Leerling"


def at(position: int, problem: DomainError | Notice, path: str = ITEM_PATH) -> Issue:
    """The problem as an Issue about item ``position`` (0-based) of the list ``path``;
    on a declaration, down to the field (``…/Leerlingenkenmerk[3]/DatumVerklaring``)."""
    sub = getattr(problem, "field", None)
    where = f"{path}[{position + 1}]"
    if path == ITEM_PATH and sub and sub != "Leerlingenkenmerk":
        where += f"/{sub}"
    return Issue(problem.code, problem.severity.value, problem.diagnose, where)


def refused_items(problems: list[tuple[int, Issue]]) -> Answer:
    """Every problem in item order, at most ``MAX_REPORTED`` of them; nothing stored."""
    ordered = [issue for _position, issue in sorted(problems, key=lambda p: p[0])]
    if len(ordered) > MAX_REPORTED:
        more = len(ordered) - MAX_REPORTED
        ordered = ordered[:MAX_REPORTED]
        ordered[-1] = dataclasses.replace(
            ordered[-1], diagnose=f"{ordered[-1].diagnose} (and {more} more problems "
                                  "not listed)")
    return Answer(None, tuple(ordered))


def checked_items(items: tuple[DeclarationItem, ...], problems: list[tuple[int, Issue]]
                  ) -> dict[int, DeclarationItem]:
    """The items whose own fields are valid, normalised, by position; the others'
    problems (and a declaration repeated within the message) go to ``problems``."""
    good: dict[int, DeclarationItem] = {}
    first: dict[tuple, int] = {}
    for position, item in enumerate(items):
        try:
            stamnummer = rules.check_item_fields(item.student_id, item.stamnummer)
        except DomainError as problem:
            problems.append((position, at(position, problem)))
            continue
        key = (stamnummer, item.declared_on)
        if key in first:
            problems.append((position, at(position, rules.duplicate_error(first[key]))))
            continue
        first[key] = position
        good[position] = dataclasses.replace(item, stamnummer=stamnummer,
                                             student_id=item.student_id.strip())
    return good


def own_students(uow: UnitOfWork, institution_number: str, stamnummers, today,
                 problems: list[tuple[int, Issue]], path: str = ITEM_PATH
                 ) -> dict[str, Enrollment]:
    """The enrollment at the school of each student in ``stamnummers`` (position →
    stamnummer); a student not enrolled there adds a 40010 to ``problems``."""
    found: dict[str, Enrollment] = {}
    errors: dict[str, DomainError] = {}
    for position, stamnummer in stamnummers.items():
        if stamnummer not in found and stamnummer not in errors:
            try:
                found[stamnummer] = rules.require_enrolled(
                    uow.enrollments.at_institution(institution_number, stamnummer),
                    institution_number, stamnummer, today)
            except DomainError as problem:
                errors[stamnummer] = problem
        if stamnummer in errors:
            problems.append((position, at(position, errors[stamnummer], path)))
    return found


def checked_stamnummers(stamnummers: tuple[str, ...], problems: list[tuple[int, Issue]]
                        ) -> dict[int, str]:
    """A consultation's students, valid and each once, by position."""
    rules.check_student_count(len(stamnummers))
    out: dict[int, str] = {}
    seen: set[str] = set()
    for position, text in enumerate(stamnummers):
        try:
            stamnummer = identifiers.validate_stamnummer(text)
        except DomainError as problem:
            problems.append((position, at(position, problem, STUDENT_PATH)))
            continue
        if stamnummer not in seen:           # asked twice: answered once
            seen.add(stamnummer)
            out[position] = stamnummer
    return out


def declarations_of(uow: UnitOfWork, institution_number: str,
                    own: dict[str, Enrollment]) -> dict[str, list[Declaration]]:
    """Every declaration of each of the school's students, at any school.

    :param own: the student's stamnummer at the asking school → its enrollment there.
    :returns: the same stamnummers → their declarations, from every school where the
        student (by INSZ) was enrolled, the asking one included.
    """
    places: dict[str, set[tuple[str, str]]] = {s: {(institution_number, s)} for s in own}
    by_insz: dict[str, list[str]] = defaultdict(list)
    for stamnummer, enrollment in own.items():
        if enrollment.insz:
            by_insz[enrollment.insz].append(stamnummer)
    if by_insz:
        for other in uow.enrollments.for_students(list(by_insz)):
            for stamnummer in by_insz.get(other.insz, ()):
                places[stamnummer].add((other.institution_number, other.stamnummer))
    wanted: dict[str, set[str]] = defaultdict(set)
    for pairs in places.values():
        for school, stamnummer in pairs:
            wanted[school].add(stamnummer)
    found: dict[tuple[str, str], list[Declaration]] = defaultdict(list)
    for school in sorted(wanted):
        for d in uow.characteristics.of_students(school, wanted[school]):
            found[(school, d.stamnummer)].append(d)
    return {s: [d for pair in sorted(places[s]) for d in found.get(pair, ())]
            for s in own}


def view_of(d: Declaration) -> DeclarationView:
    return DeclarationView(d.institution_number, d.student_id, d.stamnummer,
                           d.declared_on, d.home_language, d.mother_education)
