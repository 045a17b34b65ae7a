"""SQL implementations of the ports: rows in, domain dataclasses out.

Written with SQLAlchemy Core on the unit of work's connection: no ORM identity map to
flush or expire, one statement per call, which keeps the per-request cost small.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from discimus_service.domain.model import (
    Aanleiding, Address, Deregistration, Enrollment, Identification, JournalEntry,
    Mandate, MessageType, Niveau, School, Sender, SenderKind, Sex,
)
from discimus_service.persistence import tables as t
from discimus_service.services import ports


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite keeps no time zone; every time is stored in UTC, so say so on the way out.
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def _write(connection, statement):
    """Execute a write; a unique key taken by a concurrent transaction is a port error.

    PostgreSQL reports the violation at the INSERT (after waiting for the other
    transaction), not at COMMIT; the exchange retries once and then sees the winner.
    """
    try:
        return connection.execute(statement)
    except IntegrityError as error:
        raise ports.DuplicateKeyError(str(error.orig)[:200]) from None


class SqlEnrollments(ports.EnrollmentRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, enrollment: Enrollment) -> None:
        values = _enrollment_row(enrollment)
        if enrollment.id is None:
            result = _write(self._c, insert(t.enrollments).values(**values))
            enrollment.id = result.inserted_primary_key[0]
        else:
            _write(self._c, update(t.enrollments)
                   .where(t.enrollments.c.id == enrollment.id).values(**values))

    def get(self, institution_number, stamnummer, start_date):
        row = self._c.execute(select(t.enrollments).where(
            t.enrollments.c.institution_number == institution_number,
            t.enrollments.c.stamnummer == stamnummer,
            t.enrollments.c.start_date == start_date)).first()
        return _enrollment(row) if row else None

    def at_institution(self, institution_number, stamnummer=None):
        query = select(t.enrollments).where(
            t.enrollments.c.institution_number == institution_number)
        if stamnummer is not None:
            query = query.where(t.enrollments.c.stamnummer == stamnummer)
        rows = self._c.execute(query.order_by(t.enrollments.c.start_date,
                                              t.enrollments.c.id))
        return [_enrollment(r) for r in rows]

    def for_students(self, inszs: Iterable[str]):
        wanted = sorted({i for i in inszs if i})
        if not wanted:
            return []
        rows = self._c.execute(select(t.enrollments).where(t.enrollments.c.insz.in_(wanted))
                               .order_by(t.enrollments.c.start_date, t.enrollments.c.id))
        return [_enrollment(r) for r in rows]


def _enrollment_row(e: Enrollment) -> dict:
    i, a, d = e.identification, e.identification.address, e.deregistration
    return dict(
        institution_number=e.institution_number,
        administrative_group=e.administrative_group, establishment=e.establishment,
        start_date=e.start_date, first_attendance_date=e.first_attendance_date,
        registration_date=e.registration_date, sender_id=e.sender_id,
        insz=i.insz, stamnummer=i.stamnummer, first_name=i.first_name,
        last_name=i.last_name, birth_date=i.birth_date, sex=i.sex.value,
        nationality=i.nationality, street=a.street, house_number=a.house_number,
        box=a.box, postcode=a.postcode, municipality=a.municipality, country=a.country,
        end_date=d.end_date if d else None, dereg_reason=d.reason.value if d else None,
        situation_after=d.situation_after if d else None)


def _enrollment(r) -> Enrollment:
    deregistration = None
    if r.end_date is not None:
        deregistration = Deregistration(end_date=r.end_date,
                                        reason=Aanleiding(r.dereg_reason),
                                        situation_after=r.situation_after)
    return Enrollment(
        institution_number=r.institution_number,
        administrative_group=r.administrative_group, establishment=r.establishment,
        start_date=r.start_date, first_attendance_date=r.first_attendance_date,
        registration_date=r.registration_date,
        identification=Identification(
            insz=r.insz, stamnummer=r.stamnummer, first_name=r.first_name,
            last_name=r.last_name, birth_date=r.birth_date, sex=Sex(r.sex),
            nationality=r.nationality,
            address=Address(street=r.street, house_number=r.house_number, box=r.box,
                            postcode=r.postcode, municipality=r.municipality,
                            country=r.country)),
        sender_id=r.sender_id, deregistration=deregistration, id=r.id)


class SqlSchools(ports.SchoolRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, school: School) -> None:
        self._c.execute(insert(t.schools).values(
            institution_number=school.institution_number, name=school.name,
            niveau=int(school.niveau), municipality=school.municipality))

    def get(self, institution_number):
        r = self._c.execute(select(t.schools).where(
            t.schools.c.institution_number == institution_number)).first()
        return School(r.institution_number, r.name, Niveau(r.niveau),
                      r.municipality) if r else None


class SqlSenders(ports.SenderRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, sender: Sender) -> None:
        self._c.execute(insert(t.senders).values(sender_id=sender.sender_id,
                                                 kind=sender.kind.value, name=sender.name))

    def get(self, sender_id):
        r = self._c.execute(select(t.senders).where(
            t.senders.c.sender_id == sender_id)).first()
        return Sender(r.sender_id, SenderKind(r.kind), r.name) if r else None


class SqlMandates(ports.MandateRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, mandate: Mandate) -> None:
        self._c.execute(insert(t.mandates).values(
            sender_id=mandate.sender_id, institution_number=mandate.institution_number,
            message_type=mandate.message_type.value, valid_from=mandate.valid_from,
            valid_to=mandate.valid_to))

    def find(self, sender_id, institution_number, message_type):
        rows = self._c.execute(select(t.mandates).where(
            t.mandates.c.sender_id == sender_id,
            t.mandates.c.institution_number == institution_number,
            t.mandates.c.message_type == MessageType(message_type).value)
            .order_by(t.mandates.c.valid_from))
        return [Mandate(r.sender_id, r.institution_number, MessageType(r.message_type),
                        r.valid_from, r.valid_to) for r in rows]


class SqlJournal(ports.JournalRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, entry: JournalEntry) -> None:
        _write(self._c, insert(t.journal).values(
            sender_id=entry.sender_id, referte=entry.referte, operation=entry.operation,
            received_at=entry.received_at.astimezone(dt.timezone.utc),
            raw_message=entry.raw_message,
            question_digest=entry.question_digest, verdict=entry.verdict,
            codes=entry.codes, answer_json=entry.answer_json,
            replay_key=entry.replay_key))

    def find(self, sender_id, referte):
        r = self._c.execute(select(t.journal).where(
            t.journal.c.sender_id == sender_id, t.journal.c.referte == referte)).first()
        if r is None:
            return None
        return JournalEntry(
            sender_id=r.sender_id, referte=r.referte, operation=r.operation,
            received_at=_utc(r.received_at), raw_message=bytes(r.raw_message),
            question_digest=r.question_digest, verdict=r.verdict, codes=r.codes,
            answer_json=r.answer_json, replay_key=r.replay_key, id=r.id)

    def has_replay_key(self, replay_key):
        return self._c.execute(select(t.journal.c.id).where(
            t.journal.c.replay_key == replay_key)).first() is not None

    def count(self):
        return self._c.execute(select(func.count()).select_from(t.journal)).scalar_one()
