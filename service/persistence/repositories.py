"""SQL implementations of the ports: rows in, domain dataclasses out.

Written with SQLAlchemy Core on the unit of work's connection: no ORM identity map to
flush or expire, one statement per call. The statements are built once, with bind
parameters: building a ``select()`` per call cost ~35 µs each, about a third of the
exchange's time on the request path (``bench/phases.py``).
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from sqlalchemy import (
    LABEL_STYLE_TABLENAME_PLUS_COL, and_, bindparam, func, insert, or_, select, tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError

from discimus_service.domain.model import (
    Aanleiding, Address, Deregistration, Enrollment, Identification, InstitutionKind,
    JournalEntry,
    Mandate, MessageType, Niveau, School, SecurityProfile, Sender, SenderKind, Sex,
)
from discimus_service.persistence import tables as t
from discimus_service.services import ports


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite keeps no time zone; every time is stored in UTC, so say so on the way out.
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def is_unique_violation(error: IntegrityError) -> bool:
    """Whether the database refused a row because a unique key is taken.

    Only that is a :class:`ports.DuplicateKeyError` (the exchange retries and then sees
    the winner); a foreign-key or NOT NULL violation is a bug and stays an error.
    """
    orig = error.orig
    if getattr(orig, "sqlstate", None) is not None:          # psycopg
        return orig.sqlstate == "23505"                      # unique_violation
    name = getattr(orig, "sqlite_errorname", "")             # sqlite3, Python >= 3.11
    if name:
        return name in ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY")
    return "UNIQUE constraint failed" in str(orig)


def _write(connection, statement, parameters):
    """Execute a write; a unique key taken by a concurrent transaction is a port error.

    PostgreSQL reports the violation at the INSERT (after waiting for the other
    transaction), not at COMMIT; the exchange retries once and then sees the winner.
    The transaction is left to the unit of work, which must be rolled back afterwards
    (leaving its ``with`` block does that).
    """
    try:
        return connection.execute(statement, parameters)
    except IntegrityError as error:
        if not is_unique_violation(error):
            raise
        raise ports.DuplicateKeyError(str(error.orig)[:200]) from None


_E = t.enrollments.c
_ENROLLMENT_GET = select(t.enrollments).where(
    _E.institution_number == bindparam("inst"), _E.stamnummer == bindparam("stam"),
    _E.start_date == bindparam("start"))
_ENROLLMENTS_AT = (select(t.enrollments).where(_E.institution_number == bindparam("inst"))
                   .order_by(_E.start_date, _E.id))
_ENROLLMENTS_AT_OF = (select(t.enrollments).where(
    _E.institution_number == bindparam("inst"), _E.stamnummer == bindparam("stam"))
    .order_by(_E.start_date, _E.id))
_ENROLLMENTS_AT_INSZ = (select(t.enrollments).where(
    _E.institution_number == bindparam("inst"), _E.insz == bindparam("insz"))
    .order_by(_E.start_date, _E.id))
_ENROLLMENTS_OF = (select(t.enrollments)
                   .where(_E.insz.in_(bindparam("inszs", expanding=True)))
                   .order_by(_E.start_date, _E.id))
_ENROLLMENT_INSERT = insert(t.enrollments)
_ENROLLMENT_UPDATE = update(t.enrollments).where(_E.id == bindparam("enrollment_id"))
_SCHOOL_INSERT = insert(t.schools)
_SENDER_INSERT = insert(t.senders)
_MANDATE_INSERT = insert(t.mandates)
_SCHOOL_GET = select(t.schools).where(t.schools.c.institution_number == bindparam("inst"))
_SENDER_GET = select(t.senders).where(t.senders.c.sender_id == bindparam("sender"))
_SENDER_SET_PROFILE = (update(t.senders).where(t.senders.c.sender_id == bindparam("sender"))
                       .values(security_profile=bindparam("profile")))
_MANDATES_FIND = (select(t.mandates).where(
    t.mandates.c.sender_id == bindparam("sender"),
    t.mandates.c.institution_number == bindparam("inst"),
    t.mandates.c.message_type == bindparam("type")).order_by(t.mandates.c.valid_from))
_JOURNAL_FIND = select(t.journal).where(t.journal.c.sender_id == bindparam("sender"),
                                        t.journal.c.referte == bindparam("referte"))
_REPLAY_KEY_FIND = select(t.replay_keys.c.replay_key).where(
    t.replay_keys.c.replay_key == bindparam("key"))
_REPLAY_KEY_INSERT = insert(t.replay_keys)
_JOURNAL_INSERT = insert(t.journal)
_JOURNAL_COUNT = select(func.count()).select_from(t.journal)


class SqlEnrollments(ports.EnrollmentRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, enrollment: Enrollment) -> None:
        values = _enrollment_row(enrollment)
        if enrollment.id is None:
            result = _write(self._c, _ENROLLMENT_INSERT, values)
            enrollment.id = result.inserted_primary_key[0]
        else:
            _write(self._c, _ENROLLMENT_UPDATE, {**values, "enrollment_id": enrollment.id})

    def get(self, institution_number, stamnummer, start_date):
        row = self._c.execute(_ENROLLMENT_GET, {"inst": institution_number,
                                                "stam": stamnummer,
                                                "start": start_date}).first()
        return _enrollment(row) if row else None

    def at_institution(self, institution_number, stamnummer=None, *, insz=None):
        if stamnummer is not None:
            rows = self._c.execute(_ENROLLMENTS_AT_OF, {"inst": institution_number,
                                                        "stam": stamnummer})
            return [e for e in map(_enrollment, rows) if insz is None or e.insz == insz]
        if insz is not None:
            rows = self._c.execute(_ENROLLMENTS_AT_INSZ, {"inst": institution_number,
                                                          "insz": insz})
        else:
            rows = self._c.execute(_ENROLLMENTS_AT, {"inst": institution_number})
        return [_enrollment(r) for r in rows]

    def doubles_at(self, institution_number, *, on=None, after=None, limit):
        parameters = {"inst": institution_number, "limit": limit}
        if on is not None:
            parameters["on"] = on
        if after is not None:
            parameters.update(zip(_AFTER_NAMES, after))
        rows = self._c.execute(_doubles_statement(on is not None, after is not None),
                               parameters)
        return [(_enrollment(_Prefixed(r, "mine_")), _enrollment(_Prefixed(r, "theirs_")))
                for r in rows]

    def for_students(self, inszs: Iterable[str]):
        wanted = sorted({i for i in inszs if i})
        if not wanted:
            return []
        rows = self._c.execute(_ENROLLMENTS_OF, {"inszs": wanted})
        return [_enrollment(r) for r in rows]


_AFTER_NAMES = ("k_insz", "k_other_start", "k_own_start", "k_own_id", "k_other_id")


@functools.cache
def _doubles_statement(with_day: bool, with_after: bool):
    """The double enrollments of one school, as one indexed self-join.

    The SQL form of ``domain.consultations.double_enrollment`` (the rule; a test checks
    they agree): same INSZ, another institution, periods that share a day (ends are
    inclusive, no end is open), and with a day given, periods that both contain it.
    Ordered like ``order_key`` and continued after a key (keyset, not OFFSET: a later
    part costs what it returns, not what came before it). The own side is walked
    through ``ix_enrollments_school_insz`` in INSZ order, the other side is looked up
    per INSZ in ``ix_enrollments_insz_start``.
    """
    mine, theirs = t.enrollments.alias("mine"), t.enrollments.alias("theirs")
    m, o = mine.c, theirs.c
    conditions = [
        m.institution_number == bindparam("inst"), m.insz.is_not(None),
        o.insz == m.insz, o.institution_number != m.institution_number,
        or_(o.end_date.is_(None), o.end_date >= m.start_date),
        or_(m.end_date.is_(None), m.end_date >= o.start_date),
    ]
    if with_day:
        day = bindparam("on")
        conditions += [m.start_date <= day, o.start_date <= day,
                       or_(m.end_date.is_(None), m.end_date >= day),
                       or_(o.end_date.is_(None), o.end_date >= day)]
    key = (m.insz, o.start_date, m.start_date, m.id, o.id)
    if with_after:
        # The first column alone lets the planner start the index walk at the key.
        conditions += [m.insz >= bindparam("k_insz"),
                       tuple_(*key) > tuple_(*(bindparam(n) for n in _AFTER_NAMES))]
    return (select(mine, theirs).set_label_style(LABEL_STYLE_TABLENAME_PLUS_COL)
            .where(and_(*conditions)).order_by(*key).limit(bindparam("limit")))


class _Prefixed:
    """One side of a joined row, read with the plain column names ``_enrollment`` uses."""

    __slots__ = ("_row", "_prefix")

    def __init__(self, row, prefix: str):
        self._row, self._prefix = row._mapping, prefix

    def __getattr__(self, name: str):
        return self._row[self._prefix + name]


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
        _write(self._c, _SCHOOL_INSERT, dict(
            institution_number=school.institution_number, name=school.name,
            niveau=int(school.niveau), municipality=school.municipality,
            special_needs=school.special_needs, kind=school.kind.value))

    def get(self, institution_number):
        r = self._c.execute(_SCHOOL_GET, {"inst": institution_number}).first()
        return School(r.institution_number, r.name, Niveau(r.niveau),
                      r.municipality, bool(r.special_needs),
                      InstitutionKind(r.kind)) if r else None


class SqlSenders(ports.SenderRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, sender: Sender) -> None:
        _write(self._c, _SENDER_INSERT, dict(
            sender_id=sender.sender_id, kind=sender.kind.value, name=sender.name,
            security_profile=sender.security_profile.value))

    def get(self, sender_id):
        r = self._c.execute(_SENDER_GET, {"sender": sender_id}).first()
        return Sender(r.sender_id, SenderKind(r.kind), r.name,
                      SecurityProfile(r.security_profile)) if r else None

    def set_profile(self, sender_id, profile):
        self._c.execute(_SENDER_SET_PROFILE, {"sender": sender_id,
                                              "profile": SecurityProfile(profile).value})


class SqlMandates(ports.MandateRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, mandate: Mandate) -> None:
        self._c.execute(_MANDATE_INSERT, dict(
            sender_id=mandate.sender_id, institution_number=mandate.institution_number,
            message_type=mandate.message_type.value, valid_from=mandate.valid_from,
            valid_to=mandate.valid_to))

    def find(self, sender_id, institution_number, message_type):
        rows = self._c.execute(_MANDATES_FIND, {
            "sender": sender_id, "inst": institution_number,
            "type": MessageType(message_type).value})
        return [Mandate(r.sender_id, r.institution_number, MessageType(r.message_type),
                        r.valid_from, r.valid_to) for r in rows]


class SqlJournal(ports.JournalRepository):
    def __init__(self, connection):
        self._c = connection

    def add(self, entry: JournalEntry) -> None:
        _write(self._c, _JOURNAL_INSERT, dict(
            sender_id=entry.sender_id, referte=entry.referte, operation=entry.operation,
            received_at=entry.received_at.astimezone(dt.timezone.utc),
            raw_message=entry.raw_message,
            question_digest=entry.question_digest, verdict=entry.verdict,
            codes=entry.codes, answer_json=entry.answer_json,
            replay_key=entry.replay_key, security_profile=entry.security_profile))

    def find(self, sender_id, referte):
        r = self._c.execute(_JOURNAL_FIND, {"sender": sender_id, "referte": referte}).first()
        if r is None:
            return None
        return JournalEntry(
            sender_id=r.sender_id, referte=r.referte, operation=r.operation,
            received_at=_utc(r.received_at), raw_message=bytes(r.raw_message),
            question_digest=r.question_digest, verdict=r.verdict, codes=r.codes,
            answer_json=r.answer_json, replay_key=r.replay_key, id=r.id,
            security_profile=r.security_profile)

    def add_replay_key(self, replay_key, sender_id, received_at):
        _write(self._c, _REPLAY_KEY_INSERT, dict(
            replay_key=replay_key, sender_id=sender_id,
            received_at=received_at.astimezone(dt.timezone.utc)))

    def has_replay_key(self, replay_key):
        return self._c.execute(_REPLAY_KEY_FIND, {"key": replay_key}).first() is not None

    def count(self):
        return self._c.execute(_JOURNAL_COUNT).scalar_one()
