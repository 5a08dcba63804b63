"""One protocol for running a function in a child Python process: the engine's analysis and the PDF.

Why children: the engine holds Python's GIL in long single calls and would freeze the window from a
thread of its process (``gui/worker.py``); drawing a PDF on a thread while the window runs can
deadlock PySide (``gui/report_process.py``).  A child shares neither the GIL nor Qt's locks.

Starting.  ``python -c`` (not ``multiprocessing.Process``), so the child never re-imports the parent's
main script and start-up stays short; the checkout is put on its ``sys.path``.  The child reads an
address and a random key from its stdin and connects back over ``multiprocessing.connection`` (a Unix
socket, or a named pipe on Windows).  A frozen application's executable is the application itself,
not Python: ``usable`` is False there and callers run the job in-process instead.

Messages (tuples; ``id`` numbers the job):

* parent -> child: ``("job", id, "module:function", layout, kwargs)`` then one pickle per argument
  piece; ``("cancel", id)``; ``("stop",)``.
* child -> parent: ``("progress", id, fraction, stage)``; ``("result", id, spec, n)`` then ``n``
  pickles; ``("cancelled", id)``; ``("error", id, one line, traceback or "")``.

The function is called as ``fn(*args, progress=callback, **kwargs)``; the child's ``callback`` raises
``Cancelled`` when a cancel has arrived, which is how the engine expects to be stopped.

Pickles stay small, so that no single ``loads`` holds the parent's GIL for long: an argument that is a
list or tuple goes item by item; a dataclass result goes field by field, long tuples in slices of
``CHUNK_ITEMS``, and a sequence made only of items the child received (a Comparison's articles: most
of its bytes) comes back as their positions, so the parent gets its own objects back, not copies.
"""
from __future__ import annotations

import dataclasses
import gc
import importlib
import inspect
import os
import pickle
import subprocess
import sys
import threading
import time
import traceback
from typing import IO, Any, Callable, Iterator, Mapping, Sequence

from analysis import garbage
from analysis.errors import Cancelled, ParallaxError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHUNK_ITEMS = 64            # items per pickle when a tuple of results crosses the pipe
POLL_S = 0.02               # how often a waiting call looks at its cancel flag and the child
CANCEL_GRACE_S = 0.5        # a cancelled child that has not stopped by then is terminated
START_TIMEOUT_S = 120       # a child that has not connected by then is given up
Progress = Callable[[float, str], None]


def send_job(conn, message: tuple, pieces: Sequence[bytes], sent: threading.Event) -> None:
    """Send a job and its pieces to the child, then set ``sent``.  The child may be terminated and
    the pipe closed meanwhile (a newer job replaced it): that ends the sending quietly.  A pipe
    closed by another thread in the middle of a write fails as OSError, ValueError or, once its
    handle is gone, TypeError (multiprocessing writes to a handle of None)."""
    try:
        conn.send(message)
        for piece in pieces:
            conn.send_bytes(piece)
    except (OSError, ValueError, TypeError):
        pass
    finally:
        sent.set()

class ChildError(ParallaxError):
    """The function failed in the child: one line (``str``) and the traceback (``details``, "" for
    an expected failure such as bad input)."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class ChildStopped(OSError):
    """The child process ended in the middle of a call."""


class ChildNotStarted(ChildStopped):
    """No child process could be started (or it never connected back)."""


# ---- moving objects across the pipe in small pieces ------------------------------------------------

def _dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def encode_args(args: Sequence[Any]) -> tuple[list, list[bytes], list]:
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


def split_result(result: Any, known: list) -> tuple[Any, list[bytes]]:
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


def join_result(spec: Any, pieces: list[bytes], known: list) -> Any:
    """The result ``split_result`` took apart, with the known objects put back by reference."""
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


def resolve(ref: str) -> Callable[..., Any]:
    """The function ``"module:function"`` names."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


# ---- the child ---------------------------------------------------------------------------------------

