"""SQL implementation of the record port (message types 5, 6 and 8): rows in, records out.

Same habits as ``repositories.py``: Core statements built once with bind parameters, a
unique key taken by a concurrent transaction becomes a port error.
"""
from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, or_, select, update

from discimus_service.domain.records import Record, RecordKind
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_R = t.records.c
_INSERT = insert(t.records)
_GET = select(t.records).where(_R.kind == bindparam("kind"),
                               _R.institution_number == bindparam("inst"),
                               _R.record_key == bindparam("key"))
_COLUMNS = ("record_key", "start_date", "end_date", "stamnummer", "student_id", "insz",
            "subtype", "other_institution", "sender_id", "received_on")
_REPLACE = (update(t.records).where(_R.id == bindparam("record_id"))
            .values({c: bindparam(f"new_{c}") for c in _COLUMNS}))
_DELETE = delete(t.records).where(_R.id == bindparam("record_id"))


class SqlRecords(ports.RecordRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, record: Record) -> None:
        _write(self._c, _INSERT, _row(record))

    def get(self, kind, institution_number, key):
        row = self._c.execute(_GET, {"kind": RecordKind(kind).value,
                                     "inst": institution_number, "key": key}).first()
        return _record(row) if row is not None else None

    def replace(self, record: Record) -> None:
        row = _row(record)
        _write(self._c, _REPLACE, {"record_id": record.id,
                                    **{f"new_{c}": row[c] for c in _COLUMNS}})

    def remove(self, record_id: int) -> None:
        self._c.execute(_DELETE, {"record_id": record_id})

    def of_school(self, kind, institution_number, *, first, last, include_other=False):
        whose = _R.institution_number == institution_number
        if include_other:
            whose = or_(whose, _R.other_institution == institution_number)
        query = select(t.records).where(_R.kind == RecordKind(kind).value, whose)
        if first is not None:
            query = query.where(_R.start_date >= first)
        if last is not None:
            query = query.where(_R.start_date <= last)
        rows = self._c.execute(query.order_by(_R.start_date, _R.id))
        return [_record(r) for r in rows]


def _row(r: Record) -> dict:
    return dict(kind=r.kind.value, institution_number=r.institution_number,
                record_key=r.key, start_date=r.start_date, end_date=r.end_date,
                stamnummer=r.stamnummer, student_id=r.student_id, insz=r.insz,
                subtype=r.subtype, other_institution=r.other_institution,
                sender_id=r.sender_id, received_on=r.received_on)


def _record(r) -> Record:
    return Record(kind=RecordKind(r.kind), institution_number=r.institution_number,
                  key=r.record_key, start_date=r.start_date, sender_id=r.sender_id,
                  received_on=r.received_on, stamnummer=r.stamnummer,
                  student_id=r.student_id, insz=r.insz, subtype=r.subtype,
                  end_date=r.end_date, other_institution=r.other_institution, id=r.id)
