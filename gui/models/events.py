"""The event groups of the comparison, for the Outlets pane: one row per group (its label, how many
articles, whether it is the one compared), its articles listed under it.

Each row keeps an article id (``ARTICLE_ROLE``): the group's first article for a group row, the
article for an article row.  The window remembers the editor's choice by that article, since group
numbers change when articles are added or removed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from ..document import Document

ARTICLE_ROLE = Qt.ItemDataRole.UserRole
COMPARED_MARK = "▶ "


def _item(text: str, article_id: str, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(article_id, ARTICLE_ROLE)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class EventGroupsModel(QStandardItemModel):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = document
        self._bold = QFont()
        self._bold.setBold(True)
        document.comparisonChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the Document's comparison; empty when there is one event (or none)."""
        self.clear()
        self.setHorizontalHeaderLabels(["Event", "Articles"])
        comp = self.doc.comparison
        if comp is None or len(comp.groups) < 2:
            return
        titles = {a.id: a.title for a in comp.articles}
        for k, g in enumerate(comp.groups, start=1):
            state = "compared" if g.compared else "not compared: Enter compares it"
            n = len(g.articles)
            tip = (f"Event {k} ({state}): {n} article{'s' if n != 1 else ''}"
                   + (f"\n{g.evidence}" if g.evidence else ""))
            head = _item(f"{COMPARED_MARK if g.compared else ''}Event {k}: {g.label}", g.articles[0], tip)
            count = _item(str(len(g.articles)), g.articles[0], tip)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if g.compared:
                head.setFont(self._bold)
            for a in g.articles:
                copy = " (identical copy)" if a in g.copies else ""
                text = f"{self.doc.outlet(a)} — {titles.get(a, '')}{copy}"
                head.appendRow([_item(text, a, text), _item("", a)])      # cut when narrow: whole on hover
            self.appendRow([head, count])
