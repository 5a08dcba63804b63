"""The window's side of a review session: which ``.parallax`` file is open, and the reviews it holds.

The engine side is ``analysis.session`` (docs/SESSION.md); this class only calls it, on the GUI thread
(a Session belongs to the thread that opened it; each call takes about a millisecond).

Lifecycle (docs/GUI.md, "Review sessions"):

* The window starts with no session.  The first review (a verdict, severity or note) makes an
  *untitled* session in the per-user data folder, holding the articles as they are arranged, so that
  nothing the editor decides is ever only in memory.  "Save session as" gives it a name and place
  (the untitled file is then removed); an untitled session that ends with no review is deleted.
* "Open session" / a ``.parallax`` path on the command line attaches that file; "New session" makes a
  named file from the current articles with no reviews.
* Every review and every article edit is committed by the engine before the call returns.

Errors are ``analysis.errors.SessionError`` with a one-line message; the window shows it.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Iterable, Mapping

from PySide6.QtCore import QObject, Signal

from analysis.errors import SessionError
from analysis.model import Article, Finding
from analysis.session import SESSION_SUFFIX, Session, SessionArticle, UndoStep
from analysis.vocabulary.reviews import Review, review_from

from . import settings

log = logging.getLogger(__name__)
UNTITLED_PREFIX = "Untitled review "


def is_untitled_path(path: str | os.PathLike[str]) -> bool:
    p = Path(path)
    try:
        return (p.name.startswith(UNTITLED_PREFIX)
                and p.parent.resolve() == Path(settings.untitled_folder()).resolve())
    except OSError:
        return False


def display_name(path: str | os.PathLike[str]) -> str:
    """What the title bar and menus call a session: its file name, "Untitled review …" as is."""
    return Path(path).name.removesuffix(SESSION_SUFFIX)


class ArticleSnapshot:
    """The session's articles read on the GUI thread, for ``load_articles`` on a worker thread.

    ``analysis.session.load_articles`` only calls ``articles(include_excluded)``,
    ``stored_source_sha1(id)`` and ``setting(key)`` (the outlet names the editor gave); an SQLite
    connection must not cross threads, so we hand it this.
    """

    def __init__(self, session: Session) -> None:
        self.items = session.articles(include_excluded=True)
        self.sha1 = {a.id: session.stored_source_sha1(a.id) for a in self.items}
        self.settings = session.settings()

    def setting(self, key: str, default=None):
        return self.settings.get(key, default)

    def articles(self, include_excluded: bool = True) -> list[SessionArticle]:
        return [a for a in self.items if include_excluded or not a.excluded]

    def stored_source_sha1(self, article_id: str) -> str | None:
        return self.sha1.get(article_id)


def session_articles(articles: Iterable[Article], excluded: set[str],
                     reference: str | None) -> list[SessionArticle]:
    return [SessionArticle.from_article(a, excluded=a.id in excluded, reference=a.id == reference)
            for a in articles]


class SessionHost(QObject):
    reviewsChanged = Signal(object)      # the finding keys whose review changed, or None for all
    stateChanged = Signal()              # a session was opened, created, renamed, closed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.untitled = False
        self.reviews: dict[str, Review] = {}

    # ---- state ----------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.session.path if self.session is not None else None

    @property
    def read_only(self) -> bool:
        return self.session is not None and self.session.read_only

    @property
    def read_only_reason(self) -> str:
        return self.session.read_only_reason if self.session is not None else ""

    def name(self) -> str:
        return display_name(self.session.path) if self.session is not None else ""

    def verdicts(self) -> dict[str, str]:
        return {k: r.verdict for k, r in self.reviews.items() if r.reviewed}

    # ---- open, create, save as, close ---------------------------------------------------------
    def open(self, path: str | os.PathLike[str], read_only: bool = False) -> Session:
        """Open ``path`` (writable, or read-only when it cannot be written, or when ``read_only``:
        a snapshot, for a session another Parallax is writing) and make it current.

        Raises SessionError (one line; SessionLocked when another Parallax has it open) and leaves
        the current session as it was."""
        p = Path(path)
        if self.session is not None and p.exists() and self.session.path.exists() \
                and os.path.samefile(p, self.session.path):
            return self.session                       # already the current session
        session = Session.open(p, read_only=True if read_only else None)
        self._attach(session, untitled=is_untitled_path(p))
        return session

    def create(self, path: str | os.PathLike[str], articles: list[SessionArticle], *,
               untitled: bool = False) -> Session:
        """A new session file holding ``articles`` and no reviews; it becomes current."""
        session = Session.create(path, articles, overwrite=not untitled)
        self._attach(session, untitled=untitled)
        return session

    def create_untitled(self, articles: list[SessionArticle]) -> Session:
        folder = Path(settings.untitled_folder())
        stamp = time.strftime("%Y-%m-%d %H.%M.%S")
        path = folder / f"{UNTITLED_PREFIX}{stamp}{SESSION_SUFFIX}"
        n = 2
        while path.exists():
            path = folder / f"{UNTITLED_PREFIX}{stamp} ({n}){SESSION_SUFFIX}"
            n += 1
        return self.create(path, articles, untitled=True)

    def save_as(self, path: str | os.PathLike[str]) -> Path:
        """Copy the session to ``path`` (the file dialog confirmed any overwrite) and carry on there.
        An untitled session's old file is removed: it has a real name now."""
        if self.session is None:
            raise SessionError("There is no session to save")
        old, was_untitled = self.session.path, self.untitled
        target = self.session.save_as(path, overwrite=True)
        self.untitled = False
        if was_untitled:
            self._delete(old)
        settings.add_recent_session(str(target))
        self.stateChanged.emit()
        return target

    def close(self) -> None:
        """Close the file (everything is committed already).  An untitled session without a single
        review is deleted: there is nothing in it the articles themselves do not hold."""
        session, self.session = self.session, None
        self.reviews = {}
        if session is None:
            return
        path, untitled = session.path, self.untitled
        empty = untitled and not session.read_only and not session.reviews()
        session.close()
        self.untitled = False
        if empty:
            self._delete(path)
        self.reviewsChanged.emit(None)
        self.stateChanged.emit()

    def _attach(self, session: Session, untitled: bool) -> None:
        if self.session is not None:
            self.close()
        self.session, self.untitled = session, untitled
        self.reviews = session.reviews()
        settings.add_recent_session(str(session.path))
        self.reviewsChanged.emit(None)
        self.stateChanged.emit()

    @staticmethod
    def _delete(path: Path) -> None:
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            try:
                p.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove %s: %s", p, exc)
        settings.forget_recent_session(str(path))

    # ---- reviews --------------------------------------------------------------------------------
    def set_memory_reviews(self, reviews: Mapping[str, Review | str]) -> None:
        """Show reviews that are not in any file (tests, screenshots).  Only without a session."""
        self.reviews = {k: (v if isinstance(v, Review) else review_from({"verdict": v}, k))
                        for k, v in reviews.items()}
        self.reviews = {k: v for k, v in self.reviews.items() if not v.empty}
        self.reviewsChanged.emit(None)

    def reload(self) -> None:
        """Read every review from the file again (after a failed batch was rolled back)."""
        if self.session is not None:
            self.reviews = self.session.reviews()
            self.reviewsChanged.emit(None)

    def _changed(self, review: Review) -> Review:
        if review.empty:
            self.reviews.pop(review.key, None)
        else:
            self.reviews[review.key] = review
        self.reviewsChanged.emit((review.key,))
        return review

    def review(self, key: str) -> Review:
        return self.reviews.get(key) or Review(key=key)

    def set_verdict(self, finding: Finding, verdict: str | None) -> Review:
        return self._changed(self._need().set_verdict(finding, verdict))

    def set_severity(self, finding: Finding, severity: int | None) -> Review:
        return self._changed(self._need().set_severity(finding, severity))

    def set_note(self, finding: Finding | str, note: str) -> Review:
        return self._changed(self._need().set_note(finding, note))

    def undo(self) -> UndoStep | None:
        return self._travel(self._need().undo())

    def redo(self) -> UndoStep | None:
        return self._travel(self._need().redo())

    def _travel(self, step: UndoStep | None) -> UndoStep | None:
        if step is not None:
            for key in step.keys:
                review = self.session.review(key)
                if review.empty:
                    self.reviews.pop(key, None)
                else:
                    self.reviews[key] = review
            self.reviewsChanged.emit(tuple(step.keys))
        return step

    def next_undo(self) -> UndoStep | None:
        return self.session.next_undo() if self.session is not None else None

    def next_redo(self) -> UndoStep | None:
        return self.session.next_redo() if self.session is not None else None

    def progress(self, findings: Iterable[Finding]) -> tuple[int, int]:
        if self.session is not None:
            # Keys, not Findings: for a Finding the session also builds a snapshot, which is
            # wasted work over thousands of findings on every key press.
            if getattr(self, "_ids_for", None) is not findings:
                self._ids = [f.id for f in findings]
                self._ids_for = findings
            return self.session.progress(self._ids)
        keys = {f.id for f in findings}
        return sum(1 for k in keys if k in self.reviews and self.reviews[k].reviewed), len(keys)

    def next_unreviewed(self, queue: list[Finding], after: Finding | None,
                        backwards: bool = False) -> str | None:
        if self.session is not None:
            return self.session.next_unreviewed([f.id for f in queue],
                                                after.id if after is not None else None,
                                                backwards=backwards)
        keys = [f.id for f in queue]
        if backwards:
            keys.reverse()
        start = keys.index(after.id) + 1 if after is not None and after.id in keys else 0
        for key in keys[start:] + keys[:start]:
            review = self.reviews.get(key)
            if review is None or not review.reviewed:
                return key
        return None

    def _need(self) -> Session:
        if self.session is None:
            raise SessionError("No review session is open")
        return self.session

    # ---- articles -------------------------------------------------------------------------------
    def snapshot(self) -> ArticleSnapshot:
        return ArticleSnapshot(self._need())

    def sync_articles(self, articles: list[Article], excluded: set[str],
                      reference: str | None) -> int:
        """Write the window's arrangement of the articles into the session: added, removed,
        renamed, excluded, reordered, reference, new text.  Returns the number of writes."""
        session = self.session
        if session is None or session.read_only:
            return 0
        writes = 0
        stored = {a.id: a for a in session.articles()}
        ids = [a.id for a in articles]
        for gone in [i for i in stored if i not in ids]:
            session.remove_article(gone)
            writes += 1
        for a in articles:
            is_ref = a.id == reference
            s = stored.get(a.id)
            if s is None:
                session.add_article(SessionArticle.from_article(
                    a, excluded=a.id in excluded, reference=is_ref))
                writes += 1
                continue
            changes: dict = {}
            if a.source_text != s.source_text:
                changes.update(source_text=a.source_text, text_sha1=a.digest, path=a.path,
                               kind=a.source_kind)
            if (a.outlet or None) != s.outlet:
                changes["outlet"] = a.outlet or None
            if (a.id in excluded) != s.excluded:
                changes["excluded"] = a.id in excluded
            if is_ref and not s.reference:
                changes["reference"] = True
            if changes:
                session.update_article(a.id, **changes)
                writes += 1
        order = [a.id for a in session.articles()]
        if order != ids:
            session.reorder(ids)
            writes += 1
        return writes
