"""Fieldnote's domain: record kinds, validation, ids and the rules both programs share.

This package never imports Qt, SQLAlchemy, requests or the web framework; the desktop app
and the hub import it, never the other way round.

The version is declared once, in pyproject.toml (read at run time by `resources.version`).
"""
