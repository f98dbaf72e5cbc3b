"""The Fieldnote hub: the central endpoint every desktop syncs with (FastAPI + SQLAlchemy).

It trusts no client: every request is authenticated, every record checked against the
role and ownership rules of `fieldnote.roles` (applied by `hub.authz`), every field validated by `fieldnote.validation`.
Its version is the one in pyproject.toml (`resources.version.app_version`).
"""
