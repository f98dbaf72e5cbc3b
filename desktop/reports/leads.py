"""The event report: totals by grade, by rep and by day, the qualified rate, and the lead table.

Data in, PDF bytes out: `summarise` is plain Python over lead rows, `build_event_report`
renders it with reportlab. No store, no Qt.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.locale import format_date, format_datetime, format_int, format_percent, report_language
from desktop.reports import fonts

ACCENT = colors.HexColor("#1f6feb")
TEXT = colors.HexColor("#1b2333")
MUTED = colors.HexColor("#5d6b82")
BORDER = colors.HexColor("#d9dfe8")
ZEBRA = colors.HexColor("#f4f6f9")
GRADE_ORDER = ("hot", "warm", "cold", "ungraded")
STATUS_LABELS = {None: "New", "contacted": "Contacted", "meeting": "Meeting",
                 "opportunity": "Opportunity", "won": "Won", "lost": "Lost",
                 "disqualified": "Disqualified"}
PAGE = landscape(A4)
WIDTH = PAGE[0] - 30 * mm


@dataclass
class EventSummary:
    total: int = 0
    qualified: int = 0
    by_grade: dict[str, int] = field(default_factory=dict)
    by_rep: list[tuple[str, int, int]] = field(default_factory=list)  # name, leads, qualified
    by_day: list[tuple[str, int, int]] = field(default_factory=list)  # YYYY-MM-DD, leads, qualified

    @property
    def qualified_rate(self) -> float:
        return self.qualified / self.total if self.total else 0.0


def _day(iso: Any) -> str:
    """The capture day in local time (a booth's day, not UTC's)."""
    if not isinstance(iso, str) or len(iso) < 10:
        return "unknown"
    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso[:10]
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.date().isoformat()


def summarise(leads: Iterable[Mapping[str, Any]]) -> EventSummary:
    """Totals of lead rows (fields plus `owner_name`), as the report prints them."""
    summary = EventSummary()
    grades: Counter[str] = Counter()
    reps: Counter[str] = Counter()
    reps_q: Counter[str] = Counter()
    days: Counter[str] = Counter()
    days_q: Counter[str] = Counter()
    for lead in leads:
        summary.total += 1
        qualified = bool(lead.get("qualified"))
        summary.qualified += qualified
        grade = lead.get("grade")
        grades[str(grade) if grade in GRADE_ORDER else "ungraded"] += 1
        rep = lead.get("owner_name") or "Unassigned"
        reps[rep] += 1
        reps_q[rep] += qualified
        day = _day(lead.get("captured_at"))
        days[day] += 1
        days_q[day] += qualified
    summary.by_grade = {g: grades.get(g, 0) for g in GRADE_ORDER}
    summary.by_rep = sorted(((r, n, reps_q[r]) for r, n in reps.items()), key=lambda x: (-x[1], x[0]))
    summary.by_day = sorted((d, n, days_q[d]) for d, n in days.items())
    return summary


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    regular, bold = fonts.register()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], alignment=TA_LEFT, textColor=TEXT,
                                fontName=bold, fontSize=20, leading=24, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=TEXT, fontName=bold,
                             fontSize=12, spaceBefore=10, spaceAfter=4),
        "body": ParagraphStyle("body", parent=base["BodyText"], textColor=TEXT, fontName=regular,
                               fontSize=9.5),
        "muted": ParagraphStyle("muted", parent=base["BodyText"], textColor=MUTED,
                                fontName=regular, fontSize=8.5),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9, textColor=TEXT),
        "small_cell": ParagraphStyle("small_cell", fontName=regular, fontSize=8.5, leading=10,
                                     textColor=TEXT),
    }


def _esc(text: str, bold: bool = False) -> str:
    return fonts.markup(text, bold)


def _cell(text: str, style: ParagraphStyle) -> str | Paragraph:
    """A table cell: the plain string when the body font prints it (fast for long tables), else
    a paragraph that switches fonts (and shapes right-to-left text)."""
    return Paragraph(fonts.markup(text), style) if fonts.needs_markup(text) else text


def _pct(part: int, whole: int) -> str:
    return format_percent(part / whole, 1) if whole else "—"


def _fit(text: Any, width: float, size: float = 7.5) -> str:
    """Text cut with an ellipsis to fit a table cell (the PDF is a view; the data stays whole)."""
    return fonts.fit(text, width, size)


def _small_table(header: Sequence[str], rows: list[list[str]], widths: Sequence[float]) -> Table:
    cell = _styles()["small_cell"]
    body = [[_cell(c, cell) for c in row] for row in rows]
    table = Table([list(header), *body], colWidths=list(widths), hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8.5),
        ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, BORDER),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


LEAD_COLUMNS: tuple[tuple[str, str, float], ...] = (
    # key, header, share of the width
    ("name", "Name", 0.14),
    ("company", "Company", 0.14),
    ("title", "Title", 0.095),
    ("email", "Email", 0.18),
    ("grade", "Grade", 0.05),
    ("score", "Score", 0.045),
    ("qualified", "Qual.", 0.04),
    ("status", "Status", 0.075),
    ("owner_name", "Rep", 0.10),
    ("captured_at", "Captured", 0.115),
)


# Columns of codes (an email is one word): shrunk to fit whole before they are cut.
CODE_COLUMNS = frozenset({"email"})


def _lead_cells(lead: Mapping[str, Any], widths: Sequence[float],
                style: ParagraphStyle) -> list[str | Paragraph]:
    name = " ".join(p for p in (lead.get("first_name"), lead.get("last_name")) if p) or (
        lead.get("badge_id") or "—")
    values = {
        "name": name,
        "company": lead.get("company"),
        "title": lead.get("title"),
        "email": lead.get("email"),
        "grade": (lead.get("grade") or "").capitalize(),
        "score": "" if lead.get("score") is None else str(lead.get("score")),
        "qualified": "yes" if lead.get("qualified") else "",
        "status": STATUS_LABELS.get(lead.get("status"), str(lead.get("status") or "")),
        "owner_name": lead.get("owner_name"),
        "captured_at": format_datetime(lead.get("captured_at")),
    }
    cells: list[str | Paragraph] = []
    for (key, _h, _s), w in zip(LEAD_COLUMNS, widths, strict=True):
        if key in CODE_COLUMNS and values[key]:
            # A code is no use cut short: a smaller size first, the ellipsis only past that.
            size = fonts.word_size(values[key], w - 6, style.fontSize, smallest=5.5)
            if size < style.fontSize:
                text = _fit(values[key], w - 6, size)
                cells.append(Paragraph(fonts.markup(text), _sized(style, size))
                             if fonts.needs_markup(text) else _Sized(text, size))
                continue
        cells.append(_cell(_fit(values[key], w - 6), style))
    return cells


class _Sized(str):
    """A plain cell set in a smaller size than its table's (the table adds the style command)."""

    size: float

    def __new__(cls, text: str, size: float) -> _Sized:
        cell = super().__new__(cls, text)
        cell.size = size
        return cell


