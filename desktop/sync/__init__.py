"""Sync with the hub: the HTTP client, the sync engine, the blob cache and the Qt-facing runner.

Kept free of imports so that `desktop.ui` can use the plain value types in
`desktop.sync.state` without pulling in requests or SQLAlchemy.
"""
