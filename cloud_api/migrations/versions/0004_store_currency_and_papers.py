"""a store's own currency; the paper of each receipt as a picture, beside its record

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=True))
    op.create_table(
        "receipt_papers",
        sa.Column("transaction_id", sa.Integer(), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["transactions.id"],
            name=op.f("fk_receipt_papers_transaction_id_transactions"),
        ),
        sa.PrimaryKeyConstraint("transaction_id", name=op.f("pk_receipt_papers")),
    )


def downgrade() -> None:
    op.drop_table("receipt_papers")
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.drop_column("currency")
