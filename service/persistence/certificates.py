"""SQL implementation of the certificate port (message type 4): rows in, domain values out.

Same habits as ``absences.py``: Core statements built once with bind parameters; a
unique key taken by a concurrent transaction becomes a port error.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, insert, select, update

from discimus_service.domain.certificate import (
    Certificate, CertificateData, CertificateKind, Form,
)
from discimus_service.persistence import tables as t
from discimus_service.persistence.repositories import _write
from discimus_service.services import ports

_C = t.certificates.c
_INSERT = insert(t.certificates)
_DATA_COLUMNS = ("obtained_on", "grade", "year", "form", "study_field",
                 "study_field_code", "full_name", "excluded_forms", "student_id",
                 "insz", "institution_name", "special_needs", "sender_id", "received_on")
_UPDATE = (update(t.certificates).where(_C.id == bindparam("certificate_id"))
           .values({name: bindparam(f"new_{name}") for name in _DATA_COLUMNS}))
_DELETE = delete(t.certificates).where(_C.id.in_(bindparam("ids", expanding=True)))
_OF_STUDENTS = (select(t.certificates).where(
    _C.institution_number == bindparam("inst"),
    _C.stamnummer.in_(bindparam("stams", expanding=True)))
    .order_by(_C.obtained_on, _C.id))
_OF_PERSON = (select(t.certificates).where(_C.insz == bindparam("insz"))
              .order_by(_C.obtained_on, _C.id))


class SqlCertificates(ports.CertificateRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, certificate: Certificate) -> None:
        result = _write(self._c, _INSERT, _row(certificate))
        certificate.id = result.inserted_primary_key[0]

    def update(self, certificate: Certificate) -> None:
        row = _row(certificate)
        _write(self._c, _UPDATE, {"certificate_id": certificate.id,
                                  **{f"new_{n}": row[n] for n in _DATA_COLUMNS}})

    def remove(self, ids: list[int]) -> None:
        if ids:
            self._c.execute(_DELETE, {"ids": list(ids)})

    def of_students(self, institution_number, stamnummers: Iterable[str]):
        wanted = sorted(set(stamnummers))
        if not wanted:
            return []
        rows = self._c.execute(_OF_STUDENTS, {"inst": institution_number,
                                              "stams": wanted})
        return [_certificate(r) for r in rows]

    def of_person(self, insz: str):
        return [_certificate(r) for r in self._c.execute(_OF_PERSON, {"insz": insz})]

    def page(self, institution_number, *, stamnummer, school_year, after, limit):
        query = select(t.certificates).where(_C.institution_number == institution_number)
        if stamnummer is not None:
            query = query.where(_C.stamnummer == stamnummer)
        if school_year is not None:
            query = query.where(_C.school_year == school_year)
        if after is not None:
            query = query.where(_C.id > after)
        rows = self._c.execute(query.order_by(_C.id).limit(limit))
        return [_certificate(r) for r in rows]


def _row(c: Certificate) -> dict:
    d = c.data
    return dict(institution_number=c.institution_number, stamnummer=c.stamnummer,
                kind=d.kind.value, school_year=c.school_year, student_id=c.student_id,
                insz=c.insz, obtained_on=d.obtained_on, grade=d.grade, year=d.year,
                form=d.form.value if d.form else None, study_field=d.study_field,
                study_field_code=d.study_field_code, full_name=d.full_name,
                excluded_forms=",".join(f.value for f in d.excluded_forms),
                institution_name=c.institution_name, special_needs=c.special_needs,
                sender_id=c.sender_id, received_on=c.received_on)


def _certificate(r) -> Certificate:
    data = CertificateData(
        kind=CertificateKind(r.kind), obtained_on=r.obtained_on, grade=r.grade,
        year=r.year, form=Form(r.form) if r.form else None, study_field=r.study_field,
        study_field_code=r.study_field_code, full_name=r.full_name,
        excluded_forms=tuple(Form(f) for f in r.excluded_forms.split(",") if f))
    return Certificate(institution_number=r.institution_number, student_id=r.student_id,
                       stamnummer=r.stamnummer, insz=r.insz, data=data,
                       institution_name=r.institution_name,
                       special_needs=bool(r.special_needs), sender_id=r.sender_id,
                       received_on=r.received_on, id=r.id)
