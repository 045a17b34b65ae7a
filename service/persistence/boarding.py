"""SQL implementation of the boarding port (message type 7): rows in, domain values out.

Same habits as ``repositories.py``: Core statements built once with bind parameters, a
unique key taken by a concurrent transaction becomes a port error, and the boarder's
identification is stored flat with the stay.
"""
from __future__ import annotations

from sqlalchemy import bindparam, insert, or_, select, update

from discimus_service.domain.boarding import BoardingEnrollment
from discimus_service.domain.model import Address, Identification, Sex
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_B = t.boarding_enrollments.c
_INSERT = insert(t.boarding_enrollments)
_UPDATE = update(t.boarding_enrollments).where(_B.id == bindparam("stay_id"))
_GET = select(t.boarding_enrollments).where(
    _B.institution_number == bindparam("inst"), _B.stamnummer == bindparam("stam"),
    _B.start_date == bindparam("start"))
_OF_BOARDER = (select(t.boarding_enrollments).where(
    _B.institution_number == bindparam("inst"),
    or_(_B.stamnummer == bindparam("stam"), _B.insz == bindparam("insz")))
    .order_by(_B.start_date, _B.id))
_STARTING_IN = (select(t.boarding_enrollments).where(
    _B.institution_number == bindparam("inst"), _B.start_date >= bindparam("first"),
    _B.start_date <= bindparam("last")).order_by(_B.start_date, _B.stamnummer))
_STARTING_IN_OF = _STARTING_IN.where(_B.stamnummer == bindparam("stam"))


class SqlBoarding(ports.BoardingRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, stay: BoardingEnrollment) -> None:
        values = _row(stay)
        if stay.id is None:
            stay.id = _write(self._c, _INSERT, values).inserted_primary_key[0]
        else:
            _write(self._c, _UPDATE, {**values, "stay_id": stay.id})

    def get(self, institution_number, stamnummer, start_date):
        row = self._c.execute(_GET, {"inst": institution_number, "stam": stamnummer,
                                     "start": start_date}).first()
        return _stay(row) if row else None

    def of_boarder(self, institution_number, stamnummer, insz):
        # A NULL INSZ matches nothing in SQL: only the stamnummer then.
        rows = self._c.execute(_OF_BOARDER, {"inst": institution_number,
                                             "stam": stamnummer, "insz": insz})
        return [_stay(r) for r in rows]

    def starting_in(self, institution_number, first, last, *, stamnummer=None):
        parameters = {"inst": institution_number, "first": first, "last": last}
        if stamnummer is None:
            rows = self._c.execute(_STARTING_IN, parameters)
        else:
            rows = self._c.execute(_STARTING_IN_OF, {**parameters, "stam": stamnummer})
        return [_stay(r) for r in rows]


def _row(b: BoardingEnrollment) -> dict:
    i, a = b.identification, b.identification.address
    return dict(
        institution_number=b.institution_number, establishment=b.establishment,
        start_date=b.start_date, end_date=b.end_date,
        itinerant_parents=b.itinerant_parents, school_number=b.school_number,
        agreement_framework=b.agreement_framework, support_plan=b.support_plan,
        sender_id=b.sender_id, insz=i.insz, stamnummer=i.stamnummer,
        first_name=i.first_name, last_name=i.last_name, birth_date=i.birth_date,
        sex=i.sex.value, nationality=i.nationality, street=a.street,
        house_number=a.house_number, box=a.box, postcode=a.postcode,
        municipality=a.municipality, country=a.country)


def _flag(value) -> bool | None:
    return None if value is None else bool(value)


def _stay(r) -> BoardingEnrollment:
    return BoardingEnrollment(
        institution_number=r.institution_number,
        identification=Identification(
            insz=r.insz, stamnummer=r.stamnummer, first_name=r.first_name,
            last_name=r.last_name, birth_date=r.birth_date, sex=Sex(r.sex),
            nationality=r.nationality,
            address=Address(street=r.street, house_number=r.house_number, box=r.box,
                            postcode=r.postcode, municipality=r.municipality,
                            country=r.country)),
        establishment=r.establishment, start_date=r.start_date, end_date=r.end_date,
        itinerant_parents=bool(r.itinerant_parents), school_number=r.school_number,
        agreement_framework=_flag(r.agreement_framework),
        support_plan=_flag(r.support_plan), sender_id=r.sender_id, id=r.id)
