"""The window speaks the language of the locale setting: Fieldnote's catalogue and Qt's own."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from desktop.settings import Settings
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow
from desktop.ui.translations import install_translators, is_english, language_of


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], list]]:
    """Install the translators of a locale for this test; they are removed after it."""
    installed: list = []

    def switch(name: str) -> list:
        installed.extend(install_translators(qapp, language_of(name)))
        return installed

    yield switch
    for translator in installed:
        qapp.removeTranslator(translator)


def _nav_labels(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_a_german_window_shows_german_navigation_pages_and_qt_buttons(qtbot, services, language):
    assert len(language("de_DE")) == 2  # Fieldnote's catalogue and Qt's qtbase
    window = MainWindow(None, default_pages(), start_page="leads", settings=services.settings)
    qtbot.addWidget(window)
    window.attach_services(services)
    assert _nav_labels(window) == ["Leads", "Vertriebsmaterial", "Berichte", "Auswertungen"]
    page = window.current_page()
    labels = {w.text() for w in page.findChildren(QLabel)}
    buttons = {w.text() for w in page.findChildren(QPushButton)}
    assert "Alle, die Sie getroffen haben, und was danach geschah" in labels
    assert {"Erfassen", "CSV importieren…", "Exportieren…"} <= buttons
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_a_spanish_window_shows_spanish_navigation(qtbot, tmp_path, language):
    language("es_ES")
    window = MainWindow(None, default_pages(), settings=Settings.load(tmp_path))
    qtbot.addWidget(window)
    assert _nav_labels(window) == ["Leads", "Material", "Informes", "Análisis"]


@pytest.mark.parametrize("name", ["en_US", "en_GB", "C", "fr_FR"])
def test_english_and_languages_without_a_catalogue_get_english_plurals_only(qapp, name, language):
    # fr_FR: Qt has French, Fieldnote has not; a window of two languages is worse than English.
    [plurals] = language(name)
    assert is_english(plurals)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert QCoreApplication.translate("LeadListPanel", "%n lead(s)", "", 1) == "1 lead"
    assert QCoreApplication.translate("LeadListPanel", "%n lead(s)", "", 308) == "308 leads"
    assert QCoreApplication.translate("SyncStatusWidget", "%n need attention", "", 1) == "1 needs attention"
