"""LeerID class information: director's assignments, the sharing history, the classes.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "director_assignments",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date()),
        sa.PrimaryKeyConstraint("id", name="pk_director_assignments"),
    )
    op.create_index("ix_director_assignments_school", "director_assignments",
                    ["institution_number", "person_id"])
    op.create_table(
        "class_sharing_events",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("protocol_version", sa.String(60)),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_class_sharing_events"),
    )
    op.create_index("ix_class_sharing_events_school", "class_sharing_events",
                    ["institution_number", "id"])
    op.create_table(
        "class_assignments",
        sa.Column("institution_number", sa.String(6), nullable=False),
        sa.Column("stamnummer", sa.String(20), nullable=False),
        sa.Column("student_id", sa.String(50), nullable=False),
        sa.Column("class_name", sa.String(20), nullable=False),
        sa.Column("subclass", sa.String(20)),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("institution_number", "stamnummer",
                                name="pk_class_assignments"),
    )


def downgrade() -> None:
    op.drop_table("class_assignments")
    op.drop_index("ix_class_sharing_events_school", table_name="class_sharing_events")
    op.drop_table("class_sharing_events")
    op.drop_index("ix_director_assignments_school", table_name="director_assignments")
    op.drop_table("director_assignments")
