"""SQL implementation of the characteristics port (message type 3): rows in, values out.

Same habits as ``absences.py``: Core statements built once with bind parameters, new
rows in one ``executemany``, a unique key taken by a concurrent transaction a port error.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, insert, select, update

from discimus_service.domain.characteristics import (
    Declaration, HomeLanguage, MotherEducation,
)
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_K = t.characteristics.c
_INSERT = insert(t.characteristics)
_UPDATE = (update(t.characteristics).where(_K.id == bindparam("declaration_id"))
           .values(home_language=bindparam("new_home_language"),
                   mother_education=bindparam("new_mother_education"),
                   student_id=bindparam("new_student_id"),
                   sender_id=bindparam("new_sender_id"),
                   received_on=bindparam("new_received_on")))
_DELETE = delete(t.characteristics).where(_K.id.in_(bindparam("ids", expanding=True)))
_OF_STUDENTS = (select(t.characteristics).where(
    _K.institution_number == bindparam("inst"),
    _K.stamnummer.in_(bindparam("stams", expanding=True)))
    .order_by(_K.stamnummer, _K.declared_on, _K.id))


class SqlCharacteristics(ports.CharacteristicsRepository):
    def __init__(self, connection):
        self._c = connection

    def add_many(self, declarations: list[Declaration]) -> None:
        if declarations:
            _write(self._c, _INSERT, [_row(d) for d in declarations])

    def update(self, declaration: Declaration) -> None:
        _write(self._c, _UPDATE, {
            "declaration_id": declaration.id,
            "new_home_language": declaration.home_language.value,
            "new_mother_education": declaration.mother_education.value,
            "new_student_id": declaration.student_id,
            "new_sender_id": declaration.sender_id,
            "new_received_on": declaration.received_on})

    def remove(self, ids: list[int]) -> None:
        if ids:
            self._c.execute(_DELETE, {"ids": list(ids)})

    def of_students(self, institution_number: str, stamnummers: Iterable[str]):
        wanted = sorted(set(stamnummers))
        if not wanted:
            return []
        rows = self._c.execute(_OF_STUDENTS, {"inst": institution_number, "stams": wanted})
        return [_declaration(r) for r in rows]

    def page(self, institution_number, *, stamnummer, after, limit):
        query = select(t.characteristics).where(_K.institution_number == institution_number)
        if stamnummer is not None:
            query = query.where(_K.stamnummer == stamnummer)
        if after is not None:
            query = query.where(_K.id > after)
        rows = self._c.execute(query.order_by(_K.id).limit(limit))
        return [_declaration(r) for r in rows]


def _row(d: Declaration) -> dict:
    return dict(institution_number=d.institution_number, stamnummer=d.stamnummer,
                declared_on=d.declared_on, student_id=d.student_id,
                home_language=d.home_language.value,
                mother_education=d.mother_education.value, sender_id=d.sender_id,
                received_on=d.received_on)


def _declaration(r) -> Declaration:
    return Declaration(institution_number=r.institution_number, student_id=r.student_id,
                       stamnummer=r.stamnummer, declared_on=r.declared_on,
                       home_language=HomeLanguage(r.home_language),
                       mother_education=MotherEducation(r.mother_education),
                       sender_id=r.sender_id, received_on=r.received_on, id=r.id)
