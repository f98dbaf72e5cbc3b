"""Codes (emails, campaign codes, ids) and column titles print whole in the PDFs: a word too
wide for its column gets a smaller size, never a line break or an ellipsis inside it."""

from __future__ import annotations

import io

from pypdf import PdfReader

from desktop.reports import fonts
from desktop.reports.insights import build_report
from desktop.reports.leads import build_event_report
from fieldnote.insights import InsightFilters
from tests.desktop.insights.conftest import insights, store  # noqa: F401 - fixtures
from tests.desktop.insights.fixture_data import TODAY


def pdf_lines(pdf: bytes) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return [line.strip() for line in text.splitlines()]


def test_a_long_email_in_the_lead_table_prints_whole():
    email = "alejandro.ibanez@logisticabajio.com.mx"  # a demo lead's, cut with "…" before
    lead = {"first_name": "Alejandro", "last_name": "Ibáñez", "email": email,
            "captured_at": "2026-11-24T10:15:00Z"}
    assert email in pdf_lines(build_event_report("Expo", [lead]))


def test_insights_column_titles_and_campaign_codes_are_never_broken_inside(insights):  # noqa: F811
    figures = dict(insights.compute(InsightFilters(), today=TODAY))
    code = "DWS26-NYC-Q4"  # wider than the campaign column at the table's 8 pt
    figures["events"] = [{**e, "campaign_code": code} for e in figures["events"]]
    lines = pdf_lines(build_report(figures))
    assert code in lines
    for title in ("Share", "Rating", "Votes", "Deals", "Ungraded"):
        assert title in lines, title
    # Broken words would leave their pieces on lines of their own.
    assert not {"e", "g", "s", "d", "Shar", "Ratin", "Vote", "Deal"} & set(lines)


def test_the_size_for_a_word_is_the_largest_that_fits_and_never_below_the_floor():
    word = "someone@example-company.com"
    assert fonts.word_size(word, 500, 8) == 8
    size = fonts.word_size(word, 100, 8)
    assert size < 8 and fonts.width(word, size) <= 100
    assert fonts.word_size(word, 5, 8) == 5.5
