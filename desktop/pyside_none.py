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
    """Raise None's reference count far out of reach (CPython before 3.12 only)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 60
