"""The background runner: results come back on the GUI thread, stale ones are dropped, cancel works."""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from analysis.errors import IngestError
from gui.worker import Runner


def _slow(value, delay, progress, gate=None):
    if gate is not None:
        gate.wait(5)
    for i in range(5):
        progress(i / 5, "working")
        time.sleep(delay / 5)
    return value, QThread.currentThread()


def test_result_arrives_on_gui_thread(qtbot):
    runner = Runner()
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.submit(_slow, "x", 0.01)
    value, thread = blocker.args[0]
    assert value == "x"
    assert thread is not QThread.currentThread()     # ran off the GUI thread
    assert not runner.running


def test_stale_result_is_dropped(qtbot):
    runner = Runner()
    results = []
    runner.finished.connect(lambda r: results.append(r[0]))
    gate = threading.Event()
    runner.submit(_slow, "old", 0.01, gate=gate)   # held until the second job is submitted
    runner.submit(_slow, "new", 0.2)
    gate.set()
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    qtbot.wait(100)
    assert results == ["new"]


def test_result_dropped_when_invalidated(qtbot):
    """Articles changed while a job ran: its result must never reach the window."""
    runner = Runner()
    results = []
    runner.finished.connect(results.append)
    runner.submit(_slow, "old", 0.1)
    runner.invalidate()
    qtbot.waitUntil(lambda: runner.pool.activeThreadCount() == 0, timeout=5000)
    qtbot.wait(50)
    assert results == []


def test_cancel_through_progress(qtbot):
    runner = Runner()
    gate = threading.Event()
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.submit(_slow, "x", 1.0, gate=gate)
        assert runner.cancel()
        gate.set()
    assert not runner.running


def _fails(progress):
    raise IngestError("That file is not text.")


def _crashes(progress):
    raise RuntimeError("engine bug")


def test_errors_become_messages(qtbot):
    runner = Runner()
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(_fails)
    assert blocker.args[0] == "That file is not text."
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(_crashes)
    assert "engine bug" in blocker.args[0]
    assert "Traceback" in blocker.args[1]
