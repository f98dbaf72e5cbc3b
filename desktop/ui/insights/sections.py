"""The four tabs of the Insights page, each a grid of chart cards filled from computed figures.

A tab only lays out what `InsightsQueries.compute` returned; it never queries or computes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_date, format_int, format_money, format_number, format_percent
from desktop.ui.common.reflow import ReflowRow
from desktop.ui.insights.charts import ChartPanel, grade_colours
from desktop.ui.insights.table_model import Money
from desktop.ui.theme import Palette
from fieldnote.costs import MIXED
from fieldnote.insights import BESIDE_CHAIN, CHAIN, GRADE_GROUPS, VOICE_DIMENSIONS
from fieldnote.money import DEFAULT_CURRENCY

TOP_N = 10
# The funnel's counts as tables show them: the chain, then qualified beside it.
SHOWN = (*CHAIN, *BESIDE_CHAIN)


class _Tab(QScrollArea):
    """A scrolling grid of cards, two wide."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_tokens = palette
        self.setWidgetResizable(True)
        # Not a Tab stop of its own: what is inside is, and focus scrolls it into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("page")
        self.outer = QVBoxLayout(inner)
        self.outer.setContentsMargins(0, 4, 6, 4)
        self.outer.setSpacing(10)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.outer.addLayout(self.grid)
        self.outer.addStretch(1)
        self.setWidget(inner)

    def panel(self, title: str, row: int, col: int, span: int = 1, **kw: Any) -> ChartPanel:
        card = ChartPanel(title, self.palette_tokens, **kw)
        self.grid.addWidget(card, row, col, 1, span)
        return card

    def labels(self) -> dict[str, str]:
        return {
            "captured": self.tr("Captured"), "qualified": self.tr("Qualified"),
            "contacted": self.tr("Contacted"), "meeting": self.tr("Meeting"),
            "opportunity": self.tr("Opportunity"), "won": self.tr("Won"),
            "hot": self.tr("Hot"), "warm": self.tr("Warm"), "cold": self.tr("Cold"),
            "ungraded": self.tr("Ungraded"), "qualified_group": self.tr("Qualified"),
            "not_qualified": self.tr("Not qualified"),
            "objections": self.tr("Objections"), "competitors": self.tr("Competitors"),
            "why_buy": self.tr("Why they buy"), "why_not": self.tr("Why they don't"),
        }


def _pct(value: float | None) -> str:
    return format_percent(value)


