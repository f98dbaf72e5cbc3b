"""How many generated examples a property test checks.

A mutation run (`tools/mutation.py`) runs the tests that reach a mutated function once per
mutant: a property test that checks thousands of examples there costs its full time hundreds of
times over. In such a run (`FIELDNOTE_MUTATION_RUN` set) it checks a tenth of them, at least
`floor`; every other run checks them all.
"""

from __future__ import annotations

import os


def examples(count: int, floor: int = 100) -> int:
    if os.environ.get("FIELDNOTE_MUTATION_RUN"):
        return min(count, max(floor, count // 10))
    return count
