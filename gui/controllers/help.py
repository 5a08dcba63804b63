"""Help: the command palette (Ctrl+K), the shortcut sheet (F1, ?) and About."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ..palette import CommandPalette
from ..shortcuts_sheet import ShortcutSheet
from .base import Controller

ABOUT = ("Parallax compares how several outlets cover one news event: facts, omissions, framing, "
         "voices, tone and readability. Offline.")


class HelpController(Controller):
    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self.palette_dialog: CommandPalette | None = None
        self.sheet: ShortcutSheet | None = None

    def show_palette(self) -> None:
        self.palette_dialog = CommandPalette(list(self.ui.actions.values()), self.ui.window)
        self.palette_dialog.finished.connect(self._palette_done)
        self.palette_dialog.open()

    def _palette_done(self, result: int) -> None:
        chosen = self.palette_dialog.chosen
        if chosen is not None and chosen.isEnabled():
            # Run after the palette has closed, so focus-dependent commands see the window.
            QTimer.singleShot(0, chosen.trigger)

    def show_shortcuts(self) -> None:
        self.sheet = ShortcutSheet(self.ui.window)
        self.sheet.open()

    def show_about(self) -> None:
        QMessageBox.about(self.ui.window, "About Parallax", ABOUT)
