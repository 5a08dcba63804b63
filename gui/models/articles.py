"""The outlets list: one row per article the user added (excluded ones greyed, with a checkbox).

Columns: outlet (colour chip, ★ for the reference, ⚠ when the engine thinks it covers another event),
title, date, words, reading grade, sentiment.  Editing the outlet cell renames it; unticking the
checkbox excludes the article.  Both go through the Document, never straight to the data.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from ..document import Document
from ..richtext import fmt_num
from ..theme import outlet_color
from .metrics import NAMED, find_key, flatten

COLUMNS = ("Outlet", "Title", "Date", "Words", "Grade", "Sentiment")


def chip_icon(color: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(color)
    return QIcon(pix)


class ArticlesModel(QAbstractTableModel):
    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = document
        self._words: dict[str, int] = {}
        self._metrics: dict[str, tuple] = {}
        self._events: dict = {}
        document.articlesChanged.connect(self.refresh)
        document.layoutChanged.connect(self.refresh)
        document.comparisonChanged.connect(self.refresh)

    def refresh(self) -> None:
        self.beginResetModel()
        # Computed once per change, not per paint: word counts and metric look-ups are not free.
        from ..document import prepare
        comp = self.doc.comparison
        known = prepare(comp)["words"] if comp is not None else {}
        self._words = {a.id: known[a.id] if a.id in known and a is comp.article(a.id) else a.word_count
                       for a in self.doc.articles}
        self._metrics = {}
        comp = self.doc.comparison
        if comp is not None:
            for aid, groups in comp.metrics.items():
                flat = flatten(groups)
                self._metrics[aid] = tuple(
                    flat.get(k) if (k := find_key(flat, NAMED[i][1])) else None for i in (0, 1))
        self._events = {m.article: m for m in comp.event} if comp is not None else {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.doc.articles)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index):
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            f |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        return f

    def _metric(self, article_id: str, which: int) -> float | None:
        values = self._metrics.get(article_id)
        return values[which] if values else None

    def _event(self, article_id: str):
        return self._events.get(article_id)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self.doc.articles[index.row()]
        col = index.column()
        excluded = a.id in self.doc.excluded
        is_ref = a.id == self.doc.reference
        event = self._event(a.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                mark = "★ " if is_ref else ""
                warn = " ⚠" if event is not None and not event.same_event else ""
                return f"{mark}{a.outlet or a.id}{warn}"
            if col == 1:
                return a.title
            if col == 2:
                return a.date or ""
            if col == 3:
                return f"{self._words.get(a.id, 0):,}"
            if col in (4, 5):
                v = self._metric(a.id, 0 if col == 4 else 1)
                return "" if v is None else fmt_num(v)
        if role == Qt.ItemDataRole.EditRole and col == 0:
            return a.outlet
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return chip_icon(outlet_color(index.row()))
        if role == Qt.ItemDataRole.FontRole and is_ref and col == 0:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and excluded:
            return QColor("#888888")
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{a.outlet} — {a.title}", a.path or f"({a.source_kind})"]
            if is_ref:
                lines.append("Reference outlet")
            if excluded:
                lines.append("Excluded from the comparison")
            if event is not None:
                lines.append(f"Same-event score {event.score:.2f}"
                             + ("" if event.same_event else " — may cover another event"))
                if event.evidence:
                    lines.append(event.evidence)
            if a.removed:
                lines.append(f"{len(a.removed)} boilerplate line(s) removed (Ctrl+Shift+R)")
            lines.extend(a.warnings)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid() or index.column() != 0:
            return False
        a = self.doc.articles[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            self.doc.set_excluded(a.id, Qt.CheckState(value) != Qt.CheckState.Checked)
            return True
        if role == Qt.ItemDataRole.EditRole:
            name = str(value).strip()
            if name and name != a.outlet:
                self.doc.rename(a.id, name)
            return True
        return False
