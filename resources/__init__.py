"""Icons, style sheets, demo collateral and other files the programs ship with."""
