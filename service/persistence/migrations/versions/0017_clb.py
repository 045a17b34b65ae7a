"""CLB: which CLB guides which school, and every CLB's notification feed (VTC 05/2016).

A notification is written in the transaction that registers the absences reaching a
threshold (``services/clb_feed.py``); unique per INSZ, school year and threshold, and
numbered per CLB without gaps (unique per CLB and sequence).

Revision ID: 0017
Revises: 0010
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0010"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "clb_guidance",
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("clb_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("institution_number", name="pk_clb_guidance"),
    )
    op.create_table(
        "clb_notifications",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("clb_id", sa.String(64), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.Column("insz", sa.String(11), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("half_days", sa.Integer(), nullable=False),
        sa.Column("tenth", sa.Date(), nullable=False),
        sa.Column("thirtieth", sa.Date(), nullable=True),
        sa.Column("institutions", sa.String(700), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_clb_notifications"),
        sa.UniqueConstraint("clb_id", "sequence", name="uq_clb_notifications_sequence"),
        sa.UniqueConstraint("insz", "school_year", "threshold",
                            name="uq_clb_notifications_once"),
    )


def downgrade() -> None:
    op.drop_table("clb_notifications")
    op.drop_table("clb_guidance")
