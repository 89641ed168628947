"""Customer features: what each customer did in each store, kept by a refresh instead of folded from
every receipt on each request

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import cloud_api.money
from cloud_api.models import Document, UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    money = cloud_api.money.Money
    op.create_table(
        "customer_features",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.Column("spend", money(), nullable=False),
        sa.Column("spend_squares", money(), nullable=False),
        sa.Column("discounted_spend", money(), nullable=False),
        sa.Column("first_purchase_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("last_purchase_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("weekdays", Document, nullable=False),
        sa.Column("hours", Document, nullable=False),
        sa.Column("refreshed_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_features_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_customer_features_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("customer_id", "store_id", "currency", name=op.f("pk_customer_features")),
    )
    op.create_index(op.f("ix_customer_features_store_id"), "customer_features", ["store_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_customer_features_store_id"), table_name="customer_features")
    op.drop_table("customer_features")
