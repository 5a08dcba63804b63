"""The window's PDF export, drawn by a child process (``gui.child``).

Why not on the worker thread, where ``gui/report_pdf.py`` runs fine on its own: with the window alive
it can deadlock.  The PDF writer makes and frees thousands of ``QTextDocument``\\ s; PySide keeps the
GIL through some of those calls (``QTextDocument.documentLayout()``, which connects a signal; the
destructors) while Qt takes one of its shared signal-slot mutexes.  Meanwhile the GUI thread can hold
such a mutex while it waits for the GIL: PySide disconnecting a slot whose Python owner was just
garbage-collected asks Python, under that lock, whether ``disconnectNotify`` is overridden.  Seen as a
hang in tests/gui/test_export.py; gdb showed exactly these two stacks.  A child process shares neither
the GIL nor Qt's locks, and the window's Python thread is never slowed by 100 pages of layout.

How.  A ``gui.child.ChildProcess`` (the window's one child-process protocol, also the engine's), started
for the export and stopped after it, calls ``draw`` there.  The child draws straight into the path it
is given, which is the output writer's temporary file (``analysis.export.writer``: the caller holds
``Target.staged()``); the writer moves it into place only when this returns.  So a cancel, whenever
it comes, leaves no file and never replaces an existing one: the child is killed and the writer
removes its temporary file.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from typing import Callable

from analysis.errors import ParallaxError

from .child import ChildError, ChildNotStarted, ChildProcess

POLL_SECONDS = 0.1          # how often a silent child is checked for a cancel
Progress = Callable[[float, str], None]


def _noop(fraction: float, message: str) -> None:
    return None


def _child_env() -> dict[str, str]:
    env = {"PYTHONIOENCODING": os.environ.get("PYTHONIOENCODING", "utf-8")}
    if sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"      # it draws no window; do not talk to the display
    return env


def draw(report, path: str, page_size: str, progress: Progress) -> int:
    """In the child: the PDF drawn into ``path``; the page count.  A failure to write is one line."""
    from gui.report_pdf import draw_pdf
    try:
        return draw_pdf(report, path, page_size=page_size, progress=progress)
    except OSError as exc:
        from analysis.export.writer import reason
        raise ParallaxError(f"Could not write the PDF: {reason(exc)}.") from exc


def write_pdf_in_process(report, path: str | os.PathLike, page_size: str = "A4",
                         progress: Progress | None = None) -> int:
    """Draw ``report`` as a PDF into ``path`` (a writer's temporary file) from a child process;
    returns the page count.

    ``progress(fraction, message)`` is called with the child's progress, and at least every
    ``POLL_SECONDS`` while it is silent; when it raises (Cancel), the child is killed, nothing is
    left behind and the exception propagates.  Failures raise ``ParallaxError`` (one line)."""
    progress = progress or _noop
    target = os.fspath(path)
    last: list = [0.0, "starting the PDF writer"]

    def forward(fraction: float, message: str) -> None:
        last[:] = [min(fraction, 0.99), message]
        progress(*last)
    if getattr(sys, "frozen", False):
        # A frozen application has no Python to start: draw here, on this thread, and accept the
        # risk described above.
        from gui.report_pdf import draw_pdf
        return draw_pdf(report, target, page_size=page_size, progress=forward)
    heard = [time.monotonic()]

    def silent_check() -> bool:
        # Lets a cancel through while the child works without a word (its progress raises).
        if time.monotonic() - heard[0] >= POLL_SECONDS:
            heard[0] = time.monotonic()
            progress(*last)
        return False

    def on_progress(fraction: float, message: str) -> None:
        heard[0] = time.monotonic()
        forward(fraction, message)

    with tempfile.TemporaryFile() as errors:
        child = ChildProcess("PDF writer", env=_child_env(), stderr=errors)
        try:
            return child.call("gui.report_process:draw", (report, target, page_size),
                              progress=on_progress, cancelled=silent_check)
        except ChildError as exc:
            raise ParallaxError(str(exc)) from exc
        except ChildNotStarted as exc:
            raise ParallaxError(f"could not start the PDF writer: {exc}") from exc
        except OSError as exc:                     # it died while drawing
            errors.seek(0)
            tail = [ln for ln in errors.read().decode("utf-8", "replace").splitlines() if ln.strip()]
            code = child.exit_code()
            raise ParallaxError(f"the PDF writer stopped (exit status {code})"
                                + (f": {tail[-1].strip()}" if tail else "")) from exc
        finally:
            child.kill()
