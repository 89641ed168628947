"""pushed configurations

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import cloud_api.models

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pushed_configs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("pos_profile", sa.String(length=100), nullable=True),
        sa.Column("reparse_id", sa.String(length=64), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("pushed_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("pushed_by", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_pushed_configs_store_id_stores")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pushed_configs")),
        sa.UniqueConstraint("store_id", "version", name=op.f("uq_pushed_configs_store_id_version")),
    )
    with op.batch_alter_table("pushed_configs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pushed_configs_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pushed_configs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pushed_configs_store_id"))

    op.drop_table("pushed_configs")
