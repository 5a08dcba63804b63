"""Run one function off the GUI thread and bring its result back by signal; drop stale results.

``Runner.submit(fn, *args)`` calls ``fn(*args, progress=callback)`` in the background.  Each submit
bumps a generation counter and cancels the previous job; a result whose generation is no longer the
current one (the articles changed meanwhile) is silently dropped, so the window never shows an
analysis of articles it no longer has.  Cancelling works by making the progress callback raise
``analysis.errors.Cancelled``, which is how the engine expects to be stopped.

Two lanes:

* Threads (``QThreadPool``) for short or I/O-bound jobs such as reading files and links.
* The engine process, for the analysis.  The engine holds Python's GIL in long single calls (a full
  garbage collection of its heap, model loading, a few long numpy and tokenizer calls: 120-280 ms
  each with fifty articles), and every GIL hold in a thread of the GUI process freezes the window
  for as long.  In a process of its own the engine cannot block the GUI thread at all, and Cancel
  is instant.  It runs at normal priority: at a lower one, a single other busy program on the
  machine left it a tenth of a core (26 s for an analysis of 4 s).  The editor can ask for low
  priority (View > Analyse at low priority, ``set_low_priority``) to keep the machine responsive
  for other work.  The process is a ``gui.child.ChildProcess`` (the one child-process protocol, shared
  with the PDF export: how it starts, its messages, and the small pickles that bring the window's
  own Article objects back) started on first use and kept, so the engine's models stay loaded.
  A job runs there when its function is named in
  ``PROCESS_JOBS`` or when it is submitted with ``Runner.submit_process``; if the process cannot be
  started (or the application is frozen), the job runs in a thread as before.

Signals are emitted from background threads on a QObject that lives in the GUI thread, so Qt delivers
them queued, on the GUI thread.
"""
from __future__ import annotations

import atexit
import logging
import os
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from analysis.errors import Cancelled, ParallaxError

from .child import ChildError, ChildNotStarted, resolve
from .early import new_engine, take_engine

log = logging.getLogger(__name__)

# Functions whose jobs run in the engine process: "module.qualname" of the function submitted ->
# ("module:function" run in the child, "module:function" run on the result in this process, in the
# background thread, before it is delivered; or None).  ``gui.controllers.analysis.compare_job`` is
# ``analysis.compare`` followed by ``gui.prepared.prepare``: the child does the first, this process
# the second, because the look-up tables ``prepare`` builds are cached here.
PROCESS_JOBS: dict[str, tuple[str, str | None]] = {
    "gui.controllers.analysis.compare_job": ("analysis.pipeline:compare", "gui.prepared:prepare"),
    "gui.loading.load_inputs": ("gui.loading:load_inputs", None),
}
LOW_PRIORITY_NICENESS = 10  # the engine's niceness when the editor asks for low priority
PREWARM_DELAY_MS = 300      # the engine process starts this long after the first Runner exists
                            # (when the application did not start it already)


def _emit(signal, *args: Any) -> None:
    """Emit from a job thread; the window (and its Runner) may have been closed meanwhile."""
    try:
        signal.emit(*args)
    except RuntimeError:            # "Internal C++ object already deleted"
        pass


class _Bridge(QObject):
    # (generation, payload) pairs; ``object`` keeps Python objects intact across threads.
    progress = Signal(int, float, str)
    done = Signal(int, object)
    error = Signal(int, str, str)      # generation, one-line message, details (traceback)
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, generation: int, fn: Callable[..., Any], args: tuple, kwargs: dict,
                 bridge: _Bridge, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.fn, self.args, self.kwargs = generation, fn, args, kwargs
        self.bridge, self.cancel = bridge, cancel

    def _progress(self, fraction: float, stage: str) -> None:
        if self.cancel.is_set():
            raise Cancelled("Analysis cancelled.")
        self.bridge.progress.emit(self.generation, float(fraction), str(stage))

    def run(self) -> None:  # pool thread
        try:
            result = self.fn(*self.args, progress=self._progress, **self.kwargs)
        except Cancelled:
            self.bridge.cancelled.emit(self.generation)
        except ParallaxError as exc:
            self.bridge.error.emit(self.generation, str(exc), "")
        except Exception as exc:  # a bug in the engine must not take the window down
            self.bridge.error.emit(self.generation, f"{type(exc).__name__}: {exc}",
                                   traceback.format_exc())
        else:
            self.bridge.done.emit(self.generation, result)


