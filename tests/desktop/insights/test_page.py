"""The Insights page: figures on screen match the fixture, computing never blocks the window."""

import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from desktop.reports.insights import build_report
from desktop.settings import Settings
from desktop.startup import build_services
from desktop.tasks import TaskRunner
from desktop.ui import theme
from desktop.ui.insights.page import InsightsPage
from desktop.ui.insights.table_model import FigureTableModel
from desktop.ui.services import RecordChanges
from tests.desktop.insights.fixture_data import ANN, C1, E1, E2, EXPECTED_FUNNEL, D

# The offscreen platform reports that it cannot pass a shown top-level widget's new minimum
# size to a window system; a page shown on its own (not in the main window) triggers it.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def make_services(store, tmp_path, source, theme_name="light", user=None):
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    settings = Settings.load(tmp_path)
    settings.theme = theme_name
    services = build_services(store, TaskRunner(), settings, changes, tmp_path, user)
    services.insights = source
    return services


@pytest.fixture
def services(store, tmp_path, insights, qapp):
    services = make_services(store, tmp_path, insights)
    yield services
    services.tasks.shutdown()


@pytest.fixture
def page(qtbot, services):
    page = InsightsPage(services, services.insights)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(page.is_ready)
    return page


def test_the_page_shows_the_figures_of_the_local_data(page):
    totals = page.figures["totals"]
    assert page.events_tab.kpis.values["captured"].text() == "11"
    assert page.events_tab.kpis.values["won_amount"].text() == "€18,000"
    assert totals["won"] == 3
    # The chart is the chain; qualified is a share beside it, not a bar between its steps.
    funnel = dict(page.events_tab.funnel.bar_sets())["Leads"]
    assert funnel == [11, 7, 5, 3, 3]
    side = dict(page.events_tab.side.bar_sets())
    assert side["Expo North"] == [EXPECTED_FUNNEL["Expo North"][s] for s in
                                  ("captured", "contacted", "meeting", "opportunity", "won")]
    rows = {r[0]: r for r in page.events_tab.events_table.model.rows()}
    assert rows["Expo North"][2:9] == [6, 4, 3, 2, 2, 3, 8000]
    # Conversions: each step of the chain over the one before, then qualified of captured.
    assert rows["Expo North"][9:14] == ["67%", "75%", "67%", "100%", "50%"]
    kpis = page.events_tab.kpis
    assert kpis.notes["contacted"].text() == "64% of the stage before"
    assert kpis.notes["qualified"].text() == "45% of captured"


def test_no_percentage_on_the_page_is_above_one_hundred(page):
    # Expo North has more contacted (4) than qualified (3) leads: it printed 133 %.
    texts = [label.text() for label in page.events_tab.kpis.notes.values()]
    for card in (page.events_tab.funnel, page.events_tab.events_table):
        texts += [str(c) for row in card.model.rows() for c in row]
    percents = [int(t.split("%")[0]) for t in texts if t.endswith("%")]
    assert percents and max(percents) <= 100


def test_every_chart_has_its_table_behind_a_toggle(qtbot, page):
    card = page.collateral_tab.used
    assert card.stack.currentIndex() == 0
    card.toggle.click()
    assert card.stack.currentIndex() == 1
    assert card.toggle.text() == "Chart"
    battlecard = next(r for r in card.model.rows() if r[0] == "Battlecard")
    assert battlecard == ["Battlecard", 2, 1, 1, 4]
    helped = {r[1]: r for r in page.collateral_tab.helped.model.rows()}
    assert helped["Battlecard"][:4] == ["top", "Battlecard", 2, 0]
    assert helped["Price list"][:4] == ["bottom", "Price list", 0, 2]
    voice = page.voice_tab.counts["objections"]
    assert voice.model.rows()[0] == ["Price", 2, "67%"]
    rubric = page.rubric_tab.cards[0]
    assert rubric.title_label.text() == "Booth rubric v1"
    assert rubric.model.rows()[0][:5] == ["Hot", 2, 2, 1, 1]


