"""Chart cards of the Insights page: a QtCharts chart in the theme's colours, and the table
behind it one click away. A card only draws what it is given; it never computes figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import app_locale
from desktop.ui.common.keyboard import item_view_keys
from desktop.ui.insights.table_model import FigureTableModel
from desktop.ui.theme import Palette

Series = Sequence[tuple[str, Sequence[float]]]


def series_colours(p: Palette) -> list[str]:
    return [p.accent, p.warm, p.good, p.bad, p.cold, p.hot, p.warn, p.muted]


def grade_colours(p: Palette) -> dict[str, str]:
    return {"hot": p.hot, "warm": p.warm, "cold": p.cold, "ungraded": p.muted}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Title(QLabel):
    """A card's title; the card renames its parts when the title changes."""

    def __init__(self, text: str, renamed: Any) -> None:
        super().__init__(text)
        self._renamed = renamed

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._renamed()


class ChartPanel(QFrame):
    """A titled card with a chart and, behind a toggle, the table of the same numbers."""

    # The key of a table row (a record id or a name) was double-clicked.
    row_activated = Signal(object)
    # A bar was clicked: its category and its series name.
    bar_clicked = Signal(str, str)

    def __init__(self, title: str, palette: Palette, header: Sequence[str] = (),
                 parent: QWidget | None = None, *, min_height: int = 260) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.palette_tokens = palette
        self._categories: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.title_label = _Title(title, self._name_parts)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        # A long title ("Helped in debriefs: top and bottom", longer in German) wraps rather
        # than widening its card past the window.
        self.title_label.setWordWrap(True)
        top.addWidget(self.title_label, 1)
        self.toggle = QPushButton(self.tr("Table"))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Show the numbers behind this chart"))
        self.toggle.toggled.connect(self._on_toggle_toggled)
        top.addWidget(self.toggle)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(min_height)
        self.view.setStyleSheet("background: transparent; border: none;")
        self.chart: QChart | None = None
        self.model = FigureTableModel(header, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(FigureTableModel.SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        # Rows come in a meaningful order; sorting starts only when a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(min_height)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        # Enter and Space open a row of the table as a double-click does.
        item_view_keys(self.table, title, self._on_table_double_clicked, space_opens=True)
        # The chart is a picture for the eye; the keyboard and screen readers use its table.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self._set_chart(self._new_chart())
        self._name_parts()

    def _name_parts(self) -> None:
        """Name the chart, its table and its toggle after the card's title."""
        title = self.title_label.text()
        self.view.setAccessibleName(self.tr("%1 chart").replace("%1", title))
        self.table.setAccessibleName(self.tr("%1 table").replace("%1", title))
        shown = self.toggle.isChecked()
        self.toggle.setAccessibleName(
            (self.tr("Show %1 as a chart") if shown else self.tr("Show %1 as a table")).replace("%1", title))

    # -- the table ---------------------------------------------------------------------------

    def set_table(self, header: Sequence[str], rows: Sequence[Sequence[Any]],
                  keys: Sequence[Any] | None = None) -> None:
        self.model.set_rows(rows, keys, header)

    def show_table(self, shown: bool) -> None:
        self.toggle.setChecked(shown)

    def _on_toggle_toggled(self, checked: bool) -> None:
        self.stack.setCurrentIndex(1 if checked else 0)
        self.toggle.setText(self.tr("Chart") if checked else self.tr("Table"))
        self._name_parts()

    def _on_table_double_clicked(self, index: Any) -> None:
        """A row opened (double-click, Enter or Space): its key goes to whoever listens."""
        key = self.proxy.data(index, FigureTableModel.KeyRole)
        if key is not None:
            self.row_activated.emit(key)

    # -- the chart ---------------------------------------------------------------------------

    def _new_chart(self) -> QChart:
        p = self.palette_tokens
        chart = QChart()
        # Axis labels in the app's locale (1.000 in German), like the tables beside them.
        chart.setLocalizeNumbers(True)
        chart.setLocale(app_locale())
        chart.setBackgroundBrush(QBrush(QColor(p.surface)))
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitleBrush(QBrush(QColor(p.muted)))
        chart.legend().setLabelColor(QColor(p.text))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _set_chart(self, chart: QChart) -> None:
        old = self.chart
        self.chart = chart
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _style_axis(self, axis: Any) -> None:
        p = self.palette_tokens
        axis.setLabelsBrush(QBrush(QColor(p.text)))
        axis.setLinePen(QPen(QColor(p.border)))
        axis.setGridLinePen(QPen(QColor(p.border)))
        font = QFont(axis.labelsFont())
        font.setPointSizeF(8.5)
        axis.setLabelsFont(font)

    @staticmethod
    def _count_range(axis: QValueAxis, peak: float) -> None:
        """A value axis for counts: whole-number ticks, a little headroom."""
        axis.setLabelFormat("%.0f")
        if peak <= 8:
            # Nice numbers would put ticks at fractions that print as repeated integers.
            axis.setRange(0, max(1, int(peak) + 1))
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
            axis.setTickInterval(1 if peak <= 4 else 2)
        else:
            axis.setRange(0, peak * 1.08)
            axis.applyNiceNumbers()

    def show_empty(self, message: str) -> None:
        chart = self._new_chart()
        chart.setTitle(message)
        chart.legend().hide()
        self._set_chart(chart)

    def show_bars(self, categories: Sequence[str], series: Series, *, horizontal: bool = False,
                  stacked: bool = False, percent: bool = False,
                  colours: Sequence[str] | None = None, label_limit: int = 24) -> None:
        """Bars per category, one set per series (grouped, or stacked)."""
        if not categories or not series:
            self.show_empty(self.tr("No data in this selection"))
            return
        if horizontal:
            # Qt draws the first category at the bottom; lists read from the top.
            categories = list(reversed(categories))
            series = [(name, list(reversed(list(values)))) for name, values in series]
        p = self.palette_tokens
        chart = self._new_chart()
        cls = {(False, False): QBarSeries, (False, True): QStackedBarSeries,
               (True, False): QHorizontalBarSeries, (True, True): QHorizontalStackedBarSeries}
        bars = cls[(horizontal, stacked)]()
        palette = list(colours or series_colours(p))
        peak = 0.0
        for i, (name, values) in enumerate(series):
            bar_set = QBarSet(name)
            bar_set.append([float(v or 0) for v in values])
            colour = QColor(palette[i % len(palette)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bars.append(bar_set)
            peak = max([peak, *(float(v or 0) for v in values)])
        self._categories = list(categories)
        bars.clicked.connect(self._on_bars_clicked)
        chart.addSeries(bars)
        names = [_short(c, label_limit) for c in categories]
        cat_axis = QBarCategoryAxis()
        # Qt collapses equal category names; shortened names must stay distinct.
        seen: dict[str, int] = {}
        unique = []
        for n in names:
            seen[n] = seen.get(n, 0) + 1
            unique.append(n if seen[n] == 1 else f"{n} ({seen[n]})")
        cat_axis.append(unique)
        # Names on the left of a bar list get the room Qt can spare and are shortened to it (a
        # narrow card would otherwise cut them at the card's edge); along the bottom they keep
        # their length and tilt.
        cat_axis.setTruncateLabels(horizontal)
        if not horizontal and len(unique) > 3 and sum(map(len, unique)) / len(unique) > 7:
            cat_axis.setLabelsAngle(-30)
        value_axis = QValueAxis()
        if stacked:
            peak = max((sum(float(s[1][k] or 0) for s in series) for k in range(len(categories))),
                       default=0.0)
        if percent:
            value_axis.setRange(0, 100)  # values are percentages
            # With localised numbers (setLocalizeNumbers) Qt replaces only the specifier and
            # keeps the rest literally: "%%" would show as "%%".
            value_axis.setLabelFormat("%.0f%")
        else:
            self._count_range(value_axis, peak)
        for axis in (cat_axis, value_axis):
            self._style_axis(axis)
        if horizontal:
            chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(cat_axis)
        bars.attachAxis(value_axis)
        chart.legend().setVisible(len(series) > 1)
        self._set_chart(chart)

    def show_lines(self, categories: Sequence[str], series: Series) -> None:
        """One line per series over ordered categories (months, days)."""
        if not categories or not series:
            self.show_empty(self.tr("No data in this selection"))
            return
        p = self.palette_tokens
        chart = self._new_chart()
        palette = series_colours(p)
        cat_axis = QBarCategoryAxis()
        cat_axis.append(list(categories))
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%.0f")
        peak = 0.0
        lines = []
        for i, (name, values) in enumerate(series):
            line = QLineSeries()
            line.setName(name)
            for x, v in enumerate(values):
                line.append(float(x), float(v or 0))
                peak = max(peak, float(v or 0))
            pen = QPen(QColor(palette[i % len(palette)]))
            pen.setWidthF(2.2)
            line.setPen(pen)
            line.setPointsVisible(True)
            chart.addSeries(line)
            lines.append(line)
        self._count_range(value_axis, peak)
        for axis in (cat_axis, value_axis):
            self._style_axis(axis)
        chart.addAxis(cat_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            line.attachAxis(cat_axis)
            line.attachAxis(value_axis)
        chart.legend().setVisible(True)
        self._set_chart(chart)

    def bar_sets(self) -> list[tuple[str, list[float]]]:
        """The chart's bar sets as (name, values), for checking what is drawn."""
        if self.chart is None:
            return []
        out = []
        for s in self.chart.series():
            if isinstance(s, QAbstractBarSeries):
                for b in s.barSets():
                    out.append((b.label(), [b.at(i) for i in range(b.count())]))
        return out

    def _on_bars_clicked(self, index: int, bar_set: QBarSet) -> None:
        if 0 <= index < len(self._categories):
            self.bar_clicked.emit(self._categories[index], bar_set.label())
