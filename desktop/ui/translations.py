"""The window's language: installs Fieldnote's catalogue and Qt's own for the app's locale.

Runs once, before the first widget is built, so every `tr()` finds its language. It must never
keep the window from opening: a language without a catalogue, or a catalogue that cannot be
read, leaves the window in English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


def language_code(locale: QLocale) -> str:
    """The locale's ISO 639 language code: "de" for de_DE and de_AT."""
    return locale.name().split("_")[0]


def install_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Install the catalogues for the language of `locale` (the app's, from
    `desktop.locale.apply_locale`); returns the installed translators (parented to `app`, so
    they live as long as it does).

    Only the locale's own language is looked up: Qt's `QTranslator.load(QLocale, ...)` would
    fall back through every language the system lists and could show German to someone who
    reads English first.
    """
    code = language_code(locale)
    if code in ("C", "en"):
        return []
    ours = QTranslator(app)
    if not ours.load(f"{CATALOGUE}_{code}", str(resource_path("translations"))):
        # Qt's strings alone would make a window of two languages: keep it all English.
        log.info("no translation for %s; the window stays in English", code)
        return []
    app.installTranslator(ours)
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(f"{QT_CATALOGUE}_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
