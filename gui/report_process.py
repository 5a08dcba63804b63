"""The window's PDF export, written by a child process (``python -m gui.report_process``).

Why not on the worker thread, where ``gui/report_pdf.py`` runs fine on its own: with the window alive
it can deadlock.  The PDF writer makes and frees thousands of ``QTextDocument``\\ s; PySide keeps the
GIL through some of those calls (``QTextDocument.documentLayout()``, which connects a signal; the
destructors) while Qt takes one of its shared signal-slot mutexes.  Meanwhile the GUI thread can hold
such a mutex while it waits for the GIL: PySide disconnecting a slot whose Python owner was just
garbage-collected asks Python, under that lock, whether ``disconnectNotify`` is overridden.  Seen as a
hang in tests/gui/test_export.py; gdb showed exactly these two stacks.  A child process shares neither
the GIL nor Qt's locks, and the window's Python thread is never slowed by 100 pages of layout.

Protocol.  The parent writes ``pickle((report, path, page_size))`` to the child's stdin; the child
writes ``progress\\t<fraction>\\t<message>`` lines, then ``done\\t<pages>`` or ``error\\t<one line>``,
on stdout (anything else there is ignored; Qt's warnings go to stderr).  The child draws straight
into the path it is given, which is the output writer's temporary file (``analysis.export.writer``:
the caller holds ``Target.staged()``); the writer moves it into place only when this returns.  So a
cancel, whenever it comes, leaves no file and never replaces an existing one: the child is killed
and the writer removes its temporary file.
"""
from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Callable

from analysis.errors import ParallaxError

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.1          # how often a silent child is checked for a cancel
Progress = Callable[[float, str], None]


def _noop(fraction: float, message: str) -> None:
    return None


def _child_command() -> list[str]:
    return [sys.executable, "-m", "gui.report_process"]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    if sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"      # it draws no window; do not talk to the display
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def write_pdf_in_process(report, path: str | os.PathLike, page_size: str = "A4",
                         progress: Progress | None = None) -> int:
    """Draw ``report`` as a PDF into ``path`` (a writer's temporary file) from a child process;
    returns the page count.

    ``progress(fraction, message)`` is called with the child's progress, and at least every
    ``POLL_SECONDS`` while it is silent; when it raises (Cancel), the child is killed, nothing is
    left behind and the exception propagates.  Failures raise ``ParallaxError`` (one line)."""
    progress = progress or _noop
    target = os.fspath(path)
    if getattr(sys, "frozen", False):
        # A frozen application has no ``python -m`` to start: draw here, on this thread, and
        # accept the risk described above.
        from gui.report_pdf import draw_pdf
        return draw_pdf(report, target, page_size=page_size,
                        progress=lambda f, m: progress(min(f, 0.99), m))
    payload = pickle.dumps((report, target, page_size), protocol=pickle.HIGHEST_PROTOCOL)
    lines: queue.Queue[str | None] = queue.Queue()
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(_child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=errors, cwd=str(ROOT), env=_child_env())
        except OSError as exc:
            raise ParallaxError(f"could not start the PDF writer: {exc.strerror or exc}") from exc

        def pump() -> None:                        # a helper thread: feed stdin, read stdout
            try:
                proc.stdin.write(payload)
                proc.stdin.close()
            except OSError:
                pass                               # the child died early; its exit says why
            for raw in proc.stdout:
                lines.put(raw.decode("utf-8", "replace").rstrip("\r\n"))
            lines.put(None)

        reader = threading.Thread(target=pump, name="pdf-writer-pipe", daemon=True)
        reader.start()
        pages, error, done = 0, "", False
        last = (0.0, "starting the PDF writer")
        try:
            while True:
                try:
                    line = lines.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    if not done:
                        progress(*last)            # lets a cancel through while the child works
                    continue
                if line is None:
                    break
                kind, _, rest = line.partition("\t")
                if kind == "progress" and not done:
                    fraction, _, message = rest.partition("\t")
                    try:
                        last = (min(float(fraction), 0.99), message)
                    except ValueError:
                        continue
                    progress(*last)
                elif kind == "done":
                    done, pages = True, int(rest or 0)
                elif kind == "error":
                    error = rest.strip()
            code = proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            reader.join(2)
            raise
        reader.join(2)
        if not done or code != 0:
            if not error:
                errors.seek(0)
                tail = [ln for ln in errors.read().decode("utf-8", "replace").splitlines()
                        if ln.strip()]
                error = f"the PDF writer stopped (exit status {code})" + (
                    f": {tail[-1].strip()}" if tail else "")
            raise ParallaxError(error)
    return pages


# ---- the child ----------------------------------------------------------------------------------

def _line(text: str) -> str:
    return " ".join(str(text).split())


def main() -> int:
    out = sys.stdout

    def progress(fraction: float, message: str) -> None:
        out.write(f"progress\t{float(fraction):.4f}\t{_line(message)}\n")
        out.flush()

    try:
        report, path, page_size = pickle.load(sys.stdin.buffer)
        from gui.report_pdf import draw_pdf
        pages = draw_pdf(report, path, page_size=page_size, progress=progress)
    except OSError as exc:
        traceback.print_exc()
        from analysis.export.writer import reason
        out.write(f"error\tCould not write the PDF: {reason(exc)}.\n")
        out.flush()
        return 1
    except Exception as exc:  # noqa: BLE001 - reported to the window as one line
        traceback.print_exc()
        message = _line(exc) or type(exc).__name__
        out.write(f"error\t{type(exc).__name__}: {message}\n")
        out.flush()
        return 1
    out.write(f"done\t{pages}\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
