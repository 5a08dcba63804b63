"""One long loop of a comparison split over the machine's cores, with the very results of one loop.

The engine's heaviest loops (the link evidence of every candidate pair, the omission verifier's search
of every candidate) compute each item from state built before the loop, and what an item leaves behind
is only caches.  ``split_map(compute, n)`` cuts the items ``0..n-1`` into one contiguous slice per
worker; each slice after the first is computed in a **forked** child, which inherits that state as it
is (the string hash seed included, so sets iterate in the same order and every float sum is the same
sum), and sends its result back pickled; this process computes the first slice meanwhile and returns
the slices' results in order, for the caller to join (a list, rows of an array): what a single loop
over ``0..n-1`` would have given.

It stays one loop (this process alone) when fork is not available (Windows; macOS is left out too:
forking there is unsafe once system libraries have started threads), for fewer than ``min_items``
items, inside a worker of ``multiprocessing`` (a batch already runs one event per core, and its
workers may be daemons) or with ``PARALLAX_WORKERS=1``.  A child that fails, dies or gives no answer
within ``WORKER_TIMEOUT_FACTOR`` times this process's own slice (and at least
``WORKER_TIMEOUT_MIN_SECONDS``) is stopped and its slice computed here: slower, never another result.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import select
import signal
import sys
import time
from typing import Any, Callable, TypeVar

from analysis.constants import ENGINE_WORKERS, WORKER_TIMEOUT_FACTOR, WORKER_TIMEOUT_MIN_SECONDS

T = TypeVar("T")
U = TypeVar("U")
Compute = Callable[[int, int], T]       # (start, stop) -> the result of items start..stop-1 (picklable)
_in_child = False                       # True in a forked child of ``split_map``


def workers() -> int:
    """How many processes a loop may use here (1: no fork)."""
    if _in_child or not hasattr(os, "fork") or sys.platform != "linux" \
            or multiprocessing.parent_process() is not None:
        return 1
    wanted = os.environ.get("PARALLAX_WORKERS", "").strip()
    limit = int(wanted) if wanted.isdigit() and int(wanted) > 0 else ENGINE_WORKERS
    return max(1, min(limit, os.cpu_count() or 1))


def split_map(compute: Compute[T], n: int, min_items: int) -> list[T]:
    """The results of ``compute`` on consecutive slices that cover ``0..n-1``, in order: one slice
    (``[compute(0, n)]``) below ``min_items`` or with one worker, else one slice per worker, computed
    in parallel (see the module docstring)."""
    count = workers() if n >= min_items else 1
    if count <= 1:
        return [compute(0, n)]
    bounds = [n * k // count for k in range(count + 1)]
    children = [_fork(compute, bounds[k], bounds[k + 1]) for k in range(1, count)]
    started = time.monotonic()
    try:
        out = [compute(bounds[0], bounds[1])]
    except BaseException:               # (Cancelled, an error): the children are stopped, not left behind
        for child in children:
            _collect(child, deadline=0.0)
        raise
    patience = max(WORKER_TIMEOUT_MIN_SECONDS, WORKER_TIMEOUT_FACTOR * (time.monotonic() - started))
    for k, child in enumerate(children, start=1):
        got = _collect(child, time.monotonic() + patience)
        out.append(compute(bounds[k], bounds[k + 1]) if got is None else got[0])
    return out


def side_by_side(here: Callable[[], T], there: Callable[[], U], parallel: bool) -> tuple[T, U]:
    """(``here()``, ``there()``) of two independent computations: ``there`` in a forked worker while
    this process computes ``here`` when ``parallel`` (and workers are allowed), else one after the
    other.  Only ``here`` may report progress (it runs in this process either way)."""
    tasks: tuple[Callable[[], Any], ...] = (here, there)
    parts = split_map(lambda start, stop: [tasks[i]() for i in range(start, stop)], 2, 2 if parallel else 3)
    done = [value for part in parts for value in part]
    return done[0], done[1]


def _fork(compute: Compute, start: int, stop: int) -> tuple[int, int] | None:
    """(pid, read end of its pipe) of a child computing ``start..stop-1``; None if fork failed."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:                                    # the child: compute, send, and leave at once
        global _in_child
        _in_child = True                            # a loop inside the slice stays one loop
        status = 1
        try:
            os.close(read)
            data = pickle.dumps((compute(start, stop),), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)                        # no atexit handlers, no flushing of the parent's buffers
    os.close(write)
    return pid, read


def _collect(child: tuple[int, int] | None, deadline: float) -> tuple | None:
    """(the child's result,), or None (it failed, died or ran past ``deadline``: it is stopped)."""
    if child is None:
        return None
    pid, read = child
    chunks: list[bytes] = []
    ok = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                break
            chunk = os.read(read, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read)
        _, status = os.waitpid(pid, 0)
        ok = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    if not ok:
        return None
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:       # a truncated answer: computed here instead
        return None
