"""Every interactive widget of every page and dialog has a name a screen reader can announce
(`tests.support.a11y.unnamed_widgets`), for a rep and for a marketer, on the demo data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from desktop.settings import Settings
from desktop.startup import build_services
from desktop.store import open_store
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow
from tests.support.a11y import unnamed_widgets
from tests.support.demo_store import seed_if_empty

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                       "does not support grabbing")

DEMO_PDF = Path(__file__).resolve().parents[3] / "resources" / "demo" / "price-list-2027.pdf"


@pytest.fixture(params=["rep", "marketer"])
def window(request, qtbot, tmp_path, qapp):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    seed_if_empty(store)
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    services = build_services(store, tasks, Settings.load(tmp_path), changes, tmp_path)
    rows = services.queries.rows("user", services.queries.ids("user"))
    users = {}
    for uid, row in rows.items():
        users.setdefault(row.get("role"), {**row, "id": uid})
    services.user = dict(users[request.param])
    win = MainWindow(services, default_pages())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    tasks.shutdown()
    store.engine.dispose()


def walk(found: dict[str, list[str]], where: str, root: QWidget) -> None:
    missing = unnamed_widgets(root)
    if missing:
        found[where] = missing


def test_every_page_and_dialog_names_its_widgets(qtbot, window):
    from desktop.ui.collateral.dialogs import (
        AnswerDialog,
        PublishDialog,
        RequestDialog,
        ShareDialog,
    )
    from desktop.ui.collateral.requests import RequestsDialog
    from desktop.ui.collateral.viewer import PdfViewer
    from desktop.ui.debriefs.reasons import ReasonListsDialog
    from desktop.ui.leads.page import CAPTURE, EVENTS, LIST

    found: dict[str, list[str]] = {}
    services = window.services
    # Pages and their views.
    leads = window.pages["leads"]
    for view in (CAPTURE, LIST, EVENTS):
        leads.show_view(view)
    leads.reload()
    leads.leads.table.selectRow(0)
    collateral = window.pages["collateral"]
    qtbot.waitUntil(collateral.is_ready, timeout=15000)
    debriefs = window.pages["debriefs"]
    debriefs.create_new()
    insights = window.pages["insights"]
    window.show_page("insights")
    qtbot.waitUntil(insights.is_ready, timeout=15000)
    walk(found, "window", window)
    debriefs.form.close_form() if debriefs.form is not None else None

    # Dialogs.
    dialogs: list[tuple[str, QWidget]] = [
        ("import", leads.open_import()),
        ("export", leads.open_export()),
        ("rubric", leads.events.edit_rubric(None)),
        ("reason lists", ReasonListsDialog(services.debriefs.reason_lists(), True, window)),
        ("request", RequestDialog({"e1": "Expo"}, window)),
        ("requests", RequestsDialog(lambda: ([], {}, {}), True, window)),
        ("answer", AnswerDialog({"id": "r1", "need": "A deck"}, "delivered", {"c1": "Deck"}, window)),
        ("share", ShareDialog("Deck", lambda _s: [], window)),
        ("publish", PublishDialog([DEMO_PDF], guess_title=lambda p: p.stem, guess_kind=lambda _p: "other",
                                  parent=window)),
        ("pdf viewer", PdfViewer(DEMO_PDF, "Price list", window)),
        ("debriefs behind", insights.show_debriefs_behind("objections", "Price")),
    ]
    sync, runner = sync_dialogs(window)
    dialogs += sync
    event = leads.events.edit_event(None)
    if event is not None:
        dialogs.append(("event", event))
    for name, dialog in dialogs:
        walk(found, name, dialog)
        dialog.close()
    runner.stop()
    assert not found, "unnamed:\n" + "\n".join(f"{k}: {m}" for k, v in found.items() for m in v)



def sync_dialogs(window: MainWindow) -> tuple[list[tuple[str, QWidget]], Any]:
    """The status bar's sync controls (no hub is reached: the runner never syncs here) and the
    sign-in, needs-attention and conflict views."""
    from desktop.sync.runner import SyncDesk, SyncRunner
    from desktop.ui.sync.attention import NeedsAttentionView
    from desktop.ui.sync.conflicts import ConflictView
    from desktop.ui.sync.shell import SyncControls
    from desktop.ui.sync.signin import SignInDialog

    services = window.services
    runner = SyncRunner(services.store, lambda: None, interval_s=3600, debounce_ms=3_600_000,
                        backoff_s=(3600, 3600))
    desk = SyncDesk(services.data_dir, services.store)
    controls = SyncControls(window, runner, desk)
    window.statusBar().addPermanentWidget(controls)
    return [("sync controls", controls), ("sign in", SignInDialog(desk)),
            ("needs attention", NeedsAttentionView(desk)), ("conflicts", ConflictView(desk))], runner
