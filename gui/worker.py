"""Run one function off the GUI thread and bring its result back by signal; drop stale results.

``Runner.submit(fn, *args)`` calls ``fn(*args, progress=callback)`` on a pool thread.  Each submit
bumps a generation counter and cancels the previous job; a result whose generation is no longer the
current one (the articles changed meanwhile) is silently dropped, so the window never shows an
analysis of articles it no longer has.  Cancelling works by making the progress callback raise
``analysis.errors.Cancelled``, which is how the engine expects to be stopped.

Signals are emitted from the pool thread on a QObject that lives in the GUI thread, so Qt delivers
them queued, on the GUI thread.
"""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from analysis.errors import Cancelled, ParallaxError


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

    @property
    def running(self) -> bool:
        return self._running

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
        """Start ``fn`` in the background; any earlier job becomes stale.  Returns the generation."""
        self.invalidate()
        self._cancel = threading.Event()
        self._running = True
        self.pool.start(_Job(self.generation, fn, args, kwargs, self._bridge, self._cancel))
        self.started.emit(self.generation)
        return self.generation

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
