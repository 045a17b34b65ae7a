"""Message type 3: student characteristics (declarations on honour).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "characteristics",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("student_id", sa.String(50), nullable=False),
        sa.Column("home_language", sa.String(1), nullable=False),
        sa.Column("mother_education", sa.String(1), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_characteristics"),
        # Also the index of "this school's declarations of these students".
        sa.UniqueConstraint("institution_number", "stamnummer", "declared_on",
                            name="uq_characteristics_natural_key"),
    )
    # GeefGeregistreerdeLeerlingenkenmerken pages through a school's rows by id.
    op.create_index("ix_characteristics_school_id", "characteristics",
                    ["institution_number", "id"])


def downgrade() -> None:
    op.drop_index("ix_characteristics_school_id", table_name="characteristics")
    op.drop_table("characteristics")
