"""The Fieldnote desktop app: a local store, a sync engine and a Qt window over them."""

from desktop.pyside_none import make_none_immortal

# Before any Qt call: see desktop/pyside_none.py (PySide6 6.12 on Python 3.11).
make_none_immortal()
