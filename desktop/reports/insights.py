"""The Insights report: the page's figures (as `InsightsQueries.compute` returns them) as a PDF.

Charts are drawn with reportlab graphics and every chart has its table next to it, so a number
in the PDF can be found in the app and the JSON. Data in, PDF bytes out: no store, no Qt.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.locale import (
    format_amount,
    format_date,
    format_int,
    format_money,
    format_number,
    format_percent,
    report_language,
)
from desktop.reports import fonts
from fieldnote.costs import MIXED
from fieldnote.insights import BESIDE_CHAIN, CHAIN, GRADE_GROUPS, VOICE_DIMENSIONS
from fieldnote.money import DEFAULT_CURRENCY

# The light theme's tokens, so the PDF looks like the page.
ACCENT = colors.HexColor("#1f6feb")
TEXT = colors.HexColor("#1b2333")
MUTED = colors.HexColor("#5d6b82")
BORDER = colors.HexColor("#d9dfe8")
ZEBRA = colors.HexColor("#f4f6f9")
SERIES = [colors.HexColor(c) for c in (
    "#1f6feb", "#d4a72c", "#1a7f37", "#d1242f", "#8250df", "#4f8fd9", "#bf8700", "#57606a")]
GRADE_COLOURS = {"hot": "#d1242f", "warm": "#d4a72c", "cold": "#4f8fd9", "ungraded": "#8c959f"}

# The room between the margins, less the 6 pt a SimpleDocTemplate frame pads on each side.
WIDTH = A4[0] - 36 * mm - 12
MAX_ROWS = 40  # long lists are cut, with a line saying how many more there are

LABELS = {
    "captured": "Captured", "qualified": "Qualified", "contacted": "Contacted",
    "meeting": "Meeting", "opportunity": "Opportunity", "won": "Won",
    "objections": "Objections", "competitors": "Competitors", "why_buy": "Why they buy",
    "why_not": "Why they don't",
}


# The funnel's counts as tables show them: the chain, then qualified beside it.
SHOWN = (*CHAIN, *BESIDE_CHAIN)
SHORT = {"captured": "Capt.", "qualified": "Qual.", "contacted": "Cont.", "meeting": "Meet.",
         "opportunity": "Opp.", "won": "Won"}


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    regular, bold = fonts.register()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], alignment=TA_LEFT, textColor=TEXT,
                                fontName=bold, fontSize=20, leading=24, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], textColor=TEXT, fontName=bold,
                             fontSize=15, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=TEXT, fontName=bold,
                             fontSize=11.5, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "body": ParagraphStyle("body", parent=base["BodyText"], textColor=TEXT, fontName=regular,
                               fontSize=9),
        "muted": ParagraphStyle("muted", parent=base["BodyText"], textColor=MUTED,
                                fontName=regular, fontSize=8.5),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], textColor=TEXT, fontName=regular,
                               fontSize=8, leading=10),
        "head_num": ParagraphStyle("head_num", parent=base["BodyText"], textColor=TEXT,
                                   fontName=regular, fontSize=8, leading=10, alignment=TA_RIGHT),
    }


def _esc(value: object, bold: bool = False) -> str:
    """Markup that prints `value` as typed, in the shipped fonts that have its characters."""
    return fonts.markup(value if value is not None else "—", bold)


def _num(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return format_amount(value)
    return format_int(value) if isinstance(value, (int, float)) else str(value)


class _Figure(str):
    """A formatted number (a percentage, an amount with its currency): set right-aligned in its
    column like the plain numbers, never as running text beside them."""


def _pct(value: float | None) -> str:
    return _Figure(format_percent(value))


def _money(value: float | None, figures: Mapping[str, Any]) -> str:
    """An amount with the currency the figures are in (a hub setting)."""
    return _Figure(format_money(value or 0, figures.get("currency") or DEFAULT_CURRENCY))


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{size:.2f}", parent=style, fontSize=size,
                          leading=size * 1.25)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float] | None = None,
           styles: Mapping[str, ParagraphStyle] | None = None, total: int | None = None) -> list[Any]:
    """A zebra table; numbers right-aligned; cut at MAX_ROWS with a note of what was left out."""
    st = styles or _styles()
    if widths is not None and sum(widths) > WIDTH:
        # No table runs past the right margin: columns asked for wider share the room.
        widths = [w * WIDTH / sum(widths) for w in widths]
    shown = list(rows[:MAX_ROWS])
    # A column of numbers (counts, amounts, percentages) is right-aligned, its title too, so
    # that a count and the percentage beside it never run together.
    numeric = [i > 0 and bool(shown) and all(c is None or isinstance(c, (_Figure, int, float))
                                             for c in (row[i] for row in shown))
               for i in range(len(header))]
    # The room for text in each column (its width less the paddings set below).
    room: list[float | None] = ([w - (11 if i else 6) for i, w in enumerate(widths)]
                                if widths is not None else [None] * len(header))

    def cell(text: object, column: int, bold: bool = False, right: bool = False) -> Paragraph:
        # A word (a campaign code, an email, a title word) wider than its column gets a smaller
        # size rather than a line break inside it.
        base = st["head_num" if right else "cell"]
        space = room[column]
        size = base.fontSize if space is None else fonts.word_size(text, space, base.fontSize, bold)
        style = base if size == base.fontSize else _sized(base, size)
        shown_text = f"<b>{_esc(text, bold=True)}</b>" if bold else _esc(text)
        return Paragraph(shown_text, style)

    data: list[list[Any]] = [[cell(h, i, bold=True, right=numeric[i]) for i, h in enumerate(header)]]
    for row in shown:
        data.append([_num(c) if c is None or isinstance(c, (_Figure, int, float))
                     else cell(c, i) for i, c in enumerate(row)])
    if not shown:
        data.append([Paragraph("Nothing in this selection.", st["cell"])] + [""] * (len(header) - 1))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, BORDER),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        # Room between a right-aligned figure and the column before it.
        ("LEFTPADDING", (1, 0), (-1, -1), 8),
    ]
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    table.setStyle(TableStyle(style))
    out: list[Any] = [table]
    left_out = (total if total is not None else len(rows)) - len(shown)
    if left_out > 0:
        out.append(Paragraph(f"… and {format_int(left_out)} more (see the app or the JSON).", st["muted"]))
    return out


def bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    width: float = WIDTH,
    height: float = 160,
    horizontal: bool = False,
    colours: Sequence[colors.Color] | None = None,
    percent: bool = False,
) -> Drawing:
    """A bar chart drawing (vertical or horizontal), with a legend when there are several series."""
    # A little room under the legend so the table after the chart never touches it.
    height += 6
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR)
    shown, font = fonts.label(title, bold=True)
    drawing.add(String(0, height - 11, shown, fontName=font, fontSize=9, fillColor=TEXT))
    if not categories or not series:
        drawing.add(String(0, height / 2, "No data in this selection.", fontName=fonts.REGULAR,
                           fontSize=8, fillColor=MUTED))
        return drawing
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    legend_h = 14 if len(series) > 1 else 0
    left = 120 if horizontal else 34
    chart.x, chart.y = left, 30 + legend_h
    chart.width, chart.height = width - left - 12, height - 50 - legend_h
    chart.data = [list(values) for _, values in series]
    # Each category label in the one shipped font that has most of its characters.
    labels = [fonts.label(_short(c, 26 if horizontal else 14)) for c in categories]
    chart.categoryAxis.categoryNames = [text for text, _font in labels]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    for i, (_text, label_font) in enumerate(labels):
        if label_font != fonts.REGULAR:
            # reportlab numbers the label styles by position: reversed with the axis.
            chart.categoryAxis.labels[len(labels) - 1 - i if horizontal else i].fontName = label_font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.strokeColor = BORDER
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = BORDER
    chart.valueAxis.valueMin = 0
    peak = max((v for _, values in series for v in values), default=0)
    if percent:
        chart.valueAxis.valueMax = max(1.0, peak)
        chart.valueAxis.labelTextFormat = format_percent
    elif peak <= 0:
        chart.valueAxis.valueMax = 1
    elif peak <= 12:
        # Counts: whole-number steps, never 0.5.
        chart.valueAxis.valueStep = 1 if peak <= 6 else 2
        chart.valueAxis.valueMax = peak + (peak % 2 if peak > 6 else 0)
    if horizontal:
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.reverseDirection = True
    elif len(categories) > 6:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barSpacing = 1
    chart.groupSpacing = 6
    palette = list(colours or SERIES)
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        drawing.add(_legend(left, 15, [_short(name, 18) for name, _ in series], palette))
    return drawing


class _Legend(Group):
    """One row of colour swatches and series names, each name in the shipped font that has it
    (reportlab's Legend draws every name in one font, and no one font has every script)."""


def _legend(x: float, y: float, names: Sequence[str], palette: Sequence[colors.Color]) -> _Legend:
    legend = _Legend()
    for i, name in enumerate(names):
        text, font = fonts.label(name)
        legend.add(Rect(x, y, 6, 6, fillColor=palette[i % len(palette)], strokeColor=None))
        legend.add(String(x + 10, y, text, fontName=font, fontSize=7, fillColor=TEXT))
        x += max(80, stringWidth(text, font, 7) + 22)
    return legend


def _filters_line(figures: Mapping[str, Any]) -> str:
    f = figures.get("filters") or {}
    parts = []
    if f.get("from") or f.get("to"):
        parts.append(f"{format_date(f.get('from')) or 'start'} to {format_date(f.get('to')) or 'today'}")
    names = [e["name"] for e in figures.get("events", []) if e.get("id") in (f.get("event_ids") or [])]
    if f.get("event_ids"):
        parts.append("events: " + ", ".join(names or f["event_ids"]))
    if f.get("team"):
        parts.append(f"team {f['team']}")
    if f.get("rep_id"):
        parts.append(f"rep {f.get('rep_name') or f['rep_id']}")
    return "; ".join(parts) or "all data in this device's cache"


def build_report(figures: Mapping[str, Any], *, title: str = "Fieldnote insights") -> bytes:
    """The whole Insights report as PDF bytes."""
    st = _styles()
    story: list[Any] = [
        Paragraph(_esc(title, bold=True), st["title"]),
        Paragraph(f"Selection: {_esc(_filters_line(figures))}. Figures as of "
                  f"{_esc(format_date(figures.get('as_of')))}, computed from the local data.", st["muted"]),
        Spacer(1, 6),
    ]
    story += _events_section(figures, st)
    story += _rubric_section(figures, st)
    story += _collateral_section(figures, st)
    story += _voice_section(figures, st)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=title,
                            author="Fieldnote", subject="Insights", lang=report_language(),
                            displayDocTitle=True, initialFontName=fonts.REGULAR)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        fonts.draw(canvas, 18 * mm, 9 * mm, f"{title} · as of {format_date(figures.get('as_of'))} · {fonts.made_by()}", 7.5)
        fonts.draw(canvas, A4[0] - 18 * mm, 9 * mm, f"page {document.page}", 7.5, right=True)
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _events_section(figures: Mapping[str, Any], st: Mapping[str, ParagraphStyle]) -> list[Any]:
    out: list[Any] = [Paragraph("Events and campaigns", st["h1"])]
    totals = figures.get("totals") or {}
    conv = totals.get("conversion") or {}
    out.append(KeepTogether([
        bar_chart([LABELS[s] for s in CHAIN], [("Leads", [totals.get(s, 0) for s in CHAIN])],
                  title="Funnel: all selected leads"),
        *_table(["Stage", "Leads", "Of the stage before"],
                [*([LABELS[s], totals.get(s, 0), _pct(conv.get(s))] for s in CHAIN),
                 ["Qualified (share of captured)", totals.get("qualified", 0),
                  _pct(conv.get("qualified"))]],
                widths=[50 * mm, 30 * mm, 40 * mm], styles=st),
        Paragraph(f"Won amount: {_esc(_money(totals.get('won_amount', 0), figures))}", st["body"]),
    ]))
    events = list(figures.get("events") or [])
    side = sorted(events, key=lambda e: -e["funnel"]["captured"])[:6]
    out.append(Paragraph("Side by side", st["h2"]))
    out.append(bar_chart([LABELS[s] for s in CHAIN],
                         [(e["key"], [e["funnel"][s] for s in CHAIN]) for e in side],
                         title="Funnel per event (largest six)", height=190))
    out.append(Spacer(1, 6))
    rows = [[e["key"], e.get("campaign_code") or "", *(e["funnel"][s] for s in SHOWN),
             _money(e["funnel"]["won_amount"], figures), e.get("avg_days_to_first_contact")]
            for e in events]
    out += _table(["Event", "Campaign", *(SHORT[s] for s in SHOWN), "Won amount",
                   "Avg days to 1st contact"], rows,
                  widths=[34 * mm, 24 * mm] + [13 * mm] * 6 + [20 * mm, 18 * mm], styles=st)
    out.append(Paragraph("Conversion at each step, and the share qualified", st["h2"]))
    out.append(Paragraph("Each stage of the chain as a share of the stage before it; qualified "
                         "as a share of captured.", st["muted"]))
    out += _table(["Event", *(LABELS[s] for s in CHAIN[1:]), "Qualified share"],
                  [[e["key"], *(_pct(e["conversion"].get(s)) for s in SHOWN[1:])] for e in events],
                  widths=[50 * mm] + [22 * mm] * 5, styles=st)
    campaigns = figures.get("campaigns") or {}
    out.append(Paragraph("Campaigns", st["h2"]))
    out += _table(["Campaign", *(SHORT[s] for s in SHOWN), "Won amount"],
                  [[code, *(c[s] for s in SHOWN), _money(c["won_amount"], figures)]
                   for code, c in campaigns.items()],
                  widths=[40 * mm] + [15 * mm] * 6 + [22 * mm], styles=st)
    out += _returns_table(events, campaigns, figures, st)
    out.append(Paragraph("Grade mix and reps", st["h2"]))
    mix_events = events[:12]
    out.append(bar_chart([e["key"] for e in mix_events],
                         [(g, [e["grade_mix"].get(g, 0) for e in mix_events]) for g in GRADE_GROUPS],
                         title="Grade mix per event", height=170,
                         colours=[colors.HexColor(GRADE_COLOURS[g]) for g in GRADE_GROUPS]))
    out += _table(["Event", *(g.capitalize() for g in GRADE_GROUPS), "Leads per rep", "Days", "Per day"],
                  [[e["key"], *(e["grade_mix"].get(g, 0) for g in GRADE_GROUPS),
                    ", ".join(f"{k} {v}" for k, v in list(e["per_rep"].items())[:4]),
                    len(e["per_day"]),
                    round(e["funnel"]["captured"] / len(e["per_day"]), 1) if e["per_day"] else None]
                   for e in events],
                  widths=[40 * mm] + [17 * mm] * 4 + [36 * mm, 12 * mm, 16 * mm], styles=st)
    return out


