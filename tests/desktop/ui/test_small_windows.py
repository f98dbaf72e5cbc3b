"""Every page and its states, at the smallest window (800x600), at 1024x640 and at 1920x1080, in
English and German, cuts no text, squeezes no button under its text, cuts no column title,
shows every tab and scrolls no page sideways (`tests.support.layout_check`); nor do the
dialogs, which also fit inside the smallest window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog

from desktop.settings import MIN_WINDOW_SIZE
from tests.support.layout_check import layout_problems, squeezed
from tests.support.page_tour import PAGES, demo_window, settle

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                       "does not support grabbing")

SIZES = [MIN_WINDOW_SIZE, (1024, 640), (1920, 1080)]


def look(qtbot, window, where: str, found: list[str]) -> None:
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: (window.width(), window.height()) == (w, h))
        settle(qtbot)
        problems = squeezed(window.current_page()) + layout_problems(window, narrow=[window.nav])
        found += [f"{where} at {width}x{height}: {p}" for p in problems]


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
@pytest.mark.parametrize("key", list(PAGES))
def test_every_state_of_the_page_fits_every_window_size(qtbot, tmp_path, key, locale):
    found: list[str] = []
    with demo_window(qtbot, tmp_path, locale) as window:
        for state, enter in PAGES[key]:
            window.resize(1280, 800)
            enter(qtbot, window)
            look(qtbot, window, f"{key} {state}", found)
    assert not found, "\n".join(found)


def test_the_window_cannot_be_made_smaller_than_its_pages_are_laid_out_for(qtbot, tmp_path):
    with demo_window(qtbot, tmp_path) as window:
        window.resize(300, 200)
        qtbot.waitUntil(lambda: window.width() == MIN_WINDOW_SIZE[0])
        assert (window.width(), window.height()) == MIN_WINDOW_SIZE
        assert window.is_compact()
        window.resize(1024, 640)
        qtbot.waitUntil(lambda: not window.is_compact())


DEMO_PDF = Path(__file__).resolve().parents[3] / "resources" / "demo" / "price-list-2027.pdf"


def _dialogs(window) -> list[tuple[str, QDialog]]:
    from desktop.sync.runner import SyncDesk
    from desktop.ui.collateral.dialogs import PublishDialog, RequestDialog, ShareDialog
    from desktop.ui.collateral.requests import RequestsDialog
    from desktop.ui.debriefs.reasons import ReasonListsDialog
    from desktop.ui.shell.locale_dialog import LocaleDialog
    from desktop.ui.sync.signin import SignInDialog

    services = window.services
    leads = window.pages["leads"]
    signin = SignInDialog(SyncDesk(services.data_dir, services.store), parent=window)
    # The longest of its messages, as a failed sign-in shows it.
    signin.show_message(signin.tr("The hub's security certificate is not trusted, so the connection "
                                  "was not made. Ask IT for the company certificate bundle.")
                        + "\nhttps://hub.example.com: certificate verify failed")
    return [
        ("sign in", signin),
        ("publish", PublishDialog([DEMO_PDF, DEMO_PDF.with_name("battlecard.pdf")],
                                  guess_title=lambda p: p.stem, guess_kind=lambda _p: "other",
                                  teams=["east", "west"], parent=window)),
        ("language", LocaleDialog(services.settings, window)),
        ("export", leads.open_export()),
        ("request", RequestDialog({"e1": "Cloud Analytics Week Austin"}, window)),
        ("requests", RequestsDialog(lambda: ([], {}, {}), True, window)),
        ("share", ShareDialog("Price list 2027", lambda _s: [], window)),
        ("reason lists", ReasonListsDialog(services.debriefs.reason_lists(), True, window)),
        ("rubric", leads.events.edit_rubric(None)),
    ]


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_the_dialogs_fit_the_smallest_window_and_cut_nothing(qtbot, tmp_path, locale):
    found: list[str] = []
    with demo_window(qtbot, tmp_path, locale) as window:
        window.resize(*MIN_WINDOW_SIZE)
        for name, dialog in _dialogs(window):
            dialog.show()
            qtbot.waitExposed(dialog)
            found += dialog_problems(qtbot, name, dialog)
            dialog.close()
    assert not found, "\n".join(found)


def dialog_problems(qtbot, name: str, dialog: QDialog) -> list[str]:
    """What a dialog cuts or squeezes, or that it needs more room than the smallest window."""
    found = []
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if least.width() > MIN_WINDOW_SIZE[0] or least.height() > MIN_WINDOW_SIZE[1]:
        found.append(f"{name} needs {least.width()}x{least.height()}, more than the window")
    # As small as a user can drag it (the window keeps it at its least size), then at the size
    # it opens at.
    for size in (QSize(1, 1), dialog.sizeHint().expandedTo(least)):
        dialog.resize(size)
        settle(qtbot)
        found += [f"{name} at {dialog.width()}x{dialog.height()}: {p}"
                  for p in squeezed(dialog) + layout_problems(dialog)]
    return found


@pytest.mark.parametrize("key", ["leads", "collateral", "debriefs"])
def test_select_first_shows_the_first_row_of_the_page(qtbot, tmp_path, key):
    # What `fieldnote --screenshot --select-first` shows (the README's screenshot): a record
    # open beside its list, not an empty pane.
    with demo_window(qtbot, tmp_path) as window:
        window.show_page(key)
        page = window.current_page()
        qtbot.waitUntil(page.is_ready, timeout=15000)
        page.select_first()
        if key == "leads":
            first = page.model.id_at(0)
            qtbot.waitUntil(lambda: page.leads.detail.lead_id == first)
            assert page.leads.detail.name_label.text() != page.leads.detail.tr("No lead selected")
        elif key == "collateral":
            qtbot.waitUntil(lambda: page.current_id() == page.model.id_at(0))
            assert page.detail.row is not None
        else:
            qtbot.waitUntil(lambda: page.current_id() == page.model.id_at(0))
            assert page.side.currentWidget() is page.detail


IMPORT_CSV = (
    "First name,Last name,E-mail,Company,Phone,Job title,Country,Booth note\n"
    "Ana,Silva,ana@example.com,Nordwind Logistik GmbH,+49 30 1234567,Head of Operations,DE,Halle 4\n"
    ",,,,,,,a row that names no person\n"
    "Jonas,Becker,not-an-address,Becker & Söhne,030 555,Einkauf,DE,Stand 12\n"
).encode()


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_the_import_dialog_with_a_preview_fits_the_smallest_window(qtbot, tmp_path, locale):
    # A long path (an organiser's export folder) made the dialog wider than the window.
    folder = tmp_path / ("Organiser exports, Cloud Analytics Week Austin 2026, day two " * 3)
    folder.mkdir()
    path = folder / "scans.csv"
    path.write_bytes(IMPORT_CSV)
    with demo_window(qtbot, tmp_path, locale) as window:
        window.resize(*MIN_WINDOW_SIZE)
        dialog = window.pages["leads"].open_import()
        dialog.show()
        qtbot.waitExposed(dialog)
        task = dialog.load_file(path)
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: dialog.outlook is not None and dialog.preview.rowCount() > 0)
        found = dialog_problems(qtbot, "import", dialog)
        dialog.close()
    assert not found, "\n".join(found)
