"""The shortcut sheet (F1 or ?): every action with its keys, grouped by menu, read from the table."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .actions import ACTIONS, MENUS, shortcut_text
from .richtext import esc


def sheet_html() -> str:
    parts = ['<h2>Keyboard shortcuts</h2>',
             '<p>Every command is also in the command palette (Ctrl+K).</p>']
    for menu in MENUS + ("",):
        rows = [s for s in ACTIONS if s.menu == menu]
        if not rows:
            continue
        parts.append(f'<h3>{esc(menu.replace("&", "") or "Other")}</h3><table cellpadding="3">')
        for s in rows:
            keys = shortcut_text(s) or "—"
            parts.append(f'<tr><td width="220"><b>{esc(keys)}</b></td><td>{esc(s.text)}</td></tr>')
        parts.append('</table>')
    return "".join(parts)


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.browser = QTextBrowser()
        self.browser.setHtml(sheet_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 640)
