"""Application set-up and the entry point ``run(paths) -> int`` that ``main.py`` calls.

The engine process is started before anything else, before Qt is even imported (it reads the
articles and analyses them, and its start-up overlaps the window's: ``gui.early``); the window is
shown before any article is read, says that it is reading, and fills in as results arrive.  With no
paths, the bundled seeds (seeds/*.txt) are opened.  Qt is imported inside the functions that use it,
so that importing this module and checking the display cost no Qt.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.resources import resource

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

ICON = Path(str(resource("icons", "parallax.svg")))


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with names (for QSettings), icon and the saved theme."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from analysis import regexcache

    from . import settings, theme
    regexcache.prefill()    # the patterns earlier runs compiled, before the window's modules compile theirs
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
    from PySide6.QtCore import QTimer

    from .main_window import MainWindow
    window = MainWindow()
    window.show()
    # After show: the window paints first, then reading starts in the background.
    QTimer.singleShot(0, (lambda: window.articles.open_paths(list(paths), replace=True)) if paths
                      else window.articles.open_seeds)
    return window


HEADLESS_HINT = ("to run without a display, set QT_QPA_PLATFORM=offscreen (the window is then drawn "
                 "off-screen); the command line needs no display: python main.py compare FILE... --json OUT")


def display_problem(environ=None, platform: str | None = None) -> str | None:
    """Why the window cannot open here, checked before Qt (which would abort the process); None
    when it can.  Linux only: a platform other than X11/Wayland, or one chosen, is left to Qt."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux" or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return f"no display to open the window on (DISPLAY is not set); {HEADLESS_HINT}"
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        missing = _missing_x11_library()
        if missing:
            return (f"the window cannot start: Qt's X11 support needs the system library {missing} "
                    f"(README.md lists the packages to install); {HEADLESS_HINT}")
    return None


def _missing_x11_library() -> str | None:
    """The first system library Qt's X11 plugin cannot find, by loading the plugin the way Qt will."""
    import ctypes
    import re

    import PySide6
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = re.search(r"(lib[\w.+-]+\.so[\w.]*)", str(exc))
        return found.group(1) if found else "(unknown)"
    return None


def spawn_engine() -> None:
    """Start the engine process before this process imports Qt (``gui.early``)."""
    from .early import spawn_engine as spawn
    spawn()


def start_engine() -> None:
    """Start the engine process first of all: its Python start-up, imports and warm-up then run on
    the other core while this process builds the window (``gui.worker.start_engine``)."""
    from . import settings
    from .worker import start_engine as start
    start(low_priority=settings.engine_low_priority())


def run(paths: list[str]) -> int:
    """Open the window on ``paths`` (or the bundled seeds) and run the event loop; the exit code."""
    problem = display_problem()
    if problem:
        print(f"parallax: {problem}", file=sys.stderr)
        return 2
    spawn_engine()          # before Qt is imported: the engine's start-up overlaps the window's imports
    start_engine()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = create_app()
    window = make_window([str(p) for p in paths])
    code = app.exec()
    del window
    return code
