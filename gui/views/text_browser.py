"""A QTextBrowser for documents that are built in slices off the event loop's idle time."""
from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget


class FinishingTextBrowser(QTextBrowser):
    """A text view whose document may still be building in slices: reading its text (as tests and
    copy do) first finishes the build through ``before_read``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before_read = None

    def toPlainText(self) -> str:  # noqa: N802
        if self.before_read is not None:
            self.before_read()
        return super().toPlainText()
