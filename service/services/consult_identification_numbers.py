"""Use cases: an institution fetches the numbers the administration has for it.

"De administratie bezorgt de gecorrigeerde en/of ontbrekende nummers later aan de
scholen" and "een foutenrapport zal de onregelmatigheden aan de scholen melden" (002
§2.3, §2.5; 000 §2.1.1): GeefIdentificatienummers lists, per student, the number
supplied by matching (AANGEVULD), the pseudo number created when none exists (PSEUDO)
and every wrong number sent (FOUT), oldest first, a page at a time. Each channel asks
on its own service with its own rights: a school with its message type 1 mandate on
/inschrijving, an academy with its DKO mandate on /dko.
"""
from __future__ import annotations

from discimus_service.domain import identifiers
from discimus_service.domain.errors import InvalidContinuationError
from discimus_service.domain.identification_numbers import Channel, NumberKind
from discimus_service.services.answers import Answer
from discimus_service.services.common import require_mandate
from discimus_service.services.dko_common import require_dko_mandate
from discimus_service.services.dko_views import NumbersQuestion, NumbersView, NumberView
from discimus_service.services.exchange import Receipt, read_only
from discimus_service.services.ports import UnitOfWork

PAGE_SIZE = 500
_TOKEN_PREFIX = "idn1:"


@read_only
def consult_school_numbers(uow: UnitOfWork, receipt: Receipt, q: NumbersQuestion) -> Answer:
    """The school channel's numbers for one school (message type 1 mandate).

    :raises AuthorisationError: no message type 1 mandate for this school.
    """
    require_mandate(uow, receipt, q.institution_number)
    return _numbers(uow, Channel.SCHOOL, q)


@read_only
def consult_dko_numbers(uow: UnitOfWork, receipt: Receipt, q: NumbersQuestion) -> Answer:
    """The DKO channel's numbers for one academy (DKO mandate).

    :raises NotAnAcademyError: the institution is no academy.
    :raises DkoMandateError: no DKO mandate for this academy.
    """
    require_dko_mandate(uow, receipt, q.institution_number)
    return _numbers(uow, Channel.DKO, q)


def _numbers(uow: UnitOfWork, channel: Channel, q: NumbersQuestion) -> Answer:
    """:raises InvalidStamnummerError, InvalidContinuationError: the question is wrong."""
    stamnummer = (identifiers.validate_stamnummer(q.stamnummer)
                  if q.stamnummer is not None else None)
    after = decode_continuation(q.continuation) if q.continuation else None
    rows = uow.numbers.page(channel, q.institution_number, stamnummer=stamnummer,
                            after=after, limit=PAGE_SIZE + 1)
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    items = [NumberView(
        stamnummer=r.stamnummer, first_name=r.identification.first_name,
        last_name=r.identification.last_name, birth_date=r.identification.birth_date,
        kind=r.kind, insz=r.insz,
        insz_sent=r.insz_sent if r.kind is NumberKind.WRONG else None,
        decided_on=r.decided_on, diagnose=r.diagnose) for r in rows]
    token = f"{_TOKEN_PREFIX}{rows[-1].id}" if more else None
    return Answer(NumbersView(q.institution_number, items, token))


def decode_continuation(token: str) -> int:
    """:raises InvalidContinuationError: not a token this service gave out."""
    body = token[len(_TOKEN_PREFIX):] if token.startswith(_TOKEN_PREFIX) else ""
    if not (body.isdigit() and body.isascii()) or len(body) > 18:
        raise InvalidContinuationError(
            "the Vervolg is not one this service gave out: copy it unchanged from the "
            "previous answer of GeefIdentificatienummers", field="Vervolg")
    return int(body)
