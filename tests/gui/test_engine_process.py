"""The engine process: started before the window, Qt-free, at normal priority unless the editor asks
for low priority, warmed step by step, and reading the inputs as well as analysing them."""
from __future__ import annotations

import gc
import os
import sys
import time

import pytest

from gui import engine, worker
from gui.child import ChildProcess
from gui.loading import Input, load_inputs


def _ignore(fraction: float, stage: str) -> None:
    return None


@pytest.fixture
def engine_child():
    process = worker.EngineProcess()
    yield process
    process.kill()


def test_the_engine_process_never_imports_qt(engine_child):
    assert engine_child.child.call("gui.engine:qt_loaded", progress=_ignore) == []


def test_it_runs_at_normal_priority_and_lowers_it_when_asked(engine_child):
    if not hasattr(os, "getpriority"):
        pytest.skip("no process priorities on this system")
    engine_child.start()
    pid = engine_child.child.pid()
    assert engine_child.child.niceness == 0
    base = os.getpriority(os.PRIO_PROCESS, os.getpid())
    assert os.getpriority(os.PRIO_PROCESS, pid) == base
    engine_child.set_low_priority(True)
    assert engine_child.low_priority
    assert os.getpriority(os.PRIO_PROCESS, pid) == max(base, worker.LOW_PRIORITY_NICENESS)
    assert engine_child.child.pid() == pid                   # lowered in place, not restarted


def test_reading_and_analysing_both_run_in_the_engine_process():
    assert worker.process_target(load_inputs) == ("gui.loading:load_inputs", None)
    from gui.controllers.analysis import compare_job
    assert worker.process_target(compare_job)[0] == "analysis.pipeline:compare"


def test_inputs_read_in_the_engine_process_come_back_whole(engine_child, seed_paths):
    items = [Input("file", str(p), f"a{i + 1}") for i, p in enumerate(seed_paths[:2])]
    loaded = engine_child.child.call("gui.loading:load_inputs", (items,), progress=_ignore)
    here = load_inputs(items, progress=lambda f, s: None)
    assert [a.text for a in loaded.articles] == [a.text for a in here.articles]
    assert [a.outlet for a in loaded.articles] == [a.outlet for a in here.articles]


def test_warm_up_is_a_step_by_step_generator():
    steps = engine.warm_up()
    assert next(steps) == "patterns"
    names = ["patterns", *steps]
    assert names == ["patterns", "engine", "sentences", "model", "words", "readability", "sentiment", "lexicons",
                     "lemmas", "frequencies", "stages", "settle"]


def test_the_warm_up_runs_with_the_collector_off_and_leaves_it_on():
    # What the warm-up loads lives as long as the process: no collector pass over it until "settle".
    was = gc.isenabled()
    gc.enable()
    try:
        steps = engine.warm_up()
        next(steps)
        assert not gc.isenabled()
        assert list(steps)[-1] == "settle"
        assert gc.isenabled()
        dropped = engine.warm_up()
        next(dropped)
        dropped.close()                     # a warm-up left unfinished
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()


def _lines(log, at_least: int, seconds: float = 30) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (log.exists() and log.read_text().count("\n") >= at_least):
        time.sleep(0.05)
    return log.read_text().count("\n") if log.exists() else 0


def test_the_warmed_engine_keeps_its_tables_out_of_later_collections():
    # A full collection in the first compare scanned every module, model and table of the warm-up.
    process = ChildProcess("engine", paths=[os.path.dirname(__file__)], warm="gui.engine:warm_up")
    try:
        process.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not process.call("child_jobs:frozen", progress=_ignore):
            time.sleep(0.2)
        assert process.call("child_jobs:frozen", progress=_ignore) > 10_000
    finally:
        process.kill()


def test_a_generator_warm_up_runs_while_idle_and_pauses_while_a_job_runs(tmp_path):
    # A warm-up of 24 s: it takes steps while no job waits, the first job does not wait for it, and
    # once the job is answered it goes on (the window's pause before its next job warms the engine).
    log = tmp_path / "warm.log"
    here = os.path.dirname(__file__)
    process = ChildProcess("slow warm child", paths=[here], warm="child_jobs:slow_warm",
                           env={"WARM_LOG": str(log)})
    try:
        process.start()
        assert _lines(log, 2) >= 2                           # warming while idle
        assert process.call("child_jobs:echo", ([1, 2], "x"), progress=_ignore).count == 2
        steps = log.read_text().count("\n")
        assert steps < 120                                   # answered before the warm-up ended
        assert _lines(log, steps + 2) >= steps + 2           # and warming again once idle
        assert process.call("child_jobs:echo", ([3], "y"), progress=_ignore).count == 1
        assert log.read_text().count("\n") < 120            # a second job does not wait for it either
    finally:
        process.kill()


def test_a_warm_up_step_that_fails_ends_the_warm_up_not_the_engine(tmp_path):
    process = ChildProcess("broken warm child", paths=[os.path.dirname(__file__)],
                           warm="child_jobs:broken_warm")
    try:
        process.start()
        time.sleep(0.3)                                      # the broken step has run by now
        assert process.call("child_jobs:echo", ([1], "x"), progress=_ignore).count == 1
    finally:
        process.kill()


def test_the_application_starts_the_engine_before_the_window(monkeypatch):
    from gui import app
    calls = []
    monkeypatch.setattr(worker, "start_engine", lambda low_priority=False: calls.append(low_priority))
    app.start_engine()
    assert calls == [False]
    assert sys.modules["gui.worker"] is worker
