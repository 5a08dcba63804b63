"""The review session: one SQLite file holding the articles as given, settings and every review.

Every change is committed before the call returns (WAL journal, ``synchronous=FULL``), so a crash
or ``kill -9`` loses nothing a call has returned from.  See docs/SESSION.md for the whole contract.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from analysis.constants import SESSION_MAX_NOTE_CHARS, SESSION_NOTE_MERGE_SECONDS, SESSION_UNDO_LIMIT
from analysis.errors import SessionError, SessionLocked
from analysis.model import Article, Finding
from analysis.session.check import connect_readonly, inspect_header, one_line, sidecars, validate
from analysis.session.files import (
    check_target,
    connect_rw,
    copy_database,
    free_backup_name,
    remove,
    rollback,
    session_target,
    why_read_only,
)
from analysis.session.lock import SessionLock
from analysis.session.records import SessionArticle, UndoStep, finding_snapshot
from analysis.session.schema import ARTICLE_KINDS, SCHEMA_VERSION, create_v1, migrate, utc_now
from analysis.vocabulary.reviews import NOT_REVIEWED, SEVERITIES, VERDICTS, Review

_VERDICT_LABELS = {"confirmed": "Confirm", "dismissed": "Dismiss", "flagged": "Flag",
                   NOT_REVIEWED: "Clear verdict"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ARTICLE_FIELDS = ("id", "position", "kind", "path", "source_text", "outlet", "title", "date",
                   "author", "excluded", "reference", "text_sha1", "extra")
_EDITABLE = frozenset(_ARTICLE_FIELDS) - {"id", "position"}
_REVIEW_COLUMNS = "key, verdict, severity, note, updated, finding"

FindingRef = Finding | str             # a Finding, or just its stable key


# --- validation -----------------------------------------------------------------------------------

def _validate_date(value: str | None) -> None:
    if value is None:
        return
    try:
        ok = bool(_ISO_DATE.fullmatch(value)) and date.fromisoformat(value) is not None
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise SessionError(f"Article date must be YYYY-MM-DD, not {value!r}")


def _validate_article(article: SessionArticle) -> None:
    if not isinstance(article.source_text, str):
        raise SessionError("Article source text must be text")
    if article.kind not in ARTICLE_KINDS:
        raise SessionError(f"Article kind must be one of {', '.join(ARTICLE_KINDS)}, "
                           f"not {article.kind!r}")
    _validate_date(article.date)
    _json(dict(article.extra), "article extra")


def _json(value: Any, what: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError):
        raise SessionError(f"The {what} cannot be saved: it is not plain JSON data") from None


def _key(finding: FindingRef) -> tuple[str, dict]:
    """The stable key of a finding reference, and a snapshot when a whole Finding was given."""
    if isinstance(finding, Finding):
        return finding.id, finding_snapshot(finding)
    if isinstance(finding, str) and finding:
        return finding, {}
    raise SessionError(f"A review needs a finding or its key, not {finding!r}")


def _seconds_between(earlier: str, later: str) -> float:
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()


# --- the session ----------------------------------------------------------------------------------

class Session:
    """An open review session.  Make one with ``Session.create`` or ``Session.open``.

    Not thread-safe: use it from one thread (the window's GUI thread; each call takes milliseconds).
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: SessionLock | None,
                 read_only_reason: str = ""):
        self.path = path
        self._conn = conn
        self._lock = lock
        self.read_only_reason = read_only_reason    # the message to show; "" when writable
        self._depth = 0                             # nesting of open transactions
        self._batch_step: int | None = None
        self._batch_label: str | None = None

    # -- opening and closing ------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], articles: Iterable[SessionArticle | Article] = (),
               *, settings: dict[str, Any] | None = None, overwrite: bool = False) -> Session:
        """Make a new session file holding ``articles`` (in order) and ``settings``, and open it.

        The file appears whole or not at all (built beside it, then renamed).  An existing file is
        replaced only with ``overwrite=True``, and never while another instance has it open.
        """
        path = Path(path)
        check_target(path, overwrite)
        items = [a if isinstance(a, SessionArticle) else SessionArticle.from_article(a)
                 for a in articles]
        for item in items:
            _validate_article(item)
        lock = SessionLock(path)
        lock.acquire()
        try:
            with session_target(path) as tmp:
                cls._build(tmp, items, settings or {})
                remove(sidecars(path))  # a stale WAL of the replaced file must not apply to ours
            return cls(path, connect_rw(path), lock)
        except BaseException as exc:
            lock.release()
            if isinstance(exc, (OSError, sqlite3.Error)):
                detail = getattr(exc, "strerror", None) or exc
                raise SessionError(f"Cannot create {path} ({one_line(detail)})") from None
            raise

    @classmethod
    def _build(cls, tmp: Path, items: list[SessionArticle], settings: dict[str, Any]) -> None:
        conn = connect_rw(tmp)
        try:
            create_v1(conn)
            migrate(conn)
            session = cls(tmp, conn, None)
            with session._transaction():
                for item in items:
                    session._insert_article(item)
                for key, value in settings.items():
                    session._write_setting(key, value)
        finally:
            conn.close()

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool | None = None) -> Session:
        """Open an existing session.

        ``read_only=None`` (the window): writable, or read-only with ``read_only_reason`` set when
        the file or its folder cannot be written.  ``True`` (the command line, reports): a snapshot
        that never locks or writes, fine while the window has the file open.  ``False``: writable
        or SessionError.  Every refusal is a SessionError whose text is one line for the user, and
        a refused file is left byte for byte as it was.
        """
        path = Path(path)
        inspect_header(path)
        reader = connect_readonly(path)
        try:
            version = validate(reader, path)
            reason = "" if read_only else why_read_only(path)
            if read_only is False and reason:
                raise SessionError(f"{path} cannot be written: it or its folder is read-only")
            if read_only or reason:
                return cls(path, cls._memory_copy(reader, version, path), None,
                           reason or f"{path} is open read-only: changes are not saved")
        finally:
            reader.close()
        return cls._open_writable(path)

    @staticmethod
    def _memory_copy(reader: sqlite3.Connection, version: int, path: Path) -> sqlite3.Connection:
        """A private in-memory copy: consistent, holds no file handle, and can be migrated freely."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            reader.backup(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise SessionError(f"{path} is damaged ({one_line(exc)})") from None
        if version < SCHEMA_VERSION:
            migrate(conn)
        return conn

    @classmethod
    def _open_writable(cls, path: Path) -> Session:
        lock = SessionLock(path)
        lock.acquire()
        conn = None
        try:
            conn = connect_rw(path)
            version = validate(conn, path)  # again: the WAL, now replayed, is the truth
            if version < SCHEMA_VERSION:
                copy_database(conn, free_backup_name(path, version))
                migrate(conn)
            return cls(path, conn, lock)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            lock.release()
            raise SessionError(f"{path} cannot be opened for writing ({one_line(exc)})") from None
        except BaseException:
            if conn is not None:
                conn.close()
            lock.release()
            raise

    def close(self) -> None:
        """Close the file and let go of its lock.  Safe to call twice."""
        if self._conn is not None:
            self._conn.close()      # the last connection checkpoints the WAL into the file
            self._conn = None  # type: ignore[assignment]  # closed: every later use fails loudly
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else ("read-only" if self.read_only else "open")
        return f"<Session {self.path} {state}>"

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    @property
    def db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise SessionError(f"The session {self.path} is closed")
        return self._conn

    def info(self) -> dict[str, Any]:
        """The file's header: app, created, created_by, updated, format, path, read_only."""
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        meta.update(format=self.db.execute("PRAGMA user_version").fetchone()[0],
                    path=str(self.path), read_only=self.read_only)
        return meta

    # -- transactions -------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One committed unit of work; nested uses join the outer one (a batch)."""
        if self.read_only:
            raise SessionError(self.read_only_reason)
        conn = self.db
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        conn.execute("BEGIN IMMEDIATE")
        self._check_lock(conn)
        self._depth = 1
        try:
            yield
            conn.execute("UPDATE meta SET value = ? WHERE key = 'updated'", (utc_now(),))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            rollback(conn)
            raise SessionError(f"{self.path}: the change could not be saved ({one_line(exc)})") from None
        except BaseException:
            rollback(conn)
            raise
        finally:
            self._depth = 0

    def _check_lock(self, conn: sqlite3.Connection) -> None:
        """One writer per session even when its lock file was deleted by hand: before a write, the
        lock file must still be ours (see ``SessionLock.verify``); otherwise nothing is written and
        this session turns read-only."""
        if self._lock is None or self._lock.verify():
            return
        rollback(conn)
        pid = self._lock.holder().get("pid")
        who = f" (process {pid})" if pid else ""
        self._lock.release()
        self._lock = None
        self.read_only_reason = (f"{self.path} was opened for writing by another Parallax{who} after its "
                                 "lock file was removed: this change was not saved, and the session is "
                                 "read-only here now (Save As keeps a copy)")
        raise SessionLocked(self.read_only_reason)

    @contextmanager
    def batch(self, label: str = "") -> Iterator[None]:
        """Group several review changes into one commit and one undo step (e.g. "Dismiss 12").

        If the block raises, none of its changes is kept.
        """
        if self._batch_label is not None:
            yield                   # nested batch: part of the outer one
            return
        with self._transaction():
            self._batch_label, self._batch_step = label, None
            try:
                yield
            finally:
                self._batch_label, self._batch_step = None, None

    # -- articles -----------------------------------------------------------------------------------

    def articles(self, include_excluded: bool = True) -> list[SessionArticle]:
        """The articles as given, in the editor's order."""
        rows = self.db.execute(f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM article "
                               "ORDER BY position, id").fetchall()
        items = [self._article_from_row(row) for row in rows]
        return [a for a in items if include_excluded or not a.excluded]

    def article(self, article_id: str) -> SessionArticle:
        row = self.db.execute(f"SELECT {', '.join(_ARTICLE_FIELDS)} FROM article WHERE id = ?",
                              (article_id,)).fetchone()
        if row is None:
            raise SessionError(f"The session has no article {article_id!r}")
        return self._article_from_row(row)

    @staticmethod
    def _article_from_row(row: tuple) -> SessionArticle:
        values = dict(zip(_ARTICLE_FIELDS, row))
        values["excluded"], values["reference"] = bool(values["excluded"]), bool(values["reference"])
        values["extra"] = json.loads(values["extra"] or "{}")
        return SessionArticle(**values)

    def stored_source_sha1(self, article_id: str) -> str | None:
        """The hash stored with the article's text (differs from a fresh hash if text was altered)."""
        row = self.db.execute("SELECT source_sha1 FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def add_article(self, article: SessionArticle | Article) -> SessionArticle:
        """Append an article; an empty id gets the next free ``aN``."""
        item = article if isinstance(article, SessionArticle) else SessionArticle.from_article(article)
        _validate_article(item)
        with self._transaction():
            return self._insert_article(item)

    def _insert_article(self, item: SessionArticle) -> SessionArticle:
        ids = {row[0] for row in self.db.execute("SELECT id FROM article")}
        if item.id in ids:
            raise SessionError(f"The session already has an article {item.id!r}")
        number = len(ids) + 1
        while not item.id and f"a{number}" in ids:
            number += 1
        position = self.db.execute("SELECT coalesce(max(position), 0) + 1 FROM article").fetchone()[0]
        item = replace(item, id=item.id or f"a{number}", position=position)
        if item.reference:
            self.db.execute("UPDATE article SET reference = 0")
        self.db.execute(
            "INSERT INTO article (id, position, kind, path, source_text, source_sha1, outlet, title,"
            " date, author, excluded, reference, added, text_sha1, extra)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item.id, item.position, item.kind, item.path, item.source_text, item.source_sha1,
             item.outlet, item.title, item.date, item.author, int(item.excluded),
             int(item.reference), utc_now(), item.text_sha1, _json(dict(item.extra), "extra")))
        return item

    def update_article(self, article_id: str, **changes: Any) -> SessionArticle:
        """Edit an article: outlet, title, date, author, excluded, reference, source_text, path,
        kind, text_sha1, extra.  New source text drops the stale ``text_sha1`` unless one is given.
        Making one article the reference clears the flag on the others.
        """
        unknown = set(changes) - _EDITABLE
        if unknown:
            raise SessionError(f"Article field(s) cannot be edited: {', '.join(sorted(unknown))}")
        current = self.article(article_id)
        if "source_text" in changes and "text_sha1" not in changes:
            changes["text_sha1"] = None
        item = replace(current, **changes)
        _validate_article(item)
        with self._transaction():
            if item.reference and not current.reference:
                self.db.execute("UPDATE article SET reference = 0")
            self.db.execute(
                "UPDATE article SET kind = ?, path = ?, source_text = ?, source_sha1 = ?,"
                " outlet = ?, title = ?, date = ?, author = ?, excluded = ?, reference = ?,"
                " text_sha1 = ?, extra = ? WHERE id = ?",
                (item.kind, item.path, item.source_text, item.source_sha1, item.outlet, item.title,
                 item.date, item.author, int(item.excluded), int(item.reference), item.text_sha1,
                 _json(dict(item.extra), "extra"), article_id))
        return item

    def remove_article(self, article_id: str) -> None:
        """Drop an article.  Reviews stay: those of its findings show up as orphaned."""
        self.article(article_id)
        with self._transaction():
            self.db.execute("DELETE FROM article WHERE id = ?", (article_id,))

    def reorder(self, article_ids: Iterable[str]) -> None:
        """Put the articles in this order (every article id exactly once)."""
        order = list(article_ids)
        have = [a.id for a in self.articles()]
        if sorted(order) != sorted(have):
            raise SessionError("A new article order must name every article of the session once")
        with self._transaction():
            self.db.executemany("UPDATE article SET position = ? WHERE id = ?",
                                [(n, aid) for n, aid in enumerate(order, start=1)])

    # -- settings -----------------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM setting")}

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        """Store any JSON value under ``key`` (committed at once; not part of undo)."""
        with self._transaction():
            self._write_setting(key, value)

    def _write_setting(self, key: str, value: Any) -> None:
        if not isinstance(key, str) or not key:
            raise SessionError("A setting needs a non-empty text key")
        self.db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                        (key, _json(value, f"setting {key!r}")))

    # -- reviews ------------------------------------------------------------------------------------

    def review(self, finding: FindingRef) -> Review:
        """The review of one finding; an empty Review (verdict "none") when there is none."""
        key, _ = _key(finding)
        row = self.db.execute(f"SELECT {_REVIEW_COLUMNS} FROM review WHERE key = ?",
                              (key,)).fetchone()
        return Review(key=key) if row is None else self._review_from_row(row)

    def reviews(self) -> dict[str, Review]:
        """Every stored review by finding key, including those whose finding no longer exists."""
        rows = self.db.execute(f"SELECT {_REVIEW_COLUMNS} FROM review ORDER BY key")
        return {row[0]: self._review_from_row(row) for row in rows}

    @staticmethod
    def _review_from_row(row: tuple) -> Review:
        key, verdict, severity, note, updated, finding = row
        return Review(key=key, verdict=verdict, severity=severity, note=note, updated=updated,
                      finding=json.loads(finding or "{}"))

    def set_verdict(self, finding: FindingRef, verdict: str | None) -> Review:
        """Confirm, dismiss or flag a finding ("none" or None clears).  Committed on return."""
        verdict = NOT_REVIEWED if verdict is None else verdict
        if verdict not in VERDICTS:
            raise SessionError(f"A verdict is one of {', '.join(VERDICTS)}, not {verdict!r}")
        return self._change(finding, "verdict", verdict, _VERDICT_LABELS[verdict])

    def set_severity(self, finding: FindingRef, severity: int | None) -> Review:
        """Rate a finding 1 (minor) to 3 (major); None clears.  Committed on return."""
        if severity is not None and (isinstance(severity, bool) or severity not in SEVERITIES):
            raise SessionError(f"A severity is 1, 2, 3 or none, not {severity!r}")
        label = "Clear severity" if severity is None else f"Severity {severity}"
        return self._change(finding, "severity", severity, label)

    def set_note(self, finding: FindingRef, note: str | None) -> Review:
        """Write a finding's note ("" or None clears).  Committed on return.

        Safe to call as the editor types: edits to one note less than SESSION_NOTE_MERGE_SECONDS
        apart are one undo step.
        """
        note = note or ""
        if not isinstance(note, str):
            raise SessionError("A note must be text")
        if len(note) > SESSION_MAX_NOTE_CHARS:
            raise SessionError(f"A note is limited to {SESSION_MAX_NOTE_CHARS} characters")
        return self._change(finding, "note", note, "Note")

    def _change(self, finding: FindingRef, field: str, value: Any, label: str) -> Review:
        """Write one field of a review and log it for undo, in one transaction."""
        key, snapshot = _key(finding)
        with self._transaction():
            current = self.review(key)
            old = getattr(current, field)
            if old == value:
                return current      # nothing changed: no write, no undo step
            review = self._store(replace(current, finding=snapshot or current.finding),
                                 field, value)
            self._log(key, field, old, value, label)
        return review

    def _store(self, current: Review, field: str, value: Any) -> Review:
        """Save ``current`` with ``field`` set to ``value``; an all-empty review is deleted."""
        review = replace(current, **{field: value}, updated=utc_now())
        if review.empty:
            self.db.execute("DELETE FROM review WHERE key = ?", (review.key,))
        else:
            self.db.execute(
                f"INSERT OR REPLACE INTO review ({_REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                (review.key, review.verdict, review.severity, review.note, review.updated,
                 _json(dict(review.finding), "finding")))
        return review

    # -- undo and redo ------------------------------------------------------------------------------

    def _log(self, key: str, field: str, old: Any, new: Any, label: str) -> None:
        """Record a change as (part of) the newest undo step; a new change ends the redo branch."""
        now = utc_now()
        if field == "note" and self._batch_label is None and self._merge_note(key, new, now):
            return
        self.db.execute("DELETE FROM change WHERE undone = 1")
        step = self._batch_step
        if step is None:
            step = self.db.execute("SELECT coalesce(max(step), 0) + 1 FROM change").fetchone()[0]
            if self._batch_label is not None:
                self._batch_step = step
        self.db.execute("INSERT INTO change (step, key, field, old, new, at, label)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (step, key, field, json.dumps(old), json.dumps(new), now,
                         self._batch_label or label))
        self.db.execute("DELETE FROM change WHERE step <= ?", (step - SESSION_UNDO_LIMIT,))

    def _merge_note(self, key: str, new: str, now: str) -> bool:
        """Fold a note edit into the previous step when it edited the same note moments ago."""
        if self.db.execute("SELECT 1 FROM change WHERE undone = 1 LIMIT 1").fetchone():
            return False
        last = self.db.execute(
            "SELECT step, count(*), max(key), max(field), max(at), max(old) FROM change"
            " WHERE step = (SELECT max(step) FROM change)").fetchone()
        step, count, last_key, last_field, at, old = last
        if (step is None or count != 1 or last_key != key or last_field != "note"
                or _seconds_between(at, now) > SESSION_NOTE_MERGE_SECONDS):
            return False
        if json.loads(old) == new:  # typed and deleted back: the step changes nothing any more
            self.db.execute("DELETE FROM change WHERE step = ?", (step,))
        else:
            self.db.execute("UPDATE change SET new = ?, at = ? WHERE step = ?",
                            (json.dumps(new), now, step))
        return True

    def _step(self, undone: bool) -> UndoStep | None:
        """The step undo (undone=False) or redo (undone=True) would apply next."""
        pick = "min" if undone else "max"
        step = self.db.execute(f"SELECT {pick}(step) FROM change WHERE undone = ?",
                               (int(undone),)).fetchone()[0]
        if step is None:
            return None
        rows = self.db.execute("SELECT key, label FROM change WHERE step = ? ORDER BY seq",
                               (step,)).fetchall()
        return UndoStep(keys=tuple(dict.fromkeys(k for k, _ in rows)), label=rows[0][1])

    def next_undo(self) -> UndoStep | None:
        """What ``undo`` would undo (for an "Undo Confirm" menu label), or None."""
        return self._step(undone=False)

    def next_redo(self) -> UndoStep | None:
        return self._step(undone=True)

    @property
    def can_undo(self) -> bool:
        return self.next_undo() is not None

    @property
    def can_redo(self) -> bool:
        return self.next_redo() is not None

    def undo(self) -> UndoStep | None:
        """Undo the newest review step (persisted: works after a restart).  None if nothing to undo."""
        return self._travel(undone=False)

    def redo(self) -> UndoStep | None:
        """Redo the step undone last.  None if nothing to redo."""
        return self._travel(undone=True)

    def _travel(self, undone: bool) -> UndoStep | None:
        """Apply the next step's new values (redo) or old values (undo), newest change first."""
        with self._transaction():
            info = self._step(undone)
            if info is None:
                return None
            pick = "min" if undone else "max"
            step = self.db.execute(f"SELECT {pick}(step) FROM change WHERE undone = ?",
                                   (int(undone),)).fetchone()[0]
            order = "ASC" if undone else "DESC"
            rows = self.db.execute(f"SELECT key, field, old, new FROM change WHERE step = ?"
                                   f" ORDER BY seq {order}", (step,)).fetchall()
            for key, field, old, new in rows:
                self._store(self.review(key), field, json.loads(new if undone else old))
            self.db.execute("UPDATE change SET undone = ? WHERE step = ?", (int(not undone), step))
        return info

    # -- queue helpers ------------------------------------------------------------------------------

    def _reviewed_keys(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT key FROM review WHERE verdict != 'none'")}

    def progress(self, findings: Iterable[FindingRef]) -> tuple[int, int]:
        """(reviewed, total) over ``findings``, for the status line's "23 / 57 reviewed"."""
        keys = {_key(f)[0] for f in findings}
        return len(keys & self._reviewed_keys()), len(keys)

    def next_unreviewed(self, findings: Iterable[FindingRef], after: FindingRef | None = None,
                        *, backwards: bool = False) -> str | None:
        """The key of the next finding without a verdict after ``after`` in queue order, wrapping
        round; None when every finding has one (the J / Alt+Down command)."""
        keys = list(dict.fromkeys(_key(f)[0] for f in findings))
        if backwards:
            keys.reverse()
        done = self._reviewed_keys()
        start = keys.index(_key(after)[0]) + 1 if after is not None and _key(after)[0] in keys else 0
        for key in keys[start:] + keys[:start]:
            if key not in done:
                return key
        return None

    # -- copies -------------------------------------------------------------------------------------

    def copy_to(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write a consistent copy of the session to ``path`` and keep working on this one."""
        target = Path(path)
        self._check_copy_target(target, overwrite)
        lock = SessionLock(target)
        lock.acquire()              # never replace a session another instance has open
        try:
            remove(sidecars(target))
            copy_database(self.db, target)
        finally:
            lock.release()
        return target

    def save_as(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Copy the session to ``path`` and carry on there (the usual "Save As").

        The old file stays as it was at this moment.  A read-only session becomes writable in its
        new place.  Copies use SQLite's backup API, consistent under WAL.
        """
        target = Path(path)
        self._check_copy_target(target, overwrite)
        lock = SessionLock(target)
        lock.acquire()
        try:
            remove(sidecars(target))
            copy_database(self.db, target)
            conn = connect_rw(target)
        except BaseException:
            lock.release()
            raise
        self.close()
        self.path, self._conn, self._lock, self.read_only_reason = target, conn, lock, ""
        return target

    def _check_copy_target(self, target: Path, overwrite: bool) -> None:
        if self._depth:
            raise SessionError("A session cannot be copied in the middle of a change")
        check_target(target, overwrite)
        if target.exists() and os.path.samefile(target, self.path):
            raise SessionError(f"{target} is this session's own file")