def _returns_table(events: Sequence[Mapping[str, Any]], campaigns: Mapping[str, Mapping[str, Any]],
                   figures: Mapping[str, Any], st: Mapping[str, ParagraphStyle]) -> list[Any]:
    """Cost and return of the events and campaigns that have a cost (`fieldnote.costs`)."""
    def amount(value: float | None, code: str) -> object:
        return None if value is None or code == MIXED else _Figure(format_money(value, code))

    def times(value: float | None) -> object:
        return None if value is None else _Figure(format_number(value, 2) + "×")

    def row(name: str, cost: Mapping[str, Any]) -> list[object]:
        code = cost["currency"]
        return [name, "mixed currencies" if code == MIXED else amount(cost["cost"], code),
                amount(cost["per_lead"], code), amount(cost["per_qualified"], code),
                amount(cost["per_opportunity"], code), _money(cost["pipeline"], figures),
                _money(cost["won_amount"], figures), times(cost["pipeline_per_cost"]),
                times(cost["won_per_cost"])]

    rows = [row(e["key"], e["cost"]) for e in events
            if e.get("cost") and e["cost"]["cost"] is not None]
    rows += [row(code, c["cost"]) for code, c in campaigns.items()
             if c.get("cost") and (c["cost"]["cost"] is not None or c["cost"]["currency"] == MIXED)]
    if not rows:
        return []
    return [Paragraph("Cost and return", st["h2"]),
            Paragraph("What each event and campaign cost per lead, per qualified lead and per "
                      "opportunity, and the pipeline its leads influenced and the amount they "
                      "won as multiples of the cost (only where both are in one currency).",
                      st["muted"]),
            *_table(["Event or campaign", "Cost", "Per lead", "Per qualified", "Per opportunity",
                     "Pipeline", "Won", "Pipeline ÷ cost", "Won ÷ cost"], rows,
                    widths=[30 * mm, 18 * mm, 16 * mm, 17 * mm, 18 * mm, 19 * mm, 19 * mm,
                            15 * mm, 14 * mm], styles=st)]


