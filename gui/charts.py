"""A small horizontal bar chart drawn with QPainter (QtCharts is in PySide6-Addons, which we avoid).

One bar per outlet, in the outlet's colour, the value printed at the bar's end.  Negative values
(e.g. sentiment) grow left from a zero line.  ``paint(painter, rect)`` draws into any rectangle, so the
same code can draw onto a QPdfWriter page for the report.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from analysis.vocabulary.metrics import Metric

from .richtext import fmt_num


def chart_unit(metric: Metric) -> str:
    """The unit beside a chart's title: the scale when it is fixed, else the unit unless the label
    already says it ("Loaded words per 1,000 words")."""
    if metric.domain:
        lo, hi = metric.domain
        return f"{lo:+g} … {hi:+g}".replace("-", "−")
    return "" if metric.unit in metric.label.lower() else metric.unit


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    color: QColor


class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.subtitle = ""
        self.bars: list[Bar] = []
        self.lo: float | None = None
        self.hi: float | None = None
        self.highlight: int = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)

    def set_data(self, bars: list[Bar], title: str | None = None, subtitle: str = "",
                 lo: float | None = None, hi: float | None = None) -> None:
        self.bars = list(bars)
        if title is not None:
            self.title = title
        self.subtitle, self.lo, self.hi = subtitle, lo, hi
        self.setAccessibleName(self.title)
        self.setAccessibleDescription("; ".join(f"{b.label}: {fmt_num(b.value)}" for b in self.bars))
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        rows = max(1, len(self.bars))
        return QSize(360, fm.height() * 2 + 16 + rows * (fm.height() + 8))

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
        label_w = min(max(fm.horizontalAdvance(b.label) for b in self.bars) + 12,
                      int(rect.width() * 0.35))
        value_w = max(fm.horizontalAdvance(fmt_num(b.value)) for b in self.bars) + 10
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
            painter.drawText(QRectF(rect.left() + 4, y, label_w - 8, bar_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(b.label, Qt.TextElideMode.ElideRight, label_w - 8))
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
                                 fmt_num(b.value))
            else:
                painter.drawText(QRectF(left - value_w - 4, y, value_w, bar_h),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 fmt_num(b.value))
            y += bar_h + 8
        if lo < 0:
            painter.setPen(muted)
            painter.drawLine(int(zero), int(rect.top() + line_h + 10), int(zero), int(y - 6))


def table_beside_charts(table: QWidget, *widgets: QWidget) -> QSplitter:
    """A table on the left and ``widgets`` (charts, notes) stacked on the right.  The right side
    scrolls: a chart is one bar per outlet tall, and with fifty outlets unscrolled charts would
    stretch the whole window (and make every repaint slow)."""
    side = QWidget()
    column = QVBoxLayout(side)
    for w in widgets:
        column.addWidget(w)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(side)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(table)
    split.addWidget(scroll)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    return split
