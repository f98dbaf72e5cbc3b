"""Fixtures of the Leads tests: real services on a store in tmp_path, an event with the demo rubric."""

from __future__ import annotations

import pytest

from desktop.settings import Settings
from desktop.startup import build_services
from desktop.store import open_store
from desktop.store.leads import LeadBook
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges
from fieldnote.scoring import DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID
from tests.desktop.sync.conftest import hub, make_device  # noqa: F401  (devices on a live hub)

REP = {"id": "01930000-0000-7000-8000-0000000000a1", "name": "Rita Rep", "email": "rita@example.com",
       "role": "rep", "team": "north"}
MARKETER = {"id": "01930000-0000-7000-8000-0000000000b2", "name": "Mo Marketer",
            "email": "mo@example.com", "role": "marketer", "team": "hq"}
EVENT_ID = "01930000-0000-7000-8000-0000000000e1"


def make_services(tmp_path, user):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    return build_services(store, TaskRunner(), Settings.load(tmp_path), changes, tmp_path,
                          dict(user))


@pytest.fixture
def services(tmp_path, qapp):
    svc = make_services(tmp_path, REP)
    yield svc
    svc.tasks.shutdown()
    svc.store.engine.dispose()


@pytest.fixture
def marketer_services(tmp_path, qapp):
    svc = make_services(tmp_path, MARKETER)
    yield svc
    svc.tasks.shutdown()
    svc.store.engine.dispose()


@pytest.fixture
def book(services):
    return LeadBook(services.store)


@pytest.fixture
def data_dir(tmp_path):
    """A data folder whose store knows the test event (for the command-line tests)."""
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "fieldnote.sqlite3")
    add_event(store)
    store.engine.dispose()
    return data


def add_event(store, event_id=EVENT_ID, name="Hannover Messe", rubric=True):
    if rubric and store.get("rubric", DEMO_RUBRIC_ID) is None:
        store.save("rubric", DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID)
    store.save("event", {"name": name, "venue": "Hannover", "starts_on": "2026-04-20",
                         "ends_on": "2026-04-24", "rubric_id": DEMO_RUBRIC_ID if rubric else None},
               event_id)
    return event_id


def open_capture_page(qtbot, services):
    """The Leads page shown on its capture screen at the test event, the scan field focused."""
    from desktop.ui.leads.page import LeadsPage

    add_event(services.store)
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.create_new()
    page.capture.set_event(EVENT_ID)
    qtbot.waitUntil(page.capture.scan.hasFocus)
    return page
