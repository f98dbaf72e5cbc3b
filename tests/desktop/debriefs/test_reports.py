"""Debrief PDFs hold every field and print hostile text as text; calendar files follow RFC 5545."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from desktop.ics import debrief_follow_up, escape_text, fold, follow_up_event
from desktop.reports.debriefs import debrief_pdf, digest_pdf, safe
from desktop.tasks import Cancelled

ITEM = {
    "id": "01900000-0000-7000-8000-000000000001", "account": "Acme Freight",
    "contacts": "Dana Ruiz (COO)", "call_date": "2026-11-20", "call_type": "negotiation",
    "stage": "propose", "outcome": "no_decision", "why_buy": ["Saves time"],
    "reasons_buy": "Manual dispatch eats two days a week", "why_not": ["Budget"],
    "reasons_not": "Budget frozen until April", "pain_points": "Late invoices",
    "objections": ["Price", "Timing"], "competitors": ["Zeta Logistics"],
    "collateral": [{"title": "ROI sell sheet", "helpful": True}, {"title": "Old deck", "helpful": False}],
    "next_steps": "Send revised quote", "follow_up_on": "2026-12-01", "notes": "Decision in Q1",
    "author": "Riley Rep", "status": "submitted",
    "comments": [{"author": "Maya Marketer", "body": "Use the Q4 promo", "created_at": "2026-11-21T09:00:00Z"}],
}


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_of_one_debrief_contains_its_fields():
    text = pdf_text(debrief_pdf(ITEM))
    for expected in ("Acme Freight", "Dana Ruiz (COO)", "11/20/2026", "Negotiation", "Propose",
                     "No decision", "Saves time", "Manual dispatch eats two days a week", "Budget",
                     "Budget frozen until April", "Late invoices", "Price, Timing", "Zeta Logistics",
                     "ROI sell sheet — helped", "Old deck — did not help", "Send revised quote",
                     "12/1/2026", "Decision in Q1", "Riley Rep", "Maya Marketer", "Use the Q4 promo"):
        assert expected in text, expected


@pytest.mark.parametrize(
    "hostile",
    ["<b>bold</b> & <i>", "<para>x</para><font size=40>", "&amp; &lt; &#0;", "a" * 3000,
     "emoji 😀👍🏽 here", "שלום עולם", "مرحبا بالعالم", "bad \ud800 surrogate", "ctrl \x07\x0b chars",
     "]]> <![CDATA[ x", "<img src='x'/>"],
)
def test_hostile_text_renders_as_text(hostile):
    item = {**ITEM, "account": hostile, "notes": hostile, "objections": [hostile],
            "comments": [{"author": hostile, "body": hostile, "created_at": "x"}]}
    data = debrief_pdf(item)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    printable = hostile.split(" ")[0]
    if printable.isascii() and len(printable) < 50:
        assert printable in text
    assert "Decision in Q1" not in text  # the notes were replaced, nothing else leaked in


def test_markup_is_escaped_not_interpreted():
    assert safe("<b>x</b> & y\nz") == "&lt;b&gt;x&lt;/b&gt; &amp; y<br/>z"
    assert "<b>bold</b>" in pdf_text(debrief_pdf({**ITEM, "notes": "<b>bold</b>"}))


def test_right_to_left_text_reads_in_order():
    assert "שלום עולם" in pdf_text(debrief_pdf({**ITEM, "notes": "שלום עולם"}))


def test_the_digest_holds_every_debrief_a_summary_and_reports_progress():
    items = [{**ITEM, "account": f"Account {i}", "outcome": "won" if i % 2 else "lost"} for i in range(30)]
    seen = []
    text = pdf_text(digest_pdf(items, progress=lambda done, total, _m: seen.append((done, total))))
    assert all(f"Account {i}" in text for i in range(30))
    assert "30 debriefs, calls from 11/20/2026 to 11/20/2026" in text and "Won (15)" in text and "Price (30)" in text
    assert seen[-1] == (30, 30) and len(seen) == 30


def test_the_digest_build_stops_when_cancelled():
    calls = []

    def check():
        calls.append(1)
        if len(calls) > 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        digest_pdf([ITEM] * 200, check=check)


def test_calendar_text_is_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_calendar_lines_fold_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "é" * 100 + "😀" * 20
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_a_follow_up_becomes_an_all_day_event():
    data = follow_up_event("abc", dt.date(2026, 12, 1), "Follow up: Acme, Inc; \\ East",
                           "Send quote\nCall Dana", stamp=dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC))
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\nDTSTART;VALUE=DATE:20261201\r\n" in text and "\nDTEND;VALUE=DATE:20261202\r\n" in text
    assert "\nDTSTAMP:20261120T093000Z\r\n" in text
    assert "SUMMARY:Follow up: Acme\\, Inc\\; \\\\ East\r\n" in text
    assert "DESCRIPTION:Send quote\\nCall Dana\r\n" in text
    assert "UID:abc@fieldnote\r\n" in text
    assert "\n" not in text.replace("\r\n", "")


def test_a_debrief_without_a_follow_up_date_has_no_calendar_file():
    assert debrief_follow_up({**ITEM, "follow_up_on": None}) is None
    assert b"SUMMARY:Follow up: Acme Freight" in debrief_follow_up(ITEM)
