"""Python's cyclic garbage collector, paused while a comparison runs (``paused()``).

Reference counting frees every object that no reference cycle holds, at once; the cyclic collector
only exists for cycles.  A comparison makes none worth collecting: with the collector off, a compare
of the seeds, of one real event (9 articles) or of 135 real articles of 14 events at once leaves 0, 0
and 6 objects for it, and peaks at the same memory.  Its passes still run every ~700 new container
objects, and each one walks the young objects, and now and then every container the process holds
(the lexicons' and tables' dicts: a full pass ~0.02-0.03 s): measured in one process, a compare of the
seeds took 0.97 s of CPU with them and 0.84 s without, 135 articles 6.3 s and 5.8 s, with the very
same results.  So ``analysis.pipeline.compare`` runs inside ``paused()``.

``paused()`` nests and may be entered from several threads: the first to enter switches the collector
off, the last to leave switches it back on, only if it was on when the first came in.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_LOCK = threading.Lock()
_depth = 0                  # how many ``paused()`` blocks are running now
_resume = False             # whether the collector was on when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off for the block (see the module docstring); as it was, after."""
    global _depth, _resume
    with _LOCK:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
