"""The register of exchange files taken into the database (province merge and member ballots between laptops).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a new table only: no table is rebuilt, so the guard triggers stay in place
    op.create_table(
        "exchange_imports",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=False),
        sa.Column("council_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("issuer", sa.String(length=255), nullable=False),
        sa.Column("key_accepted", sa.Boolean(), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=36), nullable=True),
        sa.Column("manifest", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_imports")),
        sa.UniqueConstraint(
            "round_id",
            "revision",
            "kind",
            "member_id",
            name=op.f("uq_exchange_imports_round_id_revision_kind_member_id"),
        ),
    )
    op.create_index(op.f("ix_exchange_imports_round_id"), "exchange_imports", ["round_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_exchange_imports_round_id"), table_name="exchange_imports")
    op.drop_table("exchange_imports")
