"""The main window: outlets dock, six tabs, inspector dock, status line; every command a handler here.

The window owns the Document (articles + latest Comparison), a Runner for the analysis (newest job
wins, stale results dropped) and a SessionHost: the review session file (verdicts, severities, notes,
the articles as arranged), written as each change is made.  Handlers are named in
``gui.actions.ACTIONS``; views only display and emit signals.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QByteArray, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from analysis.errors import SessionError
from analysis.model import Article, Comparison, Finding
from analysis.resources import seed_paths
from analysis.session import SESSION_SUFFIX, is_session_file
from analysis.vocabulary.kinds import label as kind_label
from analysis.vocabulary.reviews import NOT_REVIEWED, Review

from . import actions as actions_table
from . import dialogs, export, settings, theme
from .actions import TAB_NAMES
from .document import Document
from .loading import Input, Loaded, load_inputs, restore_lines
from .palette import CommandPalette
from .prepared import prepare
from .review import FlagStyler, describe
from .session_host import SessionHost, display_name, session_articles
from .shortcuts_sheet import ShortcutSheet
from .views.articles_panel import ArticlesPanel
from .views.facts import FactsView
from .views.findings import FindingsView
from .views.inspector import Inspector
from .views.metrics import MetricsView
from .views.overview import Overview
from .views.side_by_side import SideBySide
from .views.voices import VoicesView
from .worker import Runner, run_in_background

log = logging.getLogger(__name__)
FILE_FILTER = ("Articles and sessions (*.txt *.md *.markdown *.html *.htm *.parallax);;"
               "Articles (*.txt *.md *.markdown *.html *.htm);;"
               "Parallax review sessions (*.parallax);;All files (*)")
ANALYSIS_DELAY_MS = 150     # batch quick edits (several toggles) into one analysis
NOTE_SAVE_DELAY_MS = 400    # a note is saved this long after the last keystroke (and on close)


def is_session_path(path: str) -> bool:
    """A ``.parallax`` name, or a file whose header says it is one (whatever its name)."""
    if path.startswith(("http://", "https://")):
        return False
    if path.lower().endswith(SESSION_SUFFIX):
        return True
    try:
        return is_session_file(path)
    except Exception:      # unreadable: let the article loader give its own message
        return False


def _load_session_articles(snapshot, progress) -> list[Article]:
    """Runs on a pool thread: the session's articles (excluded ones too) through ingest."""
    from analysis.session import load_articles
    progress(0.0, "reading the session's articles")
    articles = load_articles(snapshot, include_excluded=True)
    progress(1.0, "read")
    return articles


def _compare(articles: list[Article], progress) -> Comparison:
    """Runs on a pool thread: the analysis plus the look-up tables the views need, so that building
    them (word counts, the omission map: large with fifty outlets) never stalls the GUI thread."""
    from analysis import compare
    comparison = compare(articles, progress=progress)
    prepare(comparison)
    return comparison


