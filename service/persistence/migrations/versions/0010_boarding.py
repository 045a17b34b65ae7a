"""Message type 7: boarding-school enrollments, and what kind of institution a school is.

``schools.kind`` tells boarding schools (which send message type 7), European and
non-funded schools (whose number a boarding school may send) from funded schools;
existing rows are funded schools ("school") until a fixture or an operator says
otherwise.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("schools") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False,
                                   server_default="school"))
    op.create_table(
        "boarding_enrollments",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("establishment", sa.String(40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("itinerant_parents", sa.Boolean(), nullable=False),
        sa.Column("school_number", sa.String(6), nullable=True),
        sa.Column("agreement_framework", sa.Boolean(), nullable=True),
        sa.Column("support_plan", sa.Boolean(), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name="pk_boarding_enrollments"),
        sa.UniqueConstraint("institution_number", "stamnummer", "start_date",
                            name="uq_boarding_enrollments_natural_key"),
    )
    op.create_index("ix_boarding_enrollments_school_start", "boarding_enrollments",
                    ["institution_number", "start_date"])
    op.create_index("ix_boarding_enrollments_school_insz", "boarding_enrollments",
                    ["institution_number", "insz"])


def downgrade() -> None:
    op.drop_index("ix_boarding_enrollments_school_insz", table_name="boarding_enrollments")
    op.drop_index("ix_boarding_enrollments_school_start",
                  table_name="boarding_enrollments")
    op.drop_table("boarding_enrollments")
    with op.batch_alter_table("schools") as batch:
        batch.drop_column("kind")
