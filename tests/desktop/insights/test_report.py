"""The PDF report holds the charts and the tables of the page's figures."""

import io

from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing

from desktop.reports.insights import bar_chart, build_report
from fieldnote.insights import InsightFilters
from tests.desktop.insights.fixture_data import BOB, E1, TODAY


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_report_has_every_section_with_its_tables(insights):
    figures = insights.compute(InsightFilters(), today=TODAY)
    pdf = build_report(figures)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for heading in ("Events and campaigns", "Rubric check", "Collateral effectiveness",
                    "Voice of the customer", "Stale: approved items nobody used in 90 days (1)"):
        assert heading in text
    # Table rows: the funnel, an item's use, an objection count, an open request.
    # Captured, contacted, meeting, opportunity, won, then qualified beside the chain.
    assert "Expo North\nC26\n6\n4\n3\n2\n2\n3\n€8,000" in text
    assert "Battlecard\n2\n1\n1\n4.50\n2\n2\n0\n3\n1\n€5,000" in text
    assert "Price\n2" in text
    assert "Case study\naccepted\n11/1/2026" in text
    assert "Booth rubric v1" in text


def test_the_report_draws_its_charts(insights):
    figures = insights.compute(InsightFilters(), today=TODAY)
    text = pdf_text(build_report(figures))
    # Chart titles and axis labels are drawn as text by reportlab graphics.
    for chart in ("Funnel: all selected leads", "Funnel per event (largest six)",
                  "Grade mix per event", "Most used items", "Objections: most named",
                  "Competitors per month (top five)",
                  "Conversion by grade and qualification: Booth rubric v2"):
        assert chart in text
    drawing = bar_chart(["a", "b"], [("x", [1, 2]), ("y", [3, 4])], title="t")
    assert isinstance(drawing, Drawing)
    assert any(type(c).__name__ == "_Legend" for c in drawing.contents)


def test_the_report_says_what_it_was_filtered_by(insights):
    figures = insights.compute(InsightFilters(event_ids=(E1,)), today=TODAY)
    text = pdf_text(build_report(figures))
    assert "events: Expo North" in text
    assert "Summit South" not in text
    bob = build_report(insights.compute(InsightFilters(rep_id=BOB, team="west"), today=TODAY))
    assert "team west; rep Bob Baker" in pdf_text(bob)


def test_an_empty_selection_still_makes_a_report(tmp_path):
    from desktop.store import open_store
    from desktop.store.insights import InsightsQueries

    store = open_store(tmp_path / "empty.sqlite3")
    queries = InsightsQueries(store.engine)
    text = pdf_text(build_report(queries.compute()))
    assert "Nothing in this selection." in text
    assert "No data in this selection." in text
    queries.dispose()
    store.engine.dispose()


def test_a_german_report_writes_numbers_and_dates_the_german_way(insights, app_locale):
    app_locale("de_DE")
    figures = insights.compute(InsightFilters(), today=TODAY)
    text = pdf_text(build_report(figures))
    assert "Expo North\nC26\n6\n4\n3\n2\n2\n3\n8.000 €" in text  # pypdf reads the no-break space as one
    assert "Battlecard\n2\n1\n1\n4,50\n2\n2\n0\n3\n1\n5.000" in text
    assert "Case study\naccepted\n01.11.2026" in text
    assert "as of 27.11.2026" in text


def test_every_report_names_its_language_in_the_catalog(insights, app_locale):
    from desktop.reports.debriefs import digest_pdf
    from desktop.reports.leads import build_event_report

    app_locale("de_DE")
    figures = insights.compute(InsightFilters(), today=TODAY)
    lead = {"first_name": "Ana", "last_name": "Ortiz", "captured_at": "2026-11-24T10:15:00Z",
            "grade": "hot", "qualified": True}
    pdfs = [build_report(figures), build_event_report("Expo North", [lead]),
            digest_pdf([{"account": "Acme", "call_date": "2026-11-20"}])]
    for pdf in pdfs:
        reader = PdfReader(io.BytesIO(pdf))
        # The words are English, the numbers and dates German: English as used in Germany.
        assert reader.trailer["/Root"]["/Lang"] == "en-DE"
        assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    assert "24.11.2026" in pdf_text(pdfs[1])
    assert "20.11.2026" in pdf_text(pdfs[2])


def _placed_text(pdf: bytes, page: int = 0) -> list[tuple[float, str]]:
    """(x where it starts, text) of each run of text on a page, in the order drawn."""
    out: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            out.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return out


def test_percentages_line_up_on_the_right_like_the_counts_beside_them(insights):
    # They were set as left-aligned text right after right-aligned counts, so "126" and "41%"
    # ran together. Right-aligned, a narrower figure starts further right.
    figures = insights.compute(InsightFilters(), today=TODAY)
    placed = _placed_text(build_report(figures))
    start = next(i for i, (_x, t) in enumerate(placed) if t == "Of the stage before")
    end = next(i for i, (_x, t) in enumerate(placed) if t == "Qualified (share of captured)")
    column = [(x, t) for x, t in placed[start:end + 3] if t.endswith("%") or t == "—"]
    assert [t for _x, t in column] == ["—", "64%", "71%", "60%", "100%", "45%"]
    x = dict((t, x) for x, t in column)
    assert x["—"] > x["64%"] > x["100%"]
    counts = [(x, t) for x, t in placed[start:end + 3] if t.isdigit()]
    # Every count ends well before the percentage of its row starts.
    assert all(cx < x["100%"] - 20 for cx, _t in counts)


def test_the_report_writes_amounts_with_the_hubs_currency(insights, store):
    store.set_state("hub_settings", {"currency": "GBP"})
    text = pdf_text(build_report(insights.compute(InsightFilters(), today=TODAY)))
    assert "Won amount: £18,000" in text
    assert "Expo North\nC26\n6\n4\n3\n2\n2\n3\n£8,000" in text


def test_no_table_runs_past_the_right_margin(insights):
    # The events table asked for the whole room between the margins, but the page's frame pads
    # 6 pt on each side, so its last column printed past the right margin.
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.reports import fonts

    fonts.register()
    pdf = build_report(insights.compute(InsightFilters(), today=TODAY))
    right = A4[0] - 18 * mm
    for page in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        past = [(t, x) for x, t in _placed_text(pdf, page)
                if t.replace(".", "").replace("%", "").isdigit()
                and x + stringWidth(t, fonts.REGULAR, 8) > right + 0.5]
        assert past == [], f"page {page + 1}: {past}"
