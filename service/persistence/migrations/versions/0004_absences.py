"""Message type 2: the absences table, and which schools are special-needs schools.

``schools.special_needs`` decides where absence code H may be used; existing schools
are ordinary schools (false) until a fixture or an operator says otherwise.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("schools") as batch:
        batch.add_column(sa.Column("special_needs", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "absences",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("half_day", sa.String(2), nullable=False),
        sa.Column("student_id", sa.String(50), nullable=False),
        sa.Column("code", sa.String(1), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_absences"),
        sa.UniqueConstraint("institution_number", "stamnummer", "date", "half_day",
                            name="uq_absences_natural_key"),
    )
    op.create_index("ix_absences_school_date", "absences",
                    ["institution_number", "date", "id"])


def downgrade() -> None:
    op.drop_index("ix_absences_school_date", table_name="absences")
    op.drop_table("absences")
    with op.batch_alter_table("schools") as batch:
        batch.drop_column("special_needs")
