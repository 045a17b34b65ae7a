"""Partner-side operations: the audit of consultations, fault rules, authorisation field sets.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("identification", sa.String(120), nullable=False),
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("referte", sa.String(64), nullable=False),
        sa.Column("insz", sa.String(20), nullable=True),
        sa.Column("capacity", sa.String(24), nullable=True),
        sa.Column("deliberation", sa.String(80), nullable=True),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("codes", sa.String(200), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_insz", "audit_log", ["insz", "at"])
    op.create_index("ix_audit_log_sender", "audit_log", ["sender_id", "at"])
    op.create_table(
        "fault_rules",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("service", sa.String(64), nullable=False),
        sa.Column("insz", sa.String(11), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("delay_seconds", sa.Float(), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fault_rules"),
    )
    with op.batch_alter_table("partner_authorisations") as batch:
        batch.add_column(sa.Column("field_set", sa.String(400), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("partner_authorisations") as batch:
        batch.drop_column("field_set")
    op.drop_table("fault_rules")
    op.drop_index("ix_audit_log_sender", table_name="audit_log")
    op.drop_index("ix_audit_log_insz", table_name="audit_log")
    op.drop_table("audit_log")