def test_choosing_an_event_recomputes_for_that_event(qtbot, page):
    with qtbot.waitSignal(page.figures_shown, timeout=10_000) as shown:
        page.filter_bar.set_events([E1])
    assert list(shown.args[0]["funnel"]) == ["Expo North"]
    assert page.filter_bar.events_button.text() == "Expo North"
    assert dict(page.events_tab.side.bar_sets()).keys() == {"Expo North"}
    with qtbot.waitSignal(page.figures_shown, timeout=10_000) as shown:
        page.filter_bar.set_events([E1, E2])
    assert set(shown.args[0]["funnel"]) == {"Expo North", "Summit South"}
    assert page.filter_bar.events_button.text() == "2 event(s)"


def test_team_rep_and_date_filters_reach_the_figures(qtbot, page):
    import datetime as dt

    with qtbot.waitSignal(page.figures_shown, timeout=10_000) as shown:
        page.filter_bar.team.setCurrentIndex(page.filter_bar.team.findData("west"))
    assert set(shown.args[0]["funnel"]) == {"Summit South", "(no event)"}
    with qtbot.waitSignal(page.figures_shown, timeout=10_000) as shown:
        page.filter_bar.team.setCurrentIndex(0)
        page.filter_bar.set_rep(ANN)
    assert set(shown.args[0]["funnel"]) == {"Expo North", "Cloud Days"}
    with qtbot.waitSignal(page.figures_shown, timeout=10_000) as shown:
        page.filter_bar.set_range(dt.date(2026, 11, 30), dt.date(2026, 11, 1))
    assert shown.args[0]["filters"]["from"] == "2026-11-01"
    assert set(shown.args[0]["funnel"]) == {"Cloud Days"}


class GatedSource:
    """The real figures, but each computation waits until the test lets it finish."""

    def __init__(self, real):
        self.real = real
        self.gate = threading.Event()
        self.started = threading.Event()
        self.threads = []
        self.calls = 0

    def choices(self):
        return self.real.choices()

    def compute(self, filters, check):
        self.calls += 1
        self.threads.append(threading.get_ident())
        self.started.set()
        while not self.gate.wait(0.01):
            check()
        return self.real.compute(filters, check=check)

    def debriefs_behind(self, *args, **kw):
        return self.real.debriefs_behind(*args, **kw)


def test_the_page_stays_responsive_while_it_computes(qtbot, store, tmp_path, insights, qapp):
    source = GatedSource(insights)
    services = make_services(store, tmp_path, source)
    try:
        page = InsightsPage(services, source)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(source.started.is_set)
        assert page.is_computing() and not page.is_ready()
        assert page.status_label.text() == "Computing…"
        # The UI thread keeps serving the user: tabs switch, toggles flip, timers fire.
        page.tabs.setCurrentIndex(2)
        assert page.tabs.currentIndex() == 2
        page.voice_tab.counts["competitors"].toggle.click()
        assert page.voice_tab.counts["competitors"].stack.currentIndex() == 1
        ticks = []
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: ticks == [1])
        assert threading.get_ident() not in source.threads
        source.gate.set()
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        assert page.figures["funnel"] == EXPECTED_FUNNEL
    finally:
        source.gate.set()
        services.tasks.shutdown()


def test_a_newer_computation_replaces_an_older_one(qtbot, store, tmp_path, insights, qapp):
    source = GatedSource(insights)
    services = make_services(store, tmp_path, source)
    try:
        page = InsightsPage(services, source)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(source.started.is_set)
        page.filter_bar.set_events([E2])
        page.refresh()
        source.gate.set()
        qtbot.waitUntil(lambda: page.figures is not None and not page.is_computing(), timeout=10_000)
        assert list(page.figures["funnel"]) == ["Summit South"]
    finally:
        source.gate.set()
        services.tasks.shutdown()


def test_a_saved_record_updates_the_figures(qtbot, page, services):
    with qtbot.waitSignal(page.figures_shown, timeout=10_000):
        services.store.save("lead", {"last_name": "New", "event_id": E1,
                                     "captured_at": "2026-10-02T15:00:00Z"})
    assert page.figures["funnel"]["Expo North"]["captured"] == 7


