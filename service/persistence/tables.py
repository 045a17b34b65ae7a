"""The schema, as SQLAlchemy Core tables. The domain never sees these.

Columns are flat (an enrollment row holds its identification and address): every read
of an enrollment needs all of it, and a join per request buys nothing. The Alembic
migrations create exactly these tables; ``tests/integration`` checks they agree.
"""
from __future__ import annotations

from sqlalchemy import false
from sqlalchemy import (
    BigInteger, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
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
    # InstitutionKind (migration 0010): boarding schools send message type 7.
    Column("kind", String(20), nullable=False, default="school",
           server_default="school"),
)

senders = Table(
    "senders", metadata,
    Column("sender_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    # migration 0013: the WS-Security profile; strict unless a partner opted in.
    Column("security_profile", String(24), nullable=False, server_default="strict"),
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
    # migration 0013: the profile the message was verified with.
    Column("security_profile", String(24), nullable=False, server_default="strict"),
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
    # Migration 0012: code Z on a parents' note instead of a medical certificate.
    Column("without_certificate", Boolean, nullable=False, default=False,
           server_default=false()),
    UniqueConstraint("institution_number", "stamnummer", "date", "half_day",
                     name="uq_absences_natural_key"),
    Index("ix_absences_school_date", "institution_number", "date", "id"),
)

# Partner agencies through MAGDA (migration 0006): who a partner is to MAGDA, what it
# may consult, and the register of its interest in persons (domain/partners.py).
characteristics = Table(
    "characteristics", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("stamnummer", String(20), nullable=False),
    Column("declared_on", Date, nullable=False),
    Column("student_id", String(50), nullable=False),
    Column("home_language", String(1), nullable=False),
    Column("mother_education", String(1), nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("received_on", Date, nullable=False),
    UniqueConstraint("institution_number", "stamnummer", "declared_on",
                     name="uq_characteristics_natural_key"),
    Index("ix_characteristics_school_id", "institution_number", "id"),
)

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
    # Comma-separated optional fields granted; NULL grants all (migration 0014).
    Column("field_set", String(400)),
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

# -- LeerID class information (domain/class_info.py) -----------------------------------
director_assignments = Table(
    "director_assignments", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("person_id", String(40), nullable=False),
    Column("name", String(200), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Index("ix_director_assignments_school", "institution_number", "person_id"),
)

class_sharing_events = Table(
    "class_sharing_events", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("person_id", String(40), nullable=False),
    Column("protocol_version", String(60)),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_class_sharing_events_school", "institution_number", "id"),
)

class_assignments = Table(
    "class_assignments", metadata,
    Column("institution_number", String(6), primary_key=True),
    Column("stamnummer", String(20), primary_key=True),
    Column("student_id", String(50), nullable=False),
    Column("class_name", String(20), nullable=False),
    Column("subclass", String(20)),
    Column("since", Date, nullable=False),
    Column("sender_id", String(64), nullable=False),
)

# Message types 5, 6 and 8 (migration 0009, domain/records.py): one row per dated record
# of a school about a student (a disciplinary measure, a supported student, a refusal).
# The record key is the message type's own identity of a record at its school, unique;
# the special-needs school supporting a student finds its rows by other_institution.
records = Table(
    "records", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("institution_number", String(6), nullable=False),
    Column("record_key", String(64), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
    Column("stamnummer", String(20)),
    Column("student_id", String(50)),
    Column("insz", String(11)),
    Column("subtype", String(4)),
    Column("other_institution", String(6)),
    Column("sender_id", String(64), nullable=False),
    Column("received_on", Date, nullable=False),
    UniqueConstraint("kind", "institution_number", "record_key",
                     name="uq_records_natural_key"),
    Index("ix_records_school_start", "kind", "institution_number", "start_date"),
    Index("ix_records_other_start", "kind", "other_institution", "start_date"),
)

# Message type 4 (migration 0008): one row per certificate of one student at the
# school that gave it; one kind per student and school year. The insz index serves the
# next school's question and the admission check, which find a student by INSZ.
certificates = Table(
    "certificates", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("stamnummer", String(20), nullable=False),
    Column("kind", String(3), nullable=False),
    Column("school_year", Integer, nullable=False),
    Column("student_id", String(50), nullable=False),
    Column("insz", String(11)),
    Column("obtained_on", Date, nullable=False),
    Column("grade", Integer),
    Column("year", Integer),
    Column("form", String(5)),
    Column("study_field", String(200)),
    Column("study_field_code", String(30)),
    Column("full_name", String(255)),
    Column("excluded_forms", String(100), nullable=False),   # comma-separated forms
    Column("institution_name", String(200), nullable=False),
    Column("special_needs", Boolean, nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("received_on", Date, nullable=False),
    UniqueConstraint("institution_number", "stamnummer", "kind", "school_year",
                     name="uq_certificates_natural_key"),
    Index("ix_certificates_insz", "insz"),
    # GeefStudiebewijzen pages a school's certificates in id order (keyset).
    Index("ix_certificates_school_id", "institution_number", "id"),
)

# Operations of the partner side (migration 0014, domain/audit.py): the audit of every
# consultation, written with its journal entry; testers' fault rules, read by every worker.
audit_log = Table(
    "audit_log", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("identification", String(120), nullable=False),
    Column("service", String(64), nullable=False),
    Column("referte", String(64), nullable=False),
    Column("insz", String(20)),
    Column("capacity", String(24)),
    Column("deliberation", String(80)),
    Column("verdict", String(16), nullable=False),
    Column("codes", String(200), nullable=False),
    Column("fields", Text, nullable=False),
    # "Who looked at this student" and "what did this partner look at", by time.
    Index("ix_audit_log_insz", "insz", "at"),
    Index("ix_audit_log_sender", "sender_id", "at"),
)

fault_rules = Table(
    "fault_rules", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("service", String(64), nullable=False),        # Naam, or * for every one
    Column("insz", String(11), nullable=False),           # an INSZ, or * for everyone
    Column("kind", String(16), nullable=False),
    Column("delay_seconds", Float, nullable=False, default=0.0),
    Column("note", String(200), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Message type 7 (migration 0010): one row per stay of a boarder at a boarding school,
# within one school year, with the boarder's identification as sent (flat, like an
# enrollment). The natural key is unique; a boarding school's stays are read by start
# date, a boarder's by stamnummer or INSZ.
boarding_enrollments = Table(
    "boarding_enrollments", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("institution_number", String(6), nullable=False),
    Column("establishment", String(40), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date),
    Column("itinerant_parents", Boolean, nullable=False),
    Column("school_number", String(6)),
    Column("agreement_framework", Boolean),
    Column("support_plan", Boolean),
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
    UniqueConstraint("institution_number", "stamnummer", "start_date",
                     name="uq_boarding_enrollments_natural_key"),
    Index("ix_boarding_enrollments_school_start", "institution_number", "start_date"),
    Index("ix_boarding_enrollments_school_insz", "institution_number", "insz"),
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
                      "interest_events", "director_assignments", "class_sharing_events",
                      "class_assignments", "records", "certificates",
                      "characteristics", "audit_log", "fault_rules",
                      "boarding_enrollments",
                      "academies", "dko_mandates", "dko_registrations",
                      "identification_numbers")

# -- Home education (domain/home_education.py, migration 0017): what the inspectorate
# sends; one row per person and date, a correction replaces it (unique key).
home_education_inspections = Table(
    "home_education_inspections", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("insz", String(11), nullable=False),
    Column("visit_date", Date, nullable=False),
    Column("sufficient", Boolean, nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("insz", "visit_date", name="uq_home_education_inspections_visit"),
)

exam_board_results = Table(
    "exam_board_results", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("insz", String(11), nullable=False),
    Column("last_name", String(200), nullable=False),
    Column("first_name", String(200), nullable=False),
    Column("sex", String(1), nullable=False),
    Column("birth_date", Date, nullable=False),
    Column("decision_date", Date, nullable=False),
    Column("passed", Boolean, nullable=False),
    Column("sender_id", String(64), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("insz", "decision_date", name="uq_exam_board_results_decision"),
)
APPLICATION_TABLES += ("home_education_inspections", "exam_board_results")

# CLB (migration 0016, domain/clb.py): which CLB guides which school, and every CLB's
# feed of notifications. ``sequence`` numbers one CLB's feed 1, 2, 3 … and is unique
# per CLB, so two transactions that both take the next number cannot both commit: a
# reader holding cursor N never misses a notification committed after it read N+1.
clb_guidance = Table(
    "clb_guidance", metadata,
    Column("institution_number", String(6), primary_key=True),
    Column("clb_id", String(64), nullable=False),
)

clb_notifications = Table(
    "clb_notifications", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("clb_id", String(64), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("insz", String(11), nullable=False),
    Column("school_year", Integer, nullable=False),
    Column("threshold", Integer, nullable=False),
    Column("half_days", Integer, nullable=False),
    Column("tenth", Date, nullable=False),
    Column("thirtieth", Date),
    Column("institutions", String(700), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("clb_id", "sequence", name="uq_clb_notifications_sequence"),
    UniqueConstraint("insz", "school_year", "threshold", name="uq_clb_notifications_once"),
)

# The CLB's motivated reports for special-needs education (VTC 06/2016): one row per
# report; a report sent again (same CLB, INSZ, date and type) replaces its validity.
motivated_reports = Table(
    "motivated_reports", metadata,
    Column("id", _ID, primary_key=True, autoincrement=True),
    Column("clb_id", String(64), nullable=False),
    Column("insz", String(11), nullable=False),
    Column("report_date", Date, nullable=False),
    Column("kind", String(2), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Column("received_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("clb_id", "insz", "report_date", "kind",
                     name="uq_motivated_reports_natural_key"),
    Index("ix_motivated_reports_insz", "insz"),
)
APPLICATION_TABLES += ("clb_guidance", "clb_notifications", "motivated_reports")
