"""A dismissable message strip above the tabs: bad input and engine notes, never a traceback."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class Banner(QWidget):
    dismissed = Signal()                # the editor closed it (what it said may belong elsewhere now)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("banner")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)   # messages quote file names: no markup
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def dismiss(self) -> None:
        """Hide it as its close button does (what it said may then show elsewhere)."""
        self.hide()
        self.dismissed.emit()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
