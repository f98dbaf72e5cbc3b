"""Alembic environment of the hub: runs on the connection `hub.db.migrate` hands in, with
batch mode so the same scripts alter tables on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import context

from hub.db.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
