"""The session file's layout: table definitions, the format version and the migrations between versions.

A new file is made by building the version 1 layout and then running every migration, so the
migration path is exercised on every ``create`` and not only on old files.
"""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import metadata
from typing import Callable

from analysis.constants import SESSION_APPLICATION_ID

APP_NAME = "Parallax"
# Written to the SQLite header (PRAGMA application_id) so that `file` and our own check can tell a
# session from any other SQLite database without reading a table: the ASCII bytes "PRLX".
APPLICATION_ID = SESSION_APPLICATION_ID

ARTICLE_KINDS = ("file", "paste", "url")

_V1_TABLES = """
CREATE TABLE meta (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
CREATE TABLE article (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('file', 'paste', 'url')),
    path        TEXT,
    source_text TEXT NOT NULL,
    source_sha1 TEXT NOT NULL,
    outlet      TEXT,
    title       TEXT,
    date        TEXT,
    author      TEXT,
    excluded    INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
    reference   INTEGER NOT NULL DEFAULT 0 CHECK (reference IN (0, 1)),
    added       TEXT NOT NULL
);
CREATE TABLE setting (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
CREATE TABLE review (
    key      TEXT PRIMARY KEY,
    verdict  TEXT NOT NULL DEFAULT 'none'
             CHECK (verdict IN ('none', 'confirmed', 'dismissed', 'flagged')),
    severity INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 3),
    note     TEXT NOT NULL DEFAULT '',
    updated  TEXT NOT NULL
);
"""


def utc_now() -> str:
    """The current time as ISO 8601 UTC to the second, the one timestamp format of the file."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def app_version() -> str:
    """The installed Parallax version, written into files so a message can name who wrote them."""
    try:
        return metadata.version("parallax")
    except metadata.PackageNotFoundError:
        return "dev"


def create_v1(conn: sqlite3.Connection) -> None:
    """Build the version 1 layout in an empty database (used by ``create`` and by migration tests)."""
    conn.execute("BEGIN IMMEDIATE")
    # One by one, not executescript: that would COMMIT on its own and split the transaction.
    for statement in _V1_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    now = utc_now()
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
        ("app", APP_NAME), ("created", now), ("created_by", app_version()), ("updated", now)])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: the undo/redo log, a snapshot of each reviewed finding, and per-article extras."""
    conn.execute("ALTER TABLE article ADD COLUMN text_sha1 TEXT")      # Article.digest when stored
    conn.execute("ALTER TABLE article ADD COLUMN extra TEXT NOT NULL DEFAULT '{}'")   # JSON edits
    conn.execute("ALTER TABLE review ADD COLUMN finding TEXT NOT NULL DEFAULT '{}'")  # JSON snapshot
    conn.execute("""
        CREATE TABLE change (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            step    INTEGER NOT NULL,
            key     TEXT NOT NULL,
            field   TEXT NOT NULL CHECK (field IN ('verdict', 'severity', 'note')),
            old     TEXT NOT NULL,
            new     TEXT NOT NULL,
            at      TEXT NOT NULL,
            label   TEXT NOT NULL DEFAULT '',
            undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
        )""")
    conn.execute("CREATE INDEX change_step ON change (step)")


# MIGRATIONS[n - 1] turns a version n file into version n + 1.  Append, never edit a shipped one.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_to_v2,)
SCHEMA_VERSION = len(MIGRATIONS) + 1


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring an open (autocommit) connection up to ``SCHEMA_VERSION``; return the version it had.

    Each step runs in its own transaction together with the version bump, so a crash mid-way leaves
    the file at a whole version, never between two.
    """
    start = user_version(conn)
    for version in range(start, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("UPDATE meta SET value = ? WHERE key = 'updated'", (utc_now(),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start
