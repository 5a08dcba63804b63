"""A small horizontal bar chart drawn with QPainter (QtCharts is in PySide6-Addons, which we avoid).

One bar per outlet, in the outlet's colour, the value printed at the bar's end.  Negative values
(e.g. sentiment) grow left from a zero line.  ``paint(painter, rect)`` draws into any rectangle, so the
same code can draw onto a QPdfWriter page for the report.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from analysis.vocabulary.metrics import Metric

from .richtext import fmt_num, fmt_percent, two_lines, wrap_words


def chart_unit(metric: Metric) -> str:
    """The unit beside a chart's title: the scale when it is fixed, else the unit unless the label
    already says it ("Loaded words per 1,000 words")."""
    if metric.domain:
        lo, hi = metric.domain
        return f"{lo:+g} … {hi:+g}".replace("-", "−")
    return "" if metric.unit in metric.label.lower() else metric.unit


def show_metric(chart: BarChart, metric: Metric, bars: list[Bar]) -> None:
    """Chart ``bars`` (one per outlet) of ``metric``: its title, unit and fixed scale; a share as
    percentages ("22%", not "0.22")."""
    lo, hi = metric.domain or (None, None)
    if metric.is_share:
        bars = [Bar(b.label, 100 * b.value, b.color) for b in bars]
        chart.set_data(bars, title=metric.label, subtitle="%" if bars else "", lo=0.0,
                       fmt=fmt_percent)
        return
    chart.set_data(bars, title=metric.label, subtitle=chart_unit(metric) if bars else "", lo=lo, hi=hi)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    color: QColor


LABEL_SHARE = 0.35      # of a chart's width, at most, for the labels beside the bars


class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.subtitle = ""
        self.bars: list[Bar] = []
        self.lo: float | None = None
        self.hi: float | None = None
        self.highlight: int = -1
        self.fmt: Callable[[float], str] = fmt_num
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)

    def set_data(self, bars: list[Bar], title: str | None = None, subtitle: str = "",
                 lo: float | None = None, hi: float | None = None,
                 fmt: Callable[[float], str] = fmt_num) -> None:
        """``fmt`` writes a bar's value at its end (``fmt_percent`` for percentages)."""
        self.bars = list(bars)
        self.fmt = fmt
        if title is not None:
            self.title = title
        self.subtitle, self.lo, self.hi = subtitle, lo, hi
        self.setAccessibleName(self.title)
        self.setAccessibleDescription("; ".join(f"{b.label}: {fmt(b.value)}" for b in self.bars))
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def stacked(self, fm: QFontMetrics, width: float) -> bool:
        """Labels on a line of their own above their bars: beside them, the widest would take more
        than LABEL_SHARE of ``width`` and be cut ("localnewsw…", "“Momentu…" at 1366x768)."""
        return bool(self.bars) and self._label_need(fm) > width * LABEL_SHARE

    def _label_need(self, fm: QFontMetrics) -> int:
        return max((fm.horizontalAdvance(b.label) for b in self.bars), default=0) + 12

    def label_texts(self, fm: QFontMetrics, width: float) -> list[str]:
        """The bars' labels as drawn at ``width`` (cut at the end only when even a line of their own
        is too narrow)."""
        room = int(width - 8) if self.stacked(fm, width) else self._label_need(fm) - 8
        return [fm.elidedText(b.label, Qt.TextElideMode.ElideRight, room) for b in self.bars]

    def _row_height(self, fm: QFontMetrics, width: float) -> int:
        return fm.height() + 8 + (fm.height() + 2 if self.stacked(fm, width) else 0)

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        rows = max(1, len(self.bars))
        width = self.width() if self.width() > 1 else 360
        return QSize(360, fm.height() * 2 + 16 + rows * self._row_height(fm, width))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        height = self.sizeHint().height()       # labels may go above their bars, or back beside them
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRectF(self.rect()), self.palette())
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        fm = QFontMetrics(painter.font())
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        line_h = fm.height()
        y = rect.top() + 4
        bold = painter.font()
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(QRectF(rect.left() + 4, y, rect.width() - 8, line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(self.title, Qt.TextElideMode.ElideRight,
                                                       int(rect.width() - 8)))
        painter.restore()
        title_w = QFontMetrics(bold).horizontalAdvance(self.title)
        if self.subtitle and title_w + fm.horizontalAdvance(self.subtitle) + 24 < rect.width():
            painter.setPen(muted)
            painter.drawText(QRectF(rect.left() + 4, y, rect.width() - 8, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.subtitle)
        y += line_h + 8
        if not self.bars:
            painter.setPen(muted)
            painter.drawText(QRectF(rect.left() + 4, y, rect.width() - 8, line_h),
                             Qt.AlignmentFlag.AlignLeft, "No data")
            return
        stacked = self.stacked(fm, rect.width())
        labels = self.label_texts(fm, rect.width())
        label_w = 0 if stacked else self._label_need(fm)
        value_w = max(fm.horizontalAdvance(self.fmt(b.value)) for b in self.bars) + 10
        values = [b.value for b in self.bars]
        lo = min(0.0, min(values)) if self.lo is None else self.lo
        hi = max(0.0, max(values)) if self.hi is None else self.hi
        if hi - lo < 1e-12:
            hi = lo + 1.0
        x0 = rect.left() + 4 + label_w
        plot_w = max(10.0, rect.right() - 4 - value_w - x0 - (value_w if lo < 0 else 0))
        if lo < 0:
            x0 += value_w

        def x_of(v: float) -> float:
            return x0 + (min(max(v, lo), hi) - lo) / (hi - lo) * plot_w

        zero = x_of(0.0)
        bar_h = line_h
        for i, b in enumerate(self.bars):
            painter.setPen(text)
            if stacked:
                painter.drawText(QRectF(rect.left() + 4, y, rect.width() - 8, bar_h),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, labels[i])
                y += bar_h + 2
            else:
                painter.drawText(QRectF(rect.left() + 4, y, label_w - 8, bar_h),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, labels[i])
            xv = x_of(b.value)
            left, right = min(zero, xv), max(zero, xv)
            color = QColor(b.color)
            if self.highlight >= 0 and i != self.highlight:
                color.setAlpha(110)
            painter.fillRect(QRectF(left, y + 2, max(1.5, right - left), bar_h - 4), color)
            painter.setPen(text)
            if b.value >= 0:
                painter.drawText(QRectF(right + 4, y, value_w, bar_h),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.fmt(b.value))
            else:
                painter.drawText(QRectF(left - value_w - 4, y, value_w, bar_h),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 self.fmt(b.value))
            y += bar_h + 8
        if lo < 0:
            painter.setPen(muted)
            painter.drawLine(int(zero), int(rect.top() + line_h + 10), int(zero), int(y - 6))


CHART_MIN_WIDTH = 300          # px the charts beside a table need; less, and they go below it
HEADER_LINE_MAX_PX = 150       # an outlet column is at most this wide for its header's lines
HEADER_MAX_LINES = 4           # an outlet's name in a header: past this many lines it is cut
CELL_PAD_PX = 22               # cell margins, the sort arrow, the colour chip
TURNED_CELL_PAD_PX = 12        # cell margins of a column whose header is turned (arrow and chip above)


def header_width(table: Any, text: str) -> int:
    """The px a header of ``text`` needs in ``table`` (bold, with the sort arrow and margins)."""
    bold = QFont(table.horizontalHeader().font())
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(text) + CELL_PAD_PX


@dataclass
class ColumnFit:
    """How a table of outlets is widthed: the ``first`` columns as (column, wanted px, least px),
    then one column per outlet, as wide as its name (``outlet_name(column)``) on two lines or
    ``value_sample`` needs, never less than the name's longest word or the sample.  Widths come
    from these, never from measuring every cell (that stalls with fifty outlets).  Each outlet's
    header is then its name wrapped to its column's width (``set_headers``: column -> text)."""
    table: Any                      # a QTableView
    first: list[tuple[int, int, int]]
    outlet_columns: range
    value_sample: str
    outlet_name: Callable[[int], object]
    set_headers: Callable[[dict[int, str]], None]

    def _outlet_widths(self) -> tuple[list[int], list[int], int]:
        """Per outlet column the width wanted and the least that keeps its header's words whole,
        and the floor under which a value no longer shows."""
        bold = QFont(self.table.horizontalHeader().font())
        bold.setBold(True)
        head = QFontMetrics(bold)
        value_w = QFontMetrics(self.table.font()).horizontalAdvance(self.value_sample)
        wanted, least = [], []
        for col in self.outlet_columns:
            lines = two_lines(str(self.outlet_name(col) or "")).split("\n")
            words = max((head.horizontalAdvance(w) for line in lines for w in line.split()), default=0)
            line_w = max((head.horizontalAdvance(line) for line in lines), default=0)
            least.append(max(value_w, words) + CELL_PAD_PX)
            wanted.append(max(value_w, words, min(line_w, HEADER_LINE_MAX_PX)) + CELL_PAD_PX)
        return wanted, least, value_w + CELL_PAD_PX

    def _extra(self) -> int:
        """Row numbers (when shown), the frame and the vertical scroll bar."""
        t = self.table
        rows = t.verticalHeader().width() if t.verticalHeader().isVisible() else 0
        return rows + 4 + t.verticalScrollBar().sizeHint().width()

    def natural(self) -> int:
        """The width the table wants: every column as wide as it likes."""
        return sum(w for _, w, _ in self.first) + sum(self._outlet_widths()[0]) + self._extra()

    def apply(self, room: int) -> None:
        """Width the columns for ``room`` px: as wanted when they fit; else the outlet columns give
        way first, each never under its least width (outlet headers keep whole words), then the
        ``first`` columns (they elide, full text in tooltips).  When even those do not fit (more
        than six outlets at 1366x768, or outlets named by one long word, "financialexpress"), the
        outlet headers are turned a quarter (``TurningHeader``): each outlet column is then only as
        wide as its values and every name shows whole (one cap for all cut short names to "m…").
        An upright header is its name on as many lines as its width needs (up to HEADER_MAX_LINES),
        a word too long cut in its middle: Qt clipped lines wider than the column at both ends ("The
        Denve / Post")."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        wanted, least, floor = self._outlet_widths()
        first_want = [w for _, w, _ in self.first]
        first_least = [min(w, m) for _, w, m in self.first]
        spare = room - self._extra()
        bold = QFont(header.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        turn = sum(first_least) + sum(least) > spare
        if turn:
            # A turned name needs a line's height across; the values their width and margins.
            value_w = floor - CELL_PAD_PX + TURNED_CELL_PAD_PX
            outlets = [max(value_w, fm.height() + TURNED_CELL_PAD_PX)] * len(wanted)
            first = _squeeze(first_want, first_least, spare - sum(outlets))
        else:
            # The outlet columns give way first (their names wrap onto more lines, the values
            # still fit), then the first ones: a speaker's role or a metric's name cut to "U.S.
            # Def…" told less than a header on three lines.
            outlets = _squeeze(wanted, least, spare - sum(first_want))
            first = _squeeze(first_want, first_least, spare - sum(outlets))
        left = spare - sum(first) - sum(outlets)
        if left > 0 and outlets:            # room to spare (the charts went below): the outlets share it
            outlets = [w + left // len(outlets) for w in outlets]
        cols = [c for c, _, _ in self.first] + list(self.outlet_columns)
        for col, width in zip(cols, first + outlets):
            header.resizeSection(col, width)
        names = {col: " ".join(str(self.outlet_name(col) or "").split()) for col in self.outlet_columns}
        self.set_headers(names if turn else
                         {col: wrap_words(names[col], width - CELL_PAD_PX, fm.horizontalAdvance,
                                          HEADER_MAX_LINES)
                          for col, width in zip(self.outlet_columns, outlets)})
        if hasattr(header, "set_turned"):
            header.set_turned(self.outlet_columns if turn else ())


def _squeeze(wanted: list[int], least: list[int], room: int) -> list[int]:
    """``wanted`` widths brought down towards ``least`` together, to fit ``room`` where they can."""
    give = sum(wanted) - sum(least)
    spare = room - sum(least)
    share = 1.0 if give <= 0 or spare >= give else max(0.0, spare / give)
    return [int(low + (want - low) * share) for want, low in zip(wanted, least)]


class TableAndCharts(QSplitter):
    """A table with ``widgets`` (charts, notes) beside it, or below it when the window is too
    narrow for both: the table's columns are never squeezed into sideways scrolling to make room
    for a chart.  The charts scroll: a chart is one bar per outlet tall, and with fifty outlets
    unscrolled charts would stretch the whole window (and make every repaint slow)."""

    def __init__(self, table: QWidget, *widgets: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        side = QWidget()
        column = QVBoxLayout(side)
        for w in widgets:
            column.addWidget(w)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.addWidget(table)
        self.addWidget(scroll)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.fit: ColumnFit | None = None

    def set_fit(self, fit: ColumnFit) -> None:
        self.fit = fit
        self._arrange()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        if self.fit is None or self.width() <= 1:
            return
        natural = self.fit.natural()
        beside = self.width() >= natural + CHART_MIN_WIDTH + self.handleWidth()
        wanted = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if self.orientation() != wanted:
            self.setOrientation(wanted)
        if beside:
            self.setSizes([natural, self.width() - natural - self.handleWidth()])
            self.fit.apply(natural)
        else:
            self.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])
            self.fit.apply(self.width())


def table_beside_charts(table: QWidget, *widgets: QWidget) -> TableAndCharts:
    """A table on the left (or on top) and ``widgets`` stacked beside it (see ``TableAndCharts``)."""
    return TableAndCharts(table, *widgets)
