"""Index for the scoring progress of each dossier (the agenda and the projector read it for every dossier).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain CREATE INDEX: no table is rebuilt, so the guard triggers stay in place
    op.create_index("ix_ballots_progress", "ballots", ["dossier_id", "scoring_round", "status", "member_id"])


def downgrade() -> None:
    op.drop_index("ix_ballots_progress", table_name="ballots")
