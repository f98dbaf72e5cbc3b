"""The lead list, lead detail with outcomes, and the events and rubrics views, by role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.store.leads import LeadBook, LeadFilter
from desktop.ui.leads.page import EVENTS, LIST, LeadsPage
from fieldnote.scoring import DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID
from tests.desktop.leads.conftest import EVENT_ID, MARKETER, REP, add_event

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OTHER_REP = "01930000-0000-7000-8000-0000000000a9"


def make_page(qtbot, services):
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def add_lead(store, last, owner=REP["id"], **fields):
    values = {"last_name": last, "captured_at": "2026-04-20T10:00:00Z", **fields}
    return store.save("lead", values, local_fields={"owner_id": owner}).record_id


def test_the_lead_model_passes_the_model_tester_while_paging(qtbot, services):
    for i in range(450):
        add_lead(services.store, f"Name{i:03d}", grade=("hot", "warm", "cold")[i % 3])
    page = make_page(qtbot, services)
    model = page.leads.model
    # The first screen is there at once; the rest of the ids follow from the parallel lane.
    assert model.rowCount() == 200 and model.canFetchMore()
    qtbot.waitUntil(lambda: model.complete)
    assert model.total() == 450
    assert page.leads.count_label.text() == "450 lead(s)"
    ModelTester(qtbot).check(model, force_py=True)
    assert model.rowCount() == 450


def test_a_search_shows_its_first_screen_at_once_and_the_rest_follows(qtbot, services):
    for i in range(450):
        add_lead(services.store, f"Silva{i:03d}", captured_at=f"2026-04-20T10:{i // 60:02d}:{i % 60:02d}Z")
    add_lead(services.store, "Berg", captured_at="2026-04-21T10:00:00Z")
    page = make_page(qtbot, services)
    panel = page.leads
    panel.model.set_filter(LeadFilter(search="silva"))
    # Newest first: the first two screens of matches come from the capture-time index.
    assert panel.model.total() == 400 and panel.model.data(panel.model.index(0, 0)) == "Silva449"
    qtbot.waitUntil(lambda: panel.model.complete)
    assert panel.model.total() == 450
    assert panel.model.data(panel.model.index(0, 0)) == "Silva449"


@pytest.mark.parametrize(("name", "language", "expected"), [
    ("de_DE", "de", "1.054 Leads"), ("de_DE", "de", "1 Lead"), ("en_US", "en", "1,054 leads"), ("en_US", "en", "1 lead"),
    ("es_ES", "es", "1054 leads"),  # Spanish groups from five digits
])
def test_the_lead_count_is_a_plural_in_the_locales_digits(qtbot, services, app_locale, name,
                                                          language, expected):
    from PySide6.QtWidgets import QApplication

    from desktop.ui.translations import install_translator

    app_locale(name)
    translator = install_translator(QApplication.instance(), language)
    try:
        panel = make_page(qtbot, services).leads
        panel._on_model_ids_loaded(1 if expected.startswith("1 ") else 1054)
        assert panel.count_label.text() == expected
    finally:
        if translator is not None:
            QApplication.instance().removeTranslator(translator)


def test_clicking_a_header_sorts_in_sql(qtbot, services):
    for name in ("Berg", "aho", "Cruz"):
        add_lead(services.store, name)
    page = make_page(qtbot, services)
    table = page.leads.table
    header = table.horizontalHeader()
    model = page.leads.model
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.complete and model.data(model.index(0, 0)) == "aho")
    names = [model.data(model.index(r, 0)) for r in range(3)]
    assert names == ["aho", "Berg", "Cruz"]
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.complete and model.data(model.index(0, 0)) == "Cruz")


def test_filters_narrow_the_list_and_the_count(qtbot, services):
    add_event(services.store)
    add_lead(services.store, "Aho", event_id=EVENT_ID, grade="hot", qualified=True)
    add_lead(services.store, "Berg", grade="cold")
    page = make_page(qtbot, services)
    panel = page.leads
    assert panel.model.total() == 2
    panel.grade_filter.setCurrentIndex(panel.grade_filter.findData("hot"))
    qtbot.waitUntil(lambda: panel.model.total() == 1)
    assert panel.count_label.text() == "1 lead(s)"
    panel.grade_filter.setCurrentIndex(0)
    panel.event_filter.setCurrentIndex(panel.event_filter.findData(EVENT_ID))
    qtbot.waitUntil(lambda: panel.model.total() == 1)
    panel.event_filter.setCurrentIndex(0)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("won"))
    qtbot.waitUntil(lambda: panel.model.total() == 0)


def select_first(qtbot, page):
    page.show_view(LIST)
    page.leads.table.selectRow(0)
    qtbot.waitUntil(lambda: page.leads.detail.lead_id is not None)
    return page.leads.detail


def test_a_rep_adds_outcomes_to_an_own_lead_and_sees_the_timeline(qtbot, services):
    lead_id = add_lead(services.store, "Okafor")
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    assert detail.outcome_form.isVisibleTo(detail)
    detail.status_box.setCurrentIndex(detail.status_box.findData("won"))
    detail.amount.setText("12500")
    detail.note.setText("Signed at the booth")
    detail.add_outcome()
    qtbot.waitUntil(lambda: detail.timeline.count() == 1 and "Won" in detail.timeline.item(0).text())
    # With the team's currency (a hub setting; the euro until one is set), cents when any.
    assert "€12,500" in detail.timeline.item(0).text()
    outcome = LeadBook(services.store).outcomes(lead_id)[0]
    assert (outcome["status"], outcome["amount"], outcome["note"]) == ("won", 12500.0, "Signed at the booth")
    qtbot.waitUntil(lambda: page.leads.model.data(page.leads.model.index(0, 6)) == "Won")


def test_a_won_amount_shows_the_currency_the_hub_set(qtbot, services):
    services.store.set_state("hub_settings", {"currency": "USD"})
    add_lead(services.store, "Okafor")
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    # The amount typed is in that currency, and its label says so.
    assert detail.amount_label.text() == "Amount (USD)"
    detail.status_box.setCurrentIndex(detail.status_box.findData("won"))
    detail.amount.setText("12500.5")
    detail.add_outcome()
    qtbot.waitUntil(lambda: detail.timeline.count() == 1 and "Won" in detail.timeline.item(0).text())
    assert "$12,500.50" in detail.timeline.item(0).text()


def test_lost_needs_a_reason_from_the_list(qtbot, services):
    services.store.save("reason_list", {"list": "lost", "items": ["Price", "Went with a rival"]})
    lead_id = add_lead(services.store, "Okafor")
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    detail.status_box.setCurrentIndex(detail.status_box.findData("lost"))
    assert [detail.reason_box.itemText(i) for i in range(detail.reason_box.count())] == ["Price", "Went with a rival"]
    detail.reason_box.setCurrentIndex(1)
    detail.add_outcome()
    qtbot.waitUntil(lambda: LeadBook(services.store).outcomes(lead_id) != [])
    assert LeadBook(services.store).outcomes(lead_id)[0]["reason"] == "Went with a rival"


def test_a_rep_cannot_update_someone_elses_lead(qtbot, services):
    add_lead(services.store, "Okafor", owner=OTHER_REP)
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    assert not detail.outcome_form.isVisibleTo(detail)
    detail.add_outcome()
    assert "Only the lead's owner" in detail.message.text()


def test_a_marketer_updates_any_lead(qtbot, marketer_services):
    add_lead(marketer_services.store, "Okafor", owner=OTHER_REP)
    page = make_page(qtbot, marketer_services)
    detail = select_first(qtbot, page)
    assert detail.outcome_form.isVisibleTo(detail)


def test_an_old_lead_shows_its_rubric_version_and_is_rescored_only_on_request(qtbot, marketer_services):
    services = marketer_services
    add_event(services.store)
    book = LeadBook(services.store)
    from fieldnote.scoring import score_fields

    scored = score_fields(book.rubric(DEMO_RUBRIC_ID), {"budget": "confirmed", "timeframe": "0-3m"})
    # The marketer's own lead: a rescore is an edit of the lead, which the hub accepts from its
    # owner only.
    lead_id = add_lead(services.store, "Okafor", owner=MARKETER["id"], event_id=EVENT_ID, **scored)
    page = make_page(qtbot, services)
    page.show_view(EVENTS)
    page.events.rubric_view.selectRow(0)
    page.events.rubric_view.setCurrentIndex(page.events.rubric_model.index(0, 0))
    dialog = page.events.edit_rubric(services.store.get("rubric", DEMO_RUBRIC_ID))
    dialog.question_list.setCurrentRow(0)
    dialog.q_answers.setPlainText("Confirmed = 60\nPlanned for next year = 12\nNo budget = 0\nDon't know = 0")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    assert book.rubric(DEMO_RUBRIC_ID).version == 2
    assert book.rubric(DEMO_RUBRIC_ID).question("budget").option("confirmed").points == 60
    row = services.store.get("lead", lead_id)
    assert (row["rubric_version"], row["score"]) == (1, scored["score"])
    detail = select_first(qtbot, page)
    assert "scored with rubric v1" in detail.score_label.text()
    assert "now v2" in detail.score_label.text()
    assert detail.rescore_button.isVisibleTo(detail)
    detail.rescore()
    qtbot.waitUntil(lambda: services.store.get("lead", lead_id)["rubric_version"] == 2)
    assert services.store.get("lead", lead_id)["score"] == scored["score"] + 35
    # The one-click rescore can be undone: the earlier score comes back as a new change.
    qtbot.waitUntil(lambda: detail.undo_notice.write is not None)
    detail.undo_notice.button.click()
    qtbot.waitUntil(lambda: services.store.get("lead", lead_id)["rubric_version"] == 1)
    assert services.store.get("lead", lead_id)["score"] == scored["score"]


def test_a_marketer_creates_an_event_with_staff_and_rubric(qtbot, marketer_services):
    services = marketer_services
    services.store.save("rubric", {"name": "Quick", "version": 1, "questions": [], "thresholds": {"hot": 10, "warm": 5}})
    page = make_page(qtbot, services)
    page.show_view(EVENTS)
    assert page.events.new_event_button.isVisibleTo(page)
    dialog = page.events.edit_event(None)
    dialog.name.setText("Web Summit")
    dialog.starts_on.setText("2026-11-10")
    dialog.ends_on.setText("2026-11-09")
    dialog.submit()
    assert "ends before it starts" in dialog.error.text()
    dialog.ends_on.setText("2026-11-13")
    dialog.rubric.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    event = LeadBook(services.store).find_event("web summit")
    assert event["starts_on"] == "2026-11-10" and event["rubric_id"] is not None
    qtbot.waitUntil(lambda: page.events.event_model.total() == 1)
    qtbot.waitUntil(lambda: page.capture.event_box.findData(event["id"]) >= 0)


def test_a_marketer_is_not_offered_edits_of_a_reps_lead_and_is_told_why(qtbot, marketer_services):
    services = marketer_services
    add_lead(services.store, "Okafor", owner=OTHER_REP)
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    # Outcomes yes (marketing records any lead's), edits of the rep's lead no: the hub refuses
    # them, so the desktop says so up front instead of failing at sync.
    assert detail.outcome_form.isVisibleTo(detail)
    assert not detail.edit_button.isEnabled()
    assert detail.edit_button.toolTip() == "This lead belongs to someone else"


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_who_may_not_capture_sees_capture_and_import_disabled_with_the_reason(qtbot, tmp_path, qapp,
                                                                              role):
    from tests.desktop.leads.conftest import make_services

    services = make_services(tmp_path, {**MARKETER, "role": role})
    try:
        page = make_page(qtbot, services)
        reason = ("Only reps and marketers capture leads" if role == "manager" else
                  "Administrators manage users and settings; they do not edit records")
        for action in (page.view_buttons[0], page.leads.import_button):
            assert not action.isEnabled()
            assert action.toolTip() == reason
        page.create_new()
        assert page.current_view() == LIST
    finally:
        services.tasks.shutdown()


def test_a_rep_sees_events_and_rubrics_read_only(qtbot, services):
    add_event(services.store)
    page = make_page(qtbot, services)
    page.show_view(EVENTS)
    for button in (page.events.new_event_button, page.events.edit_event_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Only marketers can change Event records"
    assert not page.events.new_rubric_button.isEnabled()
    assert page.events.new_rubric_button.toolTip() == "Only marketers can change Rubric records"
    assert page.events.edit_event(services.store.get("event", EVENT_ID)) is None
    dialog = page.events.edit_rubric(services.store.get("rubric", DEMO_RUBRIC_ID))
    assert dialog.read_only and not dialog.name.isEnabled()
    dialog.close()


def test_a_new_rubric_from_plain_lines_scores_in_capture(qtbot, marketer_services):
    services = marketer_services
    page = make_page(qtbot, services)
    dialog = page.events.edit_rubric(None)
    dialog.name.setText("Booth v1")
    dialog.hot.setValue(20)
    dialog.warm.setValue(10)
    dialog.add_question()
    dialog.q_text.setText("Budget?")
    dialog.q_answers.setPlainText("Yes = 15\nNo = 0")
    dialog.q_must.setText("Yes")
    dialog.add_question()
    dialog.q_text.setText("Employees")
    dialog.q_type.setCurrentIndex(dialog.q_type.findData("number"))
    dialog.q_answers.setPlainText("1-49 = 2\n50+ = 10")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.submit()
    rubric = LeadBook(services.store).rubric(saved.args[0])
    assert rubric.version == 1 and [q.type for q in rubric.questions] == ["single", "number"]
    assert rubric.must_have[0].values == ("yes",)


def test_bad_rubric_lines_are_explained_not_saved(qtbot, marketer_services):
    page = make_page(qtbot, marketer_services)
    dialog = page.events.edit_rubric(None)
    dialog.name.setText("Broken")
    dialog.add_question()
    dialog.q_type.setCurrentIndex(dialog.q_type.findData("number"))
    dialog.q_answers.setPlainText("lots = 5")
    dialog.submit()
    assert "50-249 = 6" in dialog.error.text()
    assert marketer_services.store.count("rubric") == 0


def test_the_windows_new_and_search_actions_open_capture_and_the_search(qtbot, services):
    from PySide6.QtGui import QAction, QKeySequence

    from desktop.ui.shell.pages import default_pages
    from desktop.ui.shell.window import MainWindow

    window = MainWindow(services, default_pages())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("leads")
    page = window.pages["leads"]
    actions = {a.shortcut(): a for a in window.findChildren(QAction)}
    actions[QKeySequence(QKeySequence.StandardKey.New)].trigger()
    assert page.current_view() == 0
    actions[QKeySequence(QKeySequence.StandardKey.Find)].trigger()
    assert page.current_view() == LIST


def test_the_marketer_role_is_read_from_services(marketer_services):
    assert marketer_services.role == MARKETER["role"]


def test_an_event_keeps_its_country_and_refuses_one_that_is_not_a_region(qtbot, marketer_services):
    from desktop.store.leads import LeadBook
    from desktop.ui.leads.events import EventDialog

    book = LeadBook(marketer_services.store)
    dialog = EventDialog(marketer_services, book, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Hannover Messe")
    dialog.country.setText("Germany")
    dialog.submit()
    assert "two-letter code" in dialog.error.text()
    dialog.country.setText("de")
    dialog.submit()
    qtbot.waitUntil(lambda: marketer_services.store.count("event") == 1)
    assert marketer_services.store.all("event")[0]["country"] == "DE"


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_in_a_1024_px_window_the_detail_does_not_scroll_sideways_and_filters_are_whole(
        qtbot, services, app_locale, locale):
    # The list panel's width in a 1024 px window (sidebar and page margins off).
    from PySide6.QtWidgets import QScrollArea

    from desktop.ui import theme

    app_locale(locale)
    add_lead(services.store, "Davies", first_name="Harry", title="BI Analyst",
             company="Pennine Water Services", email="harry.davies@penninewater.co.uk")
    page = LeadsPage(services)
    page.setStyleSheet(theme.style_sheet(theme.palette("light")))
    qtbot.addWidget(page)
    page.resize(766, 560)
    page.show()
    qtbot.waitExposed(page)
    detail = select_first(qtbot, page)
    scroll = detail.findChild(QScrollArea)

    def fits() -> bool:
        return not scroll.horizontalScrollBar().isVisible() and (
            scroll.viewport().width() >= scroll.widget().minimumSizeHint().width())

    qtbot.waitUntil(fits)
    panel = page.leads
    for box in (panel.grade_filter, panel.qualified_filter, panel.status_filter):
        qtbot.waitUntil(lambda box=box: box.width() >= box.sizeHint().width())
    for date in (panel.date_from, panel.date_to):
        text = date.fontMetrics().horizontalAdvance(date.placeholderText())
        assert date.width() >= text


def test_no_column_title_of_the_lead_list_is_cut_in_german(qtbot, services, app_locale):
    from PySide6.QtWidgets import QApplication

    from desktop.ui.translations import install_translator

    app_locale("de_DE")
    translator = install_translator(QApplication.instance(), "de")
    try:
        panel = make_page(qtbot, services).leads
        header = panel.table.horizontalHeader()
        assert panel.model.headerData(4, Qt.Orientation.Horizontal) == "Einstufung"
        for col in range(panel.model.columnCount() - 1):  # the last one stretches
            assert panel.table.columnWidth(col) >= header.sectionSizeHint(col), col
    finally:
        if translator is not None:
            QApplication.instance().removeTranslator(translator)


def test_the_capture_hint_is_whole_in_a_1024_px_window(qtbot, services):
    from desktop.ui.leads.page import CAPTURE

    page = make_page(qtbot, services)
    page.resize(766, 560)
    page.show_view(CAPTURE)
    hint = page.capture.hint
    assert "Esc" in hint.text()
    qtbot.waitUntil(lambda: hint.isVisible() and hint.height() >= hint.heightForWidth(hint.width()))
    assert hint.width() < hint.fontMetrics().horizontalAdvance(hint.text())  # it did need to wrap


def test_events_and_rubrics_stack_in_a_narrow_window_and_show_every_column(qtbot, services):
    from PySide6.QtWidgets import QBoxLayout

    from desktop.store.leads import LeadBook
    from desktop.ui.leads.events import EventsPanel

    services.store.save("rubric", DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID)
    for n in range(3):
        services.store.save("event", {
            "name": f"International Industrial Automation Fair {n}",
            "venue": "Messe Hannover Exhibition Grounds, Hall 27, Hannover",
            "starts_on": "2026-04-20", "ends_on": "2026-04-24",
            "campaign_code": f"IIAF26-HAN-{n}", "rubric_id": DEMO_RUBRIC_ID})
    panel = EventsPanel(services, LeadBook(services.store))
    qtbot.addWidget(panel)
    panel.resize(790, 560)  # the Leads page's room in a 1024x640 window
    panel.show()
    qtbot.waitUntil(lambda: panel.columns_layout.direction() == QBoxLayout.Direction.TopToBottom)
    panel.reload()
    for view in (panel.event_view, panel.rubric_view):
        qtbot.waitUntil(lambda v=view: not v.horizontalScrollBar().isVisible())
    panel.resize(1700, 900)
    qtbot.waitUntil(lambda: panel.columns_layout.direction() == QBoxLayout.Direction.LeftToRight)


def test_an_event_keeps_its_cost_and_refuses_what_is_not_an_amount_or_currency(
        qtbot, marketer_services):
    from desktop.store.leads import LeadBook
    from desktop.ui.leads.events import EventDialog

    book = LeadBook(marketer_services.store)
    dialog = EventDialog(marketer_services, book, None)
    qtbot.addWidget(dialog)
    assert dialog.cost_currency.placeholderText() == "EUR"  # the team's, until one is typed
    dialog.name.setText("Hannover Messe")
    dialog.cost.setText("twelve thousand")
    dialog.submit()
    assert "Cost: type an amount" in dialog.error.text()
    dialog.cost.setText("-5")
    dialog.submit()
    assert "Cost: type an amount of 0 or more" in dialog.error.text()
    dialog.cost.setText("12,500.50")
    dialog.cost_currency.setText("EUX")
    dialog.submit()
    assert "ISO 4217" in dialog.error.text()
    assert marketer_services.store.count("event") == 0
    dialog.cost_currency.setText("usd")
    dialog.submit()
    qtbot.waitUntil(lambda: marketer_services.store.count("event") == 1)
    (event,) = marketer_services.store.all("event")
    assert (event["cost_amount"], event["cost_currency"]) == (12500.5, "USD")
    again = EventDialog(marketer_services, book, event)
    qtbot.addWidget(again)
    assert again.cost.text() == "12500.50" and again.cost_currency.text() == "USD"
