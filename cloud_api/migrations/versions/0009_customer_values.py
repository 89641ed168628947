"""Customer values: each retailer's fitted value model (BG/NBD, Gamma-Gamma) per currency, and each
customer's P(alive), expected purchases in 30 and 90 days, expected spend and 90-day value

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import cloud_api.money
from cloud_api.models import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "value_models",
        sa.Column("retailer", sa.String(64), nullable=False),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Double(), nullable=False) for name in ("r", "alpha", "a", "b")),
        *(sa.Column(name, sa.Double(), nullable=True) for name in ("p", "q", "v")),
        sa.Column("fitted_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("retailer", "currency", name=op.f("pk_value_models")),
    )
    op.create_table(
        "customer_values",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("retailer", sa.String(64), nullable=False),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("p_alive", sa.Double(), nullable=False),
        sa.Column("expected_30", sa.Double(), nullable=False),
        sa.Column("expected_90", sa.Double(), nullable=False),
        sa.Column("expected_spend", cloud_api.money.Money(), nullable=True),
        sa.Column("clv_90", cloud_api.money.Money(), nullable=True),
        sa.Column("fitted_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_customer_values_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("customer_id", "retailer", "currency", name=op.f("pk_customer_values")),
    )


def downgrade() -> None:
    op.drop_table("customer_values")
    op.drop_table("value_models")
