"""The product master: each retailer's catalogue (code or PLU, barcode, name, category, brand, size,
price band), which receipt items are linked to by code, else by normalised name

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cloud_api.models import UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("retailer", sa.String(64), nullable=False),
        sa.Column("code", sa.String(64), nullable=True),
        sa.Column("barcode", sa.String(32), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("category", sa.String(100), nullable=True),
        sa.Column("brand", sa.String(100), nullable=True),
        sa.Column("size", sa.String(50), nullable=True),
        sa.Column("price_band", sa.String(20), nullable=True),
        sa.Column("updated_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("retailer", "code", name=op.f("uq_products_retailer_code")),
    )
    op.create_index("ix_products_retailer_name_key", "products", ["retailer", "name_key"])
    op.create_index("ix_products_retailer_barcode", "products", ["retailer", "barcode"])


def downgrade() -> None:
    op.drop_index("ix_products_retailer_barcode", table_name="products")
    op.drop_index("ix_products_retailer_name_key", table_name="products")
    op.drop_table("products")
