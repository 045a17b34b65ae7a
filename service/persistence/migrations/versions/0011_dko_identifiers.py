"""DKO (part-time arts education) and the administration's answers about INSZ numbers.

A separate channel: academies, their own mandates and registrations; and, for both
channels, the numbers supplied by matching, the pseudo numbers and the wrong numbers
(``domain/identification_numbers.py``). Enrollments get an index on the birth date,
which is where a match starts.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _identification(*, box: bool = True, municipality: bool = True) -> list:
    columns = [
        sa.Column("first_name", sa.Text(), nullable=False),
        sa.Column("last_name", sa.Text(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("nationality", sa.String(5), nullable=False),
        sa.Column("street", sa.String(200), nullable=True),
        sa.Column("house_number", sa.String(20), nullable=True),
    ]
    if box:
        columns.append(sa.Column("box", sa.String(20), nullable=True))
    columns.append(sa.Column("postcode", sa.String(10), nullable=True))
    if municipality:
        columns.append(sa.Column("municipality", sa.String(100), nullable=True))
    columns.append(sa.Column("country", sa.String(5), nullable=False))
    return columns


def upgrade() -> None:
    op.create_index("ix_enrollments_birth_date", "enrollments", ["birth_date"])
    op.create_table(
        "academies",
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("institution_number", name="pk_academies"),
    )
    op.create_table(
        "dko_mandates",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["sender_id"], ["senders.sender_id"],
                                name="fk_dko_mandates_sender_id_senders"),
        sa.ForeignKeyConstraint(["institution_number"], ["academies.institution_number"],
                                name="fk_dko_mandates_institution_number_academies"),
        sa.PrimaryKeyConstraint("id", name="pk_dko_mandates"),
    )
    op.create_index("ix_dko_mandates_lookup", "dko_mandates",
                    ["sender_id", "institution_number"])
    op.create_table(
        "dko_registrations",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("insz", sa.String(11), nullable=True),
        *_identification(),
        sa.Column("discipline", sa.String(2), nullable=False),
        sa.Column("fee_category", sa.String(2), nullable=False),
        sa.Column("registration_date", sa.Date(), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_dko_registrations"),
        sa.UniqueConstraint("institution_number", "stamnummer", "school_year",
                            name="uq_dko_registrations_natural_key"),
    )
    op.create_index("ix_dko_registrations_school_insz", "dko_registrations",
                    ["institution_number", "insz"])
    op.create_index("ix_dko_registrations_birth_date", "dko_registrations",
                    ["birth_date"])
    op.create_table(
        "identification_numbers",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(1), nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("insz", sa.String(11), nullable=True),
        sa.Column("insz_sent", sa.String(20), nullable=False),
        *_identification(box=False, municipality=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("diagnose", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_identification_numbers"),
        sa.UniqueConstraint("channel", "institution_number", "stamnummer", "kind",
                            "insz_sent", name="uq_identification_numbers_natural_key"),
    )
    op.create_index("ix_identification_numbers_school", "identification_numbers",
                    ["channel", "institution_number", "id"])
    op.create_index("ix_identification_numbers_birth_date", "identification_numbers",
                    ["birth_date"])
    op.create_index("uq_identification_numbers_pseudo", "identification_numbers",
                    ["insz"], unique=True, sqlite_where=sa.text("kind = 'PSEUDO'"),
                    postgresql_where=sa.text("kind = 'PSEUDO'"))


def downgrade() -> None:
    op.drop_index("uq_identification_numbers_pseudo", table_name="identification_numbers")
    op.drop_index("ix_identification_numbers_birth_date",
                  table_name="identification_numbers")
    op.drop_index("ix_identification_numbers_school", table_name="identification_numbers")
    op.drop_table("identification_numbers")
    op.drop_index("ix_dko_registrations_birth_date", table_name="dko_registrations")
    op.drop_index("ix_dko_registrations_school_insz", table_name="dko_registrations")
    op.drop_table("dko_registrations")
    op.drop_index("ix_dko_mandates_lookup", table_name="dko_mandates")
    op.drop_table("dko_mandates")
    op.drop_table("academies")
    op.drop_index("ix_enrollments_birth_date", table_name="enrollments")
