"""HQ's corrections and the POS profiles learned from them: each receipt's layout, parser and print job,
the revisions HQ made, the learned profiles; a pushed configuration keeps its profile's text

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from cloud_api.models import Document, UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transactions") as t:
        t.add_column(sa.Column("layout", sa.String(64), nullable=True))
        t.add_column(sa.Column("parser", sa.String(64), nullable=True))
        t.add_column(sa.Column("corrected_at", UtcDateTime(timezone=True), nullable=True))
        t.add_column(sa.Column("corrected_by", sa.String(254), nullable=True))
        t.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        t.create_index(op.f("ix_transactions_layout"), ["layout"])
    # The profile that read each stored receipt, from its record: set-based, once.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE transactions SET parser = left(record->>'parser', 64)")
    else:
        op.execute("UPDATE transactions SET parser = substr(json_extract(record, '$.parser'), 1, 64)")
    with op.batch_alter_table("pushed_configs") as t:
        t.add_column(sa.Column("pos_profile_toml", sa.Text(), nullable=True))
    # Each pushed profile's text, from the signed document as sent (a push carries the store's profile on).
    bind = op.get_bind()
    configs = sa.table("pushed_configs", sa.column("id"), sa.column("payload"), sa.column("pos_profile_toml"))
    for row_id, payload in bind.execute(sa.select(configs.c.id, configs.c.payload)).all():
        try:
            profile = json.loads(payload)["config"].get("pos_profile")
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        if isinstance(profile, dict) and isinstance(profile.get("toml"), str):
            bind.execute(
                configs.update().where(configs.c.id == row_id).values(pos_profile_toml=profile["toml"])
            )
    op.create_table(
        "receipt_prints",
        sa.Column("transaction_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("printer", sa.String(64), nullable=True),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["transactions.id"],
            name=op.f("fk_receipt_prints_transaction_id_transactions"),
        ),
        sa.PrimaryKeyConstraint("transaction_id", name=op.f("pk_receipt_prints")),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transaction_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(254), nullable=False),
        sa.Column("at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("before", Document, nullable=False),
        sa.Column("after", Document, nullable=False),
        sa.Column("changes", Document, nullable=False),
        sa.ForeignKeyConstraint(
            ["transaction_id"], ["transactions.id"], name=op.f("fk_revisions_transaction_id_transactions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
        sa.UniqueConstraint("transaction_id", "number", name=op.f("uq_revisions_transaction_id_number")),
    )
    op.create_index(op.f("ix_revisions_transaction_id"), "revisions", ["transaction_id"])
    op.create_table(
        "learned_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("retailer", sa.String(64), nullable=False),
        sa.Column("layout", sa.String(64), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("toml", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("examples", Document, nullable=False),
        sa.Column("score", Document, nullable=False),
        sa.Column("stores", Document, nullable=False),
        sa.Column("replaced", Document, nullable=False),
        sa.Column("created_by", sa.String(254), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(254), nullable=True),
        sa.Column("decided_at", UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learned_profiles")),
        sa.UniqueConstraint("retailer", "name", name=op.f("uq_learned_profiles_retailer_name")),
    )
    op.create_index(op.f("ix_learned_profiles_layout"), "learned_profiles", ["layout"])


def downgrade() -> None:
    op.drop_index(op.f("ix_learned_profiles_layout"), table_name="learned_profiles")
    op.drop_table("learned_profiles")
    op.drop_index(op.f("ix_revisions_transaction_id"), table_name="revisions")
    op.drop_table("revisions")
    op.drop_table("receipt_prints")
    with op.batch_alter_table("pushed_configs") as t:
        t.drop_column("pos_profile_toml")
    with op.batch_alter_table("transactions") as t:
        t.drop_index(op.f("ix_transactions_layout"))
        t.drop_column("version")
        t.drop_column("corrected_by")
        t.drop_column("corrected_at")
        t.drop_column("parser")
        t.drop_column("layout")
