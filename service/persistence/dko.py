"""SQL implementations of the DKO and identification-number ports: rows in, values out.

Same habits as ``repositories.py``: Core statements built once with bind parameters; a
unique key taken by a concurrent transaction becomes a port error. A match reads the
records of one birth date through the birth-date indexes (migration 0011), never a
whole table.
"""
from __future__ import annotations

from sqlalchemy import bindparam, insert, select, update

from discimus_service.domain.dko import (
    Academy, Discipline, DkoRegistration, FeeCategory,
)
from discimus_service.domain.identification_numbers import Channel, NumberKind, NumberRecord
from discimus_service.domain.model import Address, Identification, Mandate, MessageType, Sex
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _enrollment, _write
from discimus_service.services import ports

_R = t.dko_registrations.c
_N = t.identification_numbers.c
_E = t.enrollments.c
_ACADEMY_GET = select(t.academies).where(
    t.academies.c.institution_number == bindparam("inst"))
_MANDATES = (select(t.dko_mandates).where(
    t.dko_mandates.c.sender_id == bindparam("sender"),
    t.dko_mandates.c.institution_number == bindparam("inst"))
    .order_by(t.dko_mandates.c.valid_from))
_GET = select(t.dko_registrations).where(
    _R.institution_number == bindparam("inst"), _R.stamnummer == bindparam("stam"),
    _R.school_year == bindparam("year"))
_OF_STAMNUMMER = (select(t.dko_registrations).where(
    _R.institution_number == bindparam("inst"), _R.stamnummer == bindparam("stam"))
    .order_by(_R.school_year, _R.id))
_OF_INSZ = (select(t.dko_registrations).where(
    _R.institution_number == bindparam("inst"), _R.insz == bindparam("insz"))
    .order_by(_R.school_year, _R.id))
_PENDING = (select(t.dko_registrations).where(_R.insz.is_(None), _R.end_date.is_(None))
            .order_by(_R.institution_number, _R.stamnummer, _R.school_year))
_DKO_BORN = select(t.dko_registrations).where(_R.birth_date == bindparam("birth"),
                                              _R.insz.is_not(None))
_UPDATE = update(t.dko_registrations).where(_R.id == bindparam("registration_id"))
_NUMBERS_OF = (select(t.identification_numbers).where(
    _N.channel == bindparam("channel"), _N.institution_number == bindparam("inst"),
    _N.stamnummer == bindparam("stam")).order_by(_N.id))
_GIVEN_BORN = select(t.identification_numbers).where(
    _N.birth_date == bindparam("birth"),
    _N.kind.in_([NumberKind.SUPPLIED.value, NumberKind.PSEUDO.value]))
_PSEUDO = select(_N.insz).where(_N.kind == NumberKind.PSEUDO.value,
                                _N.insz.like(bindparam("prefix")))
_PENDING_ENROLLMENTS = (select(t.enrollments).where(_E.insz.is_(None))
                        .order_by(_E.institution_number, _E.stamnummer, _E.start_date,
                                  _E.id))
_ENROLLMENTS_BORN = select(t.enrollments).where(_E.birth_date == bindparam("birth"),
                                                _E.insz.is_not(None))


class SqlDko(ports.DkoRepository):
    def __init__(self, connection):
        self._c = connection

    def add_academy(self, academy):
        _write(self._c, insert(t.academies), dict(
            institution_number=academy.institution_number, name=academy.name,
            municipality=academy.municipality))

    def get_academy(self, institution_number):
        r = self._c.execute(_ACADEMY_GET, {"inst": institution_number}).first()
        return Academy(r.institution_number, r.name, r.municipality) if r else None

    def add_mandate(self, mandate):
        self._c.execute(insert(t.dko_mandates), dict(
            sender_id=mandate.sender_id, institution_number=mandate.institution_number,
            valid_from=mandate.valid_from, valid_to=mandate.valid_to))

    def mandates(self, sender_id, institution_number):
        rows = self._c.execute(_MANDATES, {"sender": sender_id, "inst": institution_number})
        return [Mandate(r.sender_id, r.institution_number, MessageType.DKO, r.valid_from,
                        r.valid_to) for r in rows]

    def add(self, registration):
        values = _registration_row(registration)
        if registration.id is None:
            result = _write(self._c, insert(t.dko_registrations), values)
            registration.id = result.inserted_primary_key[0]
        else:
            _write(self._c, _UPDATE, {**values, "registration_id": registration.id})

    def get(self, institution_number, stamnummer, school_year):
        r = self._c.execute(_GET, {"inst": institution_number, "stam": stamnummer,
                                   "year": school_year}).first()
        return _registration(r) if r else None

    def of_student(self, institution_number, *, stamnummer=None, insz=None):
        if stamnummer is not None:
            rows = self._c.execute(_OF_STAMNUMMER, {"inst": institution_number,
                                                    "stam": stamnummer})
        elif insz is not None:
            rows = self._c.execute(_OF_INSZ, {"inst": institution_number, "insz": insz})
        else:
            return []
        return [_registration(r) for r in rows]

    def pending(self):
        return [_registration(r) for r in self._c.execute(_PENDING)]

    def with_insz_born(self, birth_date):
        return [_registration(r) for r in self._c.execute(_DKO_BORN, {"birth": birth_date})]


