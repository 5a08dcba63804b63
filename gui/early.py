"""The engine process, spawned before the window's process imports Qt.

The window's process spends its first tenths of a second importing Qt and building the window; the
engine process (``gui.worker.EngineProcess``) is what the first results wait for: its Python start-up,
imports and warm-up, then reading and analysing the articles.  ``spawn_engine`` starts it as the very
first thing (this module imports no Qt: ``tests/gui/test_launch_imports.py`` checks), connecting in a
background thread; the ``EngineProcess`` created later adopts it (``take_engine``).  It starts at
normal priority: when the editor asked for a low one, ``EngineProcess`` lowers it once it is
running (the setting is read through Qt, which is not imported yet).
"""
from __future__ import annotations

import threading

from .child import ChildProcess

ENGINE_NAME = "analysis process"
ENGINE_WARM_UP = "gui.engine:warm_up"

_LOCK = threading.Lock()
_spawned: ChildProcess | None = None


def new_engine(niceness: int = 0) -> ChildProcess:
    """The engine's child process (not started)."""
    return ChildProcess(ENGINE_NAME, niceness=niceness, warm=ENGINE_WARM_UP)


def spawn_engine() -> None:
    """Start the engine process now, connecting in the background (once per process)."""
    global _spawned
    with _LOCK:
        if _spawned is not None:
            return
        child = new_engine()
        if not child.usable:
            return
        _spawned = child
    threading.Thread(target=_start, args=(child,), name="parallax-engine-spawn", daemon=True).start()


def _start(child: ChildProcess) -> None:
    try:
        child.start()
    except OSError:
        pass                # the first job starts one again, or falls back to a thread


def take_engine() -> ChildProcess | None:
    """The engine process ``spawn_engine`` started (running or still connecting), handed over once."""
    global _spawned
    with _LOCK:
        child, _spawned = _spawned, None
    return child