def _rubric_section(figures: Mapping[str, Any], st: Mapping[str, ParagraphStyle]) -> list[Any]:
    out: list[Any] = [Paragraph("Rubric check", st["h1"]), Paragraph(
        "Do hot and qualified leads convert better than the rest? Share of each group's leads "
        "that reached a meeting, an opportunity and a win, per rubric version.", st["muted"])]
    for group in figures.get("rubric_check") or []:
        name = f"{group['rubric_name']}" + (
            f" v{group['rubric_version']}" if group.get("rubric_version") is not None else "")
        rows_src = [*group["by_grade"].items(), *group["by_qualified"].items()]
        labels = [k.replace("_", " ").capitalize() for k, _ in rows_src]
        block = [
            Paragraph(_esc(name), st["h2"]),
            bar_chart(labels, [(m.capitalize(), [v[f"{m}_rate"] or 0 for _, v in rows_src])
                               for m in ("meeting", "opportunity", "won")],
                      title=f"Conversion by grade and qualification: {name}", height=150,
                      percent=True),
            *_table(["Group", "Leads", "Meeting", "Opp.", "Won", "Meeting %", "Opp. %", "Won %"],
                    [[lab, v["leads"], v["meeting"], v["opportunity"], v["won"],
                      _pct(v["meeting_rate"]), _pct(v["opportunity_rate"]), _pct(v["won_rate"])]
                     for lab, (_, v) in zip(labels, rows_src, strict=True)],
                    widths=[32 * mm] + [18 * mm] * 7, styles=st),
        ]
        out.append(KeepTogether(block))
    if not figures.get("rubric_check"):
        out.append(Paragraph("No leads in this selection.", st["body"]))
    return out


