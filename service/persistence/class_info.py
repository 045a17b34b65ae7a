"""SQL implementation of the LeerID class-information port (``domain/class_info.py``)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, delete, func, insert, select, update

from discimus_service.domain.class_info import (
    ClassAssignment, DirectorAssignment, SharingEvent,
)
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_D, _E, _C = t.director_assignments.c, t.class_sharing_events.c, t.class_assignments.c
_DIRECTOR_INSERT = insert(t.director_assignments)
_DIRECTORS = (select(t.director_assignments)
              .where(_D.institution_number == bindparam("school"))
              .order_by(_D.valid_from, _D.id))
_EVENT_INSERT = insert(t.class_sharing_events)
_EVENTS = (select(t.class_sharing_events)
           .where(_E.institution_number == bindparam("school")).order_by(_E.id))
_CLASSES = (select(t.class_assignments)
            .where(_C.institution_number == bindparam("school")).order_by(_C.stamnummer))
_CLASS_INSERT = insert(t.class_assignments)
_CLASS_UPDATE = (update(t.class_assignments)
                 .where(_C.institution_number == bindparam("b_school"),
                        _C.stamnummer == bindparam("b_stamnummer"))
                 .values(student_id=bindparam("student_id"),
                         class_name=bindparam("class_name"),
                         subclass=bindparam("subclass"), since=bindparam("since"),
                         sender_id=bindparam("sender_id")))
_CLASS_COUNT = select(func.count()).select_from(t.class_assignments).where(
    _C.institution_number == bindparam("school"))
_CLASS_DELETE = delete(t.class_assignments).where(
    _C.institution_number == bindparam("school"))


class SqlClassInfo(ports.ClassInfoRepository):
    def __init__(self, connection):
        self._c = connection

    def add_director(self, a: DirectorAssignment) -> None:
        self._c.execute(_DIRECTOR_INSERT, dict(
            institution_number=a.institution_number, person_id=a.person_id, name=a.name,
            valid_from=a.valid_from, valid_to=a.valid_to))

    def directors(self, institution_number):
        rows = self._c.execute(_DIRECTORS, {"school": institution_number})
        return [DirectorAssignment(r.institution_number, r.person_id, r.name, r.valid_from,
                                   r.valid_to) for r in rows]

    def add_event(self, e: SharingEvent) -> None:
        self._c.execute(_EVENT_INSERT, dict(
            institution_number=e.institution_number, active=e.active,
            person_id=e.person_id, protocol_version=e.protocol_version,
            at=e.at.astimezone(dt.timezone.utc)))

    def events(self, institution_number):
        rows = self._c.execute(_EVENTS, {"school": institution_number})
        return [SharingEvent(r.institution_number, r.active, r.person_id,
                             r.protocol_version, _aware(r.at)) for r in rows]

    def put_classes(self, assignments, sender_id):
        if not assignments:
            return 0, 0
        school = assignments[0].institution_number
        known = {c.stamnummer: c for c in self.classes(school)}
        values = [dict(institution_number=a.institution_number, stamnummer=a.stamnummer,
                       student_id=a.student_id, class_name=a.class_name,
                       subclass=a.subclass, since=a.since, sender_id=sender_id)
                  for a in assignments]
        new = [v for v in values if v["stamnummer"] not in known]
        changed = [v for v in values if v["stamnummer"] in known
                   and (known[v["stamnummer"]].class_name, known[v["stamnummer"]].subclass)
                   != (v["class_name"], v["subclass"])]
        if new:
            _write(self._c, _CLASS_INSERT, new)
        if changed:
            self._c.execute(_CLASS_UPDATE, [
                {**v, "b_school": v["institution_number"], "b_stamnummer": v["stamnummer"]}
                for v in changed])
        return len(new), len(changed)

    def classes(self, institution_number):
        rows = self._c.execute(_CLASSES, {"school": institution_number})
        return [ClassAssignment(r.institution_number, r.stamnummer, r.student_id,
                                r.class_name, r.subclass, r.since) for r in rows]

    def remove_classes(self, institution_number):
        count = self._c.execute(_CLASS_COUNT, {"school": institution_number}).scalar_one()
        self._c.execute(_CLASS_DELETE, {"school": institution_number})
        return count


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite gives naive datetimes back; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