class KpiStrip(QFrame):
    """The headline numbers: each stage of the funnel's chain, the won amount, and the share of
    qualified leads beside the chain."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        # Seven figures in one row on a wide window, wrapped onto two in a narrow one: a
        # figure ("1.054.000") is never cut off.
        self.row = ReflowRow(spacing=12)
        layout.addWidget(self.row)
        self.values: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        titles = {"captured": self.tr("Captured"), "contacted": self.tr("Contacted"),
                  "meeting": self.tr("Meeting"), "opportunity": self.tr("Opportunity"),
                  "won": self.tr("Won"), "won_amount": self.tr("Won amount"),
                  "qualified": self.tr("Qualified")}
        for key, title in titles.items():
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(title)
            caption.setProperty("role", "muted")
            value = QLabel("—")
            value.setStyleSheet("font-size: 17pt; font-weight: 700;")
            note = QLabel("")
            note.setProperty("role", "muted")
            box.addWidget(caption)
            box.addWidget(value)
            box.addWidget(note)
            self.row.add(cell)
            self.values[key], self.notes[key] = value, note

    def show_totals(self, totals: Mapping[str, Any], currency: str = DEFAULT_CURRENCY) -> None:
        captured = totals.get("captured", 0)
        conv = totals.get("conversion") or {}
        for key, label in self.values.items():
            value = totals.get(key, 0)
            if key == "won_amount":
                label.setText(format_money(value, currency))
            else:
                label.setText(format_int(value) if isinstance(value, (int, float)) else str(value))
            if key in BESIDE_CHAIN and captured:
                note = self.tr("%1 of captured").replace("%1", _pct(conv.get(key)))
            elif key in CHAIN[1:] and conv.get(key) is not None:
                note = self.tr("%1 of the stage before").replace("%1", _pct(conv.get(key)))
            else:
                note = ""
            self.notes[key].setText(note)
        self.row.relayout()


class EventsTab(_Tab):
    """Funnels per event and campaign, grade mix, leads per rep and per day."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self.kpis = KpiStrip()
        self.outer.insertWidget(0, self.kpis)
        self.funnel = self.panel(self.tr("Funnel"), 0, 0)
        self.side = self.panel(self.tr("Events side by side"), 0, 1)
        self.grades = self.panel(self.tr("Grade mix"), 1, 0)
        self.per_rep = self.panel(self.tr("Leads per rep"), 1, 1)
        self.per_day = self.panel(self.tr("Leads per day"), 2, 0)
        self.campaigns = self.panel(self.tr("Campaigns"), 2, 1)
        self.events_table = self.panel(self.tr("Every event"), 3, 0, 2)
        self.events_table.show_table(True)
        self.returns = self.panel(self.tr("Cost and return"), 4, 0, 2)
        self.returns.show_table(True)

    def show_figures(self, figures: Mapping[str, Any], chosen: Sequence[str]) -> None:
        lab = self.labels()
        totals = figures.get("totals") or {}
        currency = figures.get("currency") or DEFAULT_CURRENCY
        self.kpis.show_totals(totals, currency)
        chain = [lab[s] for s in CHAIN]
        names = [lab[s] for s in SHOWN]
        self.funnel.show_bars(chain, [(self.tr("Leads"), [totals.get(s, 0) for s in CHAIN])])
        conv = totals.get("conversion") or {}
        self.funnel.set_table(
            [self.tr("Stage"), self.tr("Leads"), self.tr("Of the stage before")],
            [*([lab[s], totals.get(s, 0), _pct(conv.get(s))] for s in CHAIN),
             [self.tr("Qualified (share of captured)"), totals.get("qualified", 0),
              _pct(conv.get("qualified"))]])
        events = list(figures.get("events") or [])
        side = [e for e in events if e["id"] in chosen] if chosen else []
        if not side:
            side = sorted(events, key=lambda e: -e["funnel"]["captured"])[:6]
        self.side.show_bars(chain, [(e["key"], [e["funnel"][s] for s in CHAIN]) for e in side])
        header = [self.tr("Event"), *names, self.tr("Won amount"), self.tr("Won of captured"),
                  self.tr("Average days to first contact")]
        rows = [[e["key"], *(e["funnel"][s] for s in SHOWN), Money(e["funnel"]["won_amount"], currency),
                 _pct(e["funnel"]["won"] / e["funnel"]["captured"] if e["funnel"]["captured"] else None),
                 e.get("avg_days_to_first_contact")] for e in side]
        self.side.set_table(header, rows, [e["id"] for e in side])
        all_rows = [[e["key"], e.get("campaign_code") or "", *(e["funnel"][s] for s in SHOWN),
                     Money(e["funnel"]["won_amount"], currency),
                     *(_pct(e["conversion"].get(s)) for s in SHOWN[1:]),
                     e.get("avg_days_to_first_contact")] for e in events]
        self.events_table.set_table(
            [self.tr("Event"), self.tr("Campaign"), *names, self.tr("Won amount"),
             *(self.tr("→ %1").replace("%1", lab[s]) for s in CHAIN[1:]),
             self.tr("Qualified share"),
             self.tr("Avg days to first contact")],
            all_rows, [e["id"] for e in events])
        self.events_table.show_bars([e["key"] for e in events[:12]],
                                    [(lab["captured"], [e["funnel"]["captured"] for e in events[:12]]),
                                     (lab["won"], [e["funnel"]["won"] for e in events[:12]])])
        shown = events[:12]
        colours = grade_colours(self.palette_tokens)
        self.grades.show_bars([e["key"] for e in shown],
                              [(lab[g], [e["grade_mix"].get(g, 0) for e in shown]) for g in GRADE_GROUPS],
                              horizontal=True, stacked=True, colours=[colours[g] for g in GRADE_GROUPS])
        self.grades.set_table([self.tr("Event"), *(lab[g] for g in GRADE_GROUPS)],
                              [[e["key"], *(e["grade_mix"].get(g, 0) for g in GRADE_GROUPS)] for e in events],
                              [e["id"] for e in events])
        reps: dict[str, int] = {}
        rep_rows = []
        for e in events:
            for name, n in e["per_rep"].items():
                reps[name] = reps.get(name, 0) + n
                rep_rows.append([name, e["key"], n])
        top_reps = sorted(reps.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_N]
        self.per_rep.show_bars([k for k, _ in top_reps], [(self.tr("Leads"), [v for _, v in top_reps])],
                               horizontal=True)
        self.per_rep.set_table([self.tr("Rep"), self.tr("Event"), self.tr("Leads")], rep_rows)
        day_events = side[:6]
        days = sorted({d for e in day_events for d in e["per_day"]})
        self.per_day.show_lines([d[5:] for d in days],
                                [(e["key"], [e["per_day"].get(d, 0) for d in days]) for e in day_events])
        self.per_day.set_table([self.tr("Day"), *(e["key"] for e in day_events)],
                               [[d, *(e["per_day"].get(d, 0) for e in day_events)] for d in days])
        self._show_returns(events, figures.get("campaigns") or {}, currency)
        campaigns = figures.get("campaigns") or {}
        codes = list(campaigns)
        self.campaigns.show_bars(codes, [(lab[s], [campaigns[c][s] for c in codes])
                                         for s in ("captured", "qualified", "meeting", "won")])
        self.campaigns.set_table([self.tr("Campaign"), *names, self.tr("Won amount"), self.tr("Events")],
                                 [[c, *(campaigns[c][s] for s in SHOWN), Money(campaigns[c]["won_amount"], currency),
                                   ", ".join(campaigns[c]["events"])] for c in codes])


    def _show_returns(self, events: Sequence[Mapping[str, Any]],
                      campaigns: Mapping[str, Mapping[str, Any]], currency: str) -> None:
        """Each event's and campaign's cost against its leads, pipeline and won amount
        (`fieldnote.costs`); amounts against a cost only when both are in one currency."""
        def money_or_none(value: Any, code: str) -> Any:
            return None if value is None or code == MIXED else Money(value, code)

        def row(name: str, cost: Mapping[str, Any], kind: str) -> list[Any]:
            code = cost["currency"]
            return [name, kind,
                    self.tr("mixed currencies") if code == MIXED else money_or_none(cost["cost"], code),
                    money_or_none(cost["per_lead"], code),
                    money_or_none(cost["per_qualified"], code),
                    money_or_none(cost["per_opportunity"], code),
                    Money(cost["pipeline"], currency), Money(cost["won_amount"], currency),
                    _times(cost["pipeline_per_cost"]), _times(cost["won_per_cost"])]

        costed = [e for e in events if e.get("cost") and e["cost"]["cost"] is not None]
        shown = [(c, cost) for c, cost in ((code, c.get("cost")) for code, c in campaigns.items())
                 if cost and (cost["cost"] is not None or cost["currency"] == MIXED)]
        self.returns.set_table(
            [self.tr("Event or campaign"), self.tr("Kind"), self.tr("Cost"),
             self.tr("Per lead"), self.tr("Per qualified lead"), self.tr("Per opportunity"),
             self.tr("Pipeline influenced"), self.tr("Won amount"),
             self.tr("Pipeline ÷ cost"), self.tr("Won ÷ cost")],
            [*(row(e["key"], e["cost"], self.tr("Event")) for e in costed),
             *(row(code, cost, self.tr("Campaign")) for code, cost in shown)],
            [*(e["id"] for e in costed), *(None for _ in shown)])
        compared = [e for e in costed if e["cost"]["compared"]][:12]
        if not costed:
            self.returns.show_empty(self.tr(
                "No event has a cost yet: marketing sets it when editing the event"))
            return
        self.returns.show_bars([e["key"] for e in compared],
                               [(self.tr("Cost"), [e["cost"]["cost"] for e in compared]),
                                (self.tr("Pipeline influenced"), [e["cost"]["pipeline"] for e in compared]),
                                (self.tr("Won amount"), [e["cost"]["won_amount"] for e in compared])])


