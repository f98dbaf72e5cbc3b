"""The window's language: installs Fieldnote's catalogue and Qt's own for the app's locale.

Fieldnote's catalogue is installed before the first widget is built, so every `tr()` finds its
language; Qt's (dialog buttons, text field menus) after the window has painted, as finding Qt's
translations directory costs tens of milliseconds. Neither may keep the window from opening: a
language without a catalogue, or a catalogue that cannot be read, leaves the window in English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from resources.paths import resource_path

log = logging.getLogger(__name__)

CATALOGUE = "fieldnote"  # resources/translations/fieldnote_<language>.qm
QT_CATALOGUE = "qtbase"  # Qt's own strings: dialog buttons, text field menus, file dialogs


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark `text` for extraction under `context` and return it untranslated; translate it
    where it is shown with `QCoreApplication.translate(context, text)`.

    PySide6's own marker is typed `object -> object`; this one keeps the text a `str` for mypy.
    lupdate finds the call by its name, whichever module it is imported from.
    """
    return text


def language_of(setting: str) -> str:
    """The ISO 639 language of the locale setting ("de" for "de_DE" or "de-AT"), or of the
    system's locale when the setting is empty."""
    name = setting.strip() or QLocale.system().name()
    return name.replace("-", "_").split("_")[0].split(".")[0].lower()


ENGLISH = ("c", "posix", "en", "")  # languages the source strings are already written in


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install Fieldnote's catalogue for `language`, or the English one when there is none.

    Only that language is looked up: Qt's `QTranslator.load(QLocale, ...)` would fall back
    through every language the system lists and could show German to someone who reads
    English first. A window that stays in English gets the English catalogue, which holds only
    the plural forms of counted messages ("1 lead", "308 leads"); `is_english(translator)`
    tells the two apart.
    """
    folder = str(resource_path("translations"))
    if language not in ENGLISH:
        translator = QTranslator(app)  # parented: lives as long as the application
        if translator.load(f"{CATALOGUE}_{language}", folder):
            app.installTranslator(translator)
            return translator
        log.info("no translation for %s; the window stays in English", language)
    plurals = QTranslator(app)
    if not plurals.load(f"{CATALOGUE}_en", folder):
        return None
    app.installTranslator(plurals)
    return plurals


def is_english(translator: QTranslator | None) -> bool:
    """Whether the window stays in English with `translator` (none, or English plurals)."""
    return translator is None or translator.language().lower().startswith("en")


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install Qt's own catalogue (qtbase) for `language` from PySide6's translations.

    Call it only when Fieldnote's catalogue was installed: Qt's strings alone would make a
    window of two languages.
    """
    if language in ENGLISH:
        return None  # Qt's own strings are English already
    from PySide6.QtCore import QLibraryInfo  # its first use costs ~25 ms: not before the paint

    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"{QT_CATALOGUE}_{language}", directory):
        log.info("Qt has no %s translation in %s", language, directory)
        return None
    app.installTranslator(translator)
    return translator


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Both catalogues at once (tests, tools); the app installs them a paint apart."""
    ours = install_translator(app, language)
    if ours is None:
        return []
    if is_english(ours):
        return [ours]
    qt = install_qt_translator(app, language)
    return [ours] if qt is None else [ours, qt]
