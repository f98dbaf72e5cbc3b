"""Benchmark of the hub's push and pull against a raw SQLAlchemy Core insert baseline."""
