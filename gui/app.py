"""Application set-up and the entry point ``run(paths) -> int`` that ``main.py`` calls.

The window is shown before any article is read: reading and analysis run off the GUI thread and fill
the window in as they finish.  With no paths, the bundled seeds (seeds/*.txt) are opened.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from analysis.resources import resource

from . import settings, theme

ICON = Path(str(resource("icons", "parallax.svg")))


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with names (for QSettings), icon and the saved theme."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Parallax")
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    theme.apply(app, theme.THEMES.get(settings.theme_name(), theme.LIGHT))
    return app


def make_window(paths: list[str] | None = None):
    """Create and show the main window, then start reading ``paths`` (or the seeds)."""
    from .main_window import MainWindow
    window = MainWindow()
    window.show()
    # After show: the window paints first, then reading starts in the background.
    QTimer.singleShot(0, (lambda: window.open_paths(list(paths), replace=True)) if paths
                      else window.open_seeds)
    return window


def run(paths: list[str]) -> int:
    """Open the window on ``paths`` (or the bundled seeds) and run the event loop; the exit code."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = create_app()
    window = make_window([str(p) for p in paths])
    code = app.exec()
    del window
    return code
