"""Event cost and return on the Insights figures, against the hand-counted fixture."""

import pytest
from sqlalchemy import update

from desktop.store.schema import record_tables
from fieldnote.insights import InsightFilters
from tests.desktop.insights.fixture_data import E1, E2, E3, TODAY, L, _put, uid

EVENTS = record_tables["event"]


def with_costs(store):
    """Expo North cost 12,000 in the team's currency (EUR), Summit South 3,000 USD, Cloud Days
    nothing; lead 3 gets an opportunity of 4,000 that was then withdrawn."""
    with store.engine.begin() as conn:
        conn.execute(update(EVENTS).where(EVENTS.c.id == E1).values(cost_amount=12000))
        conn.execute(update(EVENTS).where(EVENTS.c.id == E2).values(cost_amount=3000,
                                                                   cost_currency="USD"))
        _put(conn, "lead_outcome", uid(901), lead_id=L[3], status="opportunity",
             at="2026-10-08T10:00:00Z", amount=4000)
        _put(conn, "lead_outcome", uid(902), lead_id=L[3], status="opportunity",
             at="2026-10-09T10:00:00Z", retracts=uid(901))


def by_name(figures):
    return {e["name"]: e for e in figures["events"]}


def test_each_event_has_its_cost_per_lead_qualified_lead_and_opportunity(store, insights):
    with_costs(store)
    events = by_name(insights.compute(InsightFilters(), today=TODAY))
    # Pipeline: lead 1's latest (its win, 5,000, not also its 5,000 opportunity), lead 6's
    # 3,000 win; lead 4's deleted win, lead 12 (deleted) and lead 3's withdrawn opportunity
    # count for nothing.
    assert events["Expo North"]["cost"] == {
        "cost": 12000, "currency": "EUR", "per_lead": 2000, "per_qualified": 4000,
        "per_opportunity": 6000, "pipeline": 8000, "won_amount": 8000,
        "pipeline_per_cost": 0.6667, "won_per_cost": 0.6667, "compared": True}
    assert events["Expo North"]["funnel"]["pipeline"] == 8000
    # Dollars against euros are not compared; no opportunity, no cost per opportunity.
    assert events["Summit South"]["cost"] == {
        "cost": 3000, "currency": "USD", "per_lead": 1000, "per_qualified": 3000,
        "per_opportunity": None, "pipeline": 0, "won_amount": 0,
        "pipeline_per_cost": None, "won_per_cost": None, "compared": False}
    cloud = events["Cloud Days"]["cost"]
    assert cloud["cost"] is None and cloud["per_lead"] is None and cloud["pipeline"] == 10000
    assert cloud["won_per_cost"] is None


def test_a_campaign_adds_up_costs_in_one_currency_only(store, insights):
    with_costs(store)
    figures = insights.compute(InsightFilters(), today=TODAY)
    c26, c27 = figures["campaigns"]["C26"], figures["campaigns"]["C27"]
    assert c26["cost"]["currency"] == "mixed" and c26["cost"]["cost"] is None
    assert c26["pipeline"] == 8000
    assert c27["cost"]["cost"] is None and c27["pipeline"] == 10000
    assert figures["totals"]["pipeline"] == 18000
    # Once both C26 events are in euros, the campaign's cost is their sum.
    with store.engine.begin() as conn:
        conn.execute(update(EVENTS).where(EVENTS.c.id == E2).values(cost_currency=None))
    c26 = insights.compute(InsightFilters(), today=TODAY)["campaigns"]["C26"]["cost"]
    assert c26["cost"] == 15000 and c26["per_lead"] == 1666.67 and c26["compared"] is True
    assert c26["won_per_cost"] == round(8000 / 15000, 4)


def test_filtered_figures_read_the_same_rule(store, insights):
    with_costs(store)
    whole = by_name(insights.compute(InsightFilters(), today=TODAY))
    only = by_name(insights.compute(InsightFilters(event_ids=(E1, E3)), today=TODAY))
    assert only["Expo North"]["cost"] == whole["Expo North"]["cost"]
    assert only["Cloud Days"]["cost"] == whole["Cloud Days"]["cost"]
    # A rep's filter keeps the cost but counts only that rep's leads.
    ann = by_name(insights.compute(InsightFilters(rep_id=uid(1)), today=TODAY))
    assert ann["Expo North"]["cost"]["per_lead"] == 2000
    assert "Summit South" not in ann


# A page shown on its own (not in the main window) makes the offscreen platform warn.
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_events_tab_shows_cost_and_return(qtbot, store, tmp_path, insights, qapp):
    from desktop.ui.insights.page import InsightsPage
    from tests.desktop.insights.test_page import make_services

    with_costs(store)
    services = make_services(store, tmp_path, insights)
    page = InsightsPage(services, services.insights)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(page.is_ready)
    rows = {r[0]: r for r in page.events_tab.returns.model.rows()}
    # Costed events and the campaigns with a cost (or costs in mixed currencies) only.
    assert set(rows) == {"Expo North", "Summit South", "C26"}
    assert rows["Expo North"][2:] == [12000, 2000, 4000, 6000, 8000, 8000, "0.67×", "0.67×"]
    assert rows["Expo North"][2].currency == "EUR"
    assert rows["Summit South"][2].currency == "USD"
    assert rows["Summit South"][5:] == [None, 0, 0, None, None]
    assert rows["C26"][2:6] == ["mixed currencies", None, None, None]
    bars = dict(page.events_tab.returns.bar_sets())
    assert bars == {"Cost": [12000], "Pipeline influenced": [8000], "Won amount": [8000]}
    services.tasks.shutdown()


def test_the_report_has_the_cost_and_return_table_within_the_margins(store, insights):
    import io

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports import fonts
    from desktop.reports.insights import build_report
    from tests.desktop.insights.test_report import _placed_text, pdf_text

    plain = pdf_text(build_report(insights.compute(InsightFilters(), today=TODAY)))
    assert "Cost and return" not in plain  # no event has a cost yet
    with_costs(store)
    pdf = build_report(insights.compute(InsightFilters(), today=TODAY))
    text = pdf_text(pdf)
    assert "Cost and return" in text
    assert ("Expo North\n€12,000\n€2,000\n€4,000\n€6,000\n€8,000\n€8,000\n0.67×\n0.67×"
            in text)
    assert "Summit South\n$3,000\n$1,000\n$3,000\n—\n€0\n€0\n—\n—" in text
    assert "C26\nmixed\ncurrencies\n—\n—\n—\n€8,000\n€8,000\n—\n—" in text
    fonts.register()
    right = A4[0] - 18 * mm
    for page in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        past = [(t, x) for x, t in _placed_text(pdf, page)
                if any(c.isdigit() for c in t) and not t.startswith("page")
                and x + stringWidth(t, fonts.REGULAR, 8) > right + 0.5]
        assert past == [], f"page {page + 1}: {past}"
