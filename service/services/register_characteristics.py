"""Use case: a school's package registers declarations on honour (message type 3).

The parents' declaration (home language, mother's education level) is sent once per
school career (000 §4), by the school that collected it, for a student enrolled with it.
A declaration is known by student and date: sent again with other values it is a
correction (INFORMATIE 50200), sent again unchanged it is left as it is. A declaration
sent by mistake is removed with AnnuleerLeerlingenkenmerken (``cancel_characteristics``).

The answer says how the new declarations stand against what AGODI already held for the
student at any school: the most recent declaration wins, so an older one is stored but
does not take effect (WAARSCHUWING 50202), and a newer one replaces an earlier one
that made this one unnecessary (INFORMATIE 50201).
"""
from __future__ import annotations

import dataclasses

from discimus_service.domain import characteristics as rules
from discimus_service.domain.characteristics import Declaration
from discimus_service.domain.errors import (
    DeclarationReplacedNotice, DomainError, EarlierDeclarationKnownNotice,
    NotEnrolledHereError, NotMostRecentDeclarationNotice,
)
from discimus_service.domain.model import MessageType
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.characteristics_items import (
    at, checked_items, declarations_of, own_students, refused_items,
)
from discimus_service.services.characteristics_views import (
    DeclarationsQuestion, DeclarationsStoredView,
)
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork

# How many items one notice names before it only counts them.
_NAMED = 10


def register_characteristics(uow: UnitOfWork, receipt: Receipt,
                             q: DeclarationsQuestion) -> Answer:
    """Store every declaration of the message, or none of them.

    :raises AuthorisationError: no mandate for this school and message type 3.
    :raises TooManyItemsError: more than 1,000 declarations in the message.
    :returns: counts of new, replaced and unchanged declarations; or, when any item
        breaks a rule, every item's problems (FOUT) and nothing stored.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.LEERLINGENKENMERKEN)
    rules.check_item_count(len(q.items))
    if uow.schools.get(q.institution_number) is None:
        raise NotEnrolledHereError(f"institution {q.institution_number} is not known",
                                   field="Instellingsnummer")
    problems: list[tuple[int, Issue]] = []
    items = checked_items(q.items, problems)
    own = own_students(uow, q.institution_number,
                       {p: i.stamnummer for p, i in items.items()}, receipt.today, problems)
    for position, item in list(items.items()):
        enrollment = own.get(item.stamnummer)
        if enrollment is None:
            del items[position]
            continue
        try:
            rules.check_declaration_date(item.declared_on, receipt.today,
                                         enrollment.identification.birth_date)
        except DomainError as problem:
            problems.append((position, at(position, problem)))
            del items[position]
    if problems:
        return refused_items(problems)
    return _store(uow, receipt, q, items, own)


def _store(uow, receipt, q, items, own) -> Answer:
    known = declarations_of(uow, q.institution_number, own)
    new, replaced, unchanged = [], [], 0
    for position, item in items.items():
        declaration = Declaration(q.institution_number, item.student_id, item.stamnummer,
                                  item.declared_on, item.home_language,
                                  item.mother_education, receipt.sender.sender_id,
                                  receipt.today)
        old = next((d for d in known[item.stamnummer] if d.key == declaration.key), None)
        if old is None:
            new.append((position, declaration))
        elif old.same_content(declaration):
            unchanged += 1
        else:
            replaced.append((position, item))
            uow.characteristics.update(dataclasses.replace(declaration, id=old.id))
    uow.characteristics.add_many([d for _p, d in new])
    issues = _notices(new, replaced, known)
    return Answer(DeclarationsStoredView(q.institution_number, new=len(new),
                                         replaced=len(replaced), unchanged=unchanged),
                  issues)


def _notices(new, replaced, known) -> tuple[Issue, ...]:
    older, newer = [], []
    for position, d in new:
        others = [o for o in known[d.stamnummer] if o.key != d.key]
        in_force = rules.most_recent(others)
        if in_force is None:
            continue
        if rules.most_recent([in_force, d]) is in_force:
            older.append((position, d, in_force))
        else:
            newer.append((position, d, in_force))
    issues = []
    if older:
        issues.append(at(older[0][0], NotMostRecentDeclarationNotice(
            f"{_count(older)} older than the declaration AGODI already holds, which "
            "stays in force (the most recent declaration wins): " + _named(older))))
    if newer:
        issues.append(at(newer[0][0], EarlierDeclarationKnownNotice(
            f"{_count(newer)} now in force instead of an earlier declaration AGODI "
            "already held; a declaration is needed only once per school career, "
            "consult GeefLeerlingenkenmerken first: " + _named(newer))))
    if replaced:
        named = "; ".join(f"item {p + 1} ({i.stamnummer} of {i.declared_on})"
                          for p, i in replaced[:_NAMED])
        more = len(replaced) - _NAMED
        issues.append(at(replaced[0][0], DeclarationReplacedNotice(
            f"{_count(replaced)} registered before with other values and now carry "
            f"the new ones: {named}" + (f"; and {more} more" if more > 0 else ""))))
    return tuple(issues)


def _named(found) -> str:
    text = "; ".join(f"item {p + 1} ({d.stamnummer} of {d.declared_on}; in force: "
                     f"{o.declared_on} from school {o.institution_number})"
                     for p, d, o in found[:_NAMED])
    more = len(found) - _NAMED
    return text + (f"; and {more} more" if more > 0 else "")


def _count(items) -> str:
    return "1 declaration was" if len(items) == 1 else f"{len(items)} declarations were"
