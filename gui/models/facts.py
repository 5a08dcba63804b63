"""The fact x outlet grid: one row per aligned fact, one column per outlet.

A cell holds the outlet's sentence(s) for that fact; where the outlet leaves out a fact that others
carry, the cell shows an omission mark (from ``Comparison.omissions``); otherwise it is empty.

The model sorts itself (``sort``, one key per row, in Python) instead of sitting behind a
QSortFilterProxyModel: the proxy compares rows pairwise through ``data``, some 2,500 calls into
Python per sort with 160 facts, and it re-sorts on every reset.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from analysis.model import Article, Comparison, Fact

from ..prepared import prepare

FACT_ROLE = Qt.ItemDataRole.UserRole + 1        # fact id
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 2     # article id of the column (None for label columns)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
OMITTED = "— omitted"


class FactsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.facts: tuple[Fact, ...] = ()
        self.articles: list[Article] = []
        self.omitted: dict[tuple[str, str], int] = {}   # (fact, article) -> rank
        self.first_pos: dict[str, int] = {}
        self.members: dict[str, dict] = {}      # fact id -> article id -> FactMember (shown ones)
        self.muted = QColor("#888888")
        self.omit_color = QColor("#D55E00")
        self.colors: list[QColor] = []
        self._engine_order: tuple[Fact, ...] = ()
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder

    def set_comparison(self, comparison: Comparison | None, articles: list[Article],
                       colors: list[QColor] | None = None) -> None:
        self.beginResetModel()
        self.colors = colors or []
        self.facts = comparison.facts if comparison is not None else ()
        self.articles = articles
        self.omitted = prepare(comparison)["omitted"] if comparison is not None else {}
        # Natural order: where the fact first appears in the reference (first article), then others.
        self.first_pos = {}
        self.members = {}
        col_of = {a.id: col for col, a in enumerate(articles)}
        for f in self.facts:
            best = (len(articles), 1 << 30)
            members = {m.article: m for m in f.members if m.article in col_of}
            self.members[f.id] = members
            for aid, m in members.items():
                if m.sentences:
                    try:
                        index = int(m.sentences[0].rsplit(".s", 1)[1]) - 1
                    except (IndexError, ValueError):
                        continue
                    best = min(best, (col_of[aid], index))
            self.first_pos[f.id] = best[0] * 100000 + best[1]
        self._engine_order = self.facts
        self.facts = self._sorted(self.sort_column, self.sort_order)
        self.endResetModel()

    def _sort_key(self, column: int):
        if column == 0:
            return lambda f: self.first_pos.get(f.id, 0)
        if column == 1:
            return lambda f: len(self.members.get(f.id, ()))
        article = self.articles[column - 2]
        return lambda f: self._cell_sort_text(f, article)

    def _cell_sort_text(self, fact: Fact, article: Article) -> str:
        text = self.cell_text(fact, article)
        if text is not None:
            return text
        rank = self.omitted.get((fact.id, article.id))
        return f"{OMITTED} (#{rank})" if rank is not None else ""

    def _sorted(self, column: int, order) -> tuple[Fact, ...]:
        if not 0 <= column < self.columnCount():
            return self._engine_order
        # From the engine's order every time, and stable: ties keep that order, as the proxy did.
        return tuple(sorted(self._engine_order, key=self._sort_key(column),
                            reverse=order == Qt.SortOrder.DescendingOrder))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        if not self.facts:
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self.facts)
        self.facts = self._sorted(column, order)
        where = {f.id: n for n, f in enumerate(self.facts)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(where[old[i.row()].id], i.column()) for i in persistent])
        self.layoutChanged.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.facts)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2 + len(self.articles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return "Fact"
            if section == 1:
                return "Coverage"
            return self.articles[section - 2].outlet
        if role == Qt.ItemDataRole.DecorationRole and section >= 2:
            return self.colors[section - 2] if section - 2 < len(self.colors) else None
        return None

    def cell_text(self, fact: Fact, article: Article) -> str | None:
        m = self.members.get(fact.id, {}).get(article.id)
        if m is None:
            return None
        parts = []
        for sid in m.sentences:
            try:
                parts.append(article.sentence(sid).text)
            except (IndexError, ValueError):
                continue
        return " ".join(parts)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        fact = self.facts[index.row()]
        col = index.column()
        covered = len(self.members.get(fact.id, ()))
        if role == FACT_ROLE:
            return fact.id
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return fact.label
            if role == SORT_ROLE:
                return self.first_pos.get(fact.id, 0)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{fact.label}\nCohesion {fact.cohesion:.2f}"
            return None
        if col == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{covered} / {len(self.articles)}"
            if role == SORT_ROLE:
                return covered
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        article = self.articles[col - 2]
        if role == ARTICLE_ROLE:
            return article.id
        text = self.cell_text(fact, article)
        rank = self.omitted.get((fact.id, article.id))
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if text is not None:
                return text
            return f"{OMITTED} (#{rank})" if rank is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if text is not None:
                return f"{article.outlet}: {text}"
            if rank is not None:
                return f"{article.outlet} leaves this fact out (omission rank {rank})"
            return f"{article.outlet} does not report this fact"
        if role == Qt.ItemDataRole.ForegroundRole and text is None:
            return self.omit_color if rank is not None else self.muted
        if role == Qt.ItemDataRole.FontRole and text is None and rank is not None:
            f = QFont()
            f.setItalic(True)
            return f
        return None
