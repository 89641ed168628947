"""one quarantine for every envelope the cloud could not store (replaces unreadable_records)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import cloud_api.models

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

Document = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
quarantine = sa.table(
    "sync_quarantine",
    sa.column("device_id", sa.String),
    sa.column("seq", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("reason", sa.String),
    sa.column("detail", sa.String),
    sa.column("digest", sa.String),
    sa.column("raw", sa.LargeBinary),
    sa.column("first_seen", sa.DateTime(timezone=True)),
    sa.column("last_seen", sa.DateTime(timezone=True)),
    sa.column("times", sa.Integer),
)
unreadable = sa.table(
    "unreadable_records",
    sa.column("device_id", sa.String),
    sa.column("seq", sa.Integer),
    sa.column("error", sa.String),
    sa.column("body", Document),
    sa.column("received_at", cloud_api.models.UtcDateTime()),
)


def upgrade() -> None:
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("device_id", "digest", name="uq_sync_quarantine_device_digest"),
    )
    op.create_index("ix_sync_quarantine_device_id", "sync_quarantine", ["device_id"], unique=False)
    # What was kept as unreadable comes along; its signature was not kept then, so its raw bytes are
    # the record alone.
    bind = op.get_bind()
    rows = []
    for r in bind.execute(sa.select(unreadable)).mappings():
        raw = json.dumps(
            {"device_id": r["device_id"], "seq": r["seq"], "body": r["body"]}, sort_keys=True
        ).encode()
        seen = r["received_at"] or datetime.now(UTC)
        rows.append(
            {
                "device_id": r["device_id"],
                "seq": r["seq"],
                "kind": "transaction",
                "reason": "unreadable",
                "detail": r["error"],
                "digest": hashlib.sha256(raw).hexdigest(),
                "raw": raw,
                "first_seen": seen,
                "last_seen": seen,
                "times": 1,
            }
        )
    if rows:
        bind.execute(sa.insert(quarantine), rows)
    with op.batch_alter_table("unreadable_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unreadable_records_device_id"))
    op.drop_table("unreadable_records")


def downgrade() -> None:
    op.create_table(
        "unreadable_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("error", sa.String(length=500), nullable=False),
        sa.Column("body", Document, nullable=False),
        sa.Column("received_at", cloud_api.models.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unreadable_records")),
    )
    with op.batch_alter_table("unreadable_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unreadable_records_device_id"), ["device_id"], unique=False)
    op.drop_index("ix_sync_quarantine_device_id", table_name="sync_quarantine")
    op.drop_table("sync_quarantine")