class EngineProcess:
    """The engine's lane: one long-lived child (``gui.child.ChildProcess``, at a lower CPU priority,
    warmed up with the engine's models) that runs engine jobs one at a time; a job runs in its own
    thread here and reports through its Runner's bridge.  Without a usable child the job runs in
    that thread instead."""

    def __init__(self, low_priority: bool = False) -> None:
        spawned = take_engine()          # started before Qt was imported (``gui.early``), if it was
        self.child = spawned or new_engine(LOW_PRIORITY_NICENESS if low_priority else 0)
        self.usable = self.child.usable
        if spawned is not None and low_priority:
            try:
                spawned.start()          # (waits until it runs) then lowered in place
            except OSError:
                pass                     # not running: it starts again at the lower priority
            self.set_low_priority(True)

    @property
    def low_priority(self) -> bool:
        return self.child.niceness > 0

    def set_low_priority(self, low: bool) -> None:
        """Lower the running engine's priority at once; raising it back (which an unprivileged
        process may not do) starts a fresh engine process at normal priority in the background."""
        if low == self.low_priority:
            return
        self.child.niceness = LOW_PRIORITY_NICENESS if low else 0
        pid = self.child.pid()
        if low and pid is not None and hasattr(os, "setpriority"):
            try:
                # Never above the priority it already has (Parallax itself may run under nice).
                target = max(os.getpriority(os.PRIO_PROCESS, pid), LOW_PRIORITY_NICENESS)
                os.setpriority(os.PRIO_PROCESS, pid, target)
                return
            except OSError:
                pass
        if pid is not None:
            restart = threading.Thread(target=self._restart, name="parallax-engine-restart",
                                       daemon=True)
            restart.start()

    def _restart(self) -> None:
        with self.child.lock:           # waits for a running job to end
            self.child.kill()
        try:
            self.start()
        except OSError:
            pass                        # the next job starts it, or falls back to a thread

    def alive(self) -> bool:
        return self.child.alive()

    def start(self) -> None:
        self.child.start()

    def kill(self) -> None:
        self.child.kill()

    def run(self, job: _ProcessJob) -> None:  # a job thread
        if job.cancel.is_set():
            _emit(job.bridge.cancelled, job.generation)
            return
        if not self.usable:
            self._run_here(job)
            return
        after = resolve(job.after) if job.after else None
        told: list[bool] = []

        def tell_cancelled() -> None:
            told.append(True)
            _emit(job.bridge.cancelled, job.generation)
        try:
            result = self.child.call(
                job.target, job.args, job.kwargs,
                progress=lambda f, s: _emit(job.bridge.progress, job.generation, f, s),
                cancelled=job.cancel.is_set,
                # The window is told at once; the child stops at its next progress call, or is
                # replaced if it does not within CANCEL_GRACE_S.
                on_cancel=tell_cancelled, after=after)
        except Cancelled:
            if not told:                         # the child stopped before we asked it to
                tell_cancelled()
        except ChildError as exc:
            _emit(job.bridge.error, job.generation, str(exc), exc.details)
        except ChildNotStarted as exc:
            # From now on, analyse in a thread of the window.
            log.warning("no engine process (%s): analysing in a thread of the window", exc)
            self.usable = False
            self._run_here(job)
        except OSError as exc:                   # it died during the job
            code = self.child.exit_code()
            self.child.kill()
            _emit(job.bridge.error, job.generation, "The analysis process stopped unexpectedly"
                  + (f" (exit code {code})." if code is not None else "."),
                  f"{type(exc).__name__}: {exc}")
        else:
            _emit(job.bridge.done, job.generation, result)

    @staticmethod
    def _run_here(job: _ProcessJob) -> None:
        """The fallback: the job in this thread, as ``Runner.submit`` runs any other function."""
        target = resolve(job.target)
        after = resolve(job.after) if job.after else None

        def call(*args: Any, progress: Callable[[float, str], None], **kwargs: Any) -> Any:
            result = target(*args, progress=progress, **kwargs)
            if after is not None:
                after(result)
            return result
        _Job(job.generation, call, job.args, job.kwargs, job.bridge, job.cancel).run()


_ENGINE: EngineProcess | None = None
_ENGINE_LOCK = threading.Lock()


_PREWARM_SCHEDULED = False


def _prewarm() -> None:
    """Start the engine process (which then loads the engine's models) in the background, so the
    first analysis does not wait for it; after the window has had time to show itself."""
    engine = engine_process()
    if engine.usable and not engine.alive():
        def start() -> None:
            try:
                engine.start()
            except OSError:
                pass                    # the first job will say so, or fall back to a thread
        threading.Thread(target=start, name="parallax-engine-start", daemon=True).start()


