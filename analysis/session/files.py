"""File handling for sessions: connections, atomic copies, read-only checks, scratch files.

Every write of a whole file goes through the one output writer (``analysis.export.writer``): a
fresh temporary file in the same folder, synced, then renamed into place, so a session file is
always either the old one or the new one, never half of each, and never a link, a special or a
read-only file replaced.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from analysis.constants import SESSION_BUSY_TIMEOUT_SECONDS
from analysis.errors import OutputError, SessionError
from analysis.session.check import one_line, sidecars


def why_read_only(path: Path) -> str:
    """Why ``path`` must not be written, as a message for the user; "" when it may be."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0
    # The write bits are honoured even for root (who may write anything): a file an editor marked
    # read-only stays untouched.
    if not os.access(path, os.W_OK) or not mode & 0o222:
        return f"{path} is read-only: opened read-only, changes are not saved (Save As keeps a copy)"
    if not os.access(path.parent, os.W_OK):
        return (f"{path} is in a read-only folder: opened read-only, changes are not saved "
                "(Save As keeps a copy)")
    return ""


@contextmanager
def session_target(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to build a session in; renamed over ``path`` when the
    block ends normally, removed with SQLite's companion files when it raises."""
    from analysis.export.writer import Outputs
    tmp: Path | None = None
    try:
        with Outputs().claim(path, session=True).staged() as tmp:
            yield tmp
    except OutputError as exc:
        raise SessionError(f"Cannot save {path}: {exc.reason}") from None
    finally:
        if tmp is not None:
            remove(sidecars(tmp))


def remove(paths: Iterable[Path]) -> None:
    for p in paths:
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back, tolerating SQLite having done so already (it does on some I/O errors)."""
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def check_target(path: Path, overwrite: bool) -> None:
    """Refuse to write a session over a folder, or over a file unless asked to."""
    if path.is_dir():
        raise SessionError(f"{path} is a folder, not a place to save a session")
    if path.exists() and not overwrite:
        raise SessionError(f"{path} already exists")
    if not path.parent.is_dir():
        raise SessionError(f"Cannot save {path}: the folder {path.parent} does not exist")


def connect_rw(path: Path) -> sqlite3.Connection:
    """The writer's connection: WAL journal, every commit synced to disk before it returns."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=SESSION_BUSY_TIMEOUT_SECONDS)
    conn.execute("PRAGMA trusted_schema = OFF")     # the file is input: run none of its code
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def free_backup_name(path: Path, version: int) -> Path:
    candidate = Path(f"{path}.v{version}.bak")
    n = 2
    while candidate.exists():
        candidate = Path(f"{path}.v{version}.{n}.bak")
        n += 1
    return candidate


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of ``source`` to ``target`` (SQLite backup API, atomic rename)."""
    try:
        with session_target(target) as tmp:
            dest = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()            # closing checkpoints the WAL into the one file
    except sqlite3.Error as exc:
        raise SessionError(f"Cannot write {target} ({one_line(exc)})") from None
