"""The collateral job's pages, models and dialogs."""
