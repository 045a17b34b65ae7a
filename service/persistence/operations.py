"""SQL implementations of the operations ports: audit log, fault rules, retention.

The same habits as ``repositories.py``: Core statements built once, bind parameters,
times stored in UTC.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, bindparam, delete, func, insert, select, tuple_

from discimus_service.domain.audit import AuditEntry, FaultKind, FaultRule
from discimus_service.domain.retention import EnrollmentStub
from discimus_service.persistence import tables as t
from discimus_service.services import ports

_L, _F = t.audit_log.c, t.fault_rules.c
_AUDIT_INSERT = insert(t.audit_log)
_RULE_INSERT = insert(t.fault_rules)
_RULES = select(t.fault_rules).order_by(_F.id)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


class SqlAudit(ports.AuditRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, entry: AuditEntry) -> None:
        self._c.execute(_AUDIT_INSERT, dict(
            at=_utc(entry.at), sender_id=entry.sender_id,
            identification=entry.identification[:120], service=entry.service,
            referte=entry.referte, insz=(entry.insz or None) and entry.insz[:20],
            capacity=entry.capacity, deliberation=entry.deliberation,
            verdict=entry.verdict, codes=entry.codes[:200], fields=",".join(entry.fields)))

    def find(self, *, insz=None, sender_id=None, limit=1000):
        query = select(t.audit_log)
        if insz is not None:
            query = query.where(_L.insz == insz)
        if sender_id is not None:
            query = query.where(_L.sender_id == sender_id)
        rows = self._c.execute(query.order_by(_L.at, _L.id).limit(limit))
        return [AuditEntry(at=_aware(r.at), sender_id=r.sender_id,
                           identification=r.identification, service=r.service,
                           referte=r.referte, insz=r.insz, capacity=r.capacity,
                           deliberation=r.deliberation, verdict=r.verdict, codes=r.codes,
                           fields=tuple(f for f in r.fields.split(",") if f), id=r.id)
                for r in rows]


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite gives naive datetimes back; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


class SqlFaultRules(ports.FaultRuleRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, rule: FaultRule, created_at: dt.datetime) -> int:
        result = self._c.execute(_RULE_INSERT, dict(
            service=rule.service, insz=rule.insz, kind=rule.kind.value,
            delay_seconds=rule.delay_seconds, note=rule.note[:200],
            created_at=_utc(created_at)))
        return result.inserted_primary_key[0]

    def all(self):
        return [FaultRule(r.service, r.insz, FaultKind(r.kind), r.delay_seconds, r.note,
                          r.id) for r in self._c.execute(_RULES)]

    def remove(self, *, rule_id=None, service=None, insz=None) -> int:
        query = delete(t.fault_rules)
        if rule_id is not None:
            query = query.where(_F.id == rule_id)
        if service is not None:
            query = query.where(_F.service == service)
        if insz is not None:
            query = query.where(_F.insz == insz)
        return self._c.execute(query).rowcount


class SqlRetention(ports.RetentionRepository):
    """Counts and deletes by the cut-off; each statement is one set-based DELETE."""

    def __init__(self, connection):
        self._c = connection

    def absences_before(self, day: dt.date, *, remove: bool) -> int:
        return self._apply(t.absences, t.absences.c.date < day, remove)

    def journal_before(self, day: dt.date, *, remove: bool) -> int:
        return self._apply(t.journal, t.journal.c.received_at < _midnight(day), remove)

    def audit_before(self, day: dt.date, *, remove: bool) -> int:
        return self._apply(t.audit_log, _L.at < _midnight(day), remove)

    def enrollment_stubs(self) -> list[EnrollmentStub]:
        c = t.enrollments.c
        rows = self._c.execute(select(c.id, c.institution_number, c.stamnummer, c.insz,
                                      c.end_date).order_by(c.id))
        return [EnrollmentStub(r.id, r.institution_number, r.stamnummer, r.insz,
                               r.end_date) for r in rows]

    def remove_enrollments(self, ids: list[int]) -> None:
        c = t.enrollments.c
        for start in range(0, len(ids), 500):       # bounded IN lists
            self._c.execute(delete(t.enrollments).where(
                c.id.in_(bindparam("ids", expanding=True))), {"ids": ids[start:start + 500]})

    def person_rows(self, school_keys, inszs, *, remove: bool) -> dict[str, int]:
        from discimus_service.domain.retention import PERSON_TABLES
        counts: dict[str, int] = {}
        for by, name in PERSON_TABLES:
            table = t.metadata.tables[name]
            keys = school_keys if by == "school" else inszs
            column = (tuple_(table.c.institution_number, table.c.stamnummer)
                      if by == "school" else table.c.insz)
            for start in range(0, len(keys), 500):          # bounded IN lists
                chunk = keys[start:start + 500]
                counts[name] = counts.get(name, 0) + self._apply(
                    table, column.in_(chunk), remove)
            counts.setdefault(name, 0)
        return counts

    def _apply(self, table, condition, remove: bool) -> int:
        if remove:
            return self._c.execute(delete(table).where(condition)).rowcount
        return self._c.execute(select(func.count()).select_from(table)
                               .where(and_(condition))).scalar_one()
