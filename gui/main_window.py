"""The main window: it assembles.  Outlets dock, six tabs, inspector dock, banner and status line; the
controllers (``gui.controllers``, one per job) that run every command; the actions and menus built from
``gui.actions.ACTIONS``.

The window holds the Document (articles + latest Comparison) and the SessionHost (the review session
file); views only display and emit signals, controllers act on them.  What is left here is what only a
QMainWindow can do: its geometry, closing, and files dropped on it.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from . import actions as actions_table
from . import settings
from .actions import TAB_NAMES
from .controllers import Controllers, Ui
from .document import Document
from .session_host import SessionHost
from .views.articles_panel import ArticlesPanel
from .views.banner import Banner
from .views.facts import FactsView
from .views.findings import FindingsView
from .views.inspector import Inspector
from .views.metrics import MetricsView
from .views.overview import Overview
from .views.side_by_side import SideBySide
from .views.status import StatusLine
from .views.voices import VoicesView

# The first window (nothing saved yet): on a roomy screen this share of its free area, centred; on
# a smaller one (a 1366x768 laptop) all of it, since every pane needs the room.
FIRST_SHARE = 0.9
ROOMY_SCREEN_PX = (1600, 960)       # free width, height from which the first window leaves a margin
# A saved window smaller than this (px) was collapsed, not chosen: it is neither saved nor restored.
LEAST_SAVED_PX = (640, 420)
DOCK_SHARES = (0.2, 0.22)           # outlets, inspector: share of the window's width at first
DOCK_LEAST_CHARS = (26, 32)         # the least width of each, in average characters: never collapsed
DOCK_MOST_PX = (360, 420)
# The outlets list's context menu ("" = a separator).
ARTICLE_MENU = ("set_reference", "rename_outlet", "exclude_article", "move_up", "move_down", "",
                "show_removed", "", "remove_article")


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Parallax")
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.doc = Document(self)
        # The review session: verdicts, severities and notes by finding id, saved as they are made.
        self.host = SessionHost(self)
        self.ui = self._build()
        c = self.controllers = Controllers(self.ui)
        self.articles, self.session, self.analysis = c.articles, c.session, c.analysis
        self.export, self.review, self.navigation, self.view, self.help = \
            c.export, c.review, c.navigation, c.view, c.help
        self.actions = self.ui.actions
        self.actions.update(actions_table.build(self, c.targets(), self.menuBar()))
        self._recent_menus()
        self.actions["dark_theme"].setChecked(self.view.theme.dark)
        self.actions["soft_wrap"].setChecked(True)
        self.actions["low_priority"].setChecked(settings.engine_low_priority())
        self.view.theme_views()
        self.articles_panel.context_actions = [self.actions[i] if i else None for i in ARTICLE_MENU]
        self._docks_unsized = False
        self._restore_geometry()
        self.session.show_state()
        self.view.refresh_views()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> Ui:
        self.overview = Overview(self.doc)
        self.side = SideBySide(self.doc)
        self.facts = FactsView(self.doc)
        self.findings = FindingsView(self.doc)
        self.voices = VoicesView(self.doc)
        self.metrics = MetricsView(self.doc)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        for view, name in zip((self.overview, self.side, self.facts, self.findings, self.voices,
                               self.metrics), TAB_NAMES):
            self.tabs.addTab(view, name)
        for i in range(len(TAB_NAMES)):
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.banner = Banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.articles_panel = ArticlesPanel(self.doc)
        self.articles_dock = self._dock("Outlets", "outletsDock", self.articles_panel,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector = Inspector(self.doc)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock_widths()
        self.status = StatusLine(self.statusBar())
        # The status line's parts under the names the tests and tools read.
        self.progress, self.stage_label, self.cancel_button = \
            self.status.progress, self.status.stage_label, self.status.cancel_button
        self.counts_label, self.review_label, self.session_label = \
            self.status.counts_label, self.status.review_label, self.status.session_label
        return Ui(self, self.doc, self.host, self.banner, self.status, self.tabs, self.overview,
                  self.side, self.facts, self.findings, self.voices, self.metrics, self.inspector,
                  self.articles_panel, self.articles_dock, self.inspector_dock)

    def _dock_widths(self) -> None:
        """The panes' least widths (they never collapse, and a collapsed width saved by an older
        version cannot come back) and their first widths, from the window's width."""
        chars = self.fontMetrics().averageCharWidth()
        for dock, least in zip((self.articles_dock, self.inspector_dock), DOCK_LEAST_CHARS):
            dock.widget().setMinimumWidth(least * chars)
        width = max(self.width(), 800)
        sizes = [min(most, max(least * chars, int(width * share)))
                 for share, least, most in zip(DOCK_SHARES, DOCK_LEAST_CHARS, DOCK_MOST_PX)]
        self.resizeDocks([self.articles_dock, self.inspector_dock], sizes, Qt.Orientation.Horizontal)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _recent_menus(self) -> None:
        """File > Recent sessions and Recent articles, filled by their controllers as they open."""
        file_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&File")
        for title, before, owner in (("Recent &sessions", "save_session_as", self.session),
                                     ("Recent &articles", "open_seeds", self.articles)):
            menu = QMenu(title, file_menu)
            file_menu.insertMenu(self.actions[before], menu)
            menu.aboutToShow.connect(lambda m=menu, o=owner: o.fill_recent_menu(m))
            owner.recent_menu = menu

    # ---- what only the window itself can do -------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = settings.settings()
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty() and self.restoreGeometry(geo) \
                and not _collapsed(self.width(), self.height()):
            self._fit_screen()              # saved on a larger screen than this one
        else:
            self._first_geometry()
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)        # a saved pane narrower than its least width grows back
        else:
            self._docks_unsized = True      # sized again at the first show, from the shown width

    def _room(self) -> QRect | None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def _first_geometry(self) -> None:
        """The first window: sized from the screen's free area (``first_size``) and centred on it.
        A fixed 1400x900 ran off a 1366x768 laptop and left half of a 1920x1080 screen unused."""
        room = self._room()
        if room is None:
            return
        width, height = first_size(room.width(), room.height())
        self.resize(width, height)
        self.move(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2)

    def _fit_screen(self) -> None:
        """The restored size, or the screen's free area when that is smaller."""
        room = self._room()
        if room is not None:
            self.resize(min(self.width(), room.width()), min(self.height(), room.height()))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # The first panes' widths follow the width the window is shown at (it may have been resized
        # since it was built to fit a smaller screen), not the width it was built with.
        if self._docks_unsized:
            self._docks_unsized = False
            self._dock_widths()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.review.flush_note()
        self.host.close()        # everything is committed already; this only lets go of the file
        self._save_geometry()
        # Stop background work before the objects its signals target go away.
        self.analysis.runner.invalidate()
        self.export.runner.invalidate()      # a PDF being written stops and removes its .part
        self.analysis.runner.pool.waitForDone(3000)
        super().closeEvent(event)

    def _save_geometry(self) -> None:
        """The editor's size and panes, for the next launch; a minimised or collapsed window is not
        saved (it would open collapsed), nor are panes squeezed below their least width."""
        if self.isMinimized() or _collapsed(self.width(), self.height()):
            return
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        if all(dock.isHidden() or dock.isFloating() or dock.width() >= dock.widget().minimumWidth()
               for dock in (self.articles_dock, self.inspector_dock)):
            s.setValue("window/state", self.saveState())

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        if self.articles.drop(event.mimeData().urls()):
            event.acceptProposedAction()


def first_size(room_width: int, room_height: int) -> tuple[int, int]:
    """The first window's size (px) on a screen whose free area is this size."""
    if room_width < ROOMY_SCREEN_PX[0] or room_height < ROOMY_SCREEN_PX[1]:
        return room_width, room_height
    return int(room_width * FIRST_SHARE), int(room_height * FIRST_SHARE)


def _collapsed(width: int, height: int) -> bool:
    return width < LEAST_SAVED_PX[0] or height < LEAST_SAVED_PX[1]
