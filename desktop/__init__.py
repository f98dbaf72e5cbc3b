"""The Fieldnote desktop app: a local store, a sync engine and a Qt window over them."""
