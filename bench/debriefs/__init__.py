"""Benchmark of the debriefs job: feed, search, autosave and digest PDF over 20,000 debriefs."""
