"""What every controller shares: the window's parts (``Ui``) and the other controllers.

The window builds the widgets and hands them over as one ``Ui``; a controller reads and drives them and
owns the handlers of its actions (``gui.actions.ACTIONS`` names them ``controller.method``).  Controllers
reach one another through the registry (``self.c.review.flush_note()``), never through the window.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

from ..document import Document
from ..session_host import SessionHost
from ..views.articles_panel import ArticlesPanel
from ..views.banner import Banner
from ..views.facts import FactsView
from ..views.findings import FindingsView
from ..views.inspector import Inspector
from ..views.metrics import MetricsView
from ..views.overview import Overview
from ..views.side_by_side import SideBySide
from ..views.status import StatusLine
from ..views.voices import VoicesView

if TYPE_CHECKING:                       # the registry imports every controller, and they this module
    from . import Controllers


@dataclass(eq=False)
class Ui:
    """The window's parts, as built by ``MainWindow``."""
    window: QMainWindow
    doc: Document
    host: SessionHost
    banner: Banner
    status: StatusLine
    tabs: QTabWidget
    overview: Overview
    side: SideBySide
    facts: FactsView
    findings: FindingsView
    voices: VoicesView
    metrics: MetricsView
    inspector: Inspector
    articles_panel: ArticlesPanel
    articles_dock: QDockWidget
    inspector_dock: QDockWidget
    actions: dict[str, QAction] = field(default_factory=dict)    # filled from the actions table

    def say(self, text: str, ms: int = 0) -> None:
        """A message on the status line (for ``ms`` milliseconds; 0 = until the next one)."""
        self.status.say(text, ms)

    def warn(self, text: str) -> None:
        """A message in the banner: bad input, a failure, a note from the engine."""
        self.banner.show_message(text)


class Controller(QObject):
    """One job of the window.  ``wire`` connects its signals once every controller exists."""

    def __init__(self, ui: Ui, controllers: Controllers) -> None:
        super().__init__(ui.window)
        self.ui = ui
        self.c = controllers

    def wire(self) -> None:
        """Connect the widgets' and the other controllers' signals to this one's slots."""

    def update_actions(self) -> None:
        """Enable, disable or relabel this controller's actions for the current state."""
