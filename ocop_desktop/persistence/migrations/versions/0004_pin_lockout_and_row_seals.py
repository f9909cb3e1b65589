"""PIN lockout held in the file (as passwords have), and the seal of every legal record in the audit chain.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from alembic import op

from ocop_desktop.persistence import row_seal

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # columns added in place (ALTER TABLE … ADD COLUMN): the table is not rebuilt, the guard triggers stay
    with op.batch_alter_table("council_members", recreate="never") as batch:
        batch.add_column(sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("pin_locked_until", sa.DateTime(), nullable=True))
    # the legal records as they stand are sealed: from now on `db verify` reports any row changed outside the app
    dbapi = op.get_bind().connection.dbapi_connection
    if isinstance(dbapi, sqlite3.Connection):  # always, on SQLite: the driver's own connection
        row_seal.seal_everything(dbapi, reason="nâng cấp lược đồ 0004: niêm phong hồ sơ hiện có")


def downgrade() -> None:
    with op.batch_alter_table("council_members") as batch:
        batch.drop_column("pin_locked_until")
        batch.drop_column("failed_pins")