def _collateral_section(figures: Mapping[str, Any], st: Mapping[str, ParagraphStyle]) -> list[Any]:
    detail = figures.get("collateral_detail") or {}
    out: list[Any] = [Paragraph("Collateral effectiveness", st["h1"])]
    used = sorted((d for d in detail.values() if d["uses"]), key=lambda d: (-d["uses"], d["title"]))[:10]
    out.append(bar_chart([d["title"] for d in used],
                         [("Opens", [d["opens"] for d in used]), ("Shares", [d["shares"] for d in used]),
                          ("Presentations", [d["presentations"] for d in used])],
                         title="Most used items", horizontal=True, height=60 + 16 * max(len(used), 1)))

    def rows(ids: Sequence[str]) -> list[list[object]]:
        return [[detail[i]["title"], detail[i]["opens"], detail[i]["shares"], detail[i]["presentations"],
                 detail[i]["avg_rating"], detail[i]["ratings"], detail[i]["helped"],
                 detail[i]["not_helped"], detail[i]["deals"], detail[i]["deals_won"],
                 _money(detail[i]["deals_won_amount"], figures)] for i in ids if i in detail]

    header = ["Item", "Open", "Share", "Pres.", "Rating", "Votes", "Help", "No help",
              "Deals", "Won", "Won amount"]
    widths = [46 * mm] + [11.5 * mm] * 9 + [20 * mm]
    out.append(Paragraph("Most used", st["h2"]))
    out += _table(header, rows([d["id"] for d in used]), widths=widths, styles=st)
    out.append(Paragraph("Top: helped most, rated best", st["h2"]))
    out += _table(header, rows(figures.get("collateral_top") or []), widths=widths, styles=st)
    out.append(Paragraph("Bottom: helped least, rated worst", st["h2"]))
    out += _table(header, rows(figures.get("collateral_bottom") or []), widths=widths, styles=st)
    stale = figures.get("collateral_stale") or []
    out.append(Paragraph(f"Stale: approved items nobody used in 90 days ({format_int(len(stale))})", st["h2"]))
    out += _table(["Item", "Last used"], [[s["title"], format_date(s["last_used"]) or "never"] for s in stale],
                  widths=[110 * mm, 30 * mm], styles=st)
    out += _recipients_tables(figures, detail, st)
    req = figures.get("requests") or {}
    out.append(Paragraph(
        f"Requests: {format_int(req.get('open', 0))} open; {format_int(req.get('answered', 0))} answered, median "
        f"turnaround {_num(req.get('median_turnaround_days'))} days", st["h2"]))
    out += _table(["Request", "Status", "Needed by", "Age (days)", "Overdue"],
                  [[i["title"], i["status"], format_date(i["needed_by"]), i["age_days"],
                    "yes" if i["overdue"] else ""] for i in req.get("open_items") or []],
                  widths=[70 * mm, 22 * mm, 24 * mm, 20 * mm, 16 * mm], styles=st)
    return out


