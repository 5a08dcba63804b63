"""The window with no display (issue 12): a message saying how to run headless, decided before Qt
would abort the process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_without_a_display_the_window_says_how_to_run_headless(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = run_main(str(tmp_path / "a.txt"), env=env)
    assert done.returncode == 2                         # before: Qt aborted the process (134)
    assert done.stderr.startswith("parallax: no display to open the window on")
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr


def test_display_problem_is_decided_before_qt():
    from gui.app import display_problem
    assert display_problem({}, "linux").startswith("no display")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None
