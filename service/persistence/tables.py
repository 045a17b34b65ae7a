"""The schema, as SQLAlchemy Core tables. The domain never sees these.

Columns are flat (an enrollment row holds its identification and address): every read
of an enrollment needs all of it, and a join per request buys nothing. The Alembic
migrations create exactly these tables; ``tests/integration`` checks they agree.
"""
from __future__ import annotations

from sqlalchemy import false
from sqlalchemy import (
    BigInteger, Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData,
    String, Table, Text, UniqueConstraint, text,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
# SQLite wants INTEGER PRIMARY KEY for autoincrement; PostgreSQL gets a bigint identity.
_ID = BigInteger().with_variant(Integer(), "sqlite")

schools = Table(
    "schools", metadata,
    Column("institution_number", String(6), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("niveau", Integer, nullable=False),
    Column("municipality", String(100), nullable=False, default=""),
    Column("special_needs", Boolean, nullable=False, default=False,
           server_default=false()),
)

senders = Table(
    "senders", metadata,
    Column("sender_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(200), nullable=False),
)

mandates = Table(
    "mandates", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("sender_id", String(64), ForeignKey("senders.sender_id"), nullable=False),
    Column("institution_number", String(6), ForeignKey("schools.institution_number"),
           nullable=False),
    Column("message_type", String(32), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Index("ix_mandates_lookup", "sender_id", "institution_number", "message_type"),
)

enrollments = Table(
    "enrollments", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("administrative_group", String(40), nullable=False),
    Column("establishment", String(40)),
    Column("start_date", Date, nullable=False),
    Column("first_attendance_date", Date),
    Column("registration_date", Date, nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("insz", String(11)),
    Column("stamnummer", String(20), nullable=False),
    Column("first_name", Text, nullable=False),
    Column("last_name", Text, nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("nationality", String(5), nullable=False),
    Column("street", String(200)),
    Column("house_number", String(20)),
    Column("box", String(20)),
    Column("postcode", String(10)),
    Column("municipality", String(100)),
    Column("country", String(5), nullable=False),
    Column("end_date", Date),
    Column("dereg_reason", String(1)),
    Column("situation_after", String(2)),
    UniqueConstraint("institution_number", "stamnummer", "start_date",
                     name="uq_enrollments_natural_key"),
    Index("ix_enrollments_school_student", "institution_number", "stamnummer"),
    # A school's students in INSZ order: the double-enrollment query walks it and
    # stops after one answer's worth; the career finds a student by INSZ in it.
    Index("ix_enrollments_school_insz", "institution_number", "insz"),
    # The other side of a double: a student's enrollments everywhere, by start date.
    Index("ix_enrollments_insz_start", "insz", "start_date"),
    # Matching a student without an INSZ (migration 0011): candidates by birth date.
    Index("ix_enrollments_birth_date", "birth_date"),
)

journal = Table(
    "journal", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("sender_id", String(64), nullable=False),
    Column("referte", String(64), nullable=False),
    Column("operation", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("raw_message", LargeBinary, nullable=False),
    Column("question_digest", String(64), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("codes", String(200), nullable=False),
    Column("answer_json", Text, nullable=False),
    Column("replay_key", String(64), nullable=False),
    # The idempotency key and the replay cache: unique, so concurrent duplicates on
    # different workers are settled by the database, in the business transaction.
    UniqueConstraint("sender_id", "referte", name="uq_journal_sender_referte"),
    UniqueConstraint("replay_key", name="uq_journal_replay_key"),
)

# The replay cache: the replay key of every verified message, whatever its verdict (a
# resend answered with 50003 and a refusal too, which write no journal row of their
# own), written in the message's transaction. The primary key settles two copies of
# one message on two workers: one commits, the other is refused as a replay (S160).
replay_keys = Table(
    "replay_keys", metadata,
    Column("replay_key", String(64), primary_key=True),
    Column("sender_id", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# Message type 2: one row per half day of absence of one student at one school. The
# natural key is unique, so a half day is registered once (a resend replaces its code);
# GeefAfwezigheden reads a school's rows by date, the unique key's index serves a
# question about one student.
absences = Table(
    "absences", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("stamnummer", String(20), nullable=False),
    Column("date", Date, nullable=False),
    Column("half_day", String(2), nullable=False),
    Column("student_id", String(50), nullable=False),
    Column("code", String(1), nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("received_on", Date, nullable=False),
    UniqueConstraint("institution_number", "stamnummer", "date", "half_day",
                     name="uq_absences_natural_key"),
    Index("ix_absences_school_date", "institution_number", "date", "id"),
)

# Partner agencies through MAGDA (migration 0006): who a partner is to MAGDA, what it
# may consult, and the register of its interest in persons (domain/partners.py).
partners = Table(
    "partners", metadata,
    Column("sender_id", String(64), ForeignKey("senders.sender_id"), primary_key=True),
    Column("identification", String(120), nullable=False, unique=True),
    Column("default_capacity", String(24), nullable=False),
)

partner_authorisations = Table(
    "partner_authorisations", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("sender_id", String(64), ForeignKey("senders.sender_id"), nullable=False),
    Column("service", String(80), nullable=False),
    Column("deliberation", String(80), nullable=False),
    Column("capacities", String(200), nullable=False),   # comma-separated Hoedanigheden
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Index("ix_partner_authorisations_lookup", "sender_id", "service"),
)

interest_events = Table(
    "interest_events", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("sender_id", String(64), nullable=False),
    Column("capacity", String(24), nullable=False),
    Column("insz", String(11), nullable=False),
    Column("kind", String(1), nullable=False),            # I registered, U ended
    Column("begin_date", Date, nullable=False),
    Column("end_date", Date),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_interest_events_person", "sender_id", "insz"),
)

# DKO, part-time arts education (migration 0011): a separate channel with its own
# institutions and mandates, so a school package's rights never reach an academy.
academies = Table(
    "academies", metadata,
    Column("institution_number", String(6), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("municipality", String(100), nullable=False, default=""),
)

dko_mandates = Table(
    "dko_mandates", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("sender_id", String(64), ForeignKey("senders.sender_id"), nullable=False),
    Column("institution_number", String(6), ForeignKey("academies.institution_number"),
           nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Index("ix_dko_mandates_lookup", "sender_id", "institution_number"),
)

dko_registrations = Table(
    "dko_registrations", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("school_year", Integer, nullable=False),
    Column("stamnummer", String(20), nullable=False),
    Column("insz", String(11)),
    Column("first_name", Text, nullable=False),
    Column("last_name", Text, nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("nationality", String(5), nullable=False),
    Column("street", String(200)),
    Column("house_number", String(20)),
    Column("box", String(20)),
    Column("postcode", String(10)),
    Column("municipality", String(100)),
    Column("country", String(5), nullable=False),
    Column("discipline", String(2), nullable=False),
    Column("fee_category", String(2), nullable=False),
    Column("registration_date", Date, nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("end_date", Date),
    UniqueConstraint("institution_number", "stamnummer", "school_year",
                     name="uq_dko_registrations_natural_key"),
    Index("ix_dko_registrations_school_insz", "institution_number", "insz"),
    Index("ix_dko_registrations_birth_date", "birth_date"),
)

# The administration's answers about students' numbers (supplied, pseudo, wrong), both
# channels; a pseudo number is given out once (the partial unique index).
identification_numbers = Table(
    "identification_numbers", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("channel", String(1), nullable=False),
    Column("institution_number", String(6), nullable=False),
    Column("stamnummer", String(20), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("insz", String(11)),
    Column("insz_sent", String(20), nullable=False),
    Column("first_name", Text, nullable=False),
    Column("last_name", Text, nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("nationality", String(5), nullable=False),
    Column("street", String(200)),
    Column("house_number", String(20)),
    Column("postcode", String(10)),
    Column("country", String(5), nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("diagnose", Text, nullable=False),
    UniqueConstraint("channel", "institution_number", "stamnummer", "kind", "insz_sent",
                     name="uq_identification_numbers_natural_key"),
    Index("ix_identification_numbers_school", "channel", "institution_number", "id"),
    Index("ix_identification_numbers_birth_date", "birth_date"),
    Index("uq_identification_numbers_pseudo", "insz", unique=True,
          sqlite_where=text("kind = 'PSEUDO'"), postgresql_where=text("kind = 'PSEUDO'")),
)

APPLICATION_TABLES = ("schools", "senders", "mandates", "enrollments", "journal",
                      "replay_keys", "absences", "partners", "partner_authorisations",
                      "interest_events", "academies", "dko_mandates", "dko_registrations",
                      "identification_numbers")
