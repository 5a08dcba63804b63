"""Jobs for tests/gui/test_child.py, run in a child process (``gui.child``): small, made-up work."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

from analysis.errors import ParallaxError


@dataclass(frozen=True)
class Pair:
    kept: tuple
    count: int


def echo(items, word, progress):
    progress(0.5, f"half of {word}")
    return Pair(tuple(items), len(items))


def refuse(progress):
    raise ParallaxError("That file is not an article.")


def crash_bug(progress):
    return {}["missing"]


def until_cancelled(progress):
    while True:                     # stops only through progress raising Cancelled
        progress(0.1, "working")
        time.sleep(0.01)


def deaf(progress):
    time.sleep(60)                  # never calls progress: a cancel cannot reach it


def die(progress):
    os._exit(3)


def slow_warm():
    """A warm-up of 120 steps of a fifth of a second, each noted in the file $WARM_LOG: stepped
    through only while no job waits."""
    for n in range(120):
        time.sleep(0.2)
        with open(os.environ["WARM_LOG"], "a") as log:
            log.write(f"{n}\n")
        yield n


def broken_warm():
    """A warm-up whose second step fails."""
    yield 0
    raise RuntimeError("a broken warm-up step")



def frozen(progress=None) -> int:
    """How many objects this process keeps out of the garbage collector's passes."""
    import gc
    return gc.get_freeze_count()


def collector(progress=None) -> bool:
    """Whether the cyclic garbage collector is on while a job runs."""
    import gc
    return gc.isenabled()