class Banner(QWidget):
    """A dismissable message strip above the tabs: bad input and engine notes, never a traceback."""

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
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class MainWindow(QMainWindow):
    verdictsChanged = Signal()
    analysisFinished = Signal()
    exportFinished = Signal(str)         # the path written (after the status line says so)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Parallax")
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.doc = Document(self)
        # The review session: verdicts, severities and notes by finding id, saved as they are made.
        self.host = SessionHost(self)
        self.current_finding: Finding | None = None
        self._pause_sync = 0                 # >0 while the window itself replaces the articles
        self._epoch = 0                      # bumped when the article set is replaced wholesale
        self._session_loader = None
        self._note_pending: tuple[Finding, str] | None = None
        self._note_return = None             # the widget to give focus back when the note closes
        self.theme = theme.THEMES.get(settings.theme_name(), theme.LIGHT)
        self.runner = Runner(self)
        # Its own lane: a new analysis must not make a running export stale (it has its snapshot).
        self.export_runner = Runner(self)
        self.export_dialog: export.ExportDialog | None = None
        self._export_options: export.ExportOptions | None = None
        self.loaders: list[Runner] = []
        self.analysis_started_at = 0.0
        self.last_analysis_seconds = 0.0
        self._build()
        self.actions = actions_table.build(self, self.menuBar())
        self._recent_menu()
        self._wire()
        self.actions["dark_theme"].setChecked(self.theme.dark)
        self.actions["soft_wrap"].setChecked(True)
        self.side.set_theme(self.theme)
        self.articles_panel.context_actions = [
            self.actions[i] if i else None for i in
            ("set_reference", "rename_outlet", "exclude_article", "move_up", "move_down", "",
             "show_removed", "", "remove_article")]
        self._restore_geometry()
        self._update_enabled()
        self._session_state()
        self.refresh_views()

    @property
    def verdicts(self) -> dict[str, str]:
        """finding id -> verdict, for the findings that have one (read-only view of the session)."""
        return self.host.verdicts()

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
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
        self.articles_dock = QDockWidget("Outlets", self)
        self.articles_dock.setObjectName("outletsDock")
        self.articles_dock.setWidget(self.articles_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.articles_dock)
        self.inspector = Inspector(self.doc)
        self.inspector_dock = QDockWidget("Inspector", self)
        self.inspector_dock.setObjectName("inspectorDock")
        self.inspector_dock.setWidget(self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.resizeDocks([self.articles_dock, self.inspector_dock], [340, 300],
                         Qt.Orientation.Horizontal)

        sb = self.statusBar()
        self.counts_label = QLabel()
        self.review_label = QLabel()
        self.review_label.setObjectName("reviewProgress")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        self.stage_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Cancel (Esc)")
        self.cancel_button.clicked.connect(self.cancel_analysis)
        sb.addPermanentWidget(self.stage_label)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        self.session_label = QLabel()
        self.session_label.setObjectName("muted")
        sb.addPermanentWidget(self.counts_label)
        sb.addPermanentWidget(self.review_label)
        sb.addPermanentWidget(self.session_label)
        self._set_busy(False)
        self.flag_styler = FlagStyler(self.side.browser, lambda: self.host.reviews,
                                      lambda: self.theme)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._flush_note)

        self._analysis_timer = QTimer(self)
        self._analysis_timer.setSingleShot(True)
        self._analysis_timer.setInterval(ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self.start_analysis)
        self._dirty: set = set()
        self._idle_refresh = QTimer(self)
        self._idle_refresh.setInterval(0)
        self._idle_refresh.timeout.connect(self._refresh_next_dirty)

    def _recent_menu(self) -> None:
        file_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&File")
        self.recent_sessions_menu = file_menu.addMenu("Recent &sessions")
        file_menu.insertMenu(self.actions["save_session_as"], self.recent_sessions_menu)
        self.recent_sessions_menu.aboutToShow.connect(self._fill_recent_sessions)
        self.recent_menu = file_menu.addMenu("Recent &articles")
        file_menu.insertMenu(self.actions["open_seeds"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def _fill_recent_sessions(self) -> None:
        menu = self.recent_sessions_menu
        menu.clear()
        items = settings.recent_sessions()
        for path in items:
            act = menu.addAction(display_name(path))
            act.setToolTip(path)
            act.setStatusTip(path)
            act.triggered.connect(lambda checked=False, p=path: self.open_session_path(p))
        if not items:
            menu.addAction("(none)").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear list").triggered.connect(settings.clear_recent_sessions)
        menu.setToolTipsVisible(True)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = settings.recent_files()
        for path in items:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda checked=False, p=path: self.open_paths([p], replace=False))
        if not items:
            self.recent_menu.addAction("(none)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list").triggered.connect(settings.clear_recent)

    def _wire(self) -> None:
        self.doc.articlesChanged.connect(self._articles_changed)
        self.doc.layoutChanged.connect(self._sync_session)
        self.host.reviewsChanged.connect(self._reviews_changed)
        self.host.stateChanged.connect(self._session_state)
        bar = self.inspector.review_bar
        bar.verdictClicked.connect(self._verdict_clicked)
        bar.severityClicked.connect(self._severity_clicked)
        bar.noteTyped.connect(self._note_typed)
        bar.noteClosed.connect(self._note_closed)
        bar.noteLeft.connect(self._flush_note)
        self.doc.comparisonChanged.connect(self.refresh_views)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._analysis_done)
        self.runner.failed.connect(self._analysis_failed)
        self.runner.cancelled.connect(self._analysis_cancelled)
        self.export_runner.progress.connect(self._export_progress)
        self.export_runner.finished.connect(self._export_done)
        self.export_runner.failed.connect(self._export_failed)
        self.export_runner.cancelled.connect(self._export_cancelled)
        self.findings.currentFindingChanged.connect(self._finding_changed)
        self.side.findingActivated.connect(self.select_finding)
        self.overview.findingActivated.connect(self._overview_finding)
        self.overview.factActivated.connect(self.open_fact)
        self.facts.factActivated.connect(self.open_fact)
        self.articles_panel.currentChanged.connect(lambda _: self._update_enabled())
        self.tabs.currentChanged.connect(lambda i: self._refresh_if_dirty(self.tabs.widget(i)))

    # ---- settings -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = settings.settings()
        geo = s.value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 900)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802
        self._flush_note()
        self.host.close()        # everything is committed already; this only lets go of the file
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        # Stop background work before the objects its signals target go away.
        self.runner.invalidate()
        self.export_runner.invalidate()      # a PDF being written stops and removes its .part
        self.runner.pool.waitForDone(3000)
        super().closeEvent(event)

    # ---- opening ------------------------------------------------------------------------------
    def open_paths(self, paths: list[str], replace: bool = True) -> None:
        """Open files, links or a session (``python main.py PATH...``, drops, Add files).  A
        ``.parallax`` session among them is opened as the session; the other paths are added to it."""
        paths = [str(p) for p in paths]
        sessions = [p for p in paths if is_session_path(p)]
        if sessions:
            rest = [p for p in paths if p not in sessions]
            if len(sessions) > 1:
                self.banner.show_message(f"Opened {Path(sessions[0]).name}; one session at a time "
                                         f"(not {', '.join(Path(p).name for p in sessions[1:])}).")
            self.open_session_path(sessions[0], then_add=rest)
            return
        if replace:
            self._close_session()
        items = [Input("url" if p.startswith(("http://", "https://")) else "file", str(p),
                       self.doc.new_id() if not replace else f"a{n + 1}")
                 for n, p in enumerate(paths)]
        self._load(items, replace=replace)

    def open_seeds(self) -> None:
        paths = [str(p) for p in seed_paths()]
        if not paths:
            self.banner.show_message("The bundled sample articles are missing (seeds/*.txt).")
            return
        self.open_paths(paths, replace=True)

    def _load(self, items: list[Input], replace: bool) -> None:
        if not items:
            return
        self.statusBar().showMessage(f"Reading {len(items)} input(s)…")
        self._set_busy(True, "reading")
        epoch = self._epoch

        def loaded(result: Loaded) -> None:
            if not replace and epoch != self._epoch:       # the articles were replaced meanwhile
                self._set_busy(self.runner.running)
                return
            self._loaded(result, items, replace)
        runner = run_in_background(self, load_inputs, loaded, self._load_failed, items)
        self.loaders.append(runner)
        runner.destroyed.connect(lambda *_: self.loaders.remove(runner)
                                 if runner in self.loaders else None)

    def _loaded(self, loaded: Loaded, items: list[Input], replace: bool) -> None:
        if replace:
            self._epoch += 1
            self.doc.replace_all(loaded.articles)
            self.doc._next = len(items) + 1
        else:
            self.doc.add(loaded.articles)
        files = [i.value for i in items if i.kind == "file"]
        ok = {a.path for a in loaded.articles}
        seeds = {str(p) for p in seed_paths()}
        good = [f for f in files if f in ok and str(f) not in seeds]
        if good:
            settings.add_recent(good)
        if loaded.errors:
            lines = [f"Could not add {Path(label).name if len(label) < 300 else 'input'}: {msg}"
                     for label, msg in loaded.errors]
            self.banner.show_message("\n".join(lines[:6]) + (
                f"\n…and {len(lines) - 6} more" if len(lines) > 6 else ""))
        if loaded.articles:
            self.statusBar().showMessage(f"Added {len(loaded.articles)} article(s).", 4000)
        if not self.runner.running and not self._analysis_timer.isActive():
            self._set_busy(False)
        self._update_enabled()

    def _load_failed(self, message: str, details: str) -> None:
        log.error("loading failed: %s\n%s", message, details)
        self._set_busy(False)
        self.banner.show_message(f"Could not read the input: {message}")

    def _set_articles(self, articles: list[Article], excluded: set[str],
                      reference: str | None) -> None:
        """Replace the articles wholesale (opening a session) without writing them back to it."""
        self._epoch += 1
        self.runner.invalidate()
        doc = self.doc
        self._pause_sync += 1
        try:
            doc.articles = list(articles)
            ids = [a.id for a in doc.articles]
            doc.excluded = set(excluded) & set(ids)
            doc.reference = reference if reference in ids else (ids[0] if ids else None)
            doc.comparison = None
            numbers = [int(i[1:]) for i in ids if i[:1] == "a" and i[1:].isdigit()]
            doc._next = max(numbers, default=0) + 1
            doc.articlesChanged.emit()
            doc.comparisonChanged.emit()
        finally:
            self._pause_sync -= 1

    # ---- review sessions ------------------------------------------------------------------------
    def open_session(self) -> None:
        folder = settings.last_session_folder() or _documents()
        path = dialogs.ask_open_session(self, folder)
        if path:
            self.open_session_path(path)

    def open_session_path(self, path: str, then_add: list[str] | None = None) -> bool:
        """Open a ``.parallax`` file: its articles (read and analysed in the background) and its
        reviews.  A bad file leaves the window as it was and says why in the banner."""
        self._flush_note()
        try:
            session = self.host.open(path)
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - an engine bug: a message, never a traceback
            log.exception("opening %s failed", path)
            self.banner.show_message(f"Could not open {path}: {type(exc).__name__}: {exc}")
            return False
        settings.set_last_session_folder(str(Path(path).resolve().parent))
        try:
            snapshot = self.host.snapshot()
        except SessionError as exc:
            self.banner.show_message(str(exc))
            self._close_session()
            return False
        self.banner.hide()
        if session.read_only:
            self.banner.show_message(session.read_only_reason)
        self._set_articles([], set(), None)
        self._pause_sync += 1                  # until its articles are back in the window
        self.statusBar().showMessage(f"Opening {display_name(session.path)}…")
        self._set_busy(True, "reading session")
        epoch = self._epoch

        def done(articles: list[Article]) -> None:
            self._pause_sync -= 1
            if epoch != self._epoch or self.host.session is not session:
                return                       # another session or other articles came meanwhile
            excluded = {a.id for a in snapshot.items if a.excluded}
            reference = next((a.id for a in snapshot.items if a.reference), None)
            self._set_articles(articles, excluded, reference)
            self._set_busy(False)              # the analysis shows its own progress
            warnings = [w for a in articles for w in a.warnings
                        if "session" in w or "reviewed" in w]
            if warnings:
                self.banner.show_message("\n".join(
                    ([session.read_only_reason] if session.read_only else []) + warnings[:4]))
            n = len(self.host.reviews)
            self.statusBar().showMessage(
                f"Opened {display_name(session.path)}: {len(articles)} article(s), "
                f"{n} review(s).", 5000)
            if then_add:
                self.open_paths(then_add, replace=False)

        def failed(message: str, details: str) -> None:
            self._pause_sync -= 1
            if details:
                log.error("reading the session's articles failed: %s\n%s", message, details)
            self._set_busy(False)
            if self.host.session is session:
                self.banner.show_message(f"Could not read the articles of "
                                         f"{display_name(session.path)}: {message}")
        self._session_loader = run_in_background(self, _load_session_articles, done, failed,
                                                 snapshot)
        return True

    def new_session(self) -> None:
        """A new session file with the current articles and no reviews."""
        path = dialogs.ask_save_session(self, "New review session", self._suggested_session_path())
        if not path:
            return
        self._flush_note()
        try:
            self.host.create(path, session_articles(self.doc.articles, self.doc.excluded,
                                                    self.doc.reference))
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return
        settings.set_last_session_folder(str(Path(path).resolve().parent))
        self.statusBar().showMessage(f"New session {display_name(path)}: every review is saved "
                                     f"as you make it.", 6000)

    def save_session_as(self) -> None:
        """Copy the session (or, before the first review, the articles) to a named file and carry
        on there.  Nothing else needs saving: every change is committed when it is made."""
        path = dialogs.ask_save_session(self, "Save review session as",
                                        self._suggested_session_path())
        if not path:
            return
        self._flush_note()
        was_read_only = self.host.read_only
        try:
            if self.host.session is None:
                self.host.create(path, session_articles(self.doc.articles, self.doc.excluded,
                                                        self.doc.reference))
            else:
                self.host.save_as(path)
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return
        settings.set_last_session_folder(str(Path(path).resolve().parent))
        if was_read_only:
            self.banner.hide()
            self._sync_session()     # edits made while read-only are kept now
        self.statusBar().showMessage(f"Saved as {path}; reviews now go to this file.", 6000)

    def _suggested_session_path(self) -> str:
        folder = settings.last_session_folder() or _documents()
        if self.host.session is not None and not self.host.untitled:
            return str(Path(folder) / self.host.session.path.name)
        return str(Path(folder) / f"Review {time.strftime('%Y-%m-%d')}{SESSION_SUFFIX}")

    def _close_session(self) -> None:
        self._flush_note()
        if self.host.session is not None:
            untitled = self.host.untitled and bool(self.host.reviews)
            self.host.close()
            if untitled:
                self.statusBar().showMessage("The untitled review is kept: File > Recent sessions.",
                                             6000)

    def _session_state(self) -> None:
        """Title, status label and enabled commands after a session opened, closed or moved."""
        host = self.host
        if host.session is None:
            self.setWindowTitle("Parallax")
            self.session_label.setText("")
            self.session_label.setToolTip("")
        else:
            name = display_name(host.session.path)
            ro = " (read-only)" if host.read_only else ""
            self.setWindowTitle(f"{name}{ro} — Parallax")
            self.session_label.setText(
                ("Untitled session · saved automatically" if host.untitled else f"Session: {name}")
                + ro)
            self.session_label.setToolTip(str(host.session.path))
        self.inspector.set_reviews(host.reviews, read_only=host.read_only)
        self._update_enabled()

    def _sync_session(self) -> None:
        """The articles changed in the window: write the change into the session."""
        if self._pause_sync or self.host.session is None or self.host.read_only:
            return
        try:
            self.host.sync_articles(self.doc.articles, self.doc.excluded, self.doc.reference)
        except SessionError as exc:
            self.banner.show_message(str(exc))

    def _writable_host(self) -> SessionHost | None:
        """The session reviews go to, made (untitled) at the first review; None if read-only."""
        host = self.host
        if host.session is None:
            if not self.doc.articles:
                self.statusBar().showMessage("Add articles first.", 3000)
                return None
            try:
                host.create_untitled(session_articles(self.doc.articles, self.doc.excluded,
                                                      self.doc.reference))
            except SessionError as exc:
                self.banner.show_message(f"Reviews cannot be saved: {exc}")
                return None
            self.statusBar().showMessage("Reviews are saved as you go, in an untitled session; "
                                         "File > Save session as… gives it a name.", 8000)
        if host.read_only:
            self.statusBar().showMessage(host.read_only_reason, 5000)
            return None
        return host

    # ---- export -------------------------------------------------------------------------------
    def export_blocker(self) -> str:
        """Why there is nothing to export now ("" when there is)."""
        if self.export_runner.running:
            return "An export is already running (Esc cancels it)."
        if self.runner.running or self._analysis_timer.isActive() or self.loaders:
            return "Wait for the analysis to finish: the report must match the articles."
        comp = self.doc.comparison
        if comp is None or not comp.articles:
            if not self.doc.articles:
                return ("Nothing to export yet: add the articles to compare first "
                        "(Ctrl+O, Ctrl+Shift+V or Ctrl+L).")
            return "Nothing to export yet: include at least one outlet and run the analysis (F5)."
        if {a.id for a in comp.articles} != {a.id for a in self.doc.included()}:
            return "The analysis is out of date (it was cancelled): press F5, then export."
        return ""

    def export_report(self) -> None:
        """Ctrl+E: the export dialog; its Export button starts the export in the background."""
        why = self.export_blocker()
        if why:
            self.statusBar().showMessage(why, 6000)
            return
        self._flush_note()                   # a note being typed belongs in the report
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        dlg = export.ExportDialog(self.doc.comparison, self.host.reviews, self)
        self.export_dialog = dlg
        dlg.accepted.connect(lambda: self.start_export(dlg.options()))
        # Give the window its keys back (some platforms leave the closed dialog active).
        dlg.finished.connect(lambda _result: self.activateWindow())
        dlg.open()                           # window-modal, and the event loop keeps running

    def start_export(self, options: export.ExportOptions) -> bool:
        """Write the report of the shown comparison with the session's reviews, off the GUI thread.

        Here, on the GUI thread: the reviews (a copy: the Session belongs to this thread) and the
        outlets' colours as the window shows them (by position in the full list, so an excluded
        outlet does not shift the others' colours).  Returns whether the export started."""
        why = self.export_blocker()
        if why:
            self.statusBar().showMessage(why, 6000)
            return False
        self._flush_note()
        comp = self.doc.comparison
        colours = {a.id: theme.outlet_color(self.doc.color_index(a.id)).name()
                   for a in comp.articles}
        job = export.ExportJob(comp, options.path, options.fmt, page_size=options.page_size,
                               reviewer=options.reviewer,
                               include_dismissed=options.include_dismissed,
                               reviews=dict(self.host.reviews), colours=colours)
        self._export_options = options
        self._set_busy(True, f"exporting {export.LABELS.get(options.fmt, options.fmt)}",
                       exporting=True)
        self.export_runner.submit(export.run_export, job)
        self.statusBar().showMessage(f"Exporting the report to {options.path}… (Esc cancels)")
        return True

    def _export_progress(self, fraction: float, stage: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.stage_label.setText(stage)

    def _export_ended(self) -> None:
        # Give the bar back to whatever else is still running (an analysis started meanwhile).
        if self.runner.running:
            self._set_busy(True, "analysing")
        else:
            self._set_busy(bool(self.loaders), "reading")

    def _export_done(self, result: export.ExportResult) -> None:
        self._export_ended()
        options = self._export_options
        message = (f"Report saved: {result.path} ({export.LABELS.get(result.fmt, result.fmt)}, "
                   f"{export.format_size(result.size)}).")
        if options is not None and options.open_when_done:
            if export.open_file(result.path):
                message += " Opening it…"
            else:
                message += " No application could open it."
        self.statusBar().showMessage(message, 15000)
        self.exportFinished.emit(result.path)

    def _export_failed(self, message: str, details: str) -> None:
        if details:
            log.error("export failed: %s\n%s", message, details)
        self._export_ended()
        line = (message.strip().splitlines() or ["unknown error"])[0]
        self.statusBar().clearMessage()
        self.banner.show_message(f"The report was not exported: {line}")

    def _export_cancelled(self) -> None:
        self._export_ended()
        self.statusBar().showMessage("Export cancelled: no file was written.", 6000)

    # ---- analysis -----------------------------------------------------------------------------
    def _articles_changed(self) -> None:
        self._sync_session()
        self._update_enabled()
        # The shown comparison no longer matches the articles: any running job is stale now.
        self.runner.invalidate()
        self._analysis_timer.start()

    def start_analysis(self) -> None:
        included = self.doc.included()
        if not included:
            self.runner.invalidate()
            self.doc.set_comparison(None)
            self._set_busy(False)
            if self.doc.articles:
                self.banner.show_message("Every outlet is excluded: include at least two "
                                         "(Ctrl+Shift+E).")
            return
        if len(included) == 1:
            self.banner.show_message("Only one article: add another outlet's article to compare "
                                     "(Ctrl+O, Ctrl+Shift+V or Ctrl+L).")
        self.analysis_started_at = time.perf_counter()
        self._set_busy(True, "analysing")
        self.runner.submit(_compare, list(included))

    def reanalyse(self) -> None:
        self._analysis_timer.stop()
        self.start_analysis()

    def cancel_analysis(self) -> None:
        """Esc / the Cancel button: the export if one is running (it owns the bar), else the
        analysis."""
        if self.export_runner.cancel():
            self.stage_label.setText("cancelling the export…")
        elif self.runner.cancel():
            self.stage_label.setText("cancelling…")

    def _progress(self, fraction: float, stage: str) -> None:
        if self.export_runner.running:
            return                           # the export owns the bar until it ends
        self.progress.setValue(int(fraction * 1000))
        self.stage_label.setText(stage)

    def _analysis_done(self, comparison: Comparison) -> None:
        self.last_analysis_seconds = time.perf_counter() - self.analysis_started_at
        self._set_busy(False)
        self.doc.set_comparison(comparison)
        self.statusBar().showMessage(f"Analysed in {self.last_analysis_seconds:.2f} s", 4000)
        self.analysisFinished.emit()

    def _analysis_failed(self, message: str, details: str) -> None:
        if details:
            log.error("analysis failed: %s\n%s", message, details)
        self._set_busy(False)
        self.banner.show_message(f"The analysis stopped: {message}")

    def _analysis_cancelled(self) -> None:
        self._set_busy(False)
        self.statusBar().showMessage("Analysis cancelled. Press F5 to run it again.", 6000)

    def _set_busy(self, busy: bool, stage: str = "", *, exporting: bool = False) -> None:
        if not exporting and getattr(self, "export_runner", None) is not None \
                and self.export_runner.running:
            return              # the export owns the bar; when it ends it shows what still runs
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.stage_label.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.stage_label.setText(stage)

    # ---- views --------------------------------------------------------------------------------
    def refresh_views(self) -> None:
        """Redraw after a new comparison: the shown tab and the findings queue now, the other tabs
        one per event-loop turn (or at once when shown), so no single GUI-thread stall is long."""
        comp = self.doc.comparison
        self._dirty = {self.overview, self.side, self.facts, self.voices, self.metrics}
        self.findings.refresh()          # the queue drives J/K and the inspector: always current
        self._refresh_if_dirty(self.tabs.currentWidget())
        if not self._idle_refresh.isActive():
            self._idle_refresh.start()
        self.findings.set_reviews(self.host.reviews)
        self.overview.reviews = self.host.reviews
        self.inspector.reviews = self.host.reviews
        if self.current_finding is not None and comp is not None:
            same = next((f for f in comp.findings if f.id == self.current_finding.id), None)
            self.current_finding = same
            if same is not None:
                self.findings.select(same.id, emit=False)
            self.inspector.show_finding(same)
        else:
            self.inspector.show_finding(None)
        if comp is not None and comp.notes and not self.banner.isVisible():
            self.banner.show_message("\n".join(comp.notes))
        self._update_status()
        self._update_enabled()

    def _refresh_if_dirty(self, view) -> None:
        if view in self._dirty:
            self._dirty.discard(view)
            view.refresh()

    def _refresh_next_dirty(self) -> None:
        for view in (self.side, self.overview, self.facts, self.voices, self.metrics):
            if view in self._dirty:
                self._refresh_if_dirty(view)
                break
        if not self._dirty:
            self._idle_refresh.stop()

    def flush_views(self) -> None:
        """Bring every tab up to date now (tests, screenshots, reports)."""
        for view in list(self._dirty):
            self._refresh_if_dirty(view)
        self._idle_refresh.stop()

    def _update_status(self) -> None:
        comp = self.doc.comparison
        n_art = len(self.doc.articles)
        excl = len(self.doc.excluded)
        if comp is None:
            self.counts_label.setText(f"{n_art} outlet(s)" + (f", {excl} excluded" if excl else ""))
        else:
            self.counts_label.setText(
                f"{len(comp.articles)} outlets" + (f" (+{excl} excluded)" if excl else "")
                + f" · {len(comp.facts)} facts · {len(comp.omissions)} omissions · "
                  f"{len(comp.findings)} findings")
        self.review_label.setText(self.review_progress_text())

    def review_progress_text(self) -> str:
        """The status line's "23 / 57 reviewed" (session.progress over the findings that exist)."""
        comp = self.doc.comparison
        if comp is None or not comp.findings:
            return ""
        try:
            done, total = self.host.progress(comp.findings)
        except SessionError:
            return ""
        return f"{done} / {total} reviewed"

    def _update_enabled(self) -> None:
        if not hasattr(self, "actions"):
            return
        has = bool(self.doc.articles)
        for key in ("exclude_article", "rename_outlet", "set_reference", "move_up", "move_down",
                    "remove_article", "show_removed", "clear_articles"):
            self.actions[key].setEnabled(has)
        # The review keys stay enabled in a read-only session and say why they do nothing: a
        # disabled shortcut would pass its letter on to the list, whose type-ahead jumps away.
        self.actions["save_session_as"].setEnabled(has or self.host.session is not None)
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        if not hasattr(self, "actions"):
            return
        writable = not self.host.read_only
        for key, step, verb in (("undo_review", self.host.next_undo(), "Undo"),
                                ("redo_review", self.host.next_redo(), "Redo")):
            act = self.actions[key]
            act.setText(f"{verb} {step.label.lower()}" if step is not None else verb)
            act.setEnabled(writable and step is not None)

    # ---- findings navigation ------------------------------------------------------------------
    def _finding_changed(self, f: Finding | None) -> None:
        self._flush_note()                  # a note being typed belongs to the finding we leave
        self.current_finding = f
        self.inspector.show_finding(f)
        if f is None:
            return
        self._refresh_if_dirty(self.side)
        self._refresh_if_dirty(self.facts)
        self.side.show_finding(f)
        if f.fact:
            self.facts.select_fact(f.fact, f.articles[0] if f.articles else None)
        self.statusBar().showMessage(f"{kind_label(f.kind)}: {f.evidence}", 6000)

    def select_finding(self, finding_id: str) -> bool:
        if self.findings.select(finding_id):
            return True
        # Hidden by a filter: clear the filters rather than refusing to show it.
        self.findings.text.clear()
        self.findings.kind_box.setCurrentIndex(0)
        self.findings.outlet_box.setCurrentIndex(0)
        self.findings.verdict_box.setCurrentIndex(0)
        return self.findings.select(finding_id)

    def _overview_finding(self, finding_id: str) -> None:
        if self.select_finding(finding_id):
            self.tabs.setCurrentWidget(self.side)

    def _step_finding(self, delta: int) -> None:
        if self.doc.comparison is None or not self.doc.comparison.findings:
            self.statusBar().showMessage("No findings to go to.", 3000)
            return
        self._flush_note()
        before = self.findings.current()
        f = self.findings.step(delta)
        if f is not None and before is not None and f.id == before.id:
            self.statusBar().showMessage("Last finding." if delta > 0 else "First finding.", 3000)
            self.side.show_finding(f)      # still scroll and flash, so the key visibly did something
        if self.tabs.currentWidget() not in (self.side, self.facts, self.findings):
            self.tabs.setCurrentWidget(self.side)

    def next_finding(self) -> None:
        self._step_finding(1)

    def prev_finding(self) -> None:
        self._step_finding(-1)

    def next_unreviewed(self) -> None:
        self._step_unreviewed(backwards=False)

    def prev_unreviewed(self) -> None:
        self._step_unreviewed(backwards=True)

    def _step_unreviewed(self, backwards: bool) -> None:
        """J / Alt+Down: the next finding of the queue (the Findings table's order and filters)
        that has no verdict, wrapping round; K / Alt+Up the previous one."""
        if self.doc.comparison is None or not self.doc.comparison.findings:
            self.statusBar().showMessage("No findings to go to.", 3000)
            return
        self._flush_note()
        queue = self.findings.queue()
        after = self.current_finding
        try:
            key = self.host.next_unreviewed(queue, after, backwards=backwards)
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return
        self.findings.refilter()
        if self.tabs.currentWidget() not in (self.side, self.facts, self.findings):
            self.tabs.setCurrentWidget(self.side)
        if key is None:
            self.statusBar().showMessage(
                f"Every finding in the queue has a verdict ({len(queue)}). Shift+J / Shift+K "
                f"step through them all.", 6000)
            return
        ids = [f.id for f in queue]
        if after is not None and key == after.id:
            self.statusBar().showMessage("This is the only finding left to review.", 4000)
            self.side.show_finding(after)
            return
        self.select_finding(key)
        if after is not None and after.id in ids and key in ids:
            wrapped = ids.index(key) < ids.index(after.id) if not backwards \
                else ids.index(key) > ids.index(after.id)
            if wrapped:
                self.statusBar().showMessage(
                    "Wrapped round to the " + ("top" if not backwards else "bottom")
                    + " of the queue.", 3000)

    def open_fact(self, fact_id: str, article_id: str | None) -> None:
        self._refresh_if_dirty(self.side)
        self.side.show_fact(fact_id, article_id)
        self.tabs.setCurrentWidget(self.side)

    # ---- reviewing --------------------------------------------------------------------------------
    def set_verdicts(self, verdicts: Mapping[str, str | Review]) -> None:
        """Show these reviews without a session file (tests, screenshots).  With a session open they
        are written to it instead, as one undo step."""
        if self.host.session is None:
            self.host.set_memory_reviews(verdicts)
            return
        host = self._writable_host()
        if host is None:
            return
        try:
            with host.session.batch("Set verdicts"):
                for key, v in verdicts.items():
                    host.set_verdict(key, v.verdict if isinstance(v, Review) else (v or None))
        except SessionError as exc:
            host.reload()                      # the batch was rolled back: show what the file has
            self.banner.show_message(str(exc))

    def _review_target(self) -> tuple[SessionHost, Finding] | None:
        f = self.current_finding
        if f is None:
            self.statusBar().showMessage("Select a finding first (J / Alt+Down).", 3000)
            return None
        self._flush_note()
        host = self._writable_host()
        return (host, f) if host is not None else None

    def set_verdict(self, verdict: str) -> None:
        """A / D / F / U: confirm, dismiss, flag or clear; committed before this returns."""
        target = self._review_target()
        if target is None:
            return
        host, f = target
        try:
            review = host.set_verdict(f, verdict or None)
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return
        self.statusBar().showMessage(describe(review), 3000)

    def set_severity(self, severity: int) -> None:
        """1-3: severity; 0 clears it."""
        target = self._review_target()
        if target is None:
            return
        host, f = target
        try:
            review = host.set_severity(f, severity or None)
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return
        self.statusBar().showMessage(describe(review), 3000)

    def _verdict_clicked(self, verdict: str) -> None:
        # The inspector's buttons toggle: clicking the verdict a finding has clears it.
        current = self.host.review(self.current_finding.id) if self.current_finding else None
        self.set_verdict(NOT_REVIEWED if current is not None and current.verdict == verdict else verdict)

    def _severity_clicked(self, severity: int) -> None:
        current = self.host.review(self.current_finding.id) if self.current_finding else None
        self.set_severity(0 if current is not None and current.severity == severity else severity)

    def edit_note(self) -> None:
        """N: put the cursor in the current finding's note (in the inspector).  Esc closes it."""
        if self.current_finding is None:
            self.statusBar().showMessage("Select a finding first (J / Alt+Down).", 3000)
            return
        if self.host.read_only:
            self.statusBar().showMessage(self.host.read_only_reason, 5000)
            return
        note = self.inspector.review_bar.note
        focus = QApplication.focusWidget()
        if focus is not note:
            self._note_return = focus
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        note.moveCursor(note.textCursor().MoveOperation.End)

    def _note_typed(self, text: str) -> None:
        f = self.inspector.finding
        if f is None:
            return
        self._note_pending = (f, text)
        self._note_timer.start()

    def _flush_note(self) -> None:
        """Save the note being typed now (typing pauses, Esc, leaving the finding, quitting)."""
        self._note_timer.stop()
        pending, self._note_pending = self._note_pending, None
        if pending is None:
            return
        f, text = pending
        if self.host.review(f.id).note == text:
            return
        host = self._writable_host()
        if host is None:
            return
        try:
            host.set_note(f, text)
        except SessionError as exc:
            self.banner.show_message(str(exc))

    def _note_closed(self) -> None:
        self._flush_note()
        back = self._note_return
        self._note_return = None
        if back is not None and back.isVisible() and back is not self.inspector.review_bar.note:
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        self.statusBar().showMessage("Note saved." if self.current_finding is not None
                                     and self.host.review(self.current_finding.id).note
                                     else "", 2000)

    def undo_review(self) -> None:
        self._travel(undo=True)

    def redo_review(self) -> None:
        self._travel(undo=False)

    def _travel(self, undo: bool) -> None:
        """Ctrl+Z / Ctrl+Shift+Z through the session's undo log (kept in the file: it works after a
        restart); selects the finding the step changed."""
        self._flush_note()
        if self.host.session is None or self.host.read_only:
            self.statusBar().showMessage("Nothing to undo." if undo else "Nothing to redo.", 3000)
            return
        try:
            step = self.host.undo() if undo else self.host.redo()
        except SessionError as exc:
            self.banner.show_message(str(exc))
            return
        if step is None:
            self.statusBar().showMessage("Nothing to undo." if undo else "Nothing to redo.", 3000)
            return
        shown = step.keys and self.doc.comparison is not None and self.select_finding(step.keys[0])
        where = "" if shown else " (on a finding the current analysis no longer has)"
        self.statusBar().showMessage(f"{'Undid' if undo else 'Redid'} {step.label.lower()}{where}.",
                                     4000)

    def _reviews_changed(self, keys) -> None:
        """The session's reviews changed (``keys``, or None: all): every view that lists findings."""
        reviews = self.host.reviews
        self.findings.set_reviews(reviews, keys)
        if keys is None:
            self.findings.refilter()
        self.inspector.set_reviews(reviews, read_only=self.host.read_only)
        self.overview.reviews = reviews
        if self.tabs.currentWidget() is self.overview:
            self.overview.refresh()
        else:
            self._dirty.add(self.overview)
        self.flag_styler.restyle(keys)
        self._update_status()
        self._update_undo_actions()
        self.verdictsChanged.emit()

    # ---- article commands -----------------------------------------------------------------------
    def _selected_article(self) -> Article | None:
        aid = self.articles_panel.current_id()
        return self.doc.get(aid) if aid else None

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add articles", "", FILE_FILTER)
        if paths:
            self.open_paths(paths, replace=False)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        pasted = dialogs.ask_paste(self, text)
        if pasted is None:
            return
        if not pasted.text.strip():
            self.banner.show_message("Nothing to add: the pasted text is empty.")
            return
        self._load([Input("paste", pasted.text, self.doc.new_id(), pasted.outlet, pasted.title)],
                   replace=False)

    def add_link(self) -> None:
        url = dialogs.ask_link(self)
        if url is None:
            return
        if not url.startswith(("http://", "https://")):
            self.banner.show_message(f"Not a web link: {url!r}. Links start with http:// or https://.")
            return
        self._load([Input("url", url, self.doc.new_id())], replace=False)

    def clear_articles(self) -> None:
        self._close_session()
        self._epoch += 1
        self.runner.invalidate()
        self.doc.replace_all([])
        self._set_busy(False)

    def remove_article(self) -> None:
        a = self._selected_article()
        if a is not None:
            self.doc.remove(a.id)
            self.statusBar().showMessage(f"Removed {a.outlet}.", 4000)

    def toggle_exclude(self) -> None:
        a = self._selected_article()
        if a is not None:
            self.doc.set_excluded(a.id, a.id not in self.doc.excluded)

    def rename_outlet(self) -> None:
        a = self._selected_article()
        if a is None:
            return
        name = dialogs.ask_outlet_name(self, a.outlet)
        if name:
            self.doc.rename(a.id, name)

    def set_reference(self) -> None:
        a = self._selected_article()
        if a is not None:
            self.doc.set_reference(a.id)
            self.statusBar().showMessage(f"{a.outlet} is the reference.", 4000)

    def move_article(self, delta: int) -> None:
        a = self._selected_article()
        if a is not None and self.doc.move(a.id, delta):
            self.articles_panel.select(a.id)

    def show_removed(self) -> None:
        a = self._selected_article()
        if a is None:
            return
        if not a.removed:
            QMessageBox.information(self, "Removed lines", f"Nothing was removed from {a.outlet}.")
            return
        lines = dialogs.ask_restore(self, a)
        if lines:
            self.restore_removed(a.id, lines)

    def restore_removed(self, article_id: str, lines: list[int]) -> None:
        a = self.doc.get(article_id)
        if a is None or not lines:
            return
        try:
            self.doc.replace_article(restore_lines(a, lines))
        except Exception as exc:  # keep the article as it was and say why
            self.banner.show_message(f"Could not restore the lines: {exc}")
            return
        self.statusBar().showMessage(f"Restored {len(lines)} line(s) in {a.outlet}.", 4000)

    # ---- view commands ----------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.tabs.currentWidget().setFocus()

    def focus_pane(self, which: str) -> None:
        if which == "articles":
            self.articles_dock.show()
            self.articles_panel.setFocus()
        elif which == "inspector":
            self.inspector_dock.show()
            self.inspector.setFocus()
        else:
            self.tabs.currentWidget().setFocus()

    def focus_filter(self) -> None:
        self.tabs.setCurrentWidget(self.findings)
        self.findings.text.setFocus()
        self.findings.text.selectAll()

    def swap_sides(self) -> None:
        self.side.swap()

    def cycle_side(self, arg: tuple[str, int]) -> None:
        self.side.cycle(*arg)
        if self.tabs.currentWidget() is not self.side:
            self.tabs.setCurrentWidget(self.side)

    def toggle_only_diffs(self) -> None:
        self.side.set_only_diffs(self.actions["only_diffs"].isChecked())

    def toggle_wrap(self) -> None:
        self.side.set_wrap(self.actions["soft_wrap"].isChecked())

    def toggle_theme(self) -> None:
        self.apply_theme(theme.DARK if self.actions["dark_theme"].isChecked() else theme.LIGHT)

    def apply_theme(self, t: theme.Theme) -> None:
        self.theme = t
        settings.set_theme_name(t.name)
        app = QApplication.instance()
        if app is not None:
            theme.apply(app, t)
        self.actions["dark_theme"].setChecked(t.dark)
        self.facts.model.muted = QColor(t.muted)
        for view in (self.overview, self.side, self.inspector, self.findings):
            view.set_theme(t)
        self.refresh_views()
        self.flag_styler.restyle()

    def show_palette(self) -> None:
        self.palette_dialog = CommandPalette(list(self.actions.values()), self)
        self.palette_dialog.finished.connect(self._palette_done)
        self.palette_dialog.open()

    def _palette_done(self, result: int) -> None:
        chosen = self.palette_dialog.chosen
        if chosen is not None and chosen.isEnabled():
            # Run after the palette has closed, so focus-dependent commands see the window.
            QTimer.singleShot(0, chosen.trigger)

    def show_shortcuts(self) -> None:
        self.sheet = ShortcutSheet(self)
        self.sheet.open()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Parallax",
                          "Parallax compares how several outlets cover one news event: facts, "
                          "omissions, framing, voices, tone and readability. Offline.")

    # ---- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls: list[QUrl] = event.mimeData().urls()
        paths = [u.toLocalFile() if u.isLocalFile() else u.toString() for u in urls]
        paths = [p for p in paths if p]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths, replace=False)



def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) \
        or str(Path.home())
