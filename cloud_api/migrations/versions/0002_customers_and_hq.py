"""customers, identities, claim codes, shopper sessions, HQ users, tokens, report times

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import cloud_api.models

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Money keeps each amount's own scale on PostgreSQL (NUMERIC without a fixed scale); SQLite keeps
    # decimal strings and needs nothing.
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("transactions", "total", type_=sa.Numeric(), existing_nullable=True)
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["merged_into"], ["customers.id"], name=op.f("fk_customers_merged_into_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("retailer", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("created_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", cloud_api.models.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", cloud_api.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", cloud_api.models.UtcDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users")),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_api_tokens")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("retailer", sa.String(length=64), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("sealed_value", sa.String(length=400), nullable=False),
        sa.Column("verified_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_identities_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identities")),
        sa.UniqueConstraint(
            "kind", "retailer", "key_hash", name=op.f("uq_identities_kind_retailer_key_hash")
        ),
    )
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_identities_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "shopper_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_shopper_sessions_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_shopper_sessions")),
    )
    with op.batch_alter_table("shopper_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shopper_sessions_customer_id"), ["customer_id"], unique=False)

    op.create_table(
        "user_stores",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_user_stores_store_id_stores")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_user_stores_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "store_id", name=op.f("pk_user_stores")),
    )
    op.create_table(
        "claim_codes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("phone_hash", sa.String(length=64), nullable=False),
        sa.Column("phone_sealed", sa.String(length=400), nullable=False),
        sa.Column("transaction_id", sa.Integer(), nullable=True),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", cloud_api.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("used_at", cloud_api.models.UtcDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["transaction_id"], ["transactions.id"], name=op.f("fk_claim_codes_transaction_id_transactions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_codes")),
    )
    with op.batch_alter_table("claim_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_codes_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_codes_phone_hash"), ["phone_hash"], unique=False)

    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("closing_time", sa.String(length=5), server_default="22:00", nullable=False)
        )
        batch_op.add_column(sa.Column("last_report_for", sa.String(length=10), nullable=True))

    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("customer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("member_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_transactions_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_transactions_member_hash"), ["member_hash"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_transactions_customer_id_customers"), "customers", ["customer_id"], ["id"]
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("transactions", "total", type_=sa.Numeric(18, 4), existing_nullable=True)
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_transactions_customer_id_customers"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_transactions_member_hash"))
        batch_op.drop_index(batch_op.f("ix_transactions_customer_id"))
        batch_op.drop_column("member_hash")
        batch_op.drop_column("customer_id")

    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.drop_column("last_report_for")
        batch_op.drop_column("closing_time")

    with op.batch_alter_table("claim_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_codes_phone_hash"))
        batch_op.drop_index(batch_op.f("ix_claim_codes_created_at"))

    op.drop_table("claim_codes")
    op.drop_table("user_stores")
    with op.batch_alter_table("shopper_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shopper_sessions_customer_id"))

    op.drop_table("shopper_sessions")
    with op.batch_alter_table("identities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identities_customer_id"))

    op.drop_table("identities")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_user_id"))

    op.drop_table("api_tokens")
    op.drop_table("users")
    op.drop_table("customers")
