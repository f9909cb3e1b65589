"""The council's policy for a product whose star belongs to a higher level (policy ABOVE_AUTHORITY).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence import row_seal

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # added in place (ALTER TABLE … ADD COLUMN): existing councils keep today's behaviour, refer and wait
    with op.batch_alter_table("councils", recreate="never") as batch:
        batch.add_column(
            sa.Column("above_authority", sa.String(length=32), nullable=False, server_default="refer_and_wait")
        )
    # a council row is a sealed record: its seal now covers the new column
    dbapi = op.get_bind().connection.dbapi_connection
    if isinstance(dbapi, sqlite3.Connection):  # always, on SQLite: the driver's own connection
        row_seal.seal_everything(
            dbapi, reason="nâng cấp lược đồ 0005: chính sách sản phẩm vượt thẩm quyền", only=("councils",)
        )


def downgrade() -> None:
    with op.batch_alter_table("councils") as batch:
        batch.drop_column("above_authority")
