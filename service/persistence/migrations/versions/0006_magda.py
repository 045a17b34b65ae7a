"""Partner agencies through MAGDA: partners, their authorisations, the interest register.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "partners",
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("identification", sa.String(120), nullable=False),
        sa.Column("default_capacity", sa.String(24), nullable=False),
        sa.ForeignKeyConstraint(["sender_id"], ["senders.sender_id"],
                                name="fk_partners_sender_id_senders"),
        sa.PrimaryKeyConstraint("sender_id", name="pk_partners"),
        sa.UniqueConstraint("identification", name="uq_partners_identification"),
    )
    op.create_table(
        "partner_authorisations",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("service", sa.String(80), nullable=False),
        sa.Column("deliberation", sa.String(80), nullable=False),
        sa.Column("capacities", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["sender_id"], ["senders.sender_id"],
                                name="fk_partner_authorisations_sender_id_senders"),
        sa.PrimaryKeyConstraint("id", name="pk_partner_authorisations"),
    )
    op.create_index("ix_partner_authorisations_lookup", "partner_authorisations",
                    ["sender_id", "service"])
    op.create_table(
        "interest_events",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("sender_id", sa.String(64), nullable=False),
        sa.Column("capacity", sa.String(24), nullable=False),
        sa.Column("insz", sa.String(11), nullable=False),
        sa.Column("kind", sa.String(1), nullable=False),
        sa.Column("begin_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_interest_events"),
    )
    op.create_index("ix_interest_events_person", "interest_events", ["sender_id", "insz"])


def downgrade() -> None:
    op.drop_index("ix_interest_events_person", table_name="interest_events")
    op.drop_table("interest_events")
    op.drop_index("ix_partner_authorisations_lookup", table_name="partner_authorisations")
    op.drop_table("partner_authorisations")
    op.drop_table("partners")
