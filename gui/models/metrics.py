"""Metrics as a table (metric x outlet), plus helpers to find the named metrics the charts show.

The engine's metrics are nested dicts per article (``{"readability": {...}, "sentiment": {...},
"tone": {...}}``); we flatten them to ``group.key`` and show every numeric value, so new metrics
appear without a GUI change.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from analysis.model import Comparison

from ..richtext import fmt_num

_SENTENCE_ID = re.compile(r"^a?\w*\.s\d+$")
MAX_DEPTH = 3


def flatten(groups: Mapping[str, Any], prefix: str = "", depth: int = 0) -> dict[str, float]:
    """Numeric leaves of nested mappings, keyed ``group.key`` (lists and strings are skipped).

    Per-sentence breakdowns (mappings keyed by sentence ids) and anything deeper than three levels
    are detail for the inspector, not rows of a per-outlet table, so they are left out.
    """
    out: dict[str, float] = {}
    for key, value in (groups or {}).items():
        name = f"{prefix}{key}"
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            out[name] = float(value)
        elif isinstance(value, Mapping) and depth + 1 < MAX_DEPTH:
            if value and all(_SENTENCE_ID.match(str(k)) for k in value):
                continue
            out.update(flatten(value, name + ".", depth + 1))
    return out


# Named charts: (title, candidate keys in order of preference, fixed range or None, unit text).
# Candidates are matched on the flattened key's ending, so "sentiment.mean_compound" and
# "sentiment.compound_mean" both work while the engine's names settle (docs/METRICS.md).
NAMED = (
    ("Reading grade (Flesch-Kincaid)", ("readability.flesch_kincaid_grade", "flesch_kincaid_grade",
                                        "fk_grade"), None, "grade"),
    ("Sentiment (VADER compound)", ("sentiment.compound_mean", "sentiment.mean_compound",
                                         "sentiment.compound", "mean_compound", "compound"),
     (-1.0, 1.0), "−1 … +1"),
    ("Loaded words per 1,000 words", ("tone.rates_per_1k.loaded", "tone.loaded_per_1k",
                                      "tone.loaded_rate", "loaded_rate", "loaded_per_1k"), None,
     "per 1k"),
    ("Share of text in quotes", ("tone.quote_share", "tone.quoted_share", "quote_share",
                                 "quoted_share", "share_quoted"), None, "share"),
)


def find_key(flat: Mapping[str, float], candidates: tuple[str, ...]) -> str | None:
    for cand in candidates:
        if cand in flat:
            return cand
    for cand in candidates:
        for key in flat:
            if key.endswith("." + cand) or key.endswith(cand):
                return key
    return None


class MetricsModel(QAbstractTableModel):
    """Rows: every numeric metric key; columns: outlets (reference first)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.keys: list[str] = []
        self.article_ids: list[str] = []
        self.outlets: list[str] = []
        self.colors: list[QColor] = []
        self.values: dict[str, dict[str, float]] = {}

    def set_comparison(self, comparison: Comparison | None, order: list[str], outlets: list[str],
                       colors: list[QColor]) -> None:
        self.beginResetModel()
        self.article_ids, self.outlets, self.colors = order, outlets, colors
        self.values = {}
        keys: dict[str, None] = {}
        if comparison is not None:
            from ..document import flat_metrics
            tables = flat_metrics(comparison)      # flattened once per result, off the GUI thread
            for aid in order:
                flat = tables.get(aid, {})
                self.values[aid] = flat
                keys.update(dict.fromkeys(flat))
        self.keys = sorted(keys)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.article_ids) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "Metric" if section == 0 else self.outlets[section - 1]
        if role == Qt.ItemDataRole.DecorationRole and section > 0:
            return self.colors[section - 1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.keys[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                group, _, name = key.partition(".")
                return f"{name.replace('_', ' ')}  ({group})" if name else key
            if role == Qt.ItemDataRole.ToolTipRole:
                return key
            return None
        aid = self.article_ids[index.column() - 1]
        value = self.values.get(aid, {}).get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return "–" if value is None else fmt_num(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_values(self, row: int) -> list[tuple[str, float | None, QColor]]:
        key = self.keys[row]
        return [(self.outlets[i], self.values.get(aid, {}).get(key), self.colors[i])
                for i, aid in enumerate(self.article_ids)]
