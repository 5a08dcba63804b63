"""The outlets dock: the article list with its colour chips, and a context menu of article actions.

The list is a view over ``ArticlesModel``; every change goes through the window's actions, so the same
commands are in the menu bar, the palette and here.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QVBoxLayout, QWidget

from ..document import Document
from ..models.articles import ArticlesModel


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
        # Outlet names can be long; a fixed outlet column leaves the title room (full text in tooltips).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 120)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in range(2, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.context_actions: list[QAction] = []
        self._selected: str | None = None
        self.model.modelReset.connect(self._restore)
        self.view.selectionModel().currentRowChanged.connect(self._current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

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
