"""Benchmark of the Insights page: figures and PDF over a large local cache."""
