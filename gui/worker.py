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
  for as long.  In a process of its own the engine cannot block the GUI thread at all, it runs at a
  lower CPU priority than the window (so its threads never starve the window of a core), and Cancel
  is instant.  The process (``python -c``, talking over ``multiprocessing.connection``) is started
  on first use and kept, so the engine's models stay loaded.  The arguments go in and the result
  comes back in small pickles, so that no single unpickling holds the GIL for long; the articles the
  child received (most of a Comparison's bytes) come back as positions, not copies, so the result
  holds the window's own Article objects.  A job runs there when its function is named in
  ``PROCESS_JOBS`` or when it is submitted with ``Runner.submit_process``; if the process cannot be
  started (or the application is frozen), the job runs in a thread as before.

Signals are emitted from background threads on a QObject that lives in the GUI thread, so Qt delivers
them queued, on the GUI thread.
"""
from __future__ import annotations

import atexit
import dataclasses
import gc
import importlib
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from analysis.errors import Cancelled, ParallaxError

log = logging.getLogger(__name__)

# Functions whose jobs run in the engine process: "module.qualname" of the function submitted ->
# ("module:function" run in the child, "module:function" run on the result in this process, in the
# background thread, before it is delivered; or None).  ``gui.controllers.analysis.compare_job`` is
# ``analysis.compare`` followed by ``gui.prepared.prepare``: the child does the first, this process
# the second, because the look-up tables ``prepare`` builds are cached here.
PROCESS_JOBS: dict[str, tuple[str, str | None]] = {
    "gui.controllers.analysis.compare_job": ("analysis.pipeline:compare", "gui.prepared:prepare"),
}
CHUNK_ITEMS = 64            # items per pickle when a tuple of results crosses the pipe
POLL_S = 0.02               # how often a waiting job thread looks at the cancel flag
CANCEL_GRACE_S = 0.5        # a cancelled child that has not stopped by then is terminated
ENGINE_NICENESS = 10        # the engine process runs at a lower CPU priority than the window
PREWARM_DELAY_MS = 300      # the engine process starts this long after the first Runner exists


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


# ---- moving objects across the pipe in small pieces ------------------------------------------------
# An argument that is a list or tuple goes item by item, and both sides keep the items in order.
# A dataclass result goes field by field: a sequence made only of items the child received (the
# Comparison's articles: most of its bytes) comes back as their positions, so the window gets its
# own objects back instead of copies; long tuples go in CHUNK_ITEMS slices.  Every pickle is small:
# each ``loads`` holds the GIL for a millisecond or two, not for the whole result.

def _dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _encode_args(args: tuple) -> tuple[list, list[bytes], list]:
    """(layout, pieces, known objects in reference order) for the arguments."""
    layout, pieces, known = [], [], []
    for arg in args:
        if isinstance(arg, (list, tuple)):
            layout.append(("seq", type(arg) is tuple, len(arg)))
            for item in arg:
                pieces.append(_dumps(item))
                known.append(item)
        else:
            layout.append(("one",))
            pieces.append(_dumps(arg))
    return layout, pieces, known


def _split_result(result: Any, known: list) -> tuple[Any, list[bytes]]:
    """(spec, pieces): a dataclass field by field, long tuples and lists in slices."""
    pieces: list[bytes] = []
    where = {id(obj): n for n, obj in enumerate(known)}

    def value_spec(value: Any) -> Any:
        if isinstance(value, (tuple, list)):
            refs = [where.get(id(item)) for item in value]
            if value and all(n is not None and known[n] is item for n, item in zip(refs, value)):
                return ("refs", type(value) is tuple, refs)
            if len(value) > CHUNK_ITEMS:
                n = 0
                for i in range(0, len(value), CHUNK_ITEMS):
                    pieces.append(_dumps(tuple(value[i:i + CHUNK_ITEMS])))
                    n += 1
                return ("seq", type(value) is tuple, n)
        pieces.append(_dumps(value))
        return ("one",)

    if (dataclasses.is_dataclass(result) and not isinstance(result, type)
            and hasattr(result, "__dict__") and set(vars(result)) == {
                f.name for f in dataclasses.fields(result)}):
        cls = type(result)
        fields = [(name, value_spec(value)) for name, value in vars(result).items()]
        return ("dataclass", cls.__module__, cls.__qualname__, fields), pieces
    return ("value", value_spec(result)), pieces


def _join_result(spec: Any, pieces: list[bytes], known: list) -> Any:
    it = iter(pieces)

    def value(vspec: Any) -> Any:
        if vspec[0] == "refs":
            items = [known[n] for n in vspec[2]]
            return tuple(items) if vspec[1] else items
        if vspec[0] == "seq":
            items = []
            for _ in range(vspec[2]):
                items.extend(pickle.loads(next(it)))
            return tuple(items) if vspec[1] else items
        return pickle.loads(next(it))

    if spec[0] == "dataclass":
        _, module, qualname, fields = spec
        cls: Any = importlib.import_module(module)
        for part in qualname.split("."):
            cls = getattr(cls, part)
        obj = cls.__new__(cls)
        # What unpickling a dataclass does: no __init__, the fields straight into __dict__.
        obj.__dict__.update({name: value(vspec) for name, vspec in fields})
        return obj
    return value(spec[1])


def _resolve(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


# ---- the child -----------------------------------------------------------------------------------

def _warm_up() -> None:
    """Load the engine's modules and models before the first job asks for them."""
    try:
        from analysis import compare, load_article
        texts = ("Warm up\n\nThe minister said on Monday that the bridge would reopen in May. "
                 "\"We are ready,\" she told reporters. Officials said 12 people were hurt.",
                 "Warm up too\n\nThe bridge will reopen in May, the minister said on Monday. "
                 "Twelve people were injured, police said, according to a spokesman.")
        compare([load_article(t, kind="paste", article_id=f"w{i}") for i, t in enumerate(texts)])
    except Exception:  # warming is only an optimisation
        pass


def _child_main(conn) -> None:  # runs in the engine process
    try:
        if not conn.poll(0.05):
            _warm_up()
        _serve(conn)
    except (EOFError, OSError):
        pass                            # the window went away


def _serve(conn) -> None:
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return                      # the window went away
        if msg[0] == "stop":
            return
        if msg[0] != "job":
            continue                    # e.g. a late "cancel" for a job that already ended
        _, job_id, target, layout, kwargs = msg
        try:
            args, known = [], []
            for entry in layout:
                if entry[0] == "seq":
                    items = [pickle.loads(conn.recv_bytes()) for _ in range(entry[2])]
                    known.extend(items)
                    args.append(tuple(items) if entry[1] else items)
                else:
                    args.append(pickle.loads(conn.recv_bytes()))

            def progress(fraction: float, stage: str, job_id=job_id) -> None:  # bound now: one job per loop
                while conn.poll():
                    m = conn.recv()
                    if m[0] == "stop" or m[0] == "cancel" and m[1] == job_id:
                        raise Cancelled("Analysis cancelled.")
                conn.send(("progress", job_id, float(fraction), str(stage)))

            result = _resolve(target)(*args, progress=progress, **kwargs)
            spec, pieces = _split_result(result, known)
            conn.send(("result", job_id, spec, len(pieces)))
            for piece in pieces:
                conn.send_bytes(piece)
            del result, args, known, pieces
        except Cancelled:
            conn.send(("cancelled", job_id))
        except ParallaxError as exc:
            conn.send(("error", job_id, str(exc), ""))
        except Exception as exc:
            conn.send(("error", job_id, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        gc.collect()


# ---- the parent's side of the engine process ---------------------------------------------------

def _child_entry() -> None:
    """The engine process's entry point: connect back to the window's process and serve jobs."""
    from multiprocessing.connection import Client
    if hasattr(os, "nice"):
        # Below the window's priority: when both want a core (two cores, the engine's own threads
        # and other programs), the window gets it first and never waits for the analysis.
        try:
            os.nice(ENGINE_NICENESS)
        except OSError:
            pass
    address = sys.stdin.readline().strip()
    key = bytes.fromhex(sys.stdin.readline().strip())
    sys.stdin.close()
    try:
        conn = Client(address, authkey=key)
    except Exception:  # noqa: BLE001 - refused, or cut off during the handshake
        return                          # the window closed before the engine had started
    _child_main(conn)


_CHILD_CODE = "import sys; sys.path.insert(0, sys.argv[1]); import gui.worker as w; w._child_entry()"
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START_TIMEOUT_S = 120


class EngineProcess:
    """One long-lived child process that runs engine jobs one at a time.

    Started as ``python -c ...`` (not ``multiprocessing.Process``), so the child never re-imports
    the parent's main script: nothing there has to be guarded, and start-up stays short.  The two
    sides talk over a ``multiprocessing.connection`` (a Unix socket, or a named pipe on Windows)
    opened with a random key that the child reads from its stdin."""

    def __init__(self) -> None:
        self.lock = threading.Lock()        # held by the job thread that talks to the child
        # A frozen application's executable is the application itself, not Python: no "-c" there.
        self.usable = not getattr(sys, "frozen", False)
        self._proc: subprocess.Popen | None = None
        self._conn = None
        self._next_id = 0

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None and self._conn is not None

    def _ensure(self) -> None:
        if self.alive():
            return
        self.kill()
        from multiprocessing.connection import Listener
        key = os.urandom(32)
        listener = Listener(authkey=key)
        try:
            flags = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)   # Windows; else nice
            proc = subprocess.Popen([sys.executable, "-c", _CHILD_CODE, _ROOT],
                                    stdin=subprocess.PIPE, text=True, creationflags=flags)
            try:
                proc.stdin.write(f"{listener.address}\n{key.hex()}\n")
                proc.stdin.close()
            except OSError:
                pass
            accepted: dict = {}

            def accept() -> None:
                try:
                    accepted["conn"] = listener.accept()
                except Exception as exc:  # noqa: BLE001 - reported below
                    accepted["error"] = exc
            waiter = threading.Thread(target=accept, name="parallax-engine-accept", daemon=True)
            waiter.start()
            deadline = time.monotonic() + START_TIMEOUT_S
            while waiter.is_alive():
                waiter.join(POLL_S)
                if waiter.is_alive() and (proc.poll() is not None or time.monotonic() > deadline):
                    proc.kill()
                    raise OSError(f"the analysis process did not start (exit code {proc.poll()})")
            if "conn" not in accepted:
                proc.kill()
                raise OSError(f"the analysis process did not connect: {accepted.get('error')}")
        finally:
            listener.close()
        self._proc, self._conn = proc, accepted["conn"]

    def start(self) -> None:
        """Start (and warm up) the process ahead of the first job."""
        with self.lock:
            self._ensure()

    def kill(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(2)

    def run(self, job: _ProcessJob) -> None:  # a job thread; one at a time (self.lock)
        with self.lock:
            if job.cancel.is_set():
                _emit(job.bridge.cancelled, job.generation)
                return
            if not self.usable:
                self._run_here(job)
                return
            try:
                self._ensure()
            except OSError as exc:
                log.warning("no engine process (%s): analysing in a thread of the window", exc)
                self.usable = False
                self._run_here(job)
                return
            try:
                self._run(job)
            except (EOFError, OSError) as exc:
                code = self._proc.poll() if self._proc is not None else None
                self.kill()
                _emit(job.bridge.error, job.generation, "The analysis process stopped unexpectedly"
                      + (f" (exit code {code})." if code is not None else "."),
                      f"{type(exc).__name__}: {exc}")

    @staticmethod
    def _run_here(job: _ProcessJob) -> None:
        """The fallback: the job in this thread, as ``Runner.submit`` runs any other function."""
        target = _resolve(job.target)
        after = _resolve(job.after) if job.after else None

        def call(*args: Any, progress: Callable[[float, str], None], **kwargs: Any) -> Any:
            result = target(*args, progress=progress, **kwargs)
            if after is not None:
                after(result)
            return result
        _Job(job.generation, call, job.args, job.kwargs, job.bridge, job.cancel).run()

    def _run(self, job: _ProcessJob) -> None:
        conn = self._conn
        self._next_id += 1
        job_id = self._next_id
        layout, pieces, known = _encode_args(job.args)
        sent = threading.Event()

        def send() -> None:
            # Its own thread: a child still warming up reads nothing yet, and a full pipe must not
            # keep this job from noticing a cancel.
            try:
                conn.send(("job", job_id, job.target, layout, job.kwargs))
                for piece in pieces:
                    conn.send_bytes(piece)
            except (OSError, ValueError):
                pass                    # the child was terminated meanwhile
            sent.set()
        threading.Thread(target=send, name="parallax-engine-send", daemon=True).start()
        while True:
            if job.cancel.is_set():
                # The window is told at once; the child stops at its next progress call, or is
                # terminated if it does not within CANCEL_GRACE_S (a new one is started then).
                _emit(job.bridge.cancelled, job.generation)
                self._settle_cancelled(conn, job_id, sent)
                return
            if not conn.poll(POLL_S):
                if self._proc.poll() is not None:
                    raise EOFError("the engine process exited")
                continue
            msg = conn.recv()
            if msg[1] != job_id:
                self._skip(conn, msg)
                continue
            kind = msg[0]
            if kind == "progress":
                _emit(job.bridge.progress, job.generation, msg[2], msg[3])
            elif kind == "result":
                parts = [conn.recv_bytes() for _ in range(msg[3])]
                # Tens of thousands of new objects: a full garbage collection would run in the middle
                # (and walk all of them, holding the GIL for 100 ms); none is needed, as a result
                # holds no reference cycles.  Collected objects stay out of later collections too.
                enabled = gc.isenabled()
                gc.disable()
                try:
                    result = _join_result(msg[2], parts, known)
                    del parts
                    if job.after is not None and not job.cancel.is_set():
                        _resolve(job.after)(result)
                    gc.freeze()
                finally:
                    if enabled:
                        gc.enable()
                _emit(job.bridge.done, job.generation, result)
                return
            elif kind == "cancelled":
                _emit(job.bridge.cancelled, job.generation)
                return
            elif kind == "error":
                _emit(job.bridge.error, job.generation, msg[2], msg[3])
                return

    @staticmethod
    def _skip(conn, msg) -> None:
        if msg[0] == "result":
            for _ in range(msg[3]):
                conn.recv_bytes()

    def _settle_cancelled(self, conn, job_id: int, sent: threading.Event) -> None:
        try:
            if sent.wait(POLL_S):           # never write while the sender thread still is
                conn.send(("cancel", job_id))
                deadline = time.monotonic() + CANCEL_GRACE_S
                while time.monotonic() < deadline:
                    if conn.poll(POLL_S):
                        msg = conn.recv()
                        self._skip(conn, msg)
                        if msg[1] == job_id and msg[0] in ("result", "cancelled", "error"):
                            return
        except (EOFError, OSError):
            pass
        self.kill()
        # Start the replacement now, so it has loaded the engine when the next job comes.
        try:
            self._ensure()
        except OSError:
            pass


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


def engine_process() -> EngineProcess:
    """The shared engine process (created, not started, on first call)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = EngineProcess()
            atexit.register(_ENGINE.kill)
        return _ENGINE


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
