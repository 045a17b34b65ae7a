"""Looking up a student's missing or wrong INSZ: the steps receipt and screening share.

The rule itself is the domain's (``domain/identification_numbers.py``). Here: which
records are candidates (another institution's, on either channel, born the same day,
carrying an INSZ or a number the administration gave), what is written (one record per
answer, never twice), and what the institution is told.
"""
from __future__ import annotations

import datetime as dt

from discimus_service.domain.dko import WrongNumber
from discimus_service.domain.errors import (
    AmbiguousMatchNotice, InszPendingNotice, InszSuppliedNotice, WrongInszNotice,
)
from discimus_service.domain.identification_numbers import (
    Candidate, Channel, Match, MatchOutcome, NumberKind, NumberRecord, match,
)
from discimus_service.domain.model import Identification
from discimus_service.services.answers import Issue
from discimus_service.services.ports import UnitOfWork

MATCHED_ON = ("matched on family name, first name, birth date, sex and address with "
              "the data another institution sent")
_GIVEN = (NumberKind.SUPPLIED, NumberKind.PSEUDO)


def candidates(uow: UnitOfWork, channel: Channel, institution_number: str,
               ident: Identification) -> list[Candidate]:
    """Records of other institutions, both channels, born the same day, with a number."""
    found = [Candidate(e.insz, e.identification, e.institution_number, Channel.SCHOOL)
             for e in uow.numbers.enrollments_born(ident.birth_date)]
    found += [Candidate(r.insz, r.identification, r.institution_number, Channel.DKO)
              for r in uow.dko.with_insz_born(ident.birth_date)]
    found += [Candidate(n.insz, n.identification, n.institution_number, n.channel)
              for n in uow.numbers.given_born(ident.birth_date)]
    # An academy and a school may share a number: the institution is (channel, number).
    return [c for c in found
            if (c.channel, c.institution_number) != (channel, institution_number)]


def given(uow: UnitOfWork, channel: Channel, institution_number: str,
          stamnummer: str) -> NumberRecord | None:
    """The number the administration already gave this student, if any."""
    return next((r for r in uow.numbers.of_student(channel, institution_number, stamnummer)
                 if r.kind in _GIVEN), None)


def look_up(uow: UnitOfWork, channel: Channel, institution_number: str,
            ident: Identification, today: dt.date) -> tuple[Match, NumberRecord | None]:
    """Match a student without a number; store the supplied number when unique.

    :returns: the match, and the record of the number given (now or before), if any.
    """
    before = given(uow, channel, institution_number, ident.stamnummer)
    if before is not None:
        return Match(MatchOutcome.FOUND, before.insz, 1), before
    result = match(ident, candidates(uow, channel, institution_number, ident))
    if result.outcome is not MatchOutcome.FOUND:
        return result, None
    record = NumberRecord(channel, institution_number, ident.stamnummer,
                          NumberKind.SUPPLIED, result.insz, "", ident, today, MATCHED_ON)
    uow.numbers.add(record)
    return result, record


def report_wrong(uow: UnitOfWork, channel: Channel, institution_number: str,
                 ident: Identification, wrong: WrongNumber, today: dt.date) -> Issue:
    """Put a wrong number in the error report (once) and say so."""
    known = any(r.kind is NumberKind.WRONG and r.insz_sent == wrong.sent
                for r in uow.numbers.of_student(channel, institution_number,
                                                ident.stamnummer))
    if not known:
        uow.numbers.add(NumberRecord(channel, institution_number, ident.stamnummer,
                                     NumberKind.WRONG, None, wrong.sent, ident, today,
                                     wrong.diagnose))
    return Issue.of(WrongInszNotice(
        f"the INSZ {wrong.sent!r} sent for stamnummer {ident.stamnummer} is wrong: "
        f"{wrong.diagnose}. The registration is stored without it; the number is in "
        "the error report (GeefIdentificatienummers) and the administration looks the "
        "right one up"))


def notice(result: Match, ident: Identification,
           record: NumberRecord | None = None) -> Issue:
    """What the institution is told about a student sent without a valid number.

    :param record: the number given, when it was given before (a pseudo number too).
    """
    if record is not None and record.kind is NumberKind.PSEUDO:
        return Issue.of(InszSuppliedNotice(
            f"stamnummer {ident.stamnummer}: no national register number exists; the "
            f"administration gave the pseudo number {record.insz} on {record.decided_on}; "
            "send it as the student's INSZ in a correction"))
    if result.outcome is MatchOutcome.FOUND:
        return Issue.of(InszSuppliedNotice(
            f"stamnummer {ident.stamnummer}: the student's INSZ is {result.insz} "
            f"({MATCHED_ON}); fetch it with GeefIdentificatienummers and send it in a "
            "correction"))
    if result.outcome is MatchOutcome.AMBIGUOUS:
        return Issue.of(AmbiguousMatchNotice(
            f"stamnummer {ident.stamnummer}: {result.persons} different persons match "
            "the family name, first name, birth date, sex and address; no number is "
            "guessed. Check the identification data against the identity document"))
    return Issue.of(InszPendingNotice(
        f"stamnummer {ident.stamnummer}: no INSZ yet, and no other institution sent "
        "this student; the administration supplies the number later, or a pseudo "
        "number when none exists (GeefIdentificatienummers)"))


def on_receipt(uow: UnitOfWork, channel: Channel, institution_number: str,
               ident: Identification, today: dt.date) -> list[Issue]:
    """Look a student sent without a number up as the message arrives (both channels).

    :returns: the notice to add to the answer; none when the student has an INSZ.
    """
    if ident.insz:
        return []
    result, record = look_up(uow, channel, institution_number, ident, today)
    return [notice(result, ident, record)]
