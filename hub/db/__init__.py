"""The hub's database: tables, engine set-up and migrations; no HTTP and no policy here."""
