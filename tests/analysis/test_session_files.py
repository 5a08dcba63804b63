"""Bad session files, locks and read-only files: each gives one clear line and is never modified.

Every refusal is checked the same way: the file's bytes and modification time, and the list of
files in its folder, are the same after the attempt as before it (no -wal/-shm/lock left behind).
"""
from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import SessionError
from analysis.session import LOCK_SUFFIX, SCHEMA_VERSION, Session, SessionArticle

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096                                     # bytes; SQLite's default page size


def _snapshot(path: Path) -> tuple:
    folder = path.parent
    listing = sorted(p.name for p in folder.iterdir())
    if not path.is_file():
        return listing, None, None
    return listing, path.read_bytes(), path.stat().st_mtime_ns


def _refused(path: Path, match: str, **kwargs) -> str:
    """Open ``path``, expect a one-line SessionError matching ``match``, and nothing changed."""
    before = _snapshot(path)
    with pytest.raises(SessionError, match=match) as info:
        Session.open(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message and message
    assert _snapshot(path) == before
    return message


def _session_with_reviews(path: Path, reviews: int = 300) -> None:
    """A real session big enough to span many pages."""
    text = "\n".join(f"Sentence {n} of a long article about the talks." for n in range(200))
    with Session.create(path, [SessionArticle(text), SessionArticle(text + " Other.")]) as s:
        with s.batch("fill"):
            for n in range(reviews):
                s.set_verdict(f"finding-{n:04d}", "confirmed")
                s.set_note(f"finding-{n:04d}", f"note {n} " * 10)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.parallax"
    _session_with_reviews(path)
    return path


def test_missing_file(tmp_path):
    _refused(tmp_path / "nope.parallax", "No session file")


def test_directory(tmp_path):
    folder = tmp_path / "folder.parallax"
    folder.mkdir()
    _refused(folder, "is a folder")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.parallax"
    path.write_bytes(b"")
    _refused(path, "is empty")


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.parallax"
    path.write_bytes(random.Random(6).randbytes(3 * PAGE))
    _refused(path, "not an SQLite database")


@pytest.mark.parametrize("cut", ["pages", "bytes"])
def test_truncated_session(good, cut):
    data = good.read_bytes()
    keep = (len(data) // PAGE // 2) * PAGE if cut == "pages" else len(data) - 1000
    good.write_bytes(data[:keep])
    _refused(good, "damaged: it was cut short")


def test_damaged_page_inside(good):
    data = bytearray(good.read_bytes())
    noise = random.Random(7).randbytes(PAGE)
    data[3 * PAGE:4 * PAGE] = noise             # a page of the tables, not the header
    good.write_bytes(bytes(data))
    _refused(good, "is damaged")


def test_sqlite_file_of_another_program(tmp_path):
    path = tmp_path / "places.parallax"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE bookmarks (url TEXT)")
    _refused(path, "another program")


def test_our_id_without_our_tables(tmp_path):
    path = tmp_path / "half.parallax"
    with sqlite3.connect(path) as other:
        other.execute("PRAGMA application_id = 1347570776")
        other.execute("PRAGMA user_version = 1")
        other.execute("CREATE TABLE t (x)")
    _refused(path, "damaged")


def test_newer_version(good):
    with sqlite3.connect(good) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    message = _refused(good, "newer Parallax")
    assert f"format {SCHEMA_VERSION + 1}" in message
    _refused(good, "newer Parallax", read_only=True)


# --- locks ----------------------------------------------------------------------------------------------

HOLDER = """
import sys, time
from analysis.session import Session
s = Session.open(sys.argv[1])
s.set_verdict("held", "flagged")
print("ready", flush=True)
time.sleep(60)
"""


def _spawn_holder(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_locked_by_another_running_instance(good):
    proc = _spawn_holder(good)
    try:
        message = _refused(good, "open in another Parallax")
        assert f"process {proc.pid}" in message
        with Session.open(good, read_only=True) as reader:      # the CLI may still read it
            assert reader.review("held").verdict == "flagged"
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()         # the pipe too (a ResourceWarning otherwise)
    with Session.open(good) as taken_over:                      # the dead holder's lock is stale
        assert not taken_over.read_only and taken_over.review("held").verdict == "flagged"


def test_second_open_in_the_same_process(good):
    with Session.open(good):
        _refused(good, "already open")


def test_stale_lock_file_of_a_dead_process_is_taken_over(good):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = Path(f"{good}{LOCK_SUFFIX}")
    lock.write_text(f'{{"pid": {dead.pid}, "host": "here", "since": "2025-01-01T00:00:00Z"}}')
    with Session.open(good) as s:
        assert f'"pid": {os.getpid()}' in lock.read_text()
        s.set_verdict("after-takeover", "confirmed")
    assert not lock.exists()


# --- read-only files -----------------------------------------------------------------------------------

def test_read_only_file_opens_read_only_and_is_never_written(good):
    # chmod 0444 works even when the tests run as root: the session honours the write bits
    # themselves, not only os.access (which is always true for root).
    good.chmod(0o444)
    try:
        before = _snapshot(good)
        with Session.open(good) as s:
            assert s.read_only and "read-only" in s.read_only_reason
            assert s.review("finding-0001").verdict == "confirmed"
            with pytest.raises(SessionError, match="read-only"):
                s.set_verdict("finding-0001", "dismissed")
            with pytest.raises(SessionError, match="read-only"):
                s.undo()
        assert _snapshot(good) == before
        _refused(good, "read-only", read_only=False)
    finally:
        good.chmod(0o644)


def test_read_only_session_save_as_becomes_writable(good, tmp_path):
    good.chmod(0o444)
    try:
        with Session.open(good) as s:
            s.save_as(tmp_path / "mine.parallax")
            assert not s.read_only
            s.set_verdict("finding-0001", "dismissed")
    finally:
        good.chmod(0o644)
    with Session.open(tmp_path / "mine.parallax") as mine:
        assert mine.review("finding-0001").verdict == "dismissed"


def test_immutable_file_as_root(good):
    """A file the OS refuses to write (chattr +i, honoured even for root) opens read-only."""
    if subprocess.run(["chattr", "+i", str(good)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root on a file system that supports it")
    try:
        assert not os.access(good, os.W_OK)
        before = _snapshot(good)
        with Session.open(good) as s:
            assert s.read_only
        assert _snapshot(good) == before
    finally:
        subprocess.run(["chattr", "-i", str(good)], check=True)


def test_read_only_open_never_locks_or_writes(good):
    before = _snapshot(good)
    with Session.open(good, read_only=True) as s:
        assert s.read_only and s.review("finding-0002").verdict == "confirmed"
        with Session.open(good) as writer:            # a reader does not block the window
            writer.set_verdict("finding-0002", "dismissed")
    after = _snapshot(good)
    assert after[0] == before[0]
