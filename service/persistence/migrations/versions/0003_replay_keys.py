"""The replay cache of every verified message: resends and refusals included.

Until now only a journaled first use of a Referte kept its replay key (in the journal),
so a byte-for-byte copy of a resend or of a 10006 refusal was answered again. The keys
the journal already holds are copied over, so no message replayable before is
replayable after.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "replay_keys",
        sa.Column("replay_key", sa.String(64), nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("replay_key", name="pk_replay_keys"),
    )
    op.execute("INSERT INTO replay_keys (replay_key, sender_id, received_at) "
               "SELECT replay_key, sender_id, received_at FROM journal")


def downgrade() -> None:
    op.drop_table("replay_keys")