def _times(value: float | None) -> str | None:
    """A return as a multiple of the cost ("2.5×"), or None when it was not compared."""
    return None if value is None else format_number(value, 2) + "×"


class CollateralTab(_Tab):
    """Use, ratings and helped votes per item; top, bottom and stale lists; requests."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self.used = self.panel(self.tr("Most used"), 0, 0)
        self.helped = self.panel(self.tr("Helped in debriefs: top and bottom"), 0, 1)
        self.ratings = self.panel(self.tr("Ratings"), 1, 0)
        self.deals = self.panel(self.tr("Deals it was used in"), 1, 1)
        self.stale = self.panel(self.tr("Stale: nobody used it in 90 days"), 2, 0)
        self.stale.show_table(True)
        self.requests = self.panel(self.tr("Requests"), 2, 1)
        self.all_items = self.panel(self.tr("Every item"), 3, 0, 2)
        self.all_items.show_table(True)
        # Collateral reps mailed to visitors, and whether the visitors opened it.
        self.recipients = self.panel(self.tr("Opened by visitors"), 4, 0)
        self.recipient_events = self.panel(self.tr("Opened by visitors, per event"), 4, 1)

    def show_figures(self, figures: Mapping[str, Any]) -> None:
        currency = figures.get("currency") or DEFAULT_CURRENCY
        detail: Mapping[str, Mapping[str, Any]] = figures.get("collateral_detail") or {}
        items = list(detail.values())
        used = sorted((i for i in items if i["uses"]), key=lambda i: (-i["uses"], i["title"]))[:TOP_N]
        opens, shares, shown = self.tr("Opens"), self.tr("Shares"), self.tr("Presentations")
        self.used.show_bars([i["title"] for i in used],
                            [(opens, [i["opens"] for i in used]), (shares, [i["shares"] for i in used]),
                             (shown, [i["presentations"] for i in used])],
                            horizontal=True, stacked=True)
        self.used.set_table([self.tr("Item"), opens, shares, shown, self.tr("Uses")],
                            [[i["title"], i["opens"], i["shares"], i["presentations"], i["uses"]] for i in used],
                            [i["id"] for i in used])
        top = [detail[c] for c in figures.get("collateral_top") or [] if c in detail]
        bottom = [detail[c] for c in figures.get("collateral_bottom") or [] if c in detail]
        ranked = top + bottom
        helped, not_helped = self.tr("Helped"), self.tr("Not helped")
        p = self.palette_tokens
        self.helped.show_bars([i["title"] for i in ranked],
                              [(helped, [i["helped"] for i in ranked]),
                               (not_helped, [i["not_helped"] for i in ranked])],
                              horizontal=True, colours=[p.good, p.bad])
        self.helped.set_table(
            [self.tr("List"), self.tr("Item"), helped, not_helped, self.tr("Rating"), self.tr("Ratings")],
            [[self.tr("top") if i in top else self.tr("bottom"), i["title"], i["helped"], i["not_helped"],
              i["avg_rating"], i["ratings"]] for i in ranked],
            [i["id"] for i in ranked])
        rated = sorted((i for i in items if i["ratings"]), key=lambda i: (-i["ratings"], i["title"]))
        self.ratings.show_bars([i["title"] for i in rated[:TOP_N]],
                               [(self.tr("Average rating"), [i["avg_rating"] for i in rated[:TOP_N]])],
                               horizontal=True)
        self.ratings.set_table([self.tr("Item"), self.tr("Average rating"), self.tr("Ratings")],
                               [[i["title"], i["avg_rating"], i["ratings"]] for i in rated],
                               [i["id"] for i in rated])
        dealt = sorted((i for i in items if i["deals"]), key=lambda i: (-i["deals"], i["title"]))
        self.deals.show_bars([i["title"] for i in dealt[:TOP_N]],
                             [(self.tr("Won"), [i["deals_won"] for i in dealt[:TOP_N]]),
                              (self.tr("Lost"), [i["deals_lost"] for i in dealt[:TOP_N]]),
                              (self.tr("Open"), [i["deals"] - i["deals_won"] - i["deals_lost"]
                                                 for i in dealt[:TOP_N]])],
                             horizontal=True, stacked=True, colours=[p.good, p.bad, p.muted])
        self.deals.set_table([self.tr("Item"), self.tr("Deals"), self.tr("Won"), self.tr("Lost"),
                              self.tr("Won amount")],
                             [[i["title"], i["deals"], i["deals_won"], i["deals_lost"],
                               Money(i["deals_won_amount"], currency)]
                              for i in dealt], [i["id"] for i in dealt])
        stale = figures.get("collateral_stale") or []
        by_kind: dict[str, int] = {}
        for s in stale:
            kind = (detail.get(s["id"]) or {}).get("kind") or "other"
            by_kind[kind] = by_kind.get(kind, 0) + 1
        kinds = sorted(by_kind)
        self.stale.show_bars([k.replace("_", " ") for k in kinds],
                             [(self.tr("Stale items"), [by_kind[k] for k in kinds])])
        self.stale.set_table([self.tr("Item"), self.tr("Last used")],
                             [[s["title"], format_date(s["last_used"]) or self.tr("never")] for s in stale],
                             [s["id"] for s in stale])
        self.stale.title_label.setText(self.tr("Stale: nobody used it in 90 days (%n)", "", len(stale)))
        req = figures.get("requests") or {}
        statuses = list((req.get("by_status") or {}).items())
        self.requests.show_bars([k for k, _ in statuses], [(self.tr("Requests"), [v for _, v in statuses])])
        turnaround = req.get("median_turnaround_days")
        self.requests.title_label.setText(
            self.tr("Requests: %1 open, median turnaround %2 days")
            .replace("%1", format_int(req.get("open", 0)))
            .replace("%2", "—" if turnaround is None else format_number(turnaround, 1)))
        self.requests.set_table(
            [self.tr("Open request"), self.tr("Status"), self.tr("Needed by"), self.tr("Age (days)"),
             self.tr("Overdue")],
            [[i["title"], i["status"], format_date(i["needed_by"]), i["age_days"], i["overdue"]]
             for i in req.get("open_items") or []],
            [i["id"] for i in req.get("open_items") or []])
        self.all_items.show_bars([i["title"] for i in used], [(self.tr("Uses"), [i["uses"] for i in used])],
                                 horizontal=True)
        ordered = sorted(items, key=lambda i: (-i["uses"], i["title"]))
        self.all_items.set_table(
            [self.tr("Item"), self.tr("Kind"), self.tr("Status"), opens, shares, shown,
             self.tr("Rating"), self.tr("Ratings"), helped, not_helped, self.tr("Deals"),
             self.tr("Won"), self.tr("Won amount"), self.tr("Last used")],
            [[i["title"], (i["kind"] or "").replace("_", " "), i["status"] or "", i["opens"], i["shares"],
              i["presentations"], i["avg_rating"], i["ratings"], i["helped"], i["not_helped"],
              i["deals"], i["deals_won"], Money(i["deals_won_amount"], currency),
              format_date(i["last_used"])]
             for i in ordered],
            [i["id"] for i in ordered])
        self._show_recipients(figures, detail)

    def _show_recipients(self, figures: Mapping[str, Any],
                         detail: Mapping[str, Mapping[str, Any]]) -> None:
        sent = figures.get("collateral_recipients") or {}
        mailed, opened, opens = self.tr("Mailed"), self.tr("Opened"), self.tr("Opens")
        # None shows as a dash and sorts with the numbers.
        first = self.tr("Median hours to first open")

        items = sorted((sent.get("by_item") or {}).items(),
                       key=lambda kv: (-kv[1]["mailed"], str((detail.get(kv[0]) or {}).get(
                           "title") or kv[0])))
        titles = [str((detail.get(cid) or {}).get("title") or cid[:8]) for cid, _f in items]
        self.recipients.show_bars(titles[:TOP_N],
                                  [(mailed, [f["mailed"] for _c, f in items[:TOP_N]]),
                                   (opened, [f["opened"] for _c, f in items[:TOP_N]])],
                                  horizontal=True)
        self.recipients.set_table(
            [self.tr("Item"), mailed, opened, opens, first],
            [[t, f["mailed"], f["opened"], f["opens"], f["median_hours_to_first_open"]]
             for t, (_c, f) in zip(titles, items, strict=True)],
            [cid for cid, _f in items])
        names = {e.get("id"): e.get("key") for e in figures.get("events") or []}
        events = sorted((sent.get("by_event") or {}).items(),
                        key=lambda kv: (-kv[1]["mailed"], str(kv[0])))
        keys = [str(names.get(eid) or eid) for eid, _f in events]
        self.recipient_events.show_bars(keys[:TOP_N],
                                        [(mailed, [f["mailed"] for _e, f in events[:TOP_N]]),
                                         (opened, [f["opened"] for _e, f in events[:TOP_N]])],
                                        horizontal=True)
        self.recipient_events.set_table(
            [self.tr("Event"), mailed, opened, opens, first],
            [[k, f["mailed"], f["opened"], f["opens"], f["median_hours_to_first_open"]]
             for k, (_e, f) in zip(keys, events, strict=True)])


class VoiceTab(_Tab):
    """Objections, competitors and reasons from submitted debriefs, over time and by segment."""

    # A number was picked: dimension, tag, and the segment it was taken in (may be empty).
    number_picked = Signal(str, str, dict)

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self._figures: Mapping[str, Any] = {}
        lab = self.labels()
        self.counts: dict[str, ChartPanel] = {}
        for n, dim in enumerate(VOICE_DIMENSIONS):
            card = self.panel(lab[dim], n // 2, n % 2)
            card.bar_clicked.connect(lambda category, _s, d=dim: self.number_picked.emit(d, category, {}))
            card.row_activated.connect(lambda key, d=dim: self.number_picked.emit(d, str(key), {}))
            self.counts[dim] = card
        controls = QHBoxLayout()
        self.dimension = QComboBox()
        for dim in VOICE_DIMENSIONS:
            self.dimension.addItem(lab[dim], dim)
        self.segment = QComboBox()
        self.segment.addItem(self.tr("by team"), "team")
        self.segment.addItem(self.tr("by outcome"), "outcome")
        caption = QLabel(self.tr("Trend and segments of"))
        caption.setBuddy(self.dimension)
        self.segment.setAccessibleName(self.tr("Segments"))
        caption.setProperty("role", "muted")
        controls.addWidget(caption)
        controls.addWidget(self.dimension)
        controls.addWidget(self.segment)
        controls.addStretch(1)
        self.grid.addLayout(controls, 2, 0, 1, 2)
        self.trend = self.panel(self.tr("Per month"), 3, 0)
        self.segments = self.panel(self.tr("By segment"), 3, 1)
        self.segments.bar_clicked.connect(self._on_segments_bar_clicked)
        self.trend.row_activated.connect(self._on_trend_row_activated)
        self.dimension.currentIndexChanged.connect(self._show_breakdowns)
        self.segment.currentIndexChanged.connect(self._show_breakdowns)

    def show_figures(self, figures: Mapping[str, Any]) -> None:
        self._figures = figures
        debriefs = (figures.get("voice") or {}).get("debriefs", 0)
        lab = self.labels()
        for dim, card in self.counts.items():
            counts = list((figures.get(dim) or {}).items())
            top = counts[:TOP_N]
            card.show_bars([k for k, _ in top], [(self.tr("Debriefs"), [v for _, v in top])],
                           horizontal=True, label_limit=30)
            card.set_table([lab[dim], self.tr("Debriefs"), self.tr("Share of debriefs")],
                           [[k, v, _pct(v / debriefs if debriefs else None)] for k, v in counts],
                           [k for k, _ in counts])
            card.title_label.setText(
                self.tr("%1 (from %2 debriefs; click a bar for the debriefs)")
                .replace("%1", lab[dim]).replace("%2", format_int(debriefs)))
        self._show_breakdowns()

    def _top_names(self, dim: str) -> list[str]:
        return list(self._figures.get(dim) or {})[:5]

    def _show_breakdowns(self) -> None:
        dim = self.dimension.currentData()
        seg_key = self.segment.currentData()
        voice = (self._figures.get("voice") or {}).get(dim) or {}
        names = self._top_names(dim)
        by_month = voice.get("month") or {}
        months = sorted(by_month)
        self.trend.show_lines(months, [(n, [by_month[m].get(n, 0) for m in months]) for n in names])
        self.trend.set_table([self.tr("Month"), *names], [[m, *(by_month[m].get(n, 0) for n in names)]
                                                         for m in months], months)
        seg = voice.get(seg_key) or {}
        keys = sorted(seg)
        self._segment_keys = keys
        self.segments.show_bars([k or self.tr("(none)") for k in keys],
                                [(n, [seg[k].get(n, 0) for k in keys]) for n in names])
        self.segments.set_table([self.segment.currentText().capitalize(), *names],
                                [[k or self.tr("(none)"), *(seg[k].get(n, 0) for n in names)] for k in keys])

    def _on_segments_bar_clicked(self, category: str, tag: str) -> None:
        keys = getattr(self, "_segment_keys", [])
        value = category if category in keys else ""
        self.number_picked.emit(self.dimension.currentData(), tag, {self.segment.currentData(): value})

    def _on_trend_row_activated(self, month: Any) -> None:
        names = self._top_names(self.dimension.currentData())
        if names:
            self.number_picked.emit(self.dimension.currentData(), names[0], {"month": str(month)})


class RubricTab(_Tab):
    """Conversion by grade and by qualified yes/no, one card per rubric version."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(palette, parent)
        self.cards: list[ChartPanel] = []
        self.note = QLabel(self.tr(
            "Do hot and qualified leads convert better than the rest? Each card shows the share "
            "of a group's leads that reached a meeting, an opportunity and a win."))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        self.outer.insertWidget(0, self.note)

    def show_figures(self, figures: Mapping[str, Any]) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        lab = self.labels()
        p = self.palette_tokens
        for n, group in enumerate(figures.get("rubric_check") or []):
            version = group.get("rubric_version")
            title = group["rubric_name"] + (f" v{version}" if version is not None else "")
            card = self.panel(title, n // 2, n % 2)
            rows = [*group["by_grade"].items(), *group["by_qualified"].items()]
            names = [lab["qualified_group"] if k == "qualified" else lab.get(k, k) for k, _ in rows]
            card.show_bars(names, [(lab[m], [(v[f"{m}_rate"] or 0) * 100 for _, v in rows])
                                   for m in ("meeting", "opportunity", "won")],
                           percent=True, colours=[p.accent, p.warm, p.good])
            card.set_table([self.tr("Group"), self.tr("Leads"), lab["meeting"], lab["opportunity"], lab["won"],
                            self.tr("Meeting %"), self.tr("Opportunity %"), self.tr("Won %")],
                           [[name, v["leads"], v["meeting"], v["opportunity"], v["won"],
                             _pct(v["meeting_rate"]), _pct(v["opportunity_rate"]), _pct(v["won_rate"])]
                            for name, (_, v) in zip(names, rows, strict=True)])
            self.cards.append(card)
