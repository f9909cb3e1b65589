"""Alembic environment: always runs on a connection the application opened (pragmas set, one transaction)."""

from __future__ import annotations

from alembic import context

from ocop_desktop.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("OCOP migrations run through ocop_desktop.persistence.database, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
