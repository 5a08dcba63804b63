"""Metrics as a table (metric x outlet): one row per metric the engine declares and some outlet has.

Rows, labels and units come from ``analysis.vocabulary.metrics`` through ``gui.prepared.metric_table``
(worked out once per result, off the GUI thread): the named metrics first, then the members of each
family (lexicon categories, frames, verbs, actors), so a new metric appears once the engine declares it.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from analysis.model import Comparison
from analysis.vocabulary.metrics import Metric

from ..prepared import EMPTY_TABLE, metrics_of
from ..richtext import fmt_num, fmt_share
from .headers import WrappedHeaders


def row_labels(metrics: tuple[Metric, ...]) -> list[str]:
    """The first column: the editor's label, with its group where two rows share a label ("Words"
    is counted by readability and by tone)."""
    seen: dict[str, int] = {}
    for m in metrics:
        seen[m.label] = seen.get(m.label, 0) + 1
    return [f"{m.label}  ({m.group})" if seen[m.label] > 1 else m.label for m in metrics]


class MetricsModel(WrappedHeaders, QAbstractTableModel):
    """Rows: every declared metric present; columns: outlets (reference first)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple[Metric, ...] = ()
        self.labels: list[str] = []
        self.article_ids: list[str] = []
        self.outlets: list[str] = []
        self.colors: list[QColor] = []
        self.table = EMPTY_TABLE

    @property
    def keys(self) -> list[str]:
        return [m.key for m in self.rows]

    def set_comparison(self, comparison: Comparison | None, order: list[str], outlets: list[str],
                       colors: list[QColor]) -> None:
        self.beginResetModel()
        self.clear_headers()
        self.article_ids, self.outlets, self.colors = order, outlets, colors
        self.table = metrics_of(comparison)
        shown = set(order)
        self.rows = tuple(m for m in self.table.rows
                          if any(self.table.value(aid, m) is not None for aid in shown))
        self.labels = row_labels(self.rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.article_ids) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Metric" if section == 0 else self.wrapped(section, self.outlets[section - 1])
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return self.outlets[section - 1]
        if role == Qt.ItemDataRole.DecorationRole and section > 0:
            return self.colors[section - 1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        metric = self.rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.labels[index.row()]
            if role == Qt.ItemDataRole.ToolTipRole:
                # An editor has no docs/ folder: the unit in words, the export's key last.
                return f"{metric.label} (unit: {metric.unit}). In the JSON export: {metric.key}"
            return None
        value = self.table.value(self.article_ids[index.column() - 1], metric)
        if role == Qt.ItemDataRole.DisplayRole:
            if value is not None and metric.is_count and float(value).is_integer():
                value = int(value)      # a count is whole: "3", not "3.00"
            if value is not None and metric.is_share:
                return fmt_share(value)     # "22%": 0.22 beside grades read as a grade
            return "–" if value is None else fmt_num(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_values(self, row: int) -> list[tuple[str, float | None, QColor]]:
        metric = self.rows[row]
        return [(self.outlets[i], self.table.value(aid, metric), self.colors[i])
                for i, aid in enumerate(self.article_ids)]
