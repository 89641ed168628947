"""Life-stage and interest tags: the rules HQ writes over the catalogue's categories, and the tags they
gave each customer since a purchase

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cloud_api.models import UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tag_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("retailer", sa.String(64), nullable=False),
        sa.Column("tag", sa.String(40), nullable=False),
        sa.Column("category", sa.String(100), nullable=False),
        sa.Column("min_count", sa.Integer(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_rules")),
        sa.UniqueConstraint("retailer", "tag", name=op.f("uq_tag_rules_retailer_tag")),
    )
    op.create_table(
        "customer_tags",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("since", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_tags_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"], ["tag_rules.id"], name=op.f("fk_customer_tags_rule_id_tag_rules")
        ),
        sa.PrimaryKeyConstraint("customer_id", "rule_id", name=op.f("pk_customer_tags")),
    )


def downgrade() -> None:
    op.drop_table("customer_tags")
    op.drop_table("tag_rules")
