"""Message type 2: an illness half day may be marked as covered by a parents' note.

``absences.without_certificate``: code Z on a sick note instead of a medical
certificate (004 §78: at most 4 a school year, counted across schools). Existing half
days were sent without the mark: false.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("absences") as batch:
        batch.add_column(sa.Column("without_certificate", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("absences") as batch:
        batch.drop_column("without_certificate")
