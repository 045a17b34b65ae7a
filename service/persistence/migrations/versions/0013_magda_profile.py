"""The magda-connector security profile: opted into per sender, journaled per message.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant server default fills existing rows: every sender stays strict, and the
    # messages journaled so far were all verified with the strict profile.
    op.add_column("senders", sa.Column("security_profile", sa.String(24), nullable=False,
                                       server_default="strict"))
    op.add_column("journal", sa.Column("security_profile", sa.String(24), nullable=False,
                                       server_default="strict"))


def downgrade() -> None:
    with op.batch_alter_table("journal") as batch:
        batch.drop_column("security_profile")
    with op.batch_alter_table("senders") as batch:
        batch.drop_column("security_profile")