@cache
def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{size:.2f}", parent=style, fontSize=size,
                          leading=style.leading)


def build_event_report(
    title: str,
    leads: Sequence[Mapping[str, Any]],
    *,
    event: Mapping[str, Any] | None = None,
    generated_at: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The event report as PDF bytes. `leads` are lead rows with `owner_name` and `status`."""
    styles = _styles()
    summary = summarise(leads)
    story: list[Any] = [Paragraph(_esc(title, bold=True), styles["title"])]
    facts = []
    if event:
        if event.get("venue"):
            facts.append(str(event["venue"]))
        dates = " – ".join(format_date(d) for d in (event.get("starts_on"), event.get("ends_on")) if d)
        if dates:
            facts.append(dates)
        if event.get("campaign_code"):
            facts.append(f"campaign {event['campaign_code']}")
    facts.append(f"generated {generated_at or format_datetime(dt.datetime.now().astimezone())}")
    story.append(Paragraph(_esc(" · ".join(facts)), styles["muted"]))
    story.append(Spacer(1, 6))
    story.append(Paragraph(
        _esc(f"Leads: {format_int(summary.total)}   Qualified: {format_int(summary.qualified)} "
             f"({_pct(summary.qualified, summary.total)} qualified rate)"), styles["body"]))

    story.append(Paragraph("By grade", styles["h2"]))
    grade_rows = [[g.capitalize(), format_int(n), _pct(n, summary.total)]
                  for g, n in summary.by_grade.items()]
    grade_rows.append(["Total", format_int(summary.total), _pct(summary.total, summary.total)])
    story.append(_small_table(("Grade", "Leads", "Share"), grade_rows, (90, 60, 60)))

    story.append(Paragraph("By rep", styles["h2"]))
    story.append(_small_table(
        ("Rep", "Leads", "Qualified", "Qualified rate"),
        [[_fit(r, 160, 8.5), format_int(n), format_int(q), _pct(q, n)] for r, n, q in summary.by_rep],
        (170, 60, 60, 80),
    ))
    story.append(Paragraph("By day", styles["h2"]))
    story.append(_small_table(
        ("Day", "Leads", "Qualified", "Qualified rate"),
        [[format_date(d), format_int(n), format_int(q), _pct(q, n)] for d, n, q in summary.by_day],
        (90, 60, 60, 80),
    ))

    story.append(Paragraph("Leads", styles["h2"]))
    widths = [WIDTH * share for _k, _h, share in LEAD_COLUMNS]
    rows: list[list[str | Paragraph]] = [[h for _k, h, _s in LEAD_COLUMNS]]
    total = len(leads)
    for i, lead in enumerate(leads, start=1):
        rows.append(_lead_cells(lead, widths, styles["cell"]))
        if progress is not None and (i % 500 == 0 or i == total):
            progress(i, total)
    if total:
        table = LongTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, 7.5),
            ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 7.5),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, BORDER),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            # Codes set smaller so that they fit whole.
            *(("FONTSIZE", (c, r), (c, r), cell.size) for r, row in enumerate(rows)
              for c, cell in enumerate(row) if isinstance(cell, _Sized)),
        ]))
        story.append(table)
    else:
        story.append(Paragraph("No leads yet.", styles["muted"]))

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=14 * mm, bottomMargin=14 * mm, title=title,
                            author="Fieldnote", lang=report_language(), displayDocTitle=True,
                            initialFontName=fonts.REGULAR)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        fonts.draw(canvas, 15 * mm, 8 * mm, fonts.made_by(), 7.5)
        fonts.draw(canvas, PAGE[0] - 15 * mm, 8 * mm, f"{title} · page {document.page}", 7.5,
                   right=True)
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
