"""The bundle's entry point: the same `main` as the `fieldnote` command of an installed app."""

from __future__ import annotations

import multiprocessing

from desktop.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows program must say so before anything else
    raise SystemExit(main())
