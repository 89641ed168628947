"""limits counted in the database (every web worker and parallel request sees one count)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_counts",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name=op.f("pk_rate_counts")),
    )
    op.create_index(op.f("ix_rate_counts_expires_at"), "rate_counts", ["expires_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_rate_counts_expires_at"), table_name="rate_counts")
    op.drop_table("rate_counts")
