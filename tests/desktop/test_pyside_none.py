"""None survives PySide6's void calls however many there are (see desktop/pyside_none.py)."""

from PySide6.QtWidgets import QLineEdit

import desktop  # noqa: F401  (importing the package applies the guard)


def test_a_hundred_thousand_void_qt_calls_do_not_abort_the_interpreter(qapp):
    edit = QLineEdit()
    for _ in range(100_000):
        edit.setText("a")
    assert edit.text() == "a"