def test_clicking_a_number_lists_the_debriefs_behind_it(qtbot, page):
    with qtbot.waitSignal(page.voice_tab.number_picked):
        page.voice_tab.counts["objections"].bar_clicked.emit("Price", "Debriefs")
    dialog = page._dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert [dialog.model.key(i) for i in range(2)] == [D[2], D[1]]
    assert dialog.model.rows()[0][:3] == ["Account 2", "2026-10-06", "lost"]
    with qtbot.waitSignal(page.debrief_open_requested) as opened:
        dialog.open_button.click()
    assert opened.args == [D[2]]


def test_a_segment_bar_lists_only_that_segment(qtbot, page):
    page.voice_tab.segment.setCurrentIndex(page.voice_tab.segment.findData("team"))
    page.voice_tab.segments.bar_clicked.emit("west", "Security")
    dialog = page._dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.key(0) == D[3]


def test_the_page_exports_the_figures_it_shows_as_a_pdf(qtbot, page, tmp_path):
    out = tmp_path / "insights.pdf"
    with qtbot.waitSignal(page.report_written, timeout=20_000):
        page.export_pdf(out)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Expo North" in text and "Battlecard" in text
    assert "Report written" in page.status_label.text()


def test_charts_follow_the_dark_theme(qtbot, store, tmp_path, insights, qapp):
    services = make_services(store, tmp_path, insights, theme_name="dark")
    try:
        page = InsightsPage(services, insights)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        chart = page.events_tab.funnel.chart
        assert chart.backgroundBrush().color() == QColor(theme.DARK.surface)
        assert chart.axes()[0].labelsBrush().color() == QColor(theme.DARK.text)
    finally:
        services.tasks.shutdown()


def test_a_rep_starts_with_their_own_work(qtbot, store, tmp_path, insights, qapp):
    services = make_services(store, tmp_path, insights, user={"id": ANN, "role": "rep"})
    try:
        page = InsightsPage(services, insights)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        assert page.filter_bar.rep.currentData() == ANN
        assert set(page.figures["funnel"]) == {"Expo North", "Cloud Days"}
    finally:
        services.tasks.shutdown()


def test_a_hidden_page_computes_only_once_it_is_shown(qtbot, services):
    page = InsightsPage(services, services.insights)
    qtbot.addWidget(page)
    services.store.save("lead", {"last_name": "Quiet", "captured_at": "2026-11-01T10:00:00Z"})
    # The change reached the page (same thread, at once) and started no computation.
    assert not page._debounce.isActive()
    assert page.figures is None and not page.is_computing()
    with qtbot.waitSignal(page.figures_shown, timeout=10_000):
        page.show()
    assert page.figures["funnel"]["(no event)"]["captured"] == 2


def test_without_a_source_the_page_says_so(qtbot, services):
    page = InsightsPage(services, None)
    qtbot.addWidget(page)
    assert page.is_ready()
    assert "not available" in page.status_label.text()


def test_the_figure_table_model_passes_the_model_tester(qtbot, page):
    model = page.collateral_tab.all_items.model
    assert model.rowCount() == 4
    assert model.key(0) == C1
    ModelTester(qtbot).check(model, force_py=True)
    ModelTester(qtbot).check(FigureTableModel(["a"]), force_py=True)


def test_opening_a_debrief_behind_a_number_shows_it_on_the_debriefs_page(qtbot, store, tmp_path, insights, qapp):
    from desktop.ui.shell.pages import default_pages
    from desktop.ui.shell.window import MainWindow

    services = make_services(store, tmp_path, insights, user={"id": ANN, "role": "marketer"})
    try:
        window = MainWindow(services, default_pages(), start_page="insights")
        qtbot.addWidget(window)
        window.show()
        page = window.pages["insights"]
        qtbot.waitUntil(page.is_ready, timeout=10_000)
        debriefs = window.pages["debriefs"]
        qtbot.waitUntil(lambda: debriefs.model.row_of(D[2]) >= 0, timeout=10_000)
        page.debrief_open_requested.emit(D[2])
        assert window.current_page() is debriefs
        assert debriefs.current_id() == D[2]
    finally:
        services.tasks.shutdown()


