"""Basket rules: pairs of items bought together more than chance has it, per store and chain

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cloud_api.models import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "basket_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("retailer", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(64), nullable=False),
        sa.Column("antecedent", sa.String(200), nullable=False),
        sa.Column("consequent", sa.String(200), nullable=False),
        sa.Column("baskets", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Double(), nullable=False) for name in ("support", "confidence", "lift")),
        sa.Column("refreshed_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_basket_rules")),
    )
    op.create_index("ix_basket_rules_retailer_scope", "basket_rules", ["retailer", "scope"])


def downgrade() -> None:
    op.drop_index("ix_basket_rules_retailer_scope", table_name="basket_rules")
    op.drop_table("basket_rules")
