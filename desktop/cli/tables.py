"""How the `list` commands print their rows: one JSON array with `--json`, else a text table
whose cells are cut to their column with "…", and a closing count."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

# (key of the row, column title, width)
Column = tuple[str, str, int]


def cell(value: Any, width: int) -> str:
    """A value on one line (its whitespace runs folded to one space), cut or padded to `width`."""
    text = " ".join(str(value or "").split())
    return (text[: width - 1] + "…") if len(text) > width else text.ljust(width)


def text_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], counted: str) -> str:
    """The rows under their titles, then "N counted" (e.g. "3 event(s)")."""
    lines = ["  ".join(cell(title, w) for _, title, w in columns).rstrip(),
             "  ".join("-" * w for _, _, w in columns)]
    lines += ["  ".join(cell(row.get(key), w) for key, _, w in columns).rstrip() for row in rows]
    lines.append(f"{len(rows)} {counted}")
    return "\n".join(lines) + "\n"


def print_rows(rows: Sequence[Mapping[str, Any]], *, as_json: bool, columns: Sequence[Column],
               counted: str, none: str) -> int:
    """Print `rows` as `list` commands do (`none` when there are none, as text); return 0."""
    if as_json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif not rows:
        sys.stdout.write(none + "\n")
    else:
        sys.stdout.write(text_table(rows, columns, counted))
    return 0
