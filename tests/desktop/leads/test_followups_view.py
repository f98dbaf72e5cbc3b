"""The "My follow-ups" view, the routing rules editor and the hot lead notice, on real services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.store.followups import FollowUpBook
from desktop.ui.leads.followup_notice import HotLeadNotice
from desktop.ui.leads.page import FOLLOWUPS, LeadsPage
from tests.desktop.leads.conftest import MARKETER, REP, make_services

# The offscreen platform says so when a shown window's size hints change; nothing to fix here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OTHER = "01930000-0000-7000-8000-0000000000c3"


def _iso(hours_ago: float) -> str:
    at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours_ago)
    return at.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _lead(store, owner, hours_ago, grade, name, captured_by=None):
    local = {"owner_id": owner, **({"captured_by": captured_by} if captured_by else {})}
    return store.save("lead", {"last_name": name, "company": f"{name} GmbH", "grade": grade,
                               "captured_at": _iso(hours_ago)}, local_fields=local).record_id


def _page(qtbot, services):
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    qtbot.waitExposed(page)
    page.show_view(FOLLOWUPS)
    return page


def test_the_view_lists_my_waiting_leads_oldest_due_first_with_overdue_marked(qtbot, qtmodeltester,
                                                                              services):
    store = services.store
    fresh = _lead(store, REP["id"], 1, "cold", "Kalt")
    late = _lead(store, REP["id"], 30, "hot", "Heiss")
    done = _lead(store, REP["id"], 50, "hot", "Erledigt")
    store.save("lead_outcome", {"lead_id": done, "status": "contacted", "at": _iso(40)})
    _lead(store, OTHER, 60, "hot", "Fremd")
    page = _page(qtbot, services)
    view = page.followups
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtmodeltester.check(view.model)
    assert [r["id"] for r in view.model.rows] == [late, fresh]
    assert view.model.data(view.model.index(0, 1)) == "Overdue"
    assert view.model.data(view.model.index(1, 1)) == ""
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert view.summary.text().startswith("2 lead") and "1 overdue" in view.summary.text()
    assert view.team_table.isHidden()  # a rep reads no one else's work
    # A first contact takes the lead off the list.
    store.save("lead_outcome", {"lead_id": late, "status": "contacted", "at": _iso(0)})
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)


def test_a_manager_sees_overdue_per_rep(qtbot, qtmodeltester, tmp_path, qapp):
    services = make_services(tmp_path, {**REP, "role": "manager", "id": OTHER})
    try:
        _lead(services.store, REP["id"], 30, "hot", "A")
        _lead(services.store, REP["id"], 80, "warm", "B")
        _lead(services.store, REP["id"], 1, "warm", "C")
        view = _page(qtbot, services).followups
        qtbot.waitUntil(lambda: view.team_model.rowCount() == 1)
        qtmodeltester.check(view.team_model)
        assert not view.team_table.isHidden()
        assert [view.team_model.data(view.team_model.index(0, c)) for c in (1, 2)] == ["2", "3"]
    finally:
        services.tasks.shutdown()
        services.store.engine.dispose()


@pytest.fixture
def marketer(tmp_path, qapp):
    svc = make_services(tmp_path, MARKETER)
    yield svc
    svc.tasks.shutdown()
    svc.store.engine.dispose()


def test_the_routing_editor_refuses_bad_rules_in_one_line_and_saves_good_ones(qtbot, marketer):
    page = _page(qtbot, marketer)
    dialog = page.open_routing()
    assert not dialog.editor.isReadOnly()
    bad = '[{"when": {"country": "Germany"}, "assign": "ana@example.com"}]'
    dialog.editor.setPlainText(bad)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.problem.text().startswith("Rule 1: country 'Germany' is not an ISO 3166")
    assert dialog.editor.toPlainText() == bad  # kept as typed
    dialog.editor.setPlainText('[{"when": {"grade": "hot", "country": "de"}, '
                               '"assign": "ana@example.com"}]')
    dialog.accept()
    book = FollowUpBook(marketer.store)
    qtbot.waitUntil(lambda: len(book.routing_rules()) == 1)
    assert book.routing_rules()[0].when == {"grade": "hot", "country": "DE"}


def test_a_rep_reads_the_rules_without_saving(qtbot, services):
    dialog = _page(qtbot, services).open_routing()
    assert dialog.editor.isReadOnly()
    dialog.reject()


def test_a_hot_lead_that_reaches_me_from_someone_else_is_announced_once(qtbot, services):
    notice = HotLeadNotice(services)
    store = services.store
    _lead(store, REP["id"], 1, "hot", "Mine", captured_by=REP["id"])  # my own capture: no news
    _lead(store, REP["id"], 1, "warm", "Lau", captured_by=OTHER)
    routed = _lead(store, REP["id"], 1, "hot", "Berger", captured_by=OTHER)
    qtbot.waitUntil(lambda: len(notice.shown) == 1)
    assert "Berger" in notice.shown[0]
    reads = []
    book_read = notice.book.hot_waiting
    notice.book.hot_waiting = lambda *a: reads.append(a) or book_read(*a)
    store.save("lead", {"notes": "called"}, routed)
    store.save("lead", {"notes": "called again"}, routed)
    qtbot.waitUntil(lambda: len(reads) == 1)  # one read for the burst
    qtbot.waitUntil(lambda: not notice.pending and not notice.flush_timer.isActive())
    assert len(notice.shown) == 1  # told once