def serve(conn, warming: Iterator[Any] | None = None) -> None:
    """The child's loop: run jobs one at a time until "stop" or the parent goes away; between jobs,
    while none waits, take the next steps of ``warming`` (a warm-up generator), so that the time the
    window spends between two jobs (showing what it read, before it asks for the analysis) warms
    the engine instead of being lost."""
    while True:
        warming = _warm_while_idle(conn, warming)
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return                      # the parent went away
        if msg[0] == "stop":
            return
        if msg[0] != "job":
            continue                    # e.g. a late "cancel" for a job that already ended
        # A job runs with the cyclic collector off: its inputs, its result and their pickles make
        # thousands of objects and no reference cycles, and the collector's passes over them (one over
        # everything a comparison leaves, ~0.03 s, when the comparison's own pause ends) would come
        # before the result is sent; one full collection runs after, as before.
        with garbage.paused():
            _run_job(conn, msg)
        gc.collect()


def _run_job(conn, msg: tuple) -> None:
    """Receive one job's arguments, run it, and send its result, progress, cancellation or error."""
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
                    raise Cancelled("Cancelled.")
            conn.send(("progress", job_id, float(fraction), str(stage)))

        result = resolve(target)(*args, progress=progress, **kwargs)
        spec, pieces = split_result(result, known)
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


def child_entry(niceness: int, warm: str) -> None:
    """The child's entry point: lower its priority, connect back, warm up (``warm``: a
    "module:function" to call while no job is waiting, or ""; a generator function is stepped
    through and left as soon as a job arrives), then serve jobs."""
    from multiprocessing.connection import Client
    if niceness and hasattr(os, "nice"):
        try:
            os.nice(niceness)
        except OSError:
            pass
    address = sys.stdin.readline().strip()
    key = bytes.fromhex(sys.stdin.readline().strip())
    sys.stdin.close()
    try:
        conn = Client(address, authkey=key)
    except Exception:  # noqa: BLE001 - refused, or cut off during the handshake
        return                          # the parent closed before the child had started
    try:
        steps = None
        if warm:
            # A generator warms up step by step, pauses as soon as a job is waiting and goes on
            # once no job waits (``serve``), even when the first job came at once; a plain function
            # warms up once, here, unless a job is already waiting.
            function = resolve(warm)
            if inspect.isgeneratorfunction(function) or not conn.poll(0.05):
                steps = function()
        serve(conn, steps if steps is not None and hasattr(steps, "__next__") else None)
    except (EOFError, OSError):
        pass                            # the parent went away


def _warm_while_idle(conn, warming: Iterator[Any] | None) -> Iterator[Any] | None:
    """Step ``warming`` until a message waits or it is done; what is left of it (None: done)."""
    while warming is not None and not conn.poll(0):
        try:
            next(warming)
        except Exception:  # noqa: BLE001 - done (StopIteration) or broken: warming is only an aid
            return None
    return warming


_CHILD_CODE = ("import sys; sys.path[:0] = sys.argv[1].split('\\n'); import gui.child as c; "
               "c.child_entry(int(sys.argv[2]), sys.argv[3])")


# ---- the parent's side -------------------------------------------------------------------------------

