"""SQL implementation of the absence port (message type 2): rows in, domain values out.

Same habits as ``repositories.py``: Core statements built once with bind parameters, and
a unique key taken by a concurrent transaction becomes a port error. New half days go in
with one ``executemany``: a week of a school is one message of up to 1,000 rows.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update

from discimus_service.domain.absence import Absence, AbsenceCode, HalfDay
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_A = t.absences.c
_INSERT = insert(t.absences)
_UPDATE = (update(t.absences).where(_A.id == bindparam("absence_id"))
           .values(code=bindparam("new_code"), student_id=bindparam("new_student_id"),
                   without_certificate=bindparam("new_without_certificate"),
                   sender_id=bindparam("new_sender_id"),
                   received_on=bindparam("new_received_on")))
_DELETE = delete(t.absences).where(_A.id.in_(bindparam("ids", expanding=True)))
_OF_STUDENTS = (select(t.absences).where(
    _A.institution_number == bindparam("inst"),
    _A.stamnummer.in_(bindparam("stams", expanding=True)),
    _A.date >= bindparam("first"), _A.date <= bindparam("last"))
    .order_by(_A.date, _A.id))
_COUNT_CODE = (select(_A.stamnummer, func.count()).where(
    _A.institution_number == bindparam("inst"),
    _A.stamnummer.in_(bindparam("stams", expanding=True)),
    _A.code == bindparam("code"),
    _A.date >= bindparam("first"), _A.date <= bindparam("last"))
    .group_by(_A.stamnummer))


class SqlAbsences(ports.AbsenceRepository):
    def __init__(self, connection):
        self._c = connection

    def add_many(self, absences: list[Absence]) -> None:
        if not absences:
            return
        # One executemany; it returns no keys on every driver, and nobody needs them:
        # a half day is found again by its natural key.
        _write(self._c, _INSERT, [_row(a) for a in absences])

    def update(self, absence: Absence) -> None:
        _write(self._c, _UPDATE, {"absence_id": absence.id,
                                   "new_code": absence.code.value,
                                   "new_student_id": absence.student_id,
                                   "new_without_certificate": absence.without_certificate,
                                   "new_sender_id": absence.sender_id,
                                   "new_received_on": absence.received_on})

    def remove(self, ids: list[int]) -> None:
        if ids:
            self._c.execute(_DELETE, {"ids": list(ids)})

    def of_students(self, institution_number, stamnummers: Iterable[str], first, last):
        wanted = sorted(set(stamnummers))
        if not wanted:
            return []
        rows = self._c.execute(_OF_STUDENTS, {"inst": institution_number, "stams": wanted,
                                              "first": first, "last": last})
        return [_absence(r) for r in rows]

    def count_code(self, institution_number, stamnummers, code, first, last):
        wanted = sorted(set(stamnummers))
        if not wanted:
            return {}
        rows = self._c.execute(_COUNT_CODE, {"inst": institution_number, "stams": wanted,
                                             "code": AbsenceCode(code).value,
                                             "first": first, "last": last})
        return {stamnummer: count for stamnummer, count in rows}

    def page(self, institution_number, *, stamnummer, first, last, after, limit):
        query = select(t.absences).where(_A.institution_number == institution_number)
        if stamnummer is not None:
            query = query.where(_A.stamnummer == stamnummer)
        if first is not None:
            query = query.where(_A.date >= first)
        if last is not None:
            query = query.where(_A.date <= last)
        if after is not None:
            day, last_id = after
            query = query.where(or_(_A.date > day, and_(_A.date == day, _A.id > last_id)))
        rows = self._c.execute(query.order_by(_A.date, _A.id).limit(limit))
        return [_absence(r) for r in rows]


def _row(a: Absence) -> dict:
    return dict(institution_number=a.institution_number, stamnummer=a.stamnummer,
                date=a.date, half_day=a.half_day.value, student_id=a.student_id,
                code=a.code.value, sender_id=a.sender_id, received_on=a.received_on,
                without_certificate=a.without_certificate)


def _absence(r) -> Absence:
    return Absence(institution_number=r.institution_number, student_id=r.student_id,
                   stamnummer=r.stamnummer, date=r.date, half_day=HalfDay(r.half_day),
                   code=AbsenceCode(r.code), sender_id=r.sender_id,
                   received_on=r.received_on, id=r.id,
                   without_certificate=bool(r.without_certificate))
