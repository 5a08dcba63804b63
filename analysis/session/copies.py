"""Copies of a session file: a consistent copy beside this one, or "Save As" (carry on in the copy)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.errors import SessionError
from analysis.session.check import sidecars
from analysis.session.files import check_target, connect_rw, copy_database, remove
from analysis.session.lock import SessionLock


class Copies:
    """Copying a session (a part of ``Session``)."""

    path: Path
    read_only_reason: str
    _depth: int
    _conn: sqlite3.Connection | None
    _lock: SessionLock | None

    if TYPE_CHECKING:           # provided by ``analysis.session.store.Session``
        @property
        def db(self) -> sqlite3.Connection: ...

        def close(self) -> None: ...

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
