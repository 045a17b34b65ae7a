"""SQL implementations of the partner ports (MAGDA side): partners and the interest register.

Apart from ``repositories.py`` so the school side and the partner side can change
independently; the same habits (Core statements built once, bind parameters).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, insert, select

from discimus_service.domain.partners import (
    InterestEvent, InterestKind, Partner, PartnerAuthorisation,
)
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_P, _A, _I = t.partners.c, t.partner_authorisations.c, t.interest_events.c
_PARTNER_GET = select(t.partners).where(_P.sender_id == bindparam("sender"))
_PARTNER_INSERT = insert(t.partners)
_AUTH_INSERT = insert(t.partner_authorisations)
_AUTH_FIND = (select(t.partner_authorisations)
              .where(_A.sender_id == bindparam("sender"), _A.service == bindparam("service"))
              .order_by(_A.valid_from, _A.id))
_EVENT_INSERT = insert(t.interest_events)
_EVENTS_OF = (select(t.interest_events)
              .where(_I.sender_id == bindparam("sender"), _I.insz == bindparam("insz"))
              .order_by(_I.id))


class SqlPartners(ports.PartnerRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, partner: Partner) -> None:
        _write(self._c, _PARTNER_INSERT, dict(
            sender_id=partner.sender_id, identification=partner.identification,
            default_capacity=partner.default_capacity))

    def get(self, sender_id):
        r = self._c.execute(_PARTNER_GET, {"sender": sender_id}).first()
        return Partner(r.sender_id, r.identification, r.default_capacity) if r else None

    def add_authorisation(self, a: PartnerAuthorisation) -> None:
        self._c.execute(_AUTH_INSERT, dict(
            sender_id=a.sender_id, service=a.service, deliberation=a.deliberation,
            capacities=",".join(a.capacities), valid_from=a.valid_from,
            valid_to=a.valid_to,
            field_set=None if a.field_set is None else ",".join(a.field_set)))

    def authorisations(self, sender_id, service):
        rows = self._c.execute(_AUTH_FIND, {"sender": sender_id, "service": service})
        return [PartnerAuthorisation(r.sender_id, r.service, r.deliberation,
                                     tuple(c for c in r.capacities.split(",") if c),
                                     r.valid_from, r.valid_to, _field_set(r.field_set))
                for r in rows]


def _field_set(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(f for f in text.split(",") if f)


class SqlInterests(ports.InterestRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, event: InterestEvent, received_at: dt.datetime) -> None:
        self._c.execute(_EVENT_INSERT, dict(
            sender_id=event.sender_id, capacity=event.capacity, insz=event.insz,
            kind=event.kind.value, begin_date=event.begin, end_date=event.end,
            received_at=received_at.astimezone(dt.timezone.utc)))

    def of_person(self, sender_id, insz):
        rows = self._c.execute(_EVENTS_OF, {"sender": sender_id, "insz": insz})
        return [InterestEvent(r.sender_id, r.capacity, r.insz, InterestKind(r.kind),
                              r.begin_date, r.end_date, r.id) for r in rows]