def engine_process(low_priority: bool | None = None) -> EngineProcess:
    """The shared engine process (created, not started, on first call; ``low_priority`` only
    matters then: later, use ``set_low_priority``)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = EngineProcess(bool(low_priority))
            atexit.register(_ENGINE.kill)
        return _ENGINE


def start_engine(low_priority: bool = False) -> EngineProcess:
    """Start the engine process now, in the background (the application calls this before it
    creates its window, so the engine's start-up and warm-up overlap the window's)."""
    global _PREWARM_SCHEDULED
    _PREWARM_SCHEDULED = True       # no later pre-warm timer is needed
    engine = engine_process(low_priority)
    _prewarm()
    return engine


class _ProcessJob:
    def __init__(self, generation: int, target: str, after: str | None, args: tuple, kwargs: dict,
                 bridge: _Bridge, cancel: threading.Event) -> None:
        self.generation, self.target, self.after = generation, target, after
        self.args, self.kwargs = args, kwargs
        self.bridge, self.cancel = bridge, cancel

    def start(self) -> None:
        threading.Thread(target=self._run, name="parallax-engine-job", daemon=True).start()

    def _run(self) -> None:
        try:
            engine_process().run(self)
        except Exception as exc:  # never let a job thread die silently
            _emit(self.bridge.error, self.generation, f"{type(exc).__name__}: {exc}",
                  traceback.format_exc())


def process_target(fn: Callable[..., Any]) -> tuple[str, str | None] | None:
    """The engine-process job for ``fn`` (see PROCESS_JOBS), or None to run it in a thread."""
    return PROCESS_JOBS.get(f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', '')}")


class Runner(QObject):
    """One lane of background work where only the newest job matters (e.g. the analysis)."""

    started = Signal(int)
    progress = Signal(float, str)
    finished = Signal(object)          # the result of the current generation only
    failed = Signal(str, str)          # message, details
    cancelled = Signal()
    idle = Signal()                    # the current job ended, however it ended

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.generation = 0
        self.dropped = 0               # stale results thrown away (for tests and the log)
        self._cancel: threading.Event | None = None
        self._running = False
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.done.connect(self._on_done)
        self._bridge.error.connect(self._on_error)
        self._bridge.cancelled.connect(self._on_cancelled)
        global _PREWARM_SCHEDULED
        if not _PREWARM_SCHEDULED and PROCESS_JOBS:
            _PREWARM_SCHEDULED = True
            QTimer.singleShot(PREWARM_DELAY_MS, _prewarm)

    @property
    def running(self) -> bool:
        return self._running

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        """Start ``fn`` in the background; any earlier job becomes stale.  Returns the generation.
        Functions named in PROCESS_JOBS run in the engine process, others on a pool thread."""
        target = process_target(fn)
        if target is not None:
            return self.submit_process(target[0], *args, after=target[1], **kwargs)
        self._begin()
        self.pool.start(_Job(self.generation, fn, args, kwargs, self._bridge, self._cancel))
        self.started.emit(self.generation)
        return self.generation

    def submit_process(self, target: str, *args: Any, after: str | None = None,
                       **kwargs: Any) -> int:
        """Run ``target`` ("module:function", called as ``fn(*args, progress=cb, **kwargs)``) in
        the engine process; ``after`` ("module:function") is then called on the result in this
        process, off the GUI thread, before ``finished``.  Arguments and result must pickle."""
        self._begin()
        _ProcessJob(self.generation, target, after, args, kwargs, self._bridge,
                    self._cancel).start()
        self.started.emit(self.generation)
        return self.generation

    def _begin(self) -> None:
        self.invalidate()
        self._cancel = threading.Event()
        self._running = True

    def invalidate(self) -> None:
        """Make any running job stale (its result will be dropped) and ask it to stop."""
        if self._cancel is not None:
            self._cancel.set()
        self.generation += 1
        self._running = False

    def cancel(self) -> bool:
        """Ask the current job to stop at its next progress call.  Returns whether one was running."""
        if self._cancel is None or not self._running:
            return False
        self._cancel.set()
        return True

    def _current(self, generation: int) -> bool:
        if generation != self.generation:
            self.dropped += 1
            return False
        return True

    def _on_progress(self, generation: int, fraction: float, stage: str) -> None:
        if generation == self.generation:
            self.progress.emit(fraction, stage)

    def _on_done(self, generation: int, result: object) -> None:
        if self._current(generation):
            self._running = False
            self.finished.emit(result)
            self.idle.emit()

    def _on_error(self, generation: int, message: str, details: str) -> None:
        if self._current(generation):
            self._running = False
            self.failed.emit(message, details)
            self.idle.emit()

    def _on_cancelled(self, generation: int) -> None:
        if generation == self.generation:
            self._running = False
            self.cancelled.emit()
            self.idle.emit()


def run_in_background(parent: QObject, fn: Callable[..., Any], on_done: Callable[[Any], None],
                      on_error: Callable[[str, str], None], *args: Any) -> Runner:
    """A one-off job whose result always counts (e.g. loading files): its own Runner."""
    runner = Runner(parent)
    runner.finished.connect(on_done)
    runner.failed.connect(on_error)
    runner.idle.connect(runner.deleteLater)
    runner.submit(fn, *args)
    return runner
