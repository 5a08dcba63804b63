"""The outlets dock: the article list with its colour chips, and a context menu of article actions;
below it, when the articles cover several events, the event groups with their articles (Enter or
"Compare this event" compares the group under the cursor).

The list is a view over ``ArticlesModel``; every change goes through the window's actions, so the same
commands are in the menu bar, the palette and here.  The events list is a view over
``EventGroupsModel``; choosing a group goes through the Document (``compare_event_of``), which asks
for a re-run.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..document import Document
from ..models.articles import ArticlesModel
from ..models.events import ARTICLE_ROLE, EventGroupsModel

# The title column's least width, before small columns are hidden and before the names are cut: the
# name matters more (the title is in the tooltip, and for an article named by its headline it is the
# same words again).
TITLE_MIN_PX = 60
OUTLET_MIN_PX = 110         # the outlet column's least width
CELL_MARGIN_PX = 8          # room beside a cell's own size hint (the header's sort mark, the grid)


class WrappedGroups(QStyledItemDelegate):
    """Top rows of a tree (the event groups) as tall as their text wrapped to its column: Qt sizes
    a tree's rows without the column's width, so wrapped text kept one line's height and was cut
    ("Event 1: Barred from …" in a pane of 270 px).  The rows under them (an article each) stay one
    line, cut at the end, the whole text on hover: wrapped, five of them filled the pane."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def initStyleOption(self, option, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.parent().isValid():
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option, index):  # noqa: N802
        if index.parent().isValid():
            return super().sizeHint(option, index)
        width = self.view.header().sectionSize(index.column())
        if index.column() == 0 and self.view.rootIsDecorated():
            width -= self.view.indentation()       # the branch mark's room comes off column 0
        option.rect = QRect(0, 0, max(1, width), 1 << 16)
        return super().sizeHint(option, index)


class ArticlesPanel(QWidget):
    currentChanged = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = document
        self.model = ArticlesModel(document, self)
        self.view = QTreeView()
        self.view.setObjectName("articlesView")
        self.view.setAccessibleName("Outlets")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        header = self.view.header()
        header.setStretchLastSection(False)
        # The outlet column fits the names (within bounds), the title takes what is left, and the
        # small columns (date, words, grade, sentiment) show only while they fit: the pane never
        # scrolls sideways (full texts are in the tooltips).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in range(2, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model.modelReset.connect(self._fit_columns)
        self.model.layoutChanged.connect(self._fit_columns)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.context_actions: list[QAction] = []
        self._selected: str | None = None
        self.model.modelReset.connect(self._restore)
        self.view.selectionModel().currentRowChanged.connect(self._current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._events_view()
        layout.addWidget(self.events)
        self.setFocusProxy(self.view)

    def _events_view(self) -> None:
        self.events_model = EventGroupsModel(self.doc, self)
        self.events = QTreeView()
        self.events.setObjectName("eventsView")
        self.events.setAccessibleName("Events")
        self.events.setModel(self.events_model)
        # Event labels wrap to the pane's width, their rows as tall as they need.
        self.events.setWordWrap(True)
        self.events.setUniformRowHeights(False)
        self.events.setItemDelegate(WrappedGroups(self.events))
        self.events.header().sectionResized.connect(lambda *_: self.events.scheduleDelayedItemsLayout())
        self.events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events.header().setStretchLastSection(False)
        # No header: the labels say "Event 1: …" and the count says how many on hover; a header's
        # "Articles" made the count column some 70 px wide for a one-digit number.
        self.events.setHeaderHidden(True)
        self.compare_event_action = QAction("Compare this event", self.events)
        self.compare_event_action.setToolTip("Align and compare the articles of the event under the cursor")
        self.compare_event_action.triggered.connect(self.compare_current_event)
        self.events.addAction(self.compare_event_action)
        self.events.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.events.activated.connect(self._event_activated)     # Enter, or a double click
        self.doc.comparisonChanged.connect(self._show_events)     # after the model has refilled
        self._show_events()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Outlet column as wide as its cells need (check box, colour chip, the ★ and ⚠ marks and the
        name, as the view draws them), leaving the title at least TITLE_MIN_PX; the small columns
        shown from the left while they fit."""
        header = self.view.header()
        fm = self.view.fontMetrics()
        width = self.view.viewport().width()
        outlet_w = min(self._outlet_width(), max(OUTLET_MIN_PX, width - TITLE_MIN_PX))
        header.resizeSection(0, outlet_w)
        room = width - outlet_w - TITLE_MIN_PX
        for col in range(2, self.model.columnCount()):
            need = max(fm.horizontalAdvance(str(self.model.headerData(col, Qt.Orientation.Horizontal))),
                       fm.horizontalAdvance("00,000")) + 16
            show = room >= need
            header.setSectionHidden(col, not show)
            if show:
                room -= need

    def _outlet_width(self) -> int:
        """What the outlet column needs to show every row whole: the delegate's own size of each
        cell (the names alone left out the check box, the chip and the marks: "★ “Momentum Builds…”"
        was cut at 1366x768, where the cap at half the pane cut it further)."""
        header_w = self.view.fontMetrics().horizontalAdvance(
            str(self.model.headerData(0, Qt.Orientation.Horizontal))) + CELL_MARGIN_PX
        return max(OUTLET_MIN_PX, header_w, self.view.sizeHintForColumn(0) + CELL_MARGIN_PX)

    def _show_events(self) -> None:
        # The resize modes are set on each refill: set while the model had no columns, they were
        # lost, and the event names were cut at 100 px beside an empty strip.
        header = self.events.header()
        if header.count() >= 2:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            # As wide as the counts (a header's minimum section was some 55 px for "6").
            model, fm = self.events_model, self.events.fontMetrics()
            count_w = max((fm.horizontalAdvance(model.index(r, 1).data() or "")
                           for r in range(model.rowCount())), default=0) + 2 * CELL_MARGIN_PX
            header.setMinimumSectionSize(count_w)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(1, count_w)
        self.events.setVisible(self.events_model.rowCount() > 1)
        self.events.expandAll()

    def compare_current_event(self) -> None:
        """Compare the group under the cursor (a group row, or one of its articles)."""
        index = self.events.currentIndex()
        if index.isValid():
            self._event_activated(index)

    def _event_activated(self, index) -> None:
        group = index.parent() if index.parent().isValid() else index
        article = self.events_model.data(group.siblingAtColumn(0), ARTICLE_ROLE)
        if article:
            self.doc.compare_event_of(article)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if index.isValid():
            return self.model.data(self.model.index(index.row(), 0), Qt.ItemDataRole.UserRole)
        return self.doc.articles[0].id if self.doc.articles else None

    def select(self, article_id: str) -> None:
        i = self.doc.index_of(article_id)
        if i >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(i, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _current(self, current, previous) -> None:
        if current.isValid():
            aid = self.model.data(self.model.index(current.row(), 0), Qt.ItemDataRole.UserRole)
            self._selected = aid
            self.currentChanged.emit(aid)

    def _restore(self) -> None:
        # A model reset drops the selection: put it back on the same article (ids are stable).
        if self._selected and self.doc.index_of(self._selected) >= 0:
            self.select(self._selected)
        elif self.doc.articles:
            self.select(self.doc.articles[0].id)

    def _menu(self, pos) -> None:
        if not self.context_actions:
            return
        menu = QMenu(self)
        for a in self.context_actions:
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        menu.exec(self.view.viewport().mapToGlobal(pos))
