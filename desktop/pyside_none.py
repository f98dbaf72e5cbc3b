"""Keeps Python 3.11 alive under PySide6 builds that return None without counting the reference.

PySide6 6.12's stable-ABI wheels return None from void methods (`setText`, `setChecked`,
`processEvents`, ...) without a new reference. On Python 3.12+ None is immortal and nothing
happens; on 3.11 each call drops None's count by one until the interpreter aborts with
"none_dealloc" after a few thousand calls. Giving None a huge count makes it immortal there too.
"""

from __future__ import annotations

import ctypes
import sys


def make_none_immortal() -> None:
    """Raise the reference counts of None, True and False far out of reach (CPython < 3.12).

    True and False are included: some bool-returning calls have the same fault, seen as
    "bool_dealloc" when the interpreter shuts down.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < 1 << 40:
            refcount.value += 1 << 60
