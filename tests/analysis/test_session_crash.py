"""Saved as it happens: a session killed with SIGKILL mid-review loses nothing it had committed.

A child process opens a session and reviews findings one call at a time, printing after each call
returns (that is, after each commit).  The parent kills it with SIGKILL while it is still writing,
reopens the file and checks every printed change, including the lock the dead child left behind.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.session import LOCK_SUFFIX, Session, SessionArticle

ROOT = Path(__file__).resolve().parents[2]
KILL_AFTER_LINES = 60                   # committed calls seen before the kill
VERDICTS = ("confirmed", "dismissed", "flagged")

REVIEWER = """
import sys
from analysis.session import Session
VERDICTS = ("confirmed", "dismissed", "flagged")
session = Session.open(sys.argv[1])
n = 0
while True:                             # writes until killed: the kill lands mid-write
    key = f"finding-{n:05d}"
    session.set_verdict(key, VERDICTS[n % 3])
    print(f"verdict {n}", flush=True)
    session.set_note(key, f"note {n}: checked against the wire copy")
    print(f"note {n}", flush=True)
    n += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_9_mid_review_loses_nothing_committed(tmp_path):
    path = tmp_path / "crash.parallax"
    Session.create(path, [SessionArticle("Talks began.\nEurope was absent.")]).close()
    child = subprocess.Popen([sys.executable, "-c", REVIEWER, str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = [child.stdout.readline().strip() for _ in range(KILL_AFTER_LINES)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    lines += [line.strip() for line in child.stdout]        # anything printed before death
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert Path(f"{path}{LOCK_SUFFIX}").exists()             # the dead child's stale lock

    committed_verdicts = {int(line.split()[1]) for line in lines if line.startswith("verdict")}
    committed_notes = {int(line.split()[1]) for line in lines if line.startswith("note")}
    with Session.open(path) as reopened:
        assert not reopened.read_only
        reviews = reopened.reviews()
        for n in committed_verdicts:
            assert reviews[f"finding-{n:05d}"].verdict == VERDICTS[n % 3]
        for n in committed_notes:
            assert reviews[f"finding-{n:05d}"].note == f"note {n}: checked against the wire copy"
        # At most the one call in flight when the kill came may have landed unreported.
        assert len(reviews) <= max(committed_verdicts) + 2
        reopened.set_verdict("after-crash", "confirmed")     # and the file is writable again
