"""The command palette (Ctrl+K): type part of a command's name, Enter runs it.

It lists every enabled QAction of the window (so it always matches the actions table), ranked by a
simple fuzzy match: all typed words must appear; whole words first, then starts of words, then
substrings, then letters in order (so "swap" finds "Swap sides" before "Soft wrap").
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

# What kind of match a typed word makes, best first: a whole word ("swap" in "Swap sides"), the
# start of a word ("exp" in "Export"), inside a word ("port" in "Export"), letters in order ("shsi"
# in "Show side").  Within a kind, the earlier match wins.
WHOLE_WORD, WORD_START, INSIDE_WORD, IN_ORDER = 0, 1000, 2000, 3000


def score(query: str, text: str) -> float | None:
    """None when ``text`` does not match; lower is better."""
    words = query.lower().split()
    t = text.lower()
    total = 0.0
    for word in words:
        s = _word_score(word, t)
        if s is None:
            return None
        total += s
    return total


def _word_score(word: str, text: str) -> int | None:
    whole = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    if whole:
        return WHOLE_WORD + whole.start()
    start = re.search(rf"(?<!\w){re.escape(word)}", text)
    if start:
        return WORD_START + start.start()
    inside = text.find(word)
    if inside >= 0:
        return INSIDE_WORD + inside
    pos, last = 0, -1
    for ch in word:
        last = text.find(ch, pos)
        if last < 0:
            return None
        pos = last + 1
    return IN_ORDER + last


class CommandPalette(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        # A frameless dialog rather than a Popup: it opens non-blocking (``open()``), so the window keeps
        # painting and tests can type into it.
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("commandPalette")
        self.actions_ = [a for a in actions if a.text()]
        self.chosen: QAction | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Type a command…")
        self.edit.setAccessibleName("Command")
        self.list = QListWidget()
        self.list.setAccessibleName("Matching commands")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self.filter)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(self._run_item)
        self.list.itemClicked.connect(self._run_item)
        self.resize(520, 380)
        self.filter("")

    def filter(self, query: str) -> None:
        self.list.clear()
        ranked = []
        for n, a in enumerate(self.actions_):
            s = score(query, a.text().replace("…", ""))
            if s is not None and a.isEnabled():
                ranked.append((s, n, a))
        for _, _, a in sorted(ranked, key=lambda x: (x[0], x[1])):
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts())
            item = QListWidgetItem(a.text().replace("&", "") + (f"    {keys}" if keys else ""))
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.edit and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._run_item(item)
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return super().eventFilter(obj, event)

    def _run_item(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        parent = self.parentWidget()
        if parent is not None:
            geo = parent.geometry()
            self.move(geo.x() + (geo.width() - self.width()) // 2, geo.y() + 80)
        self.edit.setFocus()
