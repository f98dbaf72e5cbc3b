"""A combo box whose item values stay on the Python side.

Values such as None and booleans stored as Qt item data were seen to corrupt reference counts
in long sessions (thousands of reads crash the interpreter), so this box keeps them in a list
and hands Qt only the labels. The `addItem`/`currentData`/`findData` calls work as on QComboBox.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget


class ChoiceBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []

    def addItem(self, text: str, data: Any = None) -> None:  # type: ignore[override]  # noqa: N802
        self._values.append(data)
        super().addItem(text)

    def clear(self) -> None:
        self._values.clear()
        super().clear()

    def itemData(self, index: int, role: int = 0) -> Any:  # noqa: N802
        return self._values[index] if 0 <= index < len(self._values) else None

    def currentData(self, role: int = 0) -> Any:  # noqa: N802
        return self.itemData(self.currentIndex())

    def findData(self, data: Any, *args: Any) -> int:  # noqa: N802
        for i, value in enumerate(self._values):
            if value == data and type(value) is type(data):
                return i
        return -1
