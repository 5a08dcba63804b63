"""The main window: outlets dock, six tabs, inspector dock, status line; every command a handler here.

The window owns the Document (articles + latest Comparison), a Runner for the analysis (newest job
wins, stale results dropped) and the verdict mapping ``finding id -> verdict`` that the review session
will persist.  Handlers are named in ``gui.actions.ACTIONS``; views only display and emit signals.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QHBoxLayout, QLabel,
                               QMainWindow, QMessageBox, QProgressBar, QPushButton, QTabWidget,
                               QToolButton, QVBoxLayout, QWidget)

from analysis.model import Article, Comparison, Finding

from . import actions as actions_table
from . import dialogs, settings, theme
from .actions import TAB_NAMES
from .document import Document, prepare
from .loading import Input, Loaded, load_inputs, restore_lines
from .palette import CommandPalette
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
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FILE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
ANALYSIS_DELAY_MS = 150     # batch quick edits (several toggles) into one analysis


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Parallax")
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.doc = Document(self)
        # Review hook: finding id -> verdict ("confirmed", "dismissed", ...).  The session store sets it
        # with ``set_verdicts`` and listens to ``verdictsChanged``.
        self.verdicts: dict[str, str] = {}
        self.current_finding: Finding | None = None
        self.theme = theme.THEMES.get(settings.theme_name(), theme.LIGHT)
        self.runner = Runner(self)
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
        self.refresh_views()

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
        self.cancel_button.setToolTip("Cancel analysis (Esc)")
        self.cancel_button.clicked.connect(self.cancel_analysis)
        sb.addPermanentWidget(self.stage_label)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        sb.addPermanentWidget(self.counts_label)
        sb.addPermanentWidget(self.review_label)
        self._set_busy(False)

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
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.insertMenu(self.actions["open_seeds"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

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
        self.doc.comparisonChanged.connect(self.refresh_views)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._analysis_done)
        self.runner.failed.connect(self._analysis_failed)
        self.runner.cancelled.connect(self._analysis_cancelled)
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
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        # Stop background work before the objects its signals target go away.
        self.runner.invalidate()
        self.runner.pool.waitForDone(3000)
        super().closeEvent(event)

    # ---- opening ------------------------------------------------------------------------------
    def open_paths(self, paths: list[str], replace: bool = True) -> None:
        items = [Input("url" if p.startswith(("http://", "https://")) else "file", str(p),
                       self.doc.new_id() if not replace else f"a{n + 1}")
                 for n, p in enumerate(paths)]
        self._load(items, replace=replace)

    def open_seeds(self) -> None:
        paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
        if not paths:
            self.banner.show_message("The bundled sample articles are missing (seeds/*.txt).")
            return
        self.open_paths(paths, replace=True)

    def _load(self, items: list[Input], replace: bool) -> None:
        if not items:
            return
        self.statusBar().showMessage(f"Reading {len(items)} input(s)…")
        self._set_busy(True, "reading")
        runner = run_in_background(self, load_inputs,
                                   lambda loaded: self._loaded(loaded, items, replace),
                                   self._load_failed, items)
        self.loaders.append(runner)
        runner.destroyed.connect(lambda *_: self.loaders.remove(runner)
                                 if runner in self.loaders else None)

    def _loaded(self, loaded: Loaded, items: list[Input], replace: bool) -> None:
        if replace:
            self.doc.replace_all(loaded.articles)
            self.doc._next = len(items) + 1
        else:
            self.doc.add(loaded.articles)
        files = [i.value for i in items if i.kind == "file"]
        ok = {a.path for a in loaded.articles}
        good = [f for f in files if f in ok and not str(f).startswith(str(SEEDS))]
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

    # ---- analysis -----------------------------------------------------------------------------
    def _articles_changed(self) -> None:
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
                self.banner.show_message("Every outlet is excluded: include at least two (Ctrl+E).")
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
        if self.runner.cancel():
            self.stage_label.setText("cancelling…")

    def _progress(self, fraction: float, stage: str) -> None:
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

    def _set_busy(self, busy: bool, stage: str = "") -> None:
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
        self.findings.set_verdicts(self.verdicts)
        self.inspector.set_verdicts(self.verdicts)
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
        """The status line's "23 / 57 reviewed"; counts verdicts for findings that still exist."""
        comp = self.doc.comparison
        if comp is None or not comp.findings:
            return ""
        done = sum(1 for f in comp.findings if self.verdicts.get(f.id))
        return f"{done} / {len(comp.findings)} reviewed"

    def _update_enabled(self) -> None:
        if not hasattr(self, "actions"):
            return
        has = bool(self.doc.articles)
        for key in ("exclude_article", "rename_outlet", "set_reference", "move_up", "move_down",
                    "remove_article", "show_removed", "clear_articles"):
            self.actions[key].setEnabled(has)

    # ---- findings navigation ------------------------------------------------------------------
    def _finding_changed(self, f: Finding | None) -> None:
        self.current_finding = f
        self.inspector.show_finding(f)
        if f is None:
            return
        self._refresh_if_dirty(self.side)
        self._refresh_if_dirty(self.facts)
        self.side.show_finding(f)
        if f.fact:
            self.facts.select_fact(f.fact, f.articles[0] if f.articles else None)
        self.statusBar().showMessage(f"{theme.kind_label(f.kind)}: {f.evidence}", 6000)

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

    def open_fact(self, fact_id: str, article_id: str | None) -> None:
        self._refresh_if_dirty(self.side)
        self.side.show_fact(fact_id, article_id)
        self.tabs.setCurrentWidget(self.side)

    # ---- review hook ----------------------------------------------------------------------------
    def set_verdicts(self, verdicts: Mapping[str, str]) -> None:
        """Replace the verdict mapping (the session store calls this after loading a session)."""
        self.verdicts = dict(verdicts)
        self._verdicts_updated()

    def set_verdict(self, verdict: str) -> None:
        f = self.current_finding
        if f is None:
            self.statusBar().showMessage("Select a finding first (J / Alt+Down).", 3000)
            return
        if verdict:
            self.verdicts[f.id] = verdict
        else:
            self.verdicts.pop(f.id, None)
        self._verdicts_updated()

    def _verdicts_updated(self) -> None:
        self.findings.set_verdicts(self.verdicts)
        self.inspector.set_verdicts(self.verdicts)
        self._update_status()
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
        for view in (self.overview, self.side, self.inspector):
            view.set_theme(t)
        self.refresh_views()

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

