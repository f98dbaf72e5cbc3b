"""The Fieldnote hub: the central endpoint every desktop syncs with."""
