"""claims.claimant_side: the actor dictionary's side of a claim's claimant.

A claim's holder is its claimant when the dictionary knows who that is ("the Russian defence
ministry" quoted by a neutral monitor holds the government's account), else the source that
printed it. Claims stored before this revision have none until their documents are processed
again; their holder stays their source.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("claimant_side", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("claims", "claimant_side")