def test_under_german_formats_the_page_writes_numbers_and_dates_the_german_way(qtbot, services, app_locale):
    from PySide6.QtCore import Qt

    from desktop.ui.insights.table_model import display

    app_locale("de_DE")
    assert display(1054000) == "1.054.000" and display(1234.5) == "1.234,50"
    page = InsightsPage(services, services.insights)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(page.is_ready)
    # Amounts carry the team's currency (a hub setting; the euro until one is set).
    assert page.events_tab.kpis.values["won_amount"].text() == "18.000\u00a0€"
    model = page.events_tab.events_table.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Expo North")
    assert model.index(row, 8).data(Qt.ItemDataRole.DisplayRole) == "8.000\u00a0€"
    as_of = page.figures["as_of"]
    day = f"{as_of[8:10]}.{as_of[5:7]}.{as_of[:4]}"
    assert page.status_label.text().endswith(f"as of {day}")


def test_won_amounts_carry_the_currency_the_hub_set(qtbot, services, store):
    # Amounts were bare numbers ("18,000"): a VP could not tell dollars from euros.
    store.set_state("hub_settings", {"currency": "USD"})
    page = InsightsPage(services, services.insights)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(page.is_ready)
    assert page.figures["currency"] == "USD"
    assert page.events_tab.kpis.values["won_amount"].text() == "$18,000"
    rows = {r[0]: r for r in page.events_tab.events_table.model.rows()}
    model = page.events_tab.events_table.model
    row = list(rows).index("Expo North")
    assert model.index(row, 8).data() == "$8,000"
    deals = page.collateral_tab.deals.model
    assert any(deals.index(r, 4).data().startswith("$") for r in range(deals.rowCount()))


def test_collateral_opened_by_visitors_shows_per_item_and_per_event(qtbot, store, services,
                                                                     tmp_path):
    from tests.desktop.insights.fixture_data import L

    send = "0190f5c5-0000-7000-8000-00000000a001"
    store.save("collateral_send", {"lead_id": L[1], "collateral_ids": [C1],
                                   "requested_at": "2026-10-01T10:05:00Z"}, send,
               local_fields={"author_id": ANN, "state": "sent",
                             "mailed_at": "2026-10-01T10:10:00Z",
                             "opened_at": "2026-10-01T13:10:00Z",
                             "links": [{"collateral_id": C1, "link_id": "k1",
                                        "first_opened_at": "2026-10-01T13:10:00Z",
                                        "opens": 2}]})
    for at in ("2026-10-01T13:10:00Z", "2026-10-02T08:00:00Z"):
        store.save("collateral_usage", {"collateral_id": C1, "action": "recipient_opened",
                                        "lead_id": L[1], "at": at},
                   local_fields={"author_id": ANN})
    page = InsightsPage(services, services.insights)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(page.is_ready)
    sent = page.figures["collateral_recipients"]
    assert sent["by_item"][C1] == {"mailed": 1, "opened": 1, "opens": 2,
                                   "median_hours_to_first_open": 3.0}
    assert sent["by_event"][E1]["opens"] == 2
    tab = page.collateral_tab
    assert dict(tab.recipients.bar_sets()) == {"Mailed": [1], "Opened": [1]}
    rows = tab.recipient_events.model.rows()
    assert rows[0][0] == "Expo North" and rows[0][1:4] == [1, 1, 2]
    page.tabs.setCurrentWidget(tab)
    tab.recipients.grab().save(str(tmp_path / "insights-recipients.png"))
    tab.recipient_events.show_table(True)
    tab.recipient_events.grab().save(str(tmp_path / "insights-recipient-events.png"))
    # The PDF holds the same figures under the same heading.
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        build_report(page.figures))).pages)
    assert "Opened by visitors" in text
    assert "Battlecard\n1\n1\n2\n3" in text and "Expo North\n1\n1\n2\n3" in text
