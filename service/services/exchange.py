"""Running one received message: idempotency, the use case and the journal, in one transaction.

Every message that passed the security checks is journaled (raw signed bytes, sender,
Referte, verdict, codes, answer) in the same transaction as its effect, so an
acknowledged message is never lost and never applied twice:

- the same signature again (an exact replay) is refused (security fault S160), whatever
  the first copy was: a first use, a resend or a refusal;
- the same sender + Referte with the same question (a resend after a lost answer)
  returns the first answer, marked with INFORMATIE 50003, and writes only its replay key;
- the same sender + Referte with a different question is refused (10006), likewise.

A refusal (FOUT) rolls the effect back but is still journaled, so a vendor can see
why a message was refused. Every verified message, whatever its verdict, leaves its
replay key in the same transaction: only then is a byte-for-byte copy of a resend or
of a refusal a replay, rather than a message answered a second time.

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
    profile: str = "strict"  # the WS-Security profile the message was verified with

    @classmethod
    def of(cls, request, *, afzender: str, referte: str, operation: str) -> "Receipt":
        """From what the security middleware verified (its ``RequestInfo``) and what
        the verified Body's Context says."""
        return cls(sender=request.sender, afzender=afzender, referte=referte,
                   operation=operation, raw_message=request.raw_message,
                   replay_key=request.replay_key, received_at=request.received_at,
                   today=request.today, profile=request.profile)


UseCase = Callable[[UnitOfWork, Receipt, Any], Answer]
_ATTEMPTS = 6


def read_only(use_case: UseCase) -> UseCase:
    """Mark a use case that only reads: it runs in a read-only unit of work."""
    use_case.read_only = True
    return use_case


def handle(uow_factory: Callable[[], UnitOfWork], receipt: Receipt, question: Any,
           use_case: UseCase, result_type: type | None, *,
           audit: Callable[[UnitOfWork, Receipt, Any, Answer], None] | None = None
           ) -> Answer:
    """Run ``use_case`` for one message, exactly once.

    :param audit: called as ``audit(uow, receipt, question, answer)`` in the transaction
        that journals a first answer (a partner consultation's audit, services/audit.py).

    :raises ReplayedMessage: the very same signed message was received before.
    :raises RequestTimedOut: a transaction ran out of time; everything was rolled back.
    """
    digest = question_digest(receipt.operation, question)
    once = _consult_once if getattr(use_case, "read_only", False) else _handle_once
    # A concurrent duplicate loses the unique-key race (at the INSERT on PostgreSQL, at
    # commit elsewhere); the next attempt then sees the winner's rows: its journal entry
    # (a resend: 50003) or its replay key (a copy of this very message: S160). A message
    # writes at most five unique keys (a registration's natural key, a number supplied
    # to the student and a wrong number reported, services/identification.py, its
    # Referte, its replay key); each can be lost only once, because the winner's
    # committed row is seen by every later attempt (a number given is looked up before
    # one is written). So the sixth attempt always ends in a verdict.
    for attempt in range(_ATTEMPTS):
        try:
            return once(uow_factory, receipt, question, use_case, result_type, digest,
                        audit)
        except DuplicateKeyError:
            if attempt == _ATTEMPTS - 1:
                raise
        except DeadlineExceeded:
            raise RequestTimedOut() from None
    raise AssertionError("unreachable")


def _handle_once(uow_factory, receipt, question, use_case, result_type, digest,
                 audit=None) -> Answer:
    with uow_factory() as uow:
        answer, first_use = _decide(uow, receipt, question, use_case, result_type, digest)
        if first_use:
            if not answer.accepted:
                uow.rollback()
            _journal(uow, receipt, digest, answer)
            if audit is not None:
                audit(uow, receipt, question, answer)
        # Last, after any rollback: two copies of this message on two workers both get
        # here; the database lets one commit and the other retries and sees the key.
        uow.journal.add_replay_key(receipt.replay_key, receipt.sender.sender_id,
                                   receipt.received_at)
        uow.commit()
        return answer


def _consult_once(uow_factory, receipt, question, use_case, result_type, digest,
                  audit=None) -> Answer:
    # Read first, write after: the journal entry is what makes the answer repeatable,
    # so nothing is sent before it committed. A concurrent copy that got there first
    # makes an insert fail on a unique key; handle() then tries again and answers from
    # (or refuses on) the winner's rows.
    with uow_factory(read_only=True) as uow:
        answer, first_use = _decide(uow, receipt, question, use_case, result_type, digest)
    with uow_factory() as uow:
        if first_use:
            _journal(uow, receipt, digest, answer)
            if audit is not None:
                audit(uow, receipt, question, answer)
        uow.journal.add_replay_key(receipt.replay_key, receipt.sender.sender_id,
                                   receipt.received_at)
        uow.commit()
    return answer


def _decide(uow, receipt, question, use_case, result_type, digest) -> tuple[Answer, bool]:
    """This message's answer, and whether it is the first use of its Referte.

    :raises ReplayedMessage: the very same signed message was received before.
    """
    if uow.journal.has_replay_key(receipt.replay_key):
        raise ReplayedMessage("this signed message was already received; "
                              "sign every message anew (new Timestamp, new Referte)")
    prior = uow.journal.find(receipt.sender.sender_id, receipt.referte)
    if prior is not None:
        return _answer_again(prior, receipt, digest, result_type), False
    return _first_use(uow, receipt, question, use_case), True


def _answer_again(prior: JournalEntry, receipt: Receipt, digest: str,
                  result_type: type | None) -> Answer:
    """A Referte seen before: the first answer again (50003), or 10006 if reused."""
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


def _first_use(uow: UnitOfWork, receipt: Receipt, question: Any,
               use_case: UseCase) -> Answer:
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
        security_profile=receipt.profile,
    ))


def question_digest(operation: str, question: Any) -> str:
    """SHA-256 of the question's content (not its signature or timestamp)."""
    text = json.dumps([operation, encode(question)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