def _recipients_tables(figures: Mapping[str, Any], detail: Mapping[str, Mapping[str, Any]],
                       st: Mapping[str, ParagraphStyle]) -> list[Any]:
    """Collateral mailed to visitors and opened by them, per item and per event, as the page's
    "Opened by visitors" cards show it (`fieldnote.insights.recipient_open_figures`)."""
    sent = figures.get("collateral_recipients") or {}
    by_item = sorted((sent.get("by_item") or {}).items(),
                     key=lambda kv: (-kv[1]["mailed"], str((detail.get(kv[0]) or {}).get("title")
                                                           or kv[0])))
    if not by_item:
        return []
    names = {e.get("id"): e.get("key") for e in figures.get("events") or []}
    by_event = sorted((sent.get("by_event") or {}).items(),
                      key=lambda kv: (-kv[1]["mailed"], str(kv[0])))
    header = ["Mailed", "Opened", "Opens", "Median hours to first open"]
    widths = [70 * mm, 20 * mm, 20 * mm, 20 * mm, 40 * mm]

    def figures_of(f: Mapping[str, Any]) -> list[object]:
        return [f["mailed"], f["opened"], f["opens"], f["median_hours_to_first_open"]]

    return [Paragraph("Opened by visitors", st["h2"]),
            Paragraph("Items mailed to visitors from the lead's detail or the capture form, and "
                      "how many of those links the visitors opened.", st["muted"]),
            *_table(["Item", *header],
                    [[str((detail.get(cid) or {}).get("title") or cid[:8]), *figures_of(f)]
                     for cid, f in by_item], widths=widths, styles=st),
            *_table(["Event", *header],
                    [[str(names.get(eid) or eid or "(no event)"), *figures_of(f)]
                     for eid, f in by_event], widths=widths, styles=st)]


