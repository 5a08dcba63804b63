"""One writer per session even when its lock file is deleted by hand (issue 12: two processes then
wrote one session).  The second instance runs in a child process, as it would on a desk."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import SessionLocked
from analysis.session import Session, SessionArticle
from analysis.session.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]
TEXT = "The council approved the ferry timetable on Monday after a long debate.\n"
CHILD = """
import sys
from analysis.session import Session
from analysis.errors import SessionLocked
try:
    s = Session.open(sys.argv[1], read_only=False)
except SessionLocked as exc:
    print("LOCKED", exc, flush=True)
    sys.exit(0)
s.set_verdict("finding-b", "flagged")
print("WRITING", flush=True)
sys.stdin.readline()            # hold the session until the test says so
s.close()
"""


@pytest.fixture()
def session_file(tmp_path) -> Path:
    path = tmp_path / "desk.parallax"
    Session.create(path, [SessionArticle(id="a1", kind="paste", source_text=TEXT)]).close()
    return path


def second_instance(path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_a_deleted_lock_file_never_lets_two_instances_write(session_file):
    first = Session.open(session_file)
    first.set_verdict("finding-a", "confirmed")
    lock_path(session_file).unlink()            # someone tidies up the folder
    child = second_instance(session_file)
    try:
        assert child.stdout.readline().strip() == "WRITING"    # the second took a new lock
        with pytest.raises(SessionLocked) as info:
            first.set_verdict("finding-a", "dismissed")       # before: written, two writers
        assert f"process {child.pid}" in str(info.value) and "was not saved" in str(info.value)
        assert first.read_only
        assert lock_path(session_file).exists()                # the other's lock is left alone
    finally:
        child.communicate("\n", timeout=60)
        first.close()
    with Session.open(session_file, read_only=True) as s:
        reviews = s.reviews()
    assert reviews["finding-a"].verdict == "confirmed" and reviews["finding-b"].verdict == "flagged"


def test_a_deleted_lock_file_is_taken_back_by_its_owner(session_file):
    with Session.open(session_file) as first:
        lock_path(session_file).unlink()
        first.set_verdict("finding-a", "confirmed")            # nobody else came: fine
        assert lock_path(session_file).exists()
        child = second_instance(session_file)
        out, _ = child.communicate("\n", timeout=60)
        assert out.startswith("LOCKED ") and "is open in another Parallax" in out
    assert not lock_path(session_file).exists()
