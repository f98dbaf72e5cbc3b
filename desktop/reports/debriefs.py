"""PDFs of call debriefs: one debrief, or a digest of many, from plain dicts to PDF bytes.

Everything a person typed is escaped before it reaches reportlab's markup, so `<b>`, `&`,
emoji, right-to-left text or a 5,000-character word print as text and never break the build.
Builders never read the store and never touch Qt; they run in a worker and report progress.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from desktop.locale import format_date, format_datetime, format_int, report_language
from desktop.reports import fonts
from desktop.reports.fonts import plain

Progress = Callable[[int, int, str], None]

LABELS = {
    "call_type": "Call type", "stage": "Stage", "outcome": "Outcome", "contacts": "Contacts",
    "why_buy": "Why they buy", "reasons_buy": "Why they buy (in their words)",
    "why_not": "Why not", "reasons_not": "Why not (in their words)",
    "pain_points": "Pain points", "objections": "Objections", "competitors": "Competitors",
    "next_steps": "Next steps", "follow_up_on": "Follow up on", "notes": "Notes",
}


@cache
def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts.register()
    base = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, alignment=TA_LEFT,
                          splitLongWords=1, spaceAfter=2)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=21, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=12.5, leading=16,
                             spaceBefore=6, spaceAfter=3),
        "label": ParagraphStyle("label", parent=base, fontName=bold, fontSize=8.5,
                                textColor=colors.HexColor("#5d6b82"), spaceBefore=5, spaceAfter=1),
        "meta": ParagraphStyle("meta", parent=base, textColor=colors.HexColor("#5d6b82")),
        "reply": ParagraphStyle("reply", parent=base, leftIndent=8 * mm),
    }


def safe(value: Any, bold: bool = False) -> str:
    """Text as reportlab paragraph markup that shows exactly what was typed, in the shipped fonts
    that have its characters (`bold` inside a bold style)."""
    return fonts.markup(value, bold)


def _tags(values: Any) -> str:
    if not isinstance(values, list):
        return ""
    return ", ".join(str(v) for v in values if v not in (None, ""))


def _choice(value: Any) -> str:
    return str(value).replace("_", " ").capitalize() if value else ""


class _Reached(Flowable):
    """A zero-size marker; drawing it means the debrief before it is laid out."""

    def __init__(self, done: int) -> None:
        super().__init__()
        self.done = done

    def wrap(self, *_args: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


class _Label(Flowable):
    """A one-line section label drawn directly: no markup to parse, so long digests stay fast."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return (avail_width, 15)

    def draw(self) -> None:
        self.canv.setFillColor(colors.HexColor("#5d6b82"))
        fonts.draw(self.canv, 0, 3, self.text, 8.5, bold=True)


def _debrief_flowables(item: Mapping[str, Any]) -> list[Flowable]:
    st = _styles()
    out: list[Flowable] = [Paragraph(safe(item.get("account") or "—", bold=True), st["h2"])]
    meta = [
        safe(format_date(item.get("call_date") or "")),
        safe(_choice(item.get("call_type"))),
        safe(_choice(item.get("stage"))),
        safe(_choice(item.get("outcome"))),
        safe(item.get("author") and f"by {item['author']}"),
        "draft" if item.get("status") == "draft" else "",
    ]
    out.append(Paragraph(" · ".join(m for m in meta if m), st["meta"]))
    for name in ("contacts", "why_buy", "reasons_buy", "why_not", "reasons_not", "pain_points",
                 "objections", "competitors"):
        value = item.get(name)
        shown = _tags(value) if isinstance(value, list) else value
        if shown:
            out.append(_Label(LABELS[name]))
            out.append(Paragraph(safe(shown), st["body"]))
    used = item.get("collateral") or []
    if used:
        out.append(_Label("Collateral used"))
        for c in used:
            verdict = {True: "helped", False: "did not help"}.get(c.get("helpful"), "not rated")
            out.append(Paragraph(f"• {safe(c.get('title'))} — {verdict}", st["body"]))
    for name in ("next_steps", "follow_up_on", "notes"):
        if item.get(name):
            out.append(_Label(LABELS[name]))
            shown = format_date(item[name]) if name == "follow_up_on" else item[name]
            out.append(Paragraph(safe(shown), st["body"]))
    replies = item.get("comments") or []
    if replies:
        out.append(_Label("Replies"))
        for c in replies:
            who = safe(c.get("author") or "Someone", bold=True)
            when = safe(format_datetime(c.get("created_at")))
            out.append(Paragraph(f"<b>{who}</b> {when}<br/>{safe(c.get('body'))}", st["reply"]))
    return out


