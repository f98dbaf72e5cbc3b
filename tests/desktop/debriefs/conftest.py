"""Fixtures of the debriefs tests: a real store in tmp_path, the job's store interface, services."""

from __future__ import annotations

import pytest

from desktop.settings import Settings
from desktop.startup import build_services
from desktop.store import open_store
from desktop.store.debriefs import DebriefStore
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges

REP = {"id": "01900000-0000-7000-8000-00000000aaaa", "name": "Riley Rep", "email": "rep@example.com",
       "role": "rep", "team": "east"}
MARKETER = {"id": "01900000-0000-7000-8000-00000000bbbb", "name": "Maya Marketer",
            "email": "maya@example.com", "role": "marketer", "team": ""}


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "fieldnote.sqlite3")
    yield s
    s.engine.dispose()


@pytest.fixture
def debriefs(store):
    return DebriefStore(store)


def make_services(store, tmp_path, user):
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    settings = Settings.load(tmp_path)
    settings.debrief_autosave_ms = 50
    return build_services(store, TaskRunner(), settings, changes, tmp_path, dict(user))


@pytest.fixture
def services(store, tmp_path, qapp):
    services = make_services(store, tmp_path, REP)
    yield services
    services.tasks.shutdown()


@pytest.fixture
def marketer_services(store, tmp_path, qapp):
    services = make_services(store, tmp_path, MARKETER)
    yield services
    services.tasks.shutdown()


def debrief(**fields):
    base = {"account": "Acme Freight", "call_date": "2026-11-20", "call_type": "demo",
            "outcome": "advanced", "objections": ["Price"], "competitors": ["Zeta"]}
    base.update(fields)
    return base


def make_page(qtbot, services, *, exposed=False):
    """The Debriefs page at 1200x800, shown (and, with `exposed`, on screen and active)."""
    from desktop.ui.debriefs.page import DebriefsPage

    page = DebriefsPage(services, services.debriefs)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    if exposed:
        qtbot.waitExposed(page)
        page.activateWindow()
    return page
