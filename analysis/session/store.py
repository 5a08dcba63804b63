"""The review session: one SQLite file holding the articles as given, settings and every review.

Every change is committed before the call returns (WAL journal, ``synchronous=FULL``), so a crash
or ``kill -9`` loses nothing a call has returned from.  See docs/SESSION.md for the whole contract.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from analysis.errors import SessionError, SessionLocked
from analysis.model import Article
from analysis.session.articles import Articles
from analysis.session.check import connect_readonly, inspect_header, one_line, sidecars, validate
from analysis.session.copies import Copies
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
from analysis.session.records import SessionArticle
from analysis.session.reviews import Reviews
from analysis.session.schema import SCHEMA_VERSION, create_v1, migrate, utc_now
from analysis.session.settings import Settings
from analysis.session.undo import Undo
from analysis.session.values import FindingRef, validate_article

__all__ = ["FindingRef", "Session"]


class Session(Articles, Settings, Reviews, Undo, Copies):
    """An open review session.  Make one with ``Session.create`` or ``Session.open``.

    This module opens, closes and commits; each table's calls are a part of their own module:
    ``articles``, ``settings``, ``reviews`` (with the review queue), ``undo`` and ``copies``.

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
            validate_article(item)
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
            self._conn = None       # closed: every later use fails loudly
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
