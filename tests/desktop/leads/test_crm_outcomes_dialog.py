"""The Leads page's "CRM outcomes…" dialog: a report previewed before anything is written, then
recorded; offered to marketing and managers only."""

from __future__ import annotations

import pytest

from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import EVENT_ID, add_event

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def leads(store) -> list[str]:
    return [store.save("lead", {"event_id": EVENT_ID, "first_name": name, "last_name": "Test",
                                "email": f"{name.lower()}@example.com", "source": "manual",
                                "captured_at": "2026-04-21T10:00:00Z"}).record_id
            for name in ("Ana", "Bo")]


@pytest.fixture
def marketer_page(qtbot, marketer_services):
    add_event(marketer_services.store)
    page = LeadsPage(marketer_services)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_report_is_previewed_then_recorded(qtbot, marketer_page, marketer_services, tmp_path):
    store = marketer_services.store
    ana, bo = leads(store)
    report = tmp_path / "opps.csv"
    report.write_text("Fieldnote ID,Stage,Amount,Close Date\r\n"
                      f"{ana},Closed Won,1200,2026-11-30\r\n"
                      f"{bo},Closed Lost,,2026-11-30\r\n"
                      "01930000-0000-7000-8000-00000000dead,Closed Won,5,\r\n")
    assert marketer_page.leads.outcomes_button.isEnabled()
    dialog = marketer_page.open_crm_outcomes()
    task = dialog.load_file(report)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: dialog.changes.rowCount() == 2)
    assert "Would record 2 outcome(s) from 3 row(s) of this Salesforce report" in \
        dialog.counts.text()
    assert "not matched" in dialog.problems.toPlainText()
    assert store.all("lead_outcome") == []  # a preview writes nothing
    from tests.support.a11y import unnamed_widgets

    assert unnamed_widgets(dialog) == []
    assert dialog.record_button.isEnabled()
    task = dialog.record()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: dialog.recorded == 2)
    got = sorted((o["status"], o["amount"], o["source"]) for o in store.all("lead_outcome"))
    assert got == [("lost", None, "crm"), ("won", 1200.0, "crm")]
    # The lead's timeline says where the outcome came from.
    model = marketer_page.model

    def ana_row() -> int | None:
        return next((r for r in range(model.rowCount())
                     if model.data(model.index(r, 0)) == "Ana Test"), None)

    qtbot.waitUntil(lambda: ana_row() is not None)  # the list reloads after the import's write
    marketer_page.leads.table.selectRow(ana_row())
    detail = marketer_page.leads.detail
    qtbot.waitUntil(lambda: detail.lead_id == ana and detail.timeline.count() == 1)
    assert "from the CRM" in detail.timeline.item(0).text()
    assert "From Salesforce: Stage: Closed Won" in detail.timeline.item(0).text()
    # The same report again: nothing to record.
    task = dialog.load_file(report)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "2 already recorded" in dialog.counts.text())
    assert not dialog.record_button.isEnabled()


def test_a_file_that_is_no_report_shows_its_one_line(qtbot, marketer_page, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_text("First Name,Company\r\nAna,Acme\r\n")
    dialog = marketer_page.open_crm_outcomes()
    task = dialog.load_file(path)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "no Fieldnote ID or Email column" in dialog.counts.text())
    assert dialog.counts.text().startswith("scans.csv has no")
    assert not dialog.record_button.isEnabled()


def test_reps_see_the_action_disabled_with_the_reason(qtbot, services):
    add_event(services.store)
    page = LeadsPage(services)
    qtbot.addWidget(page)
    assert not page.leads.outcomes_button.isEnabled()
    assert "marketers and managers" in page.leads.outcomes_button.toolTip()


def test_the_changes_model_passes_the_model_tester(qtbot):
    from pytestqt.modeltest import ModelTester

    from desktop.store.crm_outcomes import OutcomeChange
    from desktop.ui.leads.crm_import import OutcomeChangesModel

    model = OutcomeChangesModel()
    model.set_items([OutcomeChange(2, "l1", "Ana Test", {"status": "won", "amount": 1200.0,
                                                       "at": "2026-11-30T00:00:00Z"})])
    ModelTester(qtbot).check(model, force_py=True)
    assert model.data(model.index(0, 3)) == "1,200.00"
