""""Language and formats": choose the app's locale (the `locale` setting) with a preview of its
numbers, amounts and dates, and whether the local database is kept encrypted (the
`encrypt_database` setting; refused here at once when this computer has no keychain). It only
asks and stores the choices; start-up applies them (formats and translations alike; the
database is encrypted or decrypted before it opens), so they show from the next start.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_amount, format_date, format_int
from desktop.settings import Settings
from desktop.store.encryption import keychain_available
from desktop.ui.common.dialog_size import keep_whole

# Locales offered by name; "" is the system's. Any other name typed into settings.json works too.
CHOICES = ("", "en_US", "en_GB", "de_DE", "de_AT", "de_CH", "fr_FR", "es_ES")


class LocaleDialog(QDialog):
    """Pick the app's locale; `accept()` stores it in the settings."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Language and formats"))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.choice = QComboBox()
        system = QLocale.system()
        self.choice.addItem(self.tr("The system's (%1)").replace("%1", _native(system)), "")
        names = list(CHOICES[1:])
        if settings.locale and settings.locale not in names:
            names.append(settings.locale)
        for name in names:
            self.choice.addItem(_native(QLocale(name)), name)
        index = self.choice.findData(settings.locale)
        self.choice.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Language and formats"), self.choice)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        form.addRow(self.tr("Looks like"), self.preview)
        outer.addLayout(form)
        self.encrypt = QCheckBox(self.tr("Keep the database on this computer encrypted"))
        self.encrypt.setToolTip(self.tr("The key is kept in this computer's keychain."))
        self.encrypt.setChecked(settings.encrypt_database)
        outer.addWidget(self.encrypt)
        self.encrypt_note = QLabel()
        self.encrypt_note.setWordWrap(True)
        self.encrypt_note.setVisible(False)
        outer.addWidget(self.encrypt_note)
        self.encrypt.toggled.connect(self._on_encrypt_toggled)
        note = QLabel(self.tr("Fieldnote uses the new choice from its next start."))
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        outer.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._on_choice_current_index_changed)
        self._on_choice_current_index_changed()
        keep_whole(self)  # never dragged lower than its fields and texts need

    def chosen(self) -> str:
        return str(self.choice.currentData() or "")

    def _on_choice_current_index_changed(self, *_args: object) -> None:
        name = self.chosen()
        loc = QLocale(name) if name else QLocale.system()
        self.preview.setText(self.tr("%1 leads · %2 won · %3")
                             .replace("%1", format_int(1054000, locale=loc))
                             .replace("%2", format_amount(1234.56, locale=loc))
                             .replace("%3", format_date(dt.date.today(), locale=loc)))

    def _on_encrypt_toggled(self, on: bool) -> None:
        if on and not keychain_available():
            self.encrypt.setChecked(False)
            self.encrypt_note.setText(self.tr(
                "This computer has no keychain to keep the key in, so the database cannot be "
                "encrypted. Use the disk encryption of the operating system instead."))
            self.encrypt_note.setVisible(True)
            return
        self.encrypt_note.setVisible(False)

    def accept(self) -> None:
        self.settings.locale = self.chosen()
        self.settings.encrypt_database = self.encrypt.isChecked()
        self.settings.save()
        super().accept()


def _native(loc: QLocale) -> str:
    """A locale as its speakers name it: "Deutsch (Deutschland)"."""
    if loc.language() == QLocale.Language.C:
        return "C"
    language = loc.nativeLanguageName() or QLocale.languageToString(loc.language())
    territory = loc.nativeTerritoryName()
    return f"{language} ({territory})" if territory else language