class SqlIdentificationNumbers(ports.IdentificationNumberRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, record):
        i, a = record.identification, record.identification.address
        result = _write(self._c, insert(t.identification_numbers), dict(
            channel=Channel(record.channel).value,
            institution_number=record.institution_number, stamnummer=record.stamnummer,
            kind=NumberKind(record.kind).value, insz=record.insz,
            insz_sent=record.insz_sent, first_name=i.first_name, last_name=i.last_name,
            birth_date=i.birth_date, sex=Sex(i.sex).value, nationality=i.nationality,
            street=a.street, house_number=a.house_number, postcode=a.postcode,
            country=a.country, decided_on=record.decided_on, diagnose=record.diagnose))
        return result.inserted_primary_key[0]

    def of_student(self, channel, institution_number, stamnummer):
        rows = self._c.execute(_NUMBERS_OF, {"channel": Channel(channel).value,
                                             "inst": institution_number,
                                             "stam": stamnummer})
        return [_record(r) for r in rows]

    def page(self, channel, institution_number, *, stamnummer, after, limit):
        query = select(t.identification_numbers).where(
            _N.channel == Channel(channel).value, _N.institution_number == institution_number)
        if stamnummer is not None:
            query = query.where(_N.stamnummer == stamnummer)
        if after is not None:
            query = query.where(_N.id > after)
        return [_record(r) for r in self._c.execute(query.order_by(_N.id).limit(limit))]

    def given_born(self, birth_date):
        return [_record(r) for r in self._c.execute(_GIVEN_BORN, {"birth": birth_date})]

    def pseudo_numbers(self, prefix):
        return {r.insz for r in self._c.execute(_PSEUDO, {"prefix": f"{prefix}%"})}

    def pending_enrollments(self):
        latest = {}
        for row in self._c.execute(_PENDING_ENROLLMENTS):
            latest[(row.institution_number, row.stamnummer)] = row
        return [_enrollment(r) for r in latest.values()]

    def enrollments_born(self, birth_date):
        return [_enrollment(r) for r in self._c.execute(_ENROLLMENTS_BORN,
                                                        {"birth": birth_date})]


def _identification(r, insz) -> Identification:
    return Identification(
        insz=insz, stamnummer=r.stamnummer, first_name=r.first_name,
        last_name=r.last_name, birth_date=r.birth_date, sex=Sex(r.sex),
        nationality=r.nationality,
        address=Address(street=r.street, house_number=r.house_number,
                        box=getattr(r, "box", None), postcode=r.postcode,
                        municipality=getattr(r, "municipality", None), country=r.country))


def _registration_row(g: DkoRegistration) -> dict:
    i, a = g.identification, g.identification.address
    return dict(
        institution_number=g.institution_number, school_year=g.school_year,
        stamnummer=i.stamnummer, insz=i.insz, first_name=i.first_name,
        last_name=i.last_name, birth_date=i.birth_date, sex=Sex(i.sex).value,
        nationality=i.nationality, street=a.street, house_number=a.house_number,
        box=a.box, postcode=a.postcode, municipality=a.municipality, country=a.country,
        discipline=Discipline(g.discipline).value,
        fee_category=FeeCategory(g.fee_category).value,
        registration_date=g.registration_date, sender_id=g.sender_id, end_date=g.end_date)


def _registration(r) -> DkoRegistration:
    return DkoRegistration(
        institution_number=r.institution_number, school_year=r.school_year,
        identification=_identification(r, r.insz), discipline=Discipline(r.discipline),
        fee_category=FeeCategory(r.fee_category), registration_date=r.registration_date,
        sender_id=r.sender_id, end_date=r.end_date, id=r.id)


def _record(r) -> NumberRecord:
    return NumberRecord(
        channel=Channel(r.channel), institution_number=r.institution_number,
        stamnummer=r.stamnummer, kind=NumberKind(r.kind), insz=r.insz,
        insz_sent=r.insz_sent, identification=_identification(r, r.insz),
        decided_on=r.decided_on, diagnose=r.diagnose, id=r.id)
