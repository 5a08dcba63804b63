"""Outlet column headers as their view wrapped them to the columns' widths (``charts.ColumnFit``),
for the table models of the Metrics and Voices tabs."""
from __future__ import annotations

from PySide6.QtCore import Qt


class WrappedHeaders:
    """Mixed into a QAbstractTableModel: ``set_headers`` takes the texts, ``wrapped`` gives them."""

    def wrapped(self, section: int, name: str) -> str:
        """The header text of ``section``: as wrapped to its width, else ``name`` whole."""
        return getattr(self, "_wrapped", {}).get(section, name)

    def set_headers(self, texts: dict[int, str]) -> None:
        if texts == getattr(self, "_wrapped", {}):
            return
        self._wrapped = dict(texts)
        if texts:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, min(texts), max(texts))  # type: ignore[attr-defined]

    def clear_headers(self) -> None:
        """A new set of outlets: the old texts belong to other columns."""
        self._wrapped: dict[int, str] = {}
