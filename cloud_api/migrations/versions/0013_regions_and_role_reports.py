"""Stores in regions, and each HQ user's own closing report marked as sent

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stores") as t:
        t.add_column(sa.Column("region", sa.String(64), nullable=True))
    with op.batch_alter_table("users") as t:
        t.add_column(sa.Column("last_report_for", sa.String(10), nullable=True))


def downgrade() -> None:
    # In place on both databases (SQLite 3.35+): batch mode would copy `users` and `stores`, whose
    # drop the foreign keys of tokens and devices refuse.
    op.execute("ALTER TABLE users DROP COLUMN last_report_for")
    op.execute("ALTER TABLE stores DROP COLUMN region")
