"""The window's controllers, one per job; each owns the handlers of its actions.

``gui.actions.ACTIONS`` names every handler ``controller.method``; ``MainWindow`` builds the widgets,
then ``Controllers(ui)``, then the actions and menus from the table.

* ``articles``   — open files, links, pasted text, the seeds; edit the outlets list (articles.py)
* ``session``    — open, new, save as, close a review session; keep the file in step (session.py)
* ``analysis``   — re-run the engine when the analysed articles change; progress, cancel (analysis.py)
* ``export``     — File > Export report, in its own background lane (export.py)
* ``review``     — verdicts, severities, notes, undo / redo (review.py)
* ``navigation`` — the current finding, J / K, facts, tabs and panes (navigation.py)
* ``view``       — redrawing the tabs, the status counts, theme, side-by-side options (view.py)
* ``help``       — command palette, shortcut sheet, About (help.py)
"""
from __future__ import annotations

from .analysis import AnalysisController
from .articles import ArticlesController
from .base import Controller, Ui
from .export import ExportController
from .help import HelpController
from .navigation import NavigationController
from .review import ReviewController
from .session import SessionController
from .view import ViewController

# The name an action's handler uses -> the controller's class (the actions test checks every handler).
CONTROLLERS: dict[str, type[Controller]] = {
    "view": ViewController,
    "review": ReviewController,
    "navigation": NavigationController,
    "session": SessionController,
    "articles": ArticlesController,
    "analysis": AnalysisController,
    "export": ExportController,
    "help": HelpController,
}

__all__ = ["CONTROLLERS", "Controller", "Controllers", "Ui"]


class Controllers:
    """Every controller of one window, by job; they reach one another through here."""

    view: ViewController
    review: ReviewController
    navigation: NavigationController
    session: SessionController
    articles: ArticlesController
    analysis: AnalysisController
    export: ExportController
    help: HelpController

    def __init__(self, ui: Ui) -> None:
        self.ui = ui
        for name, cls in CONTROLLERS.items():
            setattr(self, name, cls(ui, self))
        for controller in self.all():
            controller.wire()

    def all(self) -> list[Controller]:
        return [getattr(self, name) for name in CONTROLLERS]

    def targets(self) -> dict[str, object]:
        """What the actions table's handler names resolve against: the controllers and the window."""
        return {"window": self.ui.window, **{name: getattr(self, name) for name in CONTROLLERS}}

    def update_actions(self) -> None:
        """Every controller enables and relabels its actions for the current state."""
        if not self.ui.actions:
            return                  # the table is not built yet
        for controller in self.all():
            controller.update_actions()
