"""Message type 4: certificates obtained (studiebewijzen).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(3), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.String(50), nullable=False),
        sa.Column("insz", sa.String(11), nullable=True),
        sa.Column("obtained_on", sa.Date(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("form", sa.String(5), nullable=True),
        sa.Column("study_field", sa.String(200), nullable=True),
        sa.Column("study_field_code", sa.String(30), nullable=True),
        sa.Column("full_name", sa.String(255), nullable=True),
        sa.Column("excluded_forms", sa.String(100), nullable=False),
        sa.Column("institution_name", sa.String(200), nullable=False),
        sa.Column("special_needs", sa.Boolean(), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_certificates"),
        sa.UniqueConstraint("institution_number", "stamnummer", "kind", "school_year",
                            name="uq_certificates_natural_key"),
    )
    op.create_index("ix_certificates_insz", "certificates", ["insz"])
    op.create_index("ix_certificates_school_id", "certificates",
                    ["institution_number", "id"])


def downgrade() -> None:
    op.drop_index("ix_certificates_school_id", table_name="certificates")
    op.drop_index("ix_certificates_insz", table_name="certificates")
    op.drop_table("certificates")
