"""PySide6 6.12.0 returned None from void calls without a reference, which aborts Python 3.11
after a few thousand calls ("none_dealloc"); pyproject.toml keeps that release out. This test
fails loudly if a PySide6 with the fault is ever installed again."""

import sys

from PySide6.QtWidgets import QLineEdit


def test_a_hundred_thousand_void_qt_calls_leave_none_counted(qapp):
    edit = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(100_000):
        edit.setText("a")
    assert edit.text() == "a"
    assert sys.getrefcount(None) >= before - 1000
