"""The review session: opening, creating and saving ``.parallax`` files, the window's title and session
label, and writing the articles as arranged into the file as each edit is made (``SessionHost`` does
the file work; docs/GUI.md "Review sessions")."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMenu

from analysis.constants import SESSION_SUFFIX
from analysis.errors import SessionError, SessionLocked
from analysis.model import Article

from .. import dialogs, settings
from ..session_host import SessionHost, display_name, session_articles
from ..worker import run_in_background
from .base import Controller

log = logging.getLogger(__name__)
WARNINGS_SHOWN = 4          # the articles' session warnings listed in the banner


def _load_session_articles(snapshot, progress) -> list[Article]:
    """Runs on a pool thread: the session's articles (excluded ones too) through ingest."""
    from analysis.session import load_articles
    progress(0.0, "reading the session's articles")
    articles = load_articles(snapshot, include_excluded=True)
    progress(1.0, "read")
    return articles


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) \
        or str(Path.home())


class SessionController(Controller):
    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self._pause_sync = 0                 # >0 while the window itself replaces the articles
        self.recent_menu: QMenu | None = None
        self._loader = None

    @property
    def host(self) -> SessionHost:
        return self.ui.host

    def wire(self) -> None:
        self.ui.doc.layoutChanged.connect(self.sync)
        self.host.stateChanged.connect(self.show_state)

    def update_actions(self) -> None:
        self.ui.actions["save_session_as"].setEnabled(bool(self.ui.doc.articles)
                                                      or self.host.session is not None)

    # ---- opening ------------------------------------------------------------------------------
    def open_session(self) -> None:
        folder = settings.last_session_folder() or _documents()
        path = dialogs.ask_open_session(self.ui.window, folder)
        if path:
            self.open_session_path(path)

    def open_session_path(self, path: str, then_add: list[str] | None = None) -> bool:
        """Open a ``.parallax`` file: its articles (read and analysed in the background) and its
        reviews.  A bad file leaves the window as it was and says why in the banner."""
        self.c.review.flush_note()
        try:
            session = self.host.open(path)
        except SessionLocked as exc:
            # Another running Parallax writes it: reading it here is safe and often what is wanted.
            if not dialogs.ask_open_read_only(self.ui.window, str(exc)):
                self.ui.warn(str(exc))
                return False
            try:
                session = self.host.open(path, read_only=True)
            except SessionError as again:
                self.ui.warn(str(again))
                return False
        except SessionError as exc:
            self.ui.warn(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - an engine bug: a message, never a traceback
            log.exception("opening %s failed", path)
            self.ui.warn(f"Could not open {path}: {type(exc).__name__}: {exc}")
            return False
        settings.set_last_session_folder(str(Path(path).resolve().parent))
        try:
            snapshot = self.host.snapshot()
        except SessionError as exc:
            self.ui.warn(str(exc))
            self.close_session()
            return False
        self.ui.banner.hide()
        if session.read_only:
            self.ui.warn(session.read_only_reason)
        self.restore_articles([], set(), None)
        self._pause_sync += 1                  # until its articles are back in the window
        self.ui.say(f"Opening {display_name(session.path)}…")
        self.ui.status.set_busy(True, "reading session")
        epoch = self.ui.doc.epoch

        def done(articles: list[Article]) -> None:
            self._pause_sync -= 1
            if epoch != self.ui.doc.epoch or self.host.session is not session:
                return                       # another session or other articles came meanwhile
            excluded = {a.id for a in snapshot.items if a.excluded}
            reference = next((a.id for a in snapshot.items if a.reference), None)
            self.restore_articles(articles, excluded, reference)
            self.ui.status.set_busy(False)   # the analysis shows its own progress
            warnings = [w for a in articles for w in a.warnings
                        if "session" in w or "reviewed" in w]
            if warnings:
                self.ui.warn("\n".join(([session.read_only_reason] if session.read_only else [])
                                       + warnings[:WARNINGS_SHOWN]))
            self.ui.say(f"Opened {display_name(session.path)}: {len(articles)} article(s), "
                        f"{len(self.host.reviews)} review(s).", 5000)
            if then_add:
                self.c.articles.open_paths(then_add, replace=False)

        def failed(message: str, details: str) -> None:
            self._pause_sync -= 1
            if details:
                log.error("reading the session's articles failed: %s\n%s", message, details)
            self.ui.status.set_busy(False)
            if self.host.session is session:
                self.ui.warn(f"Could not read the articles of {display_name(session.path)}: {message}")
        self._loader = run_in_background(self, _load_session_articles, done, failed, snapshot)
        return True

    def restore_articles(self, articles: list[Article], excluded: set[str],
                         reference: str | None) -> None:
        """Replace the articles wholesale (opening a session) without writing them back to it."""
        self.c.analysis.runner.invalidate()
        self._pause_sync += 1
        try:
            self.ui.doc.restore(articles, excluded, reference)
        finally:
            self._pause_sync -= 1

    def fill_recent_menu(self, menu: QMenu) -> None:
        """File > Recent sessions, filled as it opens."""
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

    # ---- new, save as, close ----------------------------------------------------------------------
    def _current_articles(self):
        doc = self.ui.doc
        return session_articles(doc.articles, doc.excluded, doc.reference)

    def new_session(self) -> None:
        """A new session file with the current articles and no reviews."""
        path = dialogs.ask_save_session(self.ui.window, "New review session", self.suggested_path())
        if not path:
            return
        self.c.review.flush_note()
        try:
            self.host.create(path, self._current_articles())
        except SessionError as exc:
            self.ui.warn(str(exc))
            return
        settings.set_last_session_folder(str(Path(path).resolve().parent))
        self.ui.say(f"New session {display_name(path)}: every review is saved as you make it.", 6000)

    def save_session_as(self) -> None:
        """Copy the session (or, before the first review, the articles) to a named file and carry
        on there.  Nothing else needs saving: every change is committed when it is made."""
        path = dialogs.ask_save_session(self.ui.window, "Save review session as", self.suggested_path())
        if not path:
            return
        self.c.review.flush_note()
        was_read_only = self.host.read_only
        try:
            if self.host.session is None:
                self.host.create(path, self._current_articles())
            else:
                self.host.save_as(path)
        except SessionError as exc:
            self.ui.warn(str(exc))
            return
        settings.set_last_session_folder(str(Path(path).resolve().parent))
        if was_read_only:
            self.ui.banner.hide()
            self.sync()                       # edits made while read-only are kept now
        self.ui.say(f"Saved as {path}; reviews now go to this file.", 6000)

    def suggested_path(self) -> str:
        folder = settings.last_session_folder() or _documents()
        if self.host.session is not None and not self.host.untitled:
            return str(Path(folder) / self.host.session.path.name)
        return str(Path(folder) / f"Review {time.strftime('%Y-%m-%d')}{SESSION_SUFFIX}")

    def close_session(self) -> None:
        self.c.review.flush_note()
        if self.host.session is not None:
            untitled = self.host.untitled and bool(self.host.reviews)
            self.host.close()
            if untitled:
                self.ui.say("The untitled review is kept: File > Recent sessions.", 6000)

    # ---- keeping the window and the file in step ----------------------------------------------
    def show_state(self) -> None:
        """Title, status label and enabled commands after a session opened, closed or moved."""
        host, label = self.host, self.ui.status.session_label
        if host.session is None:
            self.ui.window.setWindowTitle("Parallax")
            label.setText("")
            label.setToolTip("")
        else:
            name = display_name(host.session.path)
            ro = " (read-only)" if host.read_only else ""
            self.ui.window.setWindowTitle(f"{name}{ro} — Parallax")
            label.setText(("Untitled session · saved automatically" if host.untitled
                           else f"Session: {name}") + ro)
            label.setToolTip(str(host.session.path))
        self.ui.inspector.set_reviews(host.reviews, read_only=host.read_only)
        self.c.update_actions()

    def sync(self) -> None:
        """The articles changed in the window: write the change into the session."""
        if self._pause_sync or self.host.session is None or self.host.read_only:
            return
        doc = self.ui.doc
        try:
            self.host.sync_articles(doc.articles, doc.excluded, doc.reference)
        except SessionError as exc:
            self.ui.warn(str(exc))

    def writable_host(self) -> SessionHost | None:
        """The session reviews go to, made (untitled) at the first review; None if read-only."""
        host = self.host
        if host.session is None:
            if not self.ui.doc.articles:
                self.ui.say("Add articles first.", 3000)
                return None
            try:
                host.create_untitled(self._current_articles())
            except SessionError as exc:
                self.ui.warn(f"Reviews cannot be saved: {exc}")
                return None
            self.ui.say("Reviews are saved as you go, in an untitled session; "
                        "File > Save session as… gives it a name.", 8000)
        if host.read_only:
            self.ui.say(host.read_only_reason, 5000)
            return None
        return host
