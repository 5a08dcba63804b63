"""The articles: opening files, links, pasted text and the seeds (read off the GUI thread), and every
edit of the outlets list (exclude, rename, reference, order, remove, restore removed lines)."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from analysis.constants import SESSION_SUFFIX
from analysis.errors import ParallaxError
from analysis.model import Article
from analysis.resources import seed_paths
from analysis.session import is_session_file

from .. import dialogs, settings
from ..loading import Input, Loaded, load_inputs, restore_lines, within_budget
from ..worker import Runner, run_in_background
from .base import Controller

log = logging.getLogger(__name__)
FILE_FILTER = ("Articles and sessions (*.txt *.md *.markdown *.html *.htm *.parallax);;"
               "Articles (*.txt *.md *.markdown *.html *.htm);;"
               "Parallax review sessions (*.parallax);;All files (*)")
ARTICLE_ACTIONS = ("exclude_article", "rename_outlet", "set_reference", "move_up", "move_down",
                   "remove_article", "show_removed", "clear_articles")
ERRORS_SHOWN = 6            # failed inputs listed in the banner; the rest are counted


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


class ArticlesController(Controller):
    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self.loaders: list[Runner] = []      # reads in progress (one Runner each)
        self.recent_menu: QMenu | None = None

    def wire(self) -> None:
        self.ui.articles_panel.currentChanged.connect(lambda _: self.update_actions())

    def update_actions(self) -> None:
        has = bool(self.ui.doc.articles)
        for key in ARTICLE_ACTIONS:
            self.ui.actions[key].setEnabled(has)

    # ---- opening ------------------------------------------------------------------------------
    def open_paths(self, paths: list[str], replace: bool = True) -> None:
        """Open files, links or a session (``python main.py PATH...``, drops, Add files).  A
        ``.parallax`` session among them is opened as the session; the other paths are added to it."""
        paths = [str(p) for p in paths]
        if len(paths) == 1 and _is_batch_index(paths[0]):
            self.open_batch(paths[0])
            return
        sessions = [p for p in paths if is_session_path(p)]
        if sessions:
            rest = [p for p in paths if p not in sessions]
            if len(sessions) > 1:
                self.ui.warn(f"Opened {Path(sessions[0]).name}; one session at a time "
                             f"(not {', '.join(Path(p).name for p in sessions[1:])}).")
            self.c.session.open_session_path(sessions[0], then_add=rest)
            return
        if replace:
            self.c.session.close_session()
        items = [Input("url" if p.startswith(("http://", "https://")) else "file", str(p),
                       self.ui.doc.new_id() if not replace else f"a{n + 1}")
                 for n, p in enumerate(paths)]
        self.load(items, replace=replace)

    def open_seeds(self) -> None:
        paths = [str(p) for p in seed_paths()]
        if not paths:
            self.ui.warn("The bundled sample articles are missing (seeds/*.txt).")
            return
        self.open_paths(paths, replace=True)

    def open_batch_index(self) -> None:
        path = dialogs.ask_batch_index(self.ui.window)
        if path:
            self.open_batch(path)

    def open_batch(self, path: str) -> None:
        """A batch run's index: list its events; the one chosen replaces the articles."""
        from analysis.batch.index import read_index  # at call time: it brings all of ingest
        try:
            events = read_index(path)
        except ParallaxError as exc:
            self.ui.warn(f"Could not open the batch index: {exc}")
            return
        if not events:
            self.ui.warn(f"The batch index {Path(path).name} lists no events.")
            return
        chosen = dialogs.ask_batch_event(self.ui.window, events)
        if chosen is not None:
            self.open_paths(list(events[chosen].files), replace=True)

    def load(self, items: list[Input], replace: bool) -> None:
        """Read ``items`` off the GUI thread, then add them (or replace the articles with them)."""
        if not items:
            return
        self.ui.say(f"Reading {len(items)} input(s)…")
        self.ui.status.set_busy(True, "reading")
        epoch = self.ui.doc.epoch
        self._reading(len(items))

        def loaded(result: Loaded) -> None:
            self._reading(-len(items))
            if not replace and epoch != self.ui.doc.epoch:   # the articles were replaced meanwhile
                self.ui.status.set_busy(self.c.analysis.runner.running)
                return
            self._loaded(result, items, replace)
        def failed(message: str, details: str) -> None:
            self._reading(-len(items))
            self._load_failed(message, details)
        runner = run_in_background(self, load_inputs, loaded, failed, items)
        self.loaders.append(runner)
        runner.destroyed.connect(lambda *_: self.loaders.remove(runner)
                                 if runner in self.loaders else None)

    def _reading(self, change: int) -> None:
        """Count inputs being read; the overview says "Reading 5 articles…" meanwhile."""
        doc = self.ui.doc
        doc.reading = max(0, doc.reading + change)
        if not doc.articles:
            self.c.view.refresh_or_mark(self.ui.overview)

    def _loaded(self, loaded: Loaded, items: list[Input], replace: bool) -> None:
        doc = self.ui.doc
        loaded = within_budget(loaded, [] if replace else doc.articles)
        if replace:
            doc.replace_all(loaded.articles)
        else:
            doc.add(loaded.articles)
        files = [i.value for i in items if i.kind == "file"]
        ok = {a.path for a in loaded.articles}
        seeds = {str(p) for p in seed_paths()}
        good = [f for f in files if f in ok and str(f) not in seeds]
        if good:
            settings.add_recent(good)
        if loaded.errors:
            lines = [f"Could not add {Path(label).name if len(label) < 300 else 'input'}: {msg}"
                     for label, msg in loaded.errors]
            more = len(lines) - ERRORS_SHOWN
            self.ui.warn("\n".join(lines[:ERRORS_SHOWN]) + (f"\n…and {more} more" if more > 0 else ""))
        if loaded.articles:
            self.ui.say(f"Added {len(loaded.articles)} article(s).", 4000)
        if not self.c.analysis.pending():
            self.ui.status.set_busy(False)
        self.c.update_actions()

    def _load_failed(self, message: str, details: str) -> None:
        log.error("loading failed: %s\n%s", message, details)
        self.ui.status.set_busy(False)
        self.ui.warn(f"Could not read the input: {message}")

    def add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.ui.window, "Add articles", "", FILE_FILTER)
        if paths:
            self.open_paths(paths, replace=False)

    def paste_article(self) -> None:
        pasted = dialogs.ask_paste(self.ui.window, QGuiApplication.clipboard().text())
        if pasted is None:
            return
        if not pasted.text.strip():
            self.ui.warn("Nothing to add: the pasted text is empty.")
            return
        self.load([Input("paste", pasted.text, self.ui.doc.new_id(), pasted.outlet, pasted.title)],
                  replace=False)

    def add_link(self) -> None:
        url = dialogs.ask_link(self.ui.window)
        if url is None:
            return
        if not url.startswith(("http://", "https://")):
            self.ui.warn(f"Not a web link: {url!r}. Links start with http:// or https://.")
            return
        self.load([Input("url", url, self.ui.doc.new_id())], replace=False)

    def drop(self, urls: list[QUrl]) -> bool:
        """Files or links dropped on the window: added.  Returns whether there was any."""
        paths = [u.toLocalFile() if u.isLocalFile() else u.toString() for u in urls]
        paths = [p for p in paths if p]
        if paths:
            self.open_paths(paths, replace=False)
        return bool(paths)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """File > Recent articles, filled as it opens."""
        menu.clear()
        items = settings.recent_files()
        for path in items:
            act = menu.addAction(path)
            act.triggered.connect(lambda checked=False, p=path: self.open_paths([p], replace=False))
        if not items:
            menu.addAction("(none)").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear list").triggered.connect(settings.clear_recent)

    # ---- editing the outlets list ---------------------------------------------------------------
    def selected(self) -> Article | None:
        aid = self.ui.articles_panel.current_id()
        return self.ui.doc.get(aid) if aid else None

    def clear_articles(self) -> None:
        self.c.session.close_session()
        self.c.analysis.runner.invalidate()
        self.ui.doc.replace_all([])
        self.ui.status.set_busy(False)

    def remove_article(self) -> None:
        a = self.selected()
        if a is not None:
            self.ui.doc.remove(a.id)
            self.ui.say(f"Removed {a.outlet}.", 4000)

    def toggle_exclude(self) -> None:
        a = self.selected()
        if a is not None:
            self.ui.doc.set_excluded(a.id, a.id not in self.ui.doc.excluded)

    def rename_outlet(self) -> None:
        a = self.selected()
        if a is None:
            return
        name = dialogs.ask_outlet_name(self.ui.window, a.outlet)
        if name:
            self.ui.doc.rename(a.id, name)

    def set_reference(self) -> None:
        a = self.selected()
        if a is None:
            return
        if not self.ui.doc.can_be_reference(a.id):
            why = "is excluded" if a.id in self.ui.doc.excluded else "is on another event"
            self.ui.say(f"{a.outlet} {why}: the reference must be one of the compared outlets.", 6000)
            return
        self.ui.doc.set_reference(a.id)
        self.ui.say(f"{a.outlet} is the reference.", 4000)

    def move_article(self, delta: int) -> None:
        a = self.selected()
        if a is not None and self.ui.doc.move(a.id, delta):
            self.ui.articles_panel.select(a.id)

    def show_removed(self) -> None:
        a = self.selected()
        if a is None:
            return
        if not a.removed:
            QMessageBox.information(self.ui.window, "Removed lines",
                                    f"Nothing was removed from {a.outlet}.")
            return
        lines = dialogs.ask_restore(self.ui.window, a)
        if lines:
            self.restore_removed(a.id, lines)

    def restore_removed(self, article_id: str, lines: list[int]) -> None:
        a = self.ui.doc.get(article_id)
        if a is None or not lines:
            return
        try:
            self.ui.doc.replace_article(restore_lines(a, lines))
        except Exception as exc:  # keep the article as it was and say why
            self.ui.warn(f"Could not restore the lines: {exc}")
            return
        self.ui.say(f"Restored {len(lines)} line(s) in {a.outlet}.", 4000)


def _is_batch_index(path: str) -> bool:
    """``analysis.batch.index.is_batch_index``, imported when a single path is opened (the module
    brings all of ingest, which the window's start-up on several articles never needs)."""
    from analysis.batch.index import is_batch_index
    return is_batch_index(path)
