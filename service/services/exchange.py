"""Running one received message: idempotency, the use case and the journal, in one transaction.

Every message that passed the security checks is journaled (raw signed bytes, sender,
Referte, verdict, codes, answer) in the same transaction as its effect, so an
acknowledged message is never lost and never applied twice:

- the same signature again (an exact replay) is refused (security fault S160);
- the same sender + Referte with the same question (a resend after a lost answer)
  returns the first answer, marked with INFORMATIE 50003, and writes nothing;
- the same sender + Referte with a different question is refused (10006).

A refusal (FOUT) rolls the effect back but is still journaled, so a vendor can see
why a message was refused.

A consultation (a use case marked :func:`read_only`) is answered in a read-only
transaction, which on SQLite never takes the write lock, and journaled afterwards in a
short write transaction; the answer leaves only once that one committed. A transaction
that runs out of time is rolled back and answered with a signed fault (S501).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from discimus_client.wsse.errors import ReplayedMessage
from discimus_service.domain.errors import (
    DomainError, ReferteConflictError, ReplayedAnswerNotice, SenderMismatchError,
)
from discimus_service.domain.model import JournalEntry, Sender
from discimus_service.security.faults import RequestTimedOut
from discimus_service.services.answers import Answer, Issue, encode, refused
from discimus_service.services.ports import DeadlineExceeded, DuplicateKeyError, UnitOfWork


@dataclass(frozen=True)
class Receipt:
    """What the security layer established about a message, plus what it said of itself.

    ``sender`` comes from the verified certificate; ``afzender`` and ``referte`` come
    from the verified Body's Context.
    """

    sender: Sender
    afzender: str
    referte: str
    operation: str
    raw_message: bytes
    replay_key: str
    received_at: dt.datetime
    today: dt.date          # the business date (settable for testers, see Settings)


UseCase = Callable[[UnitOfWork, Receipt, Any], Answer]


def read_only(use_case: UseCase) -> UseCase:
    """Mark a use case that only reads: it runs in a read-only unit of work."""
    use_case.read_only = True
    return use_case


def handle(uow_factory: Callable[[], UnitOfWork], receipt: Receipt, question: Any,
           use_case: UseCase, result_type: type | None) -> Answer:
    """Run ``use_case`` for one message, exactly once.

    :raises ReplayedMessage: the very same signed message was received before.
    :raises RequestTimedOut: a transaction ran out of time; everything was rolled back.
    """
    digest = question_digest(receipt.operation, question)
    once = _consult_once if getattr(use_case, "read_only", False) else _handle_once
    # A concurrent duplicate loses the unique-key race at commit; the second attempt
    # then sees the winner's journal row and answers from it.
    for attempt in range(2):
        try:
            return once(uow_factory, receipt, question, use_case, result_type, digest)
        except DuplicateKeyError:
            if attempt:
                raise
        except DeadlineExceeded:
            raise RequestTimedOut() from None
    raise AssertionError("unreachable")


def _handle_once(uow_factory, receipt, question, use_case, result_type, digest) -> Answer:
    with uow_factory() as uow:
        earlier = _earlier_answer(uow, receipt, digest, result_type)
        if earlier is not None:
            return earlier
        answer = _run(uow, receipt, question, use_case)
        if not answer.accepted:
            uow.rollback()
        _journal(uow, receipt, digest, answer)
        uow.commit()
        return answer


def _consult_once(uow_factory, receipt, question, use_case, result_type, digest) -> Answer:
    # Read first, journal after: the journal entry is what makes the answer repeatable,
    # so nothing is sent before it committed. A concurrent resend or replay that got
    # there first makes the insert fail on a unique key; handle() then tries again and
    # answers from (or refuses on) the winner's entry.
    with uow_factory(read_only=True) as uow:
        earlier = _earlier_answer(uow, receipt, digest, result_type)
        if earlier is not None:
            return earlier
        answer = _run(uow, receipt, question, use_case)
    with uow_factory() as uow:
        _journal(uow, receipt, digest, answer)
        uow.commit()
    return answer


def _earlier_answer(uow: UnitOfWork, receipt: Receipt, digest: str,
                    result_type: type | None) -> Answer | None:
    """The answer already given for this Referte, a refusal of its reuse, or None."""
    if uow.journal.has_replay_key(receipt.replay_key):
        raise ReplayedMessage("this signed message was already received; "
                              "sign every message anew (new Timestamp, new Referte)")
    prior = uow.journal.find(receipt.sender.sender_id, receipt.referte)
    if prior is None:
        return None
    if prior.question_digest != digest:
        return refused(ReferteConflictError(
            f"Referte {receipt.referte!r} was already used on "
            f"{prior.received_at:%Y-%m-%d %H:%M:%S} UTC for a different "
            f"{prior.operation} message; give every new message a new Referte"))
    first = Answer.from_json(prior.answer_json, result_type)
    return first.with_issue(Issue.of(ReplayedAnswerNotice(
        f"Referte {receipt.referte!r} was already processed on "
        f"{prior.received_at:%Y-%m-%d %H:%M:%S} UTC; this is the first answer, "
        "nothing was written again")))


def _run(uow: UnitOfWork, receipt: Receipt, question: Any, use_case: UseCase) -> Answer:
    try:
        if receipt.afzender != receipt.sender.sender_id:
            raise SenderMismatchError(
                f"Context/Bericht/Afzender/Identificatie says {receipt.afzender!r} "
                f"but the message is signed with the certificate of "
                f"{receipt.sender.sender_id!r}", field="Afzender/Identificatie")
        return use_case(uow, receipt, question)
    except DomainError as problem:
        return refused(problem)


def _journal(uow: UnitOfWork, receipt: Receipt, digest: str, answer: Answer) -> None:
    uow.journal.add(JournalEntry(
        sender_id=receipt.sender.sender_id,
        referte=receipt.referte,
        operation=receipt.operation,
        received_at=receipt.received_at,
        raw_message=receipt.raw_message,
        question_digest=digest,
        verdict=answer.verdict,
        codes=",".join(str(i.code) for i in answer.issues),
        answer_json=answer.to_json(),
        replay_key=receipt.replay_key,
    ))


def question_digest(operation: str, question: Any) -> str:
    """SHA-256 of the question's content (not its signature or timestamp)."""
    text = json.dumps([operation, encode(question)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