def _voice_section(figures: Mapping[str, Any], st: Mapping[str, ParagraphStyle]) -> list[Any]:
    voice = figures.get("voice") or {}
    out: list[Any] = [Paragraph("Voice of the customer", st["h1"]), Paragraph(
        f"From {format_int(voice.get('debriefs', 0))} submitted debriefs; a count is the number of "
        "debriefs that name the item.", st["muted"])]
    for dim in VOICE_DIMENSIONS:
        counts = list((figures.get(dim) or {}).items())
        top = counts[:10]
        block: list[Any] = [
            Paragraph(LABELS[dim], st["h2"]),
            bar_chart([k for k, _ in top], [(LABELS[dim], [v for _, v in top])],
                      title=f"{LABELS[dim]}: most named", horizontal=True,
                      height=44 + 16 * max(len(top), 1)),
            *_table([LABELS[dim], "Debriefs"], counts, widths=[110 * mm, 25 * mm], styles=st),
        ]
        out.append(KeepTogether(block[:3]))
        out += block[3:]
        by_month = (voice.get(dim) or {}).get("month") or {}
        names = [k for k, _ in top[:5]]
        if by_month and names:
            months = sorted(by_month)
            out.append(bar_chart(months, [(n, [by_month[m].get(n, 0) for m in months]) for n in names],
                                 title=f"{LABELS[dim]} per month (top five)", height=150))
            out += _table(["Month", *names], [[m, *(by_month[m].get(n, 0) for n in names)] for m in months],
                          widths=[25 * mm] + [28 * mm] * len(names), styles=st)
        for segment, title in (("team", "By team"), ("outcome", "By outcome")):
            seg = (voice.get(dim) or {}).get(segment) or {}
            if seg and names:
                keys = sorted(seg)
                out += _table([title, *names],
                              [[k or "(none)", *(seg[k].get(n, 0) for n in names)] for k in keys],
                              widths=[25 * mm] + [28 * mm] * len(names), styles=st)
                out.append(Spacer(1, 4))
    return out
