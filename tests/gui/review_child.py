"""A real Parallax window reviewing a session by keyboard until it is killed (the crash test's child).

    python tests/gui/review_child.py SESSION.parallax [LIMIT]

Opens the window the way ``python main.py SESSION.parallax`` does, then works through the findings with
the review keys (J next unreviewed; A / D / F; 1-3; N, typing, Esc), pressing each key on the window
with ``QTest.keyClick``.  After every change the window has committed it prints one line:

    VERDICT <finding id> <verdict>
    SEVERITY <finding id> <n>
    NOTE <finding id> <text>

so the test that kills this process with SIGKILL knows exactly what must be in the file.  The window's
own state is checked before printing: a line is printed only once the session call has returned.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.app import create_app, make_window

    app = create_app()
    window = make_window([path])                 # what main.py does with a session path
    deadline = time.time() + 120
    while time.time() < deadline and (window.doc.comparison is None or window.analysis.runner.running
                                      or window.analysis.timer.isActive()):
        app.processEvents()
        time.sleep(0.005)
    if window.doc.comparison is None:
        print("FAILED analysis did not finish", flush=True)
        return 1
    window.activateWindow()
    if not QTest.qWaitForWindowActive(window, 5000):
        print("FAILED window not active", flush=True)
        return 1
    window.navigation.show_tab(3)                           # the findings queue
    print(f"READY {len(window.doc.comparison.findings)}", flush=True)

    def key(k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        # Keys go to the window, as a user's do: to whichever of its widgets has the focus.
        QTest.keyClick(QApplication.focusWidget() or window, k, modifier)

    def review():
        f = window.navigation.current
        return window.host.review(f.id) if f is not None else None

    keys = {"confirmed": Qt.Key.Key_A, "dismissed": Qt.Key.Key_D, "flagged": Qt.Key.Key_F}
    verdicts = list(keys)
    for n in range(limit):
        key(Qt.Key.Key_J)                        # next unreviewed
        f = window.navigation.current
        if f is None or review().reviewed:
            break                                # everything is reviewed
        verdict = verdicts[n % 3]
        key(keys[verdict])
        assert review().verdict == verdict, (f.id, review())
        print(f"VERDICT {f.id} {verdict}", flush=True)
        if n % 3 == 1:
            severity = 1 + (n // 3) % 3
            key(getattr(Qt.Key, f"Key_{severity}"))
            assert review().severity == severity
            print(f"SEVERITY {f.id} {severity}", flush=True)
        if n % 4 == 2:
            text = f"note {n}: check the source"
            key(Qt.Key.Key_N)
            QTest.keyClicks(QApplication.focusWidget(), text)
            key(Qt.Key.Key_Escape)              # closes the editor, keeps and saves the text
            assert review().note == text, (review(), text)
            print(f"NOTE {f.id} {text}", flush=True)
    print("DONE", flush=True)
    while True:                                  # stay open until killed
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
