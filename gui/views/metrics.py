"""The metrics tab: every numeric metric per outlet in one table, and a chart of the selected row."""
from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from ..charts import Bar, BarChart, ColumnFit, show_metric, table_beside_charts
from ..document import Document
from ..models.metrics import MetricsModel
from ..theme import outlet_color
from .turned_header import TurningHeader


class MetricsView(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.model = MetricsModel(self)
        self.table = QTableView()
        self.table.setObjectName("metricsTable")
        self.table.setAccessibleName("Metrics")
        self.table.setModel(self.model)
        # Outlet names turn a quarter when they cannot all show upright (ColumnFit).
        self.table.setHorizontalHeader(TurningHeader(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        self.chart = BarChart("")
        self.note = QLabel("Select a metric to chart it per outlet; point at its name for its unit.")
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.split = split = table_beside_charts(self.table, self.chart, self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.setFocusProxy(self.table)

    def refresh(self) -> None:
        arts = self.doc.compared_articles()
        keep = self.model.keys[self.table.currentIndex().row()] \
            if self.table.currentIndex().isValid() else None
        self.model.set_comparison(self.doc.comparison, [a.id for a in arts],
                                  [a.outlet for a in arts],
                                  [outlet_color(self.doc.color_index(a.id)) for a in arts])
        # Every outlet shows without sideways scrolling (the labels elide first, full in tooltips).
        fm = QFontMetrics(self.table.font())
        label_w = max((fm.horizontalAdvance(x) for x in self.model.labels), default=120)
        self.split.set_fit(ColumnFit(self.table, [(0, min(260, max(140, label_w + 16)), 140)],
                                     range(1, self.model.columnCount()), self._value_sample(fm),
                                     lambda col: self.model.outlets[col - 1], self.model.set_headers))
        row = self.model.keys.index(keep) if keep in self.model.keys else 0
        if self.model.rowCount():
            self.table.selectRow(row)
        else:
            self.chart.set_data([], title="No metrics yet")

    def _value_sample(self, fm: QFontMetrics) -> str:
        """The widest figure the table shows (a fixed "-00,000.00" made every outlet column as wide
        as the widest figure could be, and nine outlets scrolled sideways at 1366x768)."""
        model = self.model
        texts = {str(model.data(model.index(r, c))) for r in range(model.rowCount())
                 for c in range(1, model.columnCount())}
        return max(texts, key=fm.horizontalAdvance, default="00.0")

    def _current(self, current, previous) -> None:
        if not current.isValid():
            return
        metric = self.model.rows[current.row()]
        bars = [Bar(name, value, color) for name, value, color in self.model.row_values(current.row())
                if value is not None]
        show_metric(self.chart, metric, bars)
