"""CLB: which CLB guides which school, every CLB's notification feed (VTC 05/2016), and
the CLBs' motivated reports for special-needs education (VTC 06/2016).

A notification is written in the transaction that registers the absences reaching a
threshold (``services/clb_feed.py``); unique per INSZ, school year and threshold, and
numbered per CLB without gaps (unique per CLB and sequence).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
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

    op.create_table(
        "motivated_reports",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("clb_id", sa.String(64), nullable=False),
        sa.Column("insz", sa.String(11), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_motivated_reports"),
        sa.UniqueConstraint("clb_id", "insz", "report_date", "kind",
                            name="uq_motivated_reports_natural_key"),
    )
    op.create_index("ix_motivated_reports_insz", "motivated_reports", ["insz"])


def downgrade() -> None:
    op.drop_index("ix_motivated_reports_insz", table_name="motivated_reports")
    op.drop_table("motivated_reports")
    op.drop_table("clb_notifications")
    op.drop_table("clb_guidance")