def _build(story: list[Flowable], title: str, total: int, progress: Progress | None,
           check: Callable[[], None] | None) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=plain(title)[:200], author="Fieldnote",
                            leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, lang=report_language(), displayDocTitle=True,
                            initialFontName=fonts.REGULAR)
    def after(flowable: Flowable) -> None:
        if isinstance(flowable, _Reached):
            if check is not None:
                check()
            if progress is not None:
                progress(flowable.done, total, "Laying out")

    doc.afterFlowable = after

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#5d6b82"))
        fonts.draw(canvas, 18 * mm, 9 * mm, fonts.made_by(), 7.5)
        fonts.draw(canvas, A4[0] - 18 * mm, 9 * mm, f"{document.page}", 7.5, right=True)
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def debrief_pdf(item: Mapping[str, Any]) -> bytes:
    """One debrief as a PDF."""
    st = _styles()
    story: list[Flowable] = [Paragraph("Call debrief", st["title"]), *_debrief_flowables(item)]
    return _build(story, f"Debrief: {item.get('account') or ''}", 1, None, None)


def digest_pdf(
    items: Sequence[Mapping[str, Any]],
    *,
    title: str = "Debrief digest",
    subtitle: str = "",
    progress: Progress | None = None,
    check: Callable[[], None] | None = None,
) -> bytes:
    """Many debriefs as one PDF: a summary first, then each debrief. `check` may raise to cancel."""
    st = _styles()
    total = len(items)
    story: list[Flowable] = [Paragraph(safe(title, bold=True), st["title"])]
    if subtitle:
        story.append(Paragraph(safe(subtitle), st["meta"]))
    story.extend(_summary(items))
    story.append(PageBreak())
    for done, item in enumerate(items, start=1):
        story.extend(_debrief_flowables(item))
        story.append(_Reached(done))
        if done < total:
            story.append(HRFlowable(width="100%", thickness=0.5, color=colors.HexColor("#d9dfe8"),
                                    spaceBefore=6, spaceAfter=4))
        if check is not None and done % 50 == 0:
            check()
    if not items:
        story.append(Paragraph("No debriefs match.", st["body"]))
    return _build(story, title, total, progress, check)


def _summary(items: Sequence[Mapping[str, Any]]) -> list[Flowable]:
    st = _styles()
    dates = sorted(str(i["call_date"]) for i in items if i.get("call_date"))
    span = f"calls from {format_date(dates[0])} to {format_date(dates[-1])}" if dates else "no calls"
    count = f"{format_int(len(items))} {'debrief' if len(items) == 1 else 'debriefs'}"
    # The one line that counts the debriefs (a caller's subtitle says only what was asked for).
    out: list[Flowable] = [Paragraph(f"{count}, {safe(span)}", st["meta"]),
                           Spacer(1, 4 * mm)]
    for label, counter in (
        ("Outcomes", Counter(_choice(i.get("outcome")) or "Not set" for i in items)),
        ("Top objections", _count_tags(i.get("objections") for i in items)),
        ("Top competitors", _count_tags(i.get("competitors") for i in items)),
        ("Why they buy", _count_tags(i.get("why_buy") for i in items)),
        ("Why not", _count_tags(i.get("why_not") for i in items)),
    ):
        if counter:
            out.append(Paragraph(safe(label), st["label"]))
            text = ", ".join(f"{safe(k)} ({format_int(n)})" for k, n in counter.most_common(10))
            out.append(Paragraph(text, st["body"]))
    return out


def _count_tags(lists: Iterable[Any]) -> Counter[str]:
    counter: Counter[str] = Counter()
    for values in lists:
        if isinstance(values, list):
            counter.update(str(v) for v in values if v)
    return counter
