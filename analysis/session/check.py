"""Checks run before a session file is trusted: its raw header first, then SQLite's own check.

Nothing here writes: the header is read with plain ``open(..., "rb")`` and SQLite connections are
opened read-only, so a damaged, foreign or newer file is left exactly as it was (no journal files
are created beside it either: see ``connect_readonly``).
"""
from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import SessionError
from analysis.export.writer import SQLITE_MAGIC, is_session_file  # noqa: F401  (re-exported)
from analysis.session.schema import APP_NAME, APPLICATION_ID, SCHEMA_VERSION

HEADER_BYTES = 100                      # bytes; size of the SQLite database header
_PAGE_SIZE_AT, _DB_PAGES_AT, _CHANGE_COUNTER_AT = 16, 28, 24
_USER_VERSION_AT, _APPLICATION_ID_AT, _VALID_FOR_AT = 60, 68, 92
_MIN_PAGE, _MAX_PAGE = 512, 65536       # bytes; the page sizes SQLite allows
_DETAIL_MAX_CHARS = 160                 # characters of SQLite's own wording kept in a message


@dataclass(frozen=True)
class Header:
    """What the raw header of a session file says (the WAL may hold newer values)."""
    user_version: int
    has_wal: bool                       # a -wal or -shm file lies beside it (open elsewhere or crashed)


def one_line(detail: object) -> str:
    """SQLite's wording squeezed onto one short line (quick_check reports span several)."""
    text = " ".join(str(detail).replace("*", " ").split())
    return text if len(text) <= _DETAIL_MAX_CHARS else text[:_DETAIL_MAX_CHARS - 1] + "…"


def _u32(header: bytes, at: int) -> int:
    return int.from_bytes(header[at:at + 4], "big")


def sidecars(path: Path) -> list[Path]:
    """SQLite's WAL-mode companions of ``path`` that exist now."""
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def _stat_regular(path: Path) -> os.stat_result:
    """Stat ``path`` and refuse anything that is not an existing regular file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise SessionError(f"No session file at {path}") from None
    except OSError as exc:
        raise SessionError(f"{path} cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise SessionError(f"{path} is a folder, not a Parallax session file")
    if not stat.S_ISREG(st.st_mode):
        raise SessionError(f"{path} is not a regular file, so not a Parallax session file")
    return st


def _read_header(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(HEADER_BYTES)
    except OSError as exc:
        raise SessionError(f"{path} cannot be read ({exc.strerror or exc})") from None


def _page_size(header: bytes) -> int:
    raw = int.from_bytes(header[_PAGE_SIZE_AT:_PAGE_SIZE_AT + 2], "big")
    return 65536 if raw == 1 else raw   # the header stores 65536 as 1


def inspect_header(path: Path) -> Header:
    """Refuse, from the raw bytes alone, what is plainly not an intact session of a version we read."""
    size = _stat_regular(path).st_size
    if size == 0:
        raise SessionError(f"{path} is empty, not a Parallax session file")
    header = _read_header(path)
    if len(header) < HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise SessionError(f"{path} is not a Parallax session file (not an SQLite database), "
                           "or it is damaged")
    page = _page_size(header)
    if page < _MIN_PAGE or page > _MAX_PAGE or page & (page - 1):
        raise SessionError(f"{path} is damaged: its header is invalid")
    has_wal = bool(sidecars(path))
    _check_length(path, header, size, page, has_wal)
    if _u32(header, _APPLICATION_ID_AT) != APPLICATION_ID:
        raise SessionError(f"{path} is an SQLite database of another program, not a Parallax session")
    version = _u32(header, _USER_VERSION_AT)
    check_version(path, version)
    return Header(user_version=version, has_wal=has_wal)


def _check_length(path: Path, header: bytes, size: int, page: int, has_wal: bool) -> None:
    """A file cut short: not whole pages, or fewer pages than its header counts."""
    if size % page:
        raise SessionError(f"{path} is damaged: it was cut short ({size} bytes is not whole pages)")
    # The header's page count is trustworthy only when its "valid for" stamp matches the change
    # counter; with a WAL beside the file the WAL may legitimately hold pages the file lacks.
    counted = _u32(header, _DB_PAGES_AT)
    valid = _u32(header, _VALID_FOR_AT) == _u32(header, _CHANGE_COUNTER_AT)
    if valid and not has_wal and counted * page > size:
        raise SessionError(f"{path} is damaged: it was cut short "
                           f"({size} of {counted * page} bytes)")


def check_version(path: Path, version: int) -> None:
    """Refuse a format we cannot read: from a newer Parallax, or no version at all."""
    if version > SCHEMA_VERSION:
        raise SessionError(f"{path} was written by a newer Parallax (session format {version}; "
                           f"this version reads up to {SCHEMA_VERSION}): update Parallax to open it")
    if version < 1:
        raise SessionError(f"{path} is damaged: it has no session format version")


def readonly_uri(path: Path, immutable: bool) -> str:
    """A SQLite URI that can never write ``path``."""
    # immutable=1 also stops SQLite creating -wal/-shm files beside a file nobody has open; when
    # those exist (open elsewhere, or a crash to recover) they must be read, so mode=ro instead.
    query = "immutable=1" if immutable else "mode=ro"
    return f"{path.resolve().as_uri()}?{query}"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path`` that leaves no files behind."""
    uri = readonly_uri(path, immutable=not sidecars(path))
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        conn.execute("PRAGMA trusted_schema = OFF")
        return conn
    except sqlite3.Error as exc:
        raise SessionError(f"{path} cannot be opened ({one_line(exc)})") from None


def validate(conn: sqlite3.Connection, path: Path) -> int:
    """SQLite's structural check plus our identity and version checks; return the format version."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise SessionError(f"{path} is damaged: {one_line(problems[0])}")
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise SessionError(f"{path} is an SQLite database of another program, "
                               "not a Parallax session")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        check_version(path, version)
        row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise SessionError(f"{path} is damaged ({one_line(exc)})") from None
    if row is None or row[0] != APP_NAME:
        raise SessionError(f"{path} is damaged or not a Parallax session: its header names no app")
    return version
