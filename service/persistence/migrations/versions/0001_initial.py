"""The first tables: schools, senders, mandates, enrollments, journal.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "schools",
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("niveau", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("institution_number", name="pk_schools"),
    )
    op.create_table(
        "senders",
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("sender_id", name="pk_senders"),
    )
    op.create_table(
        "mandates",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("message_type", sa.String(32), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_mandates"),
        sa.ForeignKeyConstraint(["sender_id"], ["senders.sender_id"],
                                name="fk_mandates_sender_id_senders"),
        sa.ForeignKeyConstraint(["institution_number"], ["schools.institution_number"],
                                name="fk_mandates_institution_number_schools"),
    )
    op.create_index("ix_mandates_lookup", "mandates",
                    ["sender_id", "institution_number", "message_type"])
    op.create_table(
        "enrollments",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("administrative_group", sa.String(40), nullable=False),
        sa.Column("establishment", sa.String(40), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("first_attendance_date", sa.Date(), nullable=True),
        sa.Column("registration_date", sa.Date(), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("insz", sa.String(11), nullable=True),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("first_name", sa.Text(), nullable=False),
        sa.Column("last_name", sa.Text(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("nationality", sa.String(5), nullable=False),
        sa.Column("street", sa.String(200), nullable=True),
        sa.Column("house_number", sa.String(20), nullable=True),
        sa.Column("box", sa.String(20), nullable=True),
        sa.Column("postcode", sa.String(10), nullable=True),
        sa.Column("municipality", sa.String(100), nullable=True),
        sa.Column("country", sa.String(5), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("dereg_reason", sa.String(1), nullable=True),
        sa.Column("situation_after", sa.String(2), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_enrollments"),
        sa.UniqueConstraint("institution_number", "stamnummer", "start_date",
                            name="uq_enrollments_natural_key"),
    )
    op.create_index("ix_enrollments_insz", "enrollments", ["insz"])
    op.create_index("ix_enrollments_school_student", "enrollments",
                    ["institution_number", "stamnummer"])
    op.create_table(
        "journal",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("referte", sa.String(64), nullable=False),
        sa.Column("operation", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raw_message", sa.LargeBinary(), nullable=False),
        sa.Column("question_digest", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("codes", sa.String(200), nullable=False),
        sa.Column("answer_json", sa.Text(), nullable=False),
        sa.Column("replay_key", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_journal"),
        sa.UniqueConstraint("sender_id", "referte", name="uq_journal_sender_referte"),
        sa.UniqueConstraint("replay_key", name="uq_journal_replay_key"),
    )


def downgrade() -> None:
    op.drop_table("journal")
    op.drop_index("ix_enrollments_school_student", table_name="enrollments")
    op.drop_index("ix_enrollments_insz", table_name="enrollments")
    op.drop_table("enrollments")
    op.drop_index("ix_mandates_lookup", table_name="mandates")
    op.drop_table("mandates")
    op.drop_table("senders")
    op.drop_table("schools")
