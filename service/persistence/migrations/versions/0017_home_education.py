"""Home education: the inspectorate's control results and exam-board results.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "home_education_inspections",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("insz", sa.String(11), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("sufficient", sa.Boolean(), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_home_education_inspections"),
        sa.UniqueConstraint("insz", "visit_date",
                            name="uq_home_education_inspections_visit"),
    )
    op.create_table(
        "exam_board_results",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("insz", sa.String(11), nullable=False),
        sa.Column("last_name", sa.String(200), nullable=False),
        sa.Column("first_name", sa.String(200), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exam_board_results"),
        sa.UniqueConstraint("insz", "decision_date", name="uq_exam_board_results_decision"),
    )


def downgrade() -> None:
    op.drop_table("exam_board_results")
    op.drop_table("home_education_inspections")
