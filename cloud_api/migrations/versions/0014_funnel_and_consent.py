"""The funnel from paper to person (a receipt's first view, its save by a phone) and marketing consent

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cloud_api.models import UtcDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transactions") as t:
        t.add_column(sa.Column("first_viewed_at", UtcDateTime(timezone=True), nullable=True))
        t.add_column(sa.Column("claimed_at", UtcDateTime(timezone=True), nullable=True))
    # Receipts saved before this revision: those saved by a code are known (the code's use); those a
    # signed-in shopper saved without one cannot be told from a member number's link, and stay unknown.
    op.execute(
        """
        UPDATE transactions SET claimed_at = (
            SELECT min(c.used_at) FROM claim_codes c
            WHERE c.transaction_id = transactions.id AND c.used_at IS NOT NULL
        )
        WHERE customer_id IS NOT NULL AND claimed_at IS NULL
        """
    )
    op.create_table(
        "consent_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_consent_events_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_events")),
    )
    op.create_index(
        "ix_consent_events_customer_channel_at", "consent_events", ["customer_id", "channel", "at"]
    )


def downgrade() -> None:
    op.drop_index("ix_consent_events_customer_channel_at", table_name="consent_events")
    op.drop_table("consent_events")
    # In place on both databases (SQLite 3.35+): batch mode would copy `transactions`, whose drop the
    # foreign keys of papers, prints and revisions refuse.
    op.execute("ALTER TABLE transactions DROP COLUMN claimed_at")
    op.execute("ALTER TABLE transactions DROP COLUMN first_viewed_at")
