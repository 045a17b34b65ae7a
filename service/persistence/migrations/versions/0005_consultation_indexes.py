"""Indexes for the consultations: a school's students by INSZ, a student's enrollments by date.

GeefDubbeleInschrijvingen is answered by one self-join of ``enrollments`` (own
enrollment at the school, other enrollment of the same INSZ elsewhere), walked in INSZ
order. ``ix_enrollments_insz_start`` covers everything ``ix_enrollments_insz`` did.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_enrollments_school_insz", "enrollments",
                    ["institution_number", "insz"])
    op.create_index("ix_enrollments_insz_start", "enrollments", ["insz", "start_date"])
    op.drop_index("ix_enrollments_insz", table_name="enrollments")


def downgrade() -> None:
    op.create_index("ix_enrollments_insz", "enrollments", ["insz"])
    op.drop_index("ix_enrollments_insz_start", table_name="enrollments")
    op.drop_index("ix_enrollments_school_insz", table_name="enrollments")
