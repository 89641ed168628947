"""A value model's fit on record whether it converged: `converged`, the `problem` when not (its parameters
then empty) and `fitted_on`, the customers of the sampled fit

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BGNBD = ("r", "alpha", "a", "b")


def upgrade() -> None:
    with op.batch_alter_table("value_models") as t:
        t.add_column(sa.Column("fitted_on", sa.Integer(), nullable=True))
        # The rows before this were all fits that converged: a failed one wrote no row.
        t.add_column(sa.Column("converged", sa.Boolean(), server_default=sa.true(), nullable=False))
        t.add_column(sa.Column("problem", sa.String(500), nullable=True))
        for name in BGNBD:
            t.alter_column(name, existing_type=sa.Double(), nullable=True)


def downgrade() -> None:
    # A failed fit's row has no parameters to keep; it goes, as before this revision nothing was written.
    op.execute("DELETE FROM value_models WHERE NOT converged")
    with op.batch_alter_table("value_models") as t:
        for name in BGNBD:
            t.alter_column(name, existing_type=sa.Double(), nullable=False)
        t.drop_column("problem")
        t.drop_column("converged")
        t.drop_column("fitted_on")
