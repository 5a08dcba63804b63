"""Who is quoted where: one row per speaker, one column per outlet (words quoted and share of voice)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from analysis.model import Article, Comparison, Voice

from .headers import WrappedHeaders

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
VOICE_ROLE = Qt.ItemDataRole.UserRole + 2
UNNAMED_ROLE_TEXT = "unnamed source"
UNNAMED_TIP = ("an unnamed source: a group or a description, not a named person or body "
               "(counted apart, never a voice left out)")


class VoicesModel(WrappedHeaders, QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.voices: tuple[Voice, ...] = ()
        self.articles: list[Article] = []
        self.quote_counts: dict[tuple[str, str], int] = {}
        self.outlet_counts: list[int] = []      # per row: outlets quoting the speaker (sort key)
        self.tint = QColor("#56B4E9")
        self.italic = QFont()           # unnamed sources' speaker and role (one font for every paint)
        self.italic.setItalic(True)

    def set_comparison(self, comparison: Comparison | None, articles: list[Article]) -> None:
        self.beginResetModel()
        self.clear_headers()
        self.articles = articles
        # Named voices first, then the unnamed sources ("officials", "critics"), each by words quoted.
        self.voices = tuple(sorted(comparison.voices if comparison else (),
                                   key=lambda v: (v.unnamed, -sum(v.words.values()))))
        # A voice's quotes per article as the engine counted them: its quotes carry the key each
        # article gave the speaker ("alito", "justice alito"), which the voice may have merged.
        self.quote_counts = {(v.speaker, a): n for v in self.voices for a, n in v.quotes.items()}
        self.outlet_counts = [sum(1 for a in articles if v.words.get(a.id, 0) > 0)
                              for v in self.voices]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.voices)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3 + len(self.articles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section < 3:
                return ("Speaker", "Role", "Outlets")[section]
            return self.wrapped(section, self.articles[section - 3].outlet)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section >= 3:
            return self.articles[section - 3].outlet
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self.voices[index.row()]
        col = index.column()
        if role == VOICE_ROLE:
            return v
        if col < 3:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                if col == 0:
                    return v.name or v.speaker or "(unknown)"
                if col == 1:
                    return v.role or (UNNAMED_ROLE_TEXT if v.unnamed else "")
                n = self.outlet_counts[index.row()]
                return f"{n} / {len(self.articles)}" if role == Qt.ItemDataRole.DisplayRole else n
            if role == Qt.ItemDataRole.ToolTipRole and col < 2:      # the columns elide when narrow
                named = ", ".join(x for x in (v.name or v.speaker, v.role) if x)
                return f"{named}: {UNNAMED_TIP}" if v.unnamed else named or None
            if role == Qt.ItemDataRole.FontRole and v.unnamed and col < 2:
                return self.italic
            return None
        a = self.articles[col - 3]
        words = v.words.get(a.id, 0)
        share = v.share.get(a.id, 0.0)
        if role == Qt.ItemDataRole.DisplayRole:
            # The share only: narrow enough for six outlets side by side (words in the tooltip).
            return f"{share:.0%}" if words else "—"
        if role == SORT_ROLE:
            return share
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and words:
            c = QColor(self.tint)
            c.setAlphaF(0.15 + 0.6 * min(1.0, share))
            return c
        if role == Qt.ItemDataRole.ToolTipRole:
            n = self.quote_counts.get((v.speaker, a.id), 0)
            return (f"{a.outlet} quotes {v.name}: {words} words in {n} quote(s), "
                    f"{share:.0%} of its quoted words" if words else f"{a.outlet} does not quote {v.name}")
        return None
