"""The one child-process protocol (gui/child.py): results, progress, errors, cancel, a dying child."""
from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest

from analysis.errors import Cancelled
from gui.child import (
    CHUNK_ITEMS,
    ChildError,
    ChildProcess,
    ChildStopped,
    encode_args,
    join_result,
    send_job,
    serve,
    split_result,
)

HERE = str(Path(__file__).resolve().parent)


@pytest.fixture(scope="module")
def child():
    process = ChildProcess("test child", paths=[HERE])
    yield process
    process.kill()


def test_pieces_round_trip_and_known_items_come_back_as_themselves():
    from child_jobs import Pair
    items = [f"item {n}" for n in range(CHUNK_ITEMS * 2 + 3)]
    _, _, known = encode_args((items, "word"))
    spec, pieces = split_result(Pair(tuple(known), 7), known)
    assert len(pieces) == 1                      # the items went back as positions, not pickles
    back = join_result(spec, pieces, known)
    assert back == Pair(tuple(items), 7) and all(a is b for a, b in zip(back.kept, known))
    long = tuple(range(CHUNK_ITEMS * 3))
    spec, pieces = split_result(Pair(long, 1), [])
    assert len(pieces) == 4 and join_result(spec, pieces, []) == Pair(long, 1)


def test_a_call_returns_the_result_with_progress(child):
    seen = []
    result = child.call("child_jobs:echo", (["a", "b"], "two"), progress=lambda f, s: seen.append((f, s)))
    assert (result.kept, result.count) == (("a", "b"), 2)
    assert seen == [(0.5, "half of two")]


def test_failures_come_back_as_one_line_with_details(child):
    with pytest.raises(ChildError) as expected:
        child.call("child_jobs:refuse", progress=lambda f, s: None)
    assert str(expected.value) == "That file is not an article." and expected.value.details == ""
    with pytest.raises(ChildError) as bug:
        child.call("child_jobs:crash_bug", progress=lambda f, s: None)
    assert str(bug.value) == "KeyError: 'missing'" and "Traceback" in bug.value.details
    assert child.alive()                         # a failing job does not cost the process


def test_cancel_stops_the_job_at_its_next_progress_call(child):
    flag = threading.Event()
    told = []
    threading.Timer(0.3, flag.set).start()
    with pytest.raises(Cancelled):
        child.call("child_jobs:until_cancelled", progress=lambda f, s: None, cancelled=flag.is_set,
                   on_cancel=lambda: told.append(True))
    assert told == [True]
    pid = child._proc.pid
    assert child.call("child_jobs:echo", ([], "again"), progress=lambda f, s: None).count == 0
    assert child._proc.pid == pid                # it stopped by itself: the same process goes on


def test_a_child_that_does_not_listen_is_replaced():
    process = ChildProcess("deaf child", paths=[HERE])
    try:
        process.start()
        first = process._proc.pid
        flag = threading.Event()
        threading.Timer(0.3, flag.set).start()
        with pytest.raises(Cancelled):
            process.call("child_jobs:deaf", progress=lambda f, s: None, cancelled=flag.is_set)
        assert process.alive() and process._proc.pid != first     # a fresh one, ready for the next
        assert process.call("child_jobs:echo", (["x"], "x"), progress=lambda f, s: None).count == 1
    finally:
        process.kill()


def test_a_dying_child_is_an_os_error_with_its_exit_code():
    process = ChildProcess("dying child", paths=[HERE])
    try:
        with pytest.raises(ChildStopped):
            process.call("child_jobs:die", progress=lambda f, s: None)
        deadline = time.monotonic() + 5
        while process.exit_code() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.exit_code() == 3
    finally:
        process.kill()


class _ClosedMidWrite:
    """A pipe that another thread closes in the middle of a write: multiprocessing then writes to a
    handle of None, which raises TypeError, not OSError."""
    def send(self, obj):
        raise TypeError("'NoneType' object cannot be interpreted as an integer")

    def send_bytes(self, data):
        raise AssertionError("nothing is sent after the failed message")


def test_a_pipe_closed_while_a_job_is_sent_ends_the_sending_quietly():
    # A replaced child's pipe used to raise in the "analysis process-send" thread (seen under load
    # in test_worker's stale-result test); an exception in a thread fails the run (warnings are errors).
    sent = threading.Event()
    thread = threading.Thread(target=send_job, args=(_ClosedMidWrite(), ("job", 1), [b"x"], sent))
    thread.start()
    thread.join(5)
    assert sent.is_set() and not thread.is_alive()


class _Connection:
    """What ``serve`` reads and writes, as a list of messages in and a list of messages out."""

    def __init__(self, messages: list) -> None:
        self.messages, self.sent = list(messages), []

    def recv(self):
        return self.messages.pop(0)

    def poll(self, timeout: float = 0.0) -> bool:
        return False

    def send(self, message) -> None:
        self.sent.append(message)

    def send_bytes(self, data: bytes) -> None:
        self.sent.append(data)


def test_a_job_runs_with_the_collector_off_and_it_is_on_again_after(child):
    # The job's inputs, result and pickles make no reference cycles: no collector pass before the
    # result is sent (a comparison's leftovers cost one of ~0.03 s), one full collection after.
    assert child.call("child_jobs:collector", progress=lambda f, s: None) is False
    was = gc.isenabled()
    gc.enable()
    try:
        conn = _Connection([("job", 7, "child_jobs:collector", [], {}), ("stop",)])
        serve(conn)
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
    _, job_id, spec, count = conn.sent[0]
    assert job_id == 7 and join_result(spec, conn.sent[1:1 + count], []) is False
