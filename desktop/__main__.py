"""`python -m desktop` runs the app exactly as the `fieldnote` command does."""

from desktop.app import main

raise SystemExit(main())
