"""The facts tab: the fact x outlet grid.  Sort by coverage; Enter or a click opens a cell side by side."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..document import Document
from ..models.facts import ARTICLE_ROLE, FACT_ROLE, FactsModel
from ..theme import outlet_color

MIN_CELL = 180


class FactsView(QWidget):
    factActivated = Signal(str, object)      # fact id, article id or None

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.model = FactsModel(self)
        # The model sorts itself (see models/facts.py); ``proxy`` is what the table shows.
        self.proxy = self.model
        self.table = QTableView()
        self.table.setObjectName("factsTable")
        self.table.setAccessibleName("Fact by outlet grid")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.hint = QLabel("Sort by a column header (Coverage: how many outlets carry the fact). "
                           "Enter or click: open the cell side by side.")
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def refresh(self) -> None:
        arts = self.doc.shown_articles()
        self.model.set_comparison(self.doc.comparison, arts,
                                  [outlet_color(self.doc.color_index(a.id)) for a in arts])
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        # Rows grow to at most four lines, so a long sentence does not make the grid unreadable.
        line = self.fontMetrics().height()
        self.table.verticalHeader().setDefaultSectionSize(line * 4 + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def _fit_columns(self) -> None:
        """Outlet columns share the width (never narrower than MIN_CELL), so five fit without scrolling."""
        h = self.table.horizontalHeader()
        n = len(self.model.articles)
        if not self.model.columnCount():
            return
        label_w, cov_w = 240, 76
        room = self.table.viewport().width() - label_w - cov_w - 4
        cell = max(MIN_CELL, room // max(1, n))
        h.resizeSection(0, label_w)
        h.resizeSection(1, cov_w)
        for col in range(2, self.model.columnCount()):
            h.resizeSection(col, cell)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_columns()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _activated(self, index) -> None:
        if not index.isValid():
            return
        fact = self.proxy.data(index, FACT_ROLE)
        self.factActivated.emit(fact, self.proxy.data(index, ARTICLE_ROLE))

    def select_fact(self, fact_id: str, article_id: str | None = None) -> None:
        col = 0
        if article_id is not None:
            for c, a in enumerate(self.model.articles):
                if a.id == article_id:
                    col = c + 2
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), FACT_ROLE) == fact_id:
                index = self.proxy.index(row, col)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                # Centre the row with the fact label in view, then move sideways only if the cell
                # is off screen, so the label column stays visible whenever it can.
                self.table.scrollTo(self.proxy.index(row, 0),
                                    QAbstractItemView.ScrollHint.PositionAtCenter)
                self.table.horizontalScrollBar().setValue(0)
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
                return
