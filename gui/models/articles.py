"""The outlets list: one row per article the user added (excluded ones greyed, with a checkbox).

Columns: outlet (colour chip, ★ for the reference, ⚠ when it is on another event than the compared one),
title, date, words, reading grade, sentiment.  Editing the outlet cell renames it; unticking the
checkbox excludes the article.  Both go through the Document, never straight to the data.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from analysis.vocabulary.metrics import GRADE, SENTIMENT

from ..document import Document
from ..prepared import cached_word_count, metrics_of, prepare, word_count
from ..richtext import fmt_num
from ..theme import outlet_color

COLUMNS = ("Outlet", "Title", "Date", "Words", "Grade", "Sentiment")


_ICONS: dict[tuple[int, int], QIcon] = {}


def chip_icon(color: QColor, size: int = 12) -> QIcon:
    key = (color.rgba(), size)
    icon = _ICONS.get(key)
    if icon is None:
        pix = QPixmap(size, size)
        pix.fill(color)
        icon = _ICONS[key] = QIcon(pix)
    return icon


ROLE = Qt.ItemDataRole
COUNT_SLICE_MS = 6      # GUI-thread time per turn for counting words of new articles
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
FIRST_FLAGS = ROW_FLAGS | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable


class ArticlesModel(QAbstractTableModel):
    """Cells are worked out once per change (``refresh``), as a role -> value mapping each, so that
    ``data`` is one look-up: after a reset the list measures every cell for its column widths, and it
    repaints often (fifty rows, six columns, a dozen roles each: thousands of calls)."""

    def __init__(self, document: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = document
        self._words: dict[str, int] = {}
        self._metrics: dict[str, tuple] = {}
        self._events: dict = {}
        self._reference: str | None = None
        self._cells: list[list[dict]] = []
        self._ids: list[str] | None = None
        self._changed: tuple[int, int] | None = None    # rows changed, not yet announced
        self._changed_timer = QTimer(self)
        self._changed_timer.setSingleShot(True)
        self._changed_timer.setInterval(0)
        self._changed_timer.timeout.connect(self._announce_changes)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_some)
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QColor("#888888")
        document.articlesChanged.connect(self.refresh)
        document.layoutChanged.connect(self.refresh)
        document.comparisonChanged.connect(self.refresh)

    def refresh(self) -> None:
        """Work the cells out again.  The same articles in the same order (a new result, a rename,
        a new reference): only the rows that changed are announced, and none if nothing did, so the
        list keeps its selection and does not re-measure every cell at once."""
        ids = [a.id for a in self.doc.articles]
        same_rows = ids == self._ids
        if not same_rows:
            self.beginResetModel()
        comp = self.doc.comparison
        known = prepare(comp)["words"] if comp is not None else {}
        in_comp = {a.id: a for a in comp.articles} if comp is not None else {}
        self._words = {}
        for a in self.doc.articles:
            n = known[a.id] if a.id in known and a is in_comp.get(a.id) else cached_word_count(a)
            if n is not None:
                self._words[a.id] = n
        if len(self._words) < len(self.doc.articles):
            # Counting the words of fifty new articles takes some 20 ms: a few rows per
            # event-loop turn, so that adding the articles shows them at once.
            self._count_timer.start()
        table = metrics_of(comp)
        self._metrics = {aid: (table.value(aid, GRADE), table.value(aid, SENTIMENT))
                         for aid in table.values}
        self._events = {m.article: m for m in comp.event} if comp is not None else {}
        self._reference = self.doc.shown_reference()
        old = self._cells
        self._cells = [self._row(n, a) for n, a in enumerate(self.doc.articles)]
        self._ids = ids
        if not same_rows:
            self._changed = None
            self._changed_timer.stop()
            self.endResetModel()
            return
        changed = [n for n, (x, y) in enumerate(zip(old, self._cells)) if x != y]
        if changed:
            # Announced on the next event-loop turn: the list then measures every cell for its
            # column widths, which need not add to the rest of the window's redraw of a result.
            first, last = self._changed or (changed[0], changed[-1])
            self._changed = (min(first, changed[0]), max(last, changed[-1]))
            self._changed_timer.start()

    def _announce_changes(self) -> None:
        if self._changed is not None:
            first, last = self._changed
            self._changed = None
            last = min(last, len(self._cells) - 1)
            if 0 <= first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _count_some(self) -> None:
        deadline = time.perf_counter() + COUNT_SLICE_MS / 1000
        for n, a in enumerate(self.doc.articles):
            if a.id in self._words or n >= len(self._cells):
                continue
            if time.perf_counter() > deadline:
                self._count_timer.start()
                return
            self._words[a.id] = word_count(a)
            self._cells[n] = self._row(n, a)
        # All counted: one announcement (each makes the list measure every cell again).
        if self._cells:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._cells) - 1, 3))

    def _row(self, n: int, a) -> list[dict]:
        event = self._events.get(a.id)
        excluded = a.id in self.doc.excluded
        is_ref = a.id == self._reference
        mark = "★ " if is_ref else ""
        warn = " ⚠" if event is not None and not event.same_event else ""
        grade, sentiment = (("" if v is None else fmt_num(v)) for v in
                            self._metrics.get(a.id, (None, None)))
        words = self._words.get(a.id)
        texts = (f"{mark}{a.outlet or a.id}{warn}", a.title, a.date or "",
                 "…" if words is None else f"{words:,}", grade, sentiment)
        cells = []
        for col, text in enumerate(texts):
            cell = {ROLE.DisplayRole: text, ROLE.UserRole: a.id}
            if excluded:
                cell[ROLE.ForegroundRole] = self._grey
            if col >= 3:
                cell[ROLE.TextAlignmentRole] = RIGHT
            cells.append(cell)
        first = cells[0]
        first[ROLE.EditRole] = a.outlet
        first[ROLE.CheckStateRole] = Qt.CheckState.Unchecked if excluded else Qt.CheckState.Checked
        first[ROLE.DecorationRole] = chip_icon(outlet_color(n))
        if is_ref:
            first[ROLE.FontRole] = self._bold
        return cells

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.doc.articles)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index):
        return FIRST_FLAGS if index.column() == 0 else ROW_FLAGS

    def _metric(self, article_id: str, which: int) -> float | None:
        values = self._metrics.get(article_id)
        return values[which] if values else None

    def _event(self, article_id: str):
        return self._events.get(article_id)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if 0 <= row < len(self._cells):
            value = self._cells[row][index.column()].get(role)
            if value is not None or role != ROLE.ToolTipRole:
                return value
            return self._tooltip(row)
        return None

    def _tooltip(self, row: int) -> str | None:
        if row >= len(self.doc.articles):
            return None
        a = self.doc.articles[row]
        event = self._event(a.id)
        lines = [f"{a.outlet} — {a.title}", a.path or f"({a.source_kind})"]
        if a.id == self._reference:
            lines.append("Reference outlet")
        if a.id in self.doc.excluded:
            lines.append("Excluded from the comparison")
        if event is not None:
            groups = self.doc.comparison.groups if self.doc.comparison is not None else ()
            where = f"event {event.group[1:]} of {len(groups)}" if len(groups) > 1 else "the event"
            lines.append(f"On {where}" + (", compared" if event.same_event else
                                          ", not compared (see Events below to compare it)"))
            if event.evidence:
                lines.append(event.evidence)
        if a.removed:
            lines.append(f"{len(a.removed)} boilerplate line(s) removed (Ctrl+Shift+R)")
        lines.extend(a.warnings)
        return "\n".join(lines)

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
