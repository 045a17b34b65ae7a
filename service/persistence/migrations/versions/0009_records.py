"""Message types 5, 6 and 8: the records table (disciplinary measures, supported
students, refusals and dissolved enrollments).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("record_key", sa.String(64), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date()),
        sa.Column("stamnummer", sa.String(20)),
        sa.Column("student_id", sa.String(50)),
        sa.Column("insz", sa.String(11)),
        sa.Column("subtype", sa.String(4)),
        sa.Column("other_institution", sa.String(6)),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_records"),
        sa.UniqueConstraint("kind", "institution_number", "record_key",
                            name="uq_records_natural_key"),
    )
    op.create_index("ix_records_school_start", "records",
                    ["kind", "institution_number", "start_date"])
    op.create_index("ix_records_other_start", "records",
                    ["kind", "other_institution", "start_date"])


def downgrade() -> None:
    op.drop_index("ix_records_other_start", table_name="records")
    op.drop_index("ix_records_school_start", table_name="records")
    op.drop_table("records")
