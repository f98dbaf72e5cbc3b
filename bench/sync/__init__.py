"""End-to-end sync benchmark: device A's store through the hub into device B's store."""
