"""The facts tab: the fact x outlet grid.  Sort by coverage; Enter or a click opens a cell side by side.

The fact and coverage columns stay in view when the outlet columns scroll sideways (five outlets do
not fit beside the panes at 1366x768): a second table drawn over the grid's left edge shows them,
sharing the model and the selection (Qt's frozen-column pattern)."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..document import Document
from ..models.facts import ARTICLE_ROLE, FACT_ROLE, FactsModel
from ..theme import outlet_color

MIN_CELL = 180          # px: an outlet's cell, narrower than this a sentence is unreadable
LABEL_WIDTH = 240       # px: the fact column
COVERAGE_WIDTH = 76     # px: the coverage column ("5 / 5")
FROZEN_COLUMNS = 2      # the fact and coverage columns


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
        self.frozen = self._frozen_view()
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

    def _frozen_view(self) -> QTableView:
        """The fact and coverage columns over the grid's left edge: same model, same selection,
        scrolled with the grid; a click or a sort there acts on the grid."""
        frozen = QTableView(self.table)
        frozen.setObjectName("factsFrozen")
        frozen.setModel(self.model)
        frozen.setSelectionModel(self.table.selectionModel())
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.verticalHeader().hide()
        frozen.setWordWrap(True)
        frozen.setTextElideMode(Qt.TextElideMode.ElideRight)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        frozen.setAlternatingRowColors(True)
        frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.horizontalHeader().setSortIndicatorShown(True)
        frozen.horizontalHeader().sectionClicked.connect(self._sort_from_frozen)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda col, order: frozen.horizontalHeader().setSortIndicator(col, order))
        frozen.clicked.connect(self._activated)
        frozen.verticalScrollBar().valueChanged.connect(self.table.verticalScrollBar().setValue)
        self.table.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        self.table.viewport().stackUnder(frozen)
        # the grid's scroll bars come and go, and its first columns may be dragged wider
        self.table.horizontalScrollBar().rangeChanged.connect(lambda *_: self._place_frozen())
        self.table.horizontalHeader().sectionResized.connect(
            lambda col, *_: self._place_frozen() if col < FROZEN_COLUMNS else None)
        return frozen

    def _sort_from_frozen(self, column: int) -> None:
        header = self.table.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order:
            order = Qt.SortOrder.DescendingOrder
        self.table.sortByColumn(column, order)

    def _place_frozen(self) -> None:
        """Columns and rows as in the grid; over its left edge, as wide as the frozen columns."""
        columns = self.model.columnCount()
        for col in range(columns):
            self.frozen.setColumnHidden(col, col >= FROZEN_COLUMNS)
            if col < FROZEN_COLUMNS:
                self.frozen.setColumnWidth(col, self.table.columnWidth(col))
        header = self.table.verticalHeader()
        self.frozen.verticalHeader().setDefaultSectionSize(header.defaultSectionSize())
        self.frozen.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.horizontalHeader().setFixedHeight(self.table.horizontalHeader().height())
        width = sum(self.table.columnWidth(c) for c in range(min(FROZEN_COLUMNS, columns)))
        frame = self.table.frameWidth()
        self.frozen.setGeometry(header.width() + frame, frame, width,
                                self.table.viewport().height() + self.table.horizontalHeader().height())
        self.frozen.setVisible(columns > FROZEN_COLUMNS)
        self.frozen.verticalScrollBar().setValue(self.table.verticalScrollBar().value())

    def refresh(self) -> None:
        arts = self.doc.compared_articles()
        self.model.set_comparison(self.doc.comparison, arts,
                                  [outlet_color(self.doc.color_index(a.id)) for a in arts])
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        # Rows grow to at most four lines, so a long sentence does not make the grid unreadable.
        line = self.fontMetrics().height()
        self.table.verticalHeader().setDefaultSectionSize(line * 4 + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._place_frozen()

    def _fit_columns(self) -> None:
        """Outlet columns share the width (never narrower than MIN_CELL), so five fit without scrolling."""
        h = self.table.horizontalHeader()
        n = len(self.model.articles)
        if not self.model.columnCount():
            return
        label_w, cov_w = LABEL_WIDTH, COVERAGE_WIDTH
        room = self.table.viewport().width() - label_w - cov_w - 4
        cell = max(MIN_CELL, room // max(1, n))
        h.resizeSection(0, label_w)
        h.resizeSection(1, cov_w)
        for col in range(FROZEN_COLUMNS, self.model.columnCount()):
            h.resizeSection(col, cell)
        self._place_frozen()

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
                self._clear_of_frozen(index)
                return

    def _clear_of_frozen(self, index) -> None:
        """Scroll an outlet's cell out from under the frozen columns when it sits behind them."""
        if index.column() < FROZEN_COLUMNS or not self.frozen.isVisible():
            return
        hidden = self.frozen.width() - self.table.visualRect(index).left()
        if hidden > 0:
            bar = self.table.horizontalScrollBar()
            bar.setValue(bar.value() - hidden)