class ChildProcess:
    """One child process that runs jobs one at a time, started on first use and kept.

    ``niceness`` lowers its CPU priority (POSIX; below normal on Windows); ``warm`` is a
    "module:function" it calls after starting, while no job waits; ``env`` is added to its
    environment; ``paths`` go before the checkout on its ``sys.path``; ``stderr`` (a file) receives
    its error output instead of this process's."""

    def __init__(self, name: str, *, niceness: int = 0, warm: str = "",
                 env: Mapping[str, str] | None = None, paths: Sequence[str] = (),
                 stderr: IO[bytes] | None = None) -> None:
        self.name = name
        self.niceness, self.warm, self.env = niceness, warm, dict(env or {})
        self.paths = [*paths, ROOT]
        self.stderr = stderr
        self.lock = threading.Lock()        # held by the thread that talks to the child
        self.usable = not getattr(sys, "frozen", False)
        self._proc: subprocess.Popen | None = None
        self._conn = None
        self._next_id = 0

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None and self._conn is not None

    def exit_code(self) -> int | None:
        return self._proc.poll() if self._proc is not None else None

    def pid(self) -> int | None:
        """The running child's process id, or None."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def start(self) -> None:
        """Start the child (and let it warm up) ahead of the first job."""
        with self.lock:
            self._ensure()

    def _ensure(self) -> None:
        if self.alive():
            return
        self.kill()
        from multiprocessing.connection import Listener
        key = os.urandom(32)
        listener = Listener(authkey=key)
        try:
            flags = getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0) if self.niceness else 0
            env = {**os.environ, **self.env} if self.env else None
            proc = subprocess.Popen([sys.executable, "-c", _CHILD_CODE, "\n".join(self.paths),
                                     str(self.niceness), self.warm],
                                    stdin=subprocess.PIPE, stderr=self.stderr, text=True, env=env,
                                    creationflags=flags)
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
            waiter = threading.Thread(target=accept, name=f"{self.name}-accept", daemon=True)
            waiter.start()
            deadline = time.monotonic() + START_TIMEOUT_S
            while waiter.is_alive():
                waiter.join(POLL_S)
                if waiter.is_alive() and (proc.poll() is not None or time.monotonic() > deadline):
                    proc.kill()
                    proc.wait()
                    raise ChildNotStarted(f"the {self.name} did not start (exit code {proc.poll()})")
            if "conn" not in accepted:
                proc.kill()
                proc.wait()
                raise ChildNotStarted(f"the {self.name} did not connect: {accepted.get('error')}")
        finally:
            listener.close()
        self._proc, self._conn = proc, accepted["conn"]

    def kill(self) -> None:
        proc, conn = self._proc, self._conn
        self._conn = None
        if conn is not None:
            conn.close()
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(2)

    def call(self, target: str, args: Sequence[Any] = (), kwargs: Mapping[str, Any] | None = None, *,
             progress: Progress, cancelled: Callable[[], bool] = lambda: False,
             on_cancel: Callable[[], None] | None = None,
             after: Callable[[Any], None] | None = None) -> Any:
        """Run ``target`` ("module:function") in the child and return its result, in this thread.

        ``progress`` gets the child's progress (an exception it raises propagates; the caller then
        ``kill``\\ s the child).  ``cancelled`` is polled every ``POLL_S``: when it says so,
        ``on_cancel`` is called at once, the child is asked to stop (and replaced if it does not
        within ``CANCEL_GRACE_S``), and ``Cancelled`` is raised.  ``after(result)`` runs before the
        result is returned, with the garbage collector paused.  Raises ``ChildError`` when the
        function failed, ``ChildStopped`` (an OSError) when the child died, ``ChildNotStarted`` when
        none could be started."""
        with self.lock:
            self._ensure()
            try:
                return self._call(target, args, dict(kwargs or {}), progress, cancelled, on_cancel,
                                  after)
            except EOFError as exc:
                raise ChildStopped(f"the {self.name} stopped (exit code {self.exit_code()})") from exc

    def _call(self, target, args, kwargs, progress, cancelled, on_cancel, after) -> Any:
        conn = self._conn
        self._next_id += 1
        job_id = self._next_id
        layout, pieces, known = encode_args(args)
        sent = threading.Event()
        # Its own thread: a child still warming up reads nothing yet, and a full pipe must not
        # keep this call from noticing a cancel.
        threading.Thread(target=send_job, args=(conn, ("job", job_id, target, layout, kwargs), pieces, sent),
                         name=f"{self.name}-send", daemon=True).start()
        while True:
            if cancelled():
                if on_cancel is not None:
                    on_cancel()
                self._settle_cancelled(conn, job_id, sent)
                raise Cancelled("Cancelled.")
            if not conn.poll(POLL_S):
                if self._proc.poll() is not None:
                    raise EOFError(f"the {self.name} exited")
                continue
            msg = conn.recv()
            if msg[1] != job_id:
                self._skip(conn, msg)
                continue
            kind = msg[0]
            if kind == "progress":
                progress(msg[2], msg[3])
            elif kind == "result":
                parts = [conn.recv_bytes() for _ in range(msg[3])]
                # Tens of thousands of new objects: a full garbage collection would run in the middle
                # (and walk all of them, holding the GIL for 100 ms); none is needed, as a result
                # holds no reference cycles.  Collected objects stay out of later collections too.
                with garbage.paused():
                    result = join_result(msg[2], parts, known)
                    del parts
                    if after is not None and not cancelled():
                        after(result)
                    gc.freeze()
                return result
            elif kind == "cancelled":
                raise Cancelled("Cancelled.")
            elif kind == "error":
                raise ChildError(msg[2], msg[3])

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
        # Start the replacement now, so it is ready (warmed up) when the next job comes.
        try:
            self._ensure()
        except OSError:
            pass
