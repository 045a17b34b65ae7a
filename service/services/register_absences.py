"""Use case: a school's package registers half days of absence (message type 2).

The school's register is the truth: a package sends the day or the week as it now
stands. A half day not yet registered is stored; one registered before with another
code takes the new code (a correction, INFORMATIE 50005); one sent again unchanged is
left as it is. So a resend of a corrected week needs no bookkeeping of what was sent
before. A half day that turns out not to be an absence is removed with
AnnuleerAfwezigheden (``cancel_absences.py``). Reaching 10 or 30 problematic half
days in a school year notifies the CLB in the same transaction (``clb_feed.py``).
"""
from __future__ import annotations

import dataclasses

from discimus_service.domain import absence as rules
from discimus_service.domain.absence import Absence, AbsenceCode
from discimus_service.domain.errors import (
    AbsenceReplacedNotice, DomainError, LateAbsenceNotice, NotEnrolledHereError,
)
from discimus_service.domain.model import MessageType
from discimus_service.services import clb_feed
from discimus_service.services.absence_items import at, capped, checked_items
from discimus_service.services.absence_views import AbsencesQuestion, AbsencesStoredView
from discimus_service.services.answers import Answer, Issue
from discimus_service.services.common import require_mandate
from discimus_service.services.exchange import Receipt
from discimus_service.services.ports import UnitOfWork

# How many corrected half days one 50005 notice names before it only counts them.
_NAMED_CORRECTIONS = 10


def register_absences(uow: UnitOfWork, receipt: Receipt, q: AbsencesQuestion) -> Answer:
    """Store every half day of the message, or none of them.

    :raises AuthorisationError: no mandate for this school and message type 2.
    :raises TooManyItemsError: more than 1,000 half days in the message.
    :returns: counts of new, replaced and unchanged half days; or, when any item breaks
        a rule, every item's problems (FOUT) and nothing stored.
    """
    require_mandate(uow, receipt, q.institution_number, MessageType.AFWEZIGHEDEN)
    rules.check_item_count(len(q.items))
    school = uow.schools.get(q.institution_number)
    if school is None:
        raise NotEnrolledHereError(f"institution {q.institution_number} is not known",
                                   field="Instellingsnummer")
    problems: list[Issue] = []
    items = checked_items(q.items, receipt.today, problems)
    enrollments: dict[str, list] = {}
    for position, item in list(items.items()):
        if item.stamnummer not in enrollments:
            enrollments[item.stamnummer] = uow.enrollments.at_institution(
                q.institution_number, item.stamnummer)
        try:
            enrollment = rules.require_enrolled(enrollments[item.stamnummer],
                                                q.institution_number, item.stamnummer,
                                                item.date)
            rules.check_code(item.code, item.date, school,
                             enrollment.identification.birth_date)
            rules.check_sick_note(item.code, item.without_certificate)
        except DomainError as problem:
            problems.append(at(position, problem))
            del items[position]
    if problems:
        return Answer(None, capped(problems))
    return _store(uow, receipt, q, items)


def _store(uow, receipt, q, items) -> Answer:
    existing = {}
    if items:
        existing = {a.key: a for a in uow.absences.of_students(
            q.institution_number, {i.stamnummer for i in items.values()},
            min(i.date for i in items.values()), max(i.date for i in items.values()))}
    new, corrections, unchanged = [], [], 0
    for position, item in items.items():
        key = (q.institution_number, item.stamnummer, item.date, item.half_day)
        old = existing.get(key)
        if old is None:
            new.append(Absence(q.institution_number, item.student_id, item.stamnummer,
                               item.date, item.half_day, item.code,
                               receipt.sender.sender_id, receipt.today,
                               without_certificate=item.without_certificate))
        elif ((old.code, old.student_id, old.without_certificate)
              == (item.code, item.student_id, item.without_certificate)):
            unchanged += 1
        else:
            if old.code != item.code:
                corrections.append((position, item, old.code))
            uow.absences.update(dataclasses.replace(
                old, code=item.code, student_id=item.student_id,
                without_certificate=item.without_certificate,
                sender_id=receipt.sender.sender_id, received_on=receipt.today))
    uow.absences.add_many(new)
    # In this transaction: the CLB's notification exists exactly when its absences do.
    clb_feed.notify(uow, q.institution_number,
                    [(a.stamnummer, a.date) for a in new if a.code is AbsenceCode.B]
                    + [(i.stamnummer, i.date) for _p, i, _old in corrections
                       if i.code is AbsenceCode.B], receipt.received_at)
    replaced = len(items) - len(new) - unchanged
    issues = _notices(items, corrections, receipt.today)
    return Answer(AbsencesStoredView(q.institution_number, new=len(new),
                                     replaced=replaced, unchanged=unchanged), issues)


def _notices(items, corrections, today) -> tuple[Issue, ...]:
    issues = []
    late = [(p, i) for p, i in items.items() if rules.is_late(i.date, today)]
    if late:
        first_position, earliest = min(late, key=lambda pi: pi[1].date)
        issues.append(at(first_position, LateAbsenceNotice(
            f"{len(late)} of the {_half_days(len(items))} sent more than "
            f"{rules.ABSENCE_DEADLINE_DAYS} calendar days after they happened (the "
            f"earliest: {earliest.date}); send absences daily, at the latest within "
            "the week. They are stored")))
    if corrections:
        named = "; ".join(f"item {p + 1} ({i.stamnummer} {i.date} {i.half_day.value}: "
                          f"{old.value} → {i.code.value})"
                          for p, i, old in corrections[:_NAMED_CORRECTIONS])
        more = len(corrections) - _NAMED_CORRECTIONS
        issues.append(at(corrections[0][0], AbsenceReplacedNotice(
            f"{_half_days(len(corrections))} registered before with another code "
            f"now carry the new one: {named}" + (f"; and {more} more" if more > 0 else ""))))
    return tuple(issues)


def _half_days(count: int) -> str:
    return "1 half day was" if count == 1 else f"{count} half days were"
