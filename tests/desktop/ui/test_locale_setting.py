"""The app's locale is a setting the user can change from the window ("Language and formats"),
and what the window shows follows it."""

from __future__ import annotations

import pytest

from desktop.settings import Settings
from desktop.ui.shell.locale_dialog import LocaleDialog
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_language_and_formats_stores_the_chosen_locale_with_a_preview(qtbot, services, tmp_path):
    window = MainWindow(services, default_pages())
    qtbot.addWidget(window)
    assert window.locale_button.text() == "Language and formats…"
    dialog = LocaleDialog(services.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.choice.currentData() == ""  # the system's, by default
    dialog.choice.setCurrentIndex(dialog.choice.findData("de_DE"))
    assert dialog.choice.currentText() == "Deutsch (Deutschland)"
    assert "1.054.000" in dialog.preview.text() and "1.234,56" in dialog.preview.text()
    dialog.accept()
    assert Settings.load(tmp_path).locale == "de_DE"


def test_the_lead_list_and_detail_write_dates_and_amounts_in_the_locale(qtbot, services, app_locale):
    from desktop.store.leads import LeadBook
    from tests.desktop.leads.test_list_and_events import add_lead, make_page, select_first

    app_locale("de_DE")
    lead_id = add_lead(services.store, "Okafor", captured_at="2026-04-20T12:00:00Z")
    LeadBook(services.store).add_outcome(lead_id, "won", amount=1054000.5)
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    model = page.leads.model
    assert model.data(model.index(0, 9)).startswith("20.04.2026 ")
    assert "Captured: 20.04.2026" in detail.facts.text()
    assert "1.054.000,50" in detail.timeline.item(0).text()


def test_the_debrief_feed_and_the_sync_status_write_dates_in_the_locale(qapp, app_locale):
    import datetime as dt

    from desktop.locale import format_time
    from desktop.ui.debriefs.model import DebriefFeedModel

    app_locale("de_DE")
    rows = {"d1": {"id": "d1", "call_date": "2026-11-20", "account": "Acme"}}
    model = DebriefFeedModel(lambda: ["d1"], lambda ids: {i: rows[i] for i in ids})
    model.reload()
    assert model.data(model.index(0, 0)) == "20.11.2026"
    app_locale("en_US")
    assert format_time(dt.datetime(2026, 12, 7, 14, 3)).startswith("2:03") and \
        format_time(dt.datetime(2026, 12, 7, 14, 3)).endswith("PM")  # the status bar's "Synced at"


def test_the_dialog_stores_the_encryption_choice_when_a_keychain_is_there(
        qtbot, services, tmp_path, monkeypatch):
    import keyring

    from desktop.credentials import ENV_NO_KEYCHAIN
    from tests.desktop.store.test_encryption import MemoryKeyring

    monkeypatch.delenv(ENV_NO_KEYCHAIN, raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        dialog = LocaleDialog(services.settings, None)
        qtbot.addWidget(dialog)
        assert not dialog.encrypt.isChecked()
        dialog.encrypt.setChecked(True)
        assert dialog.encrypt.isChecked() and dialog.encrypt_note.isHidden()
        dialog.accept()
    finally:
        keyring.set_keyring(before)
    assert Settings.load(tmp_path).encrypt_database is True


def test_without_a_keychain_the_dialog_refuses_encryption_and_says_why(
        qtbot, services, tmp_path, monkeypatch):
    from desktop.credentials import ENV_NO_KEYCHAIN

    monkeypatch.setenv(ENV_NO_KEYCHAIN, "1")
    dialog = LocaleDialog(services.settings, None)
    qtbot.addWidget(dialog)
    dialog.encrypt.setChecked(True)
    assert not dialog.encrypt.isChecked()
    assert "no keychain" in dialog.encrypt_note.text() and not dialog.encrypt_note.isHidden()
    dialog.accept()
    assert Settings.load(tmp_path).encrypt_database is False
