"""The voices tab: who is quoted where, with each outlet's share of voice, and a chart per speaker."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from ..charts import Bar, BarChart, ColumnFit, header_width, table_beside_charts
from ..document import Document
from ..models.voices import SORT_ROLE, VOICE_ROLE, VoicesModel
from ..richtext import fmt_num, fmt_percent
from ..theme import outlet_color
from .turned_header import TurningHeader

# Speaker and Role columns: (wanted, least) px.  Below the least the outlet names turn a quarter
# instead: at 70 px a role read "U.S. Def…", which says less than a turned outlet name.
SPEAKER_PX = (170, 130)
ROLE_PX = (150, 110)


class VoicesView(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.model = VoicesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("voicesTable")
        self.table.setAccessibleName("Voices")
        self.table.setModel(self.proxy)
        # Outlet names turn a quarter when they cannot all show upright (ColumnFit).
        self.table.setHorizontalHeader(TurningHeader(self.table))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.chart = BarChart("Share of voice")
        self.totals = BarChart("Quoted words per outlet")
        self.split = split = table_beside_charts(self.table, self.chart, self.totals)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self.setFocusProxy(self.table)

    def refresh(self) -> None:
        arts = self.doc.compared_articles()
        self.model.set_comparison(self.doc.comparison, arts)
        # Every outlet shows without sideways scrolling (speaker and role elide first).
        count_w = header_width(self.table, "Outlets")
        self.split.set_fit(ColumnFit(self.table, [(0, *SPEAKER_PX), (1, *ROLE_PX), (2, count_w, count_w)],
                                     range(3, self.model.columnCount()), "100%",
                                     lambda col: self.model.articles[col - 3].outlet,
                                     self.model.set_headers))
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        n = self.model.rowCount()
        self.empty.setText("" if n else "No quoted speakers found yet.")
        self.empty.setVisible(not n)
        totals = [Bar(a.outlet, float(sum(v.words.get(a.id, 0) for v in self.model.voices)),
                      outlet_color(self.doc.color_index(a.id))) for a in arts]
        # A count of words: whole ("29", not "29.0"; "0", not "0.00").
        self.totals.set_data(totals, subtitle="words", fmt=lambda v: fmt_num(int(round(v))))
        if n:
            self.table.selectRow(0)
        else:
            self.chart.set_data([], title="Share of voice")

    def _current(self, current, previous) -> None:
        if not current.isValid():
            return
        v = self.proxy.data(current, VOICE_ROLE)
        arts = self.doc.compared_articles()
        # Unrounded: rounding to 0.1 first, then to a whole percent, turned 23.46 into "24%" beside
        # the table's "23%".
        bars = [Bar(a.outlet, 100 * v.share.get(a.id, 0.0),
                    outlet_color(self.doc.color_index(a.id))) for a in arts]
        self.chart.set_data(bars, title=f"Share of voice: {v.name or v.speaker}",
                            subtitle="% of quoted words", lo=0.0, hi=100.0, fmt=_share_text)


def _share_text(points: float) -> str:
    """A bar's share as the table says it: "—" where the outlet does not quote the speaker (a 0 %
    bar beside the table's "—" read as two answers)."""
    return "—" if points == 0 else fmt_percent(points)
