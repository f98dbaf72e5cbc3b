"""Run the hub's command line as `python -m hub`; it must do nothing else."""

from hub.cli import main

raise SystemExit(main())
