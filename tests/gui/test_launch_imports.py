"""What the window's process imports before its first paint: nothing it needs only later."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_the_window_imports_no_report_builder_nor_batch_reader_at_launch():
    # The report's builders and renderers (colours brought all of them) and the batch index reader
    # (it brought all of ingest) came with the window's modules; they are needed only on use.
    code = textwrap.dedent("""
        import sys
        import gui.app, gui.main_window
        from analysis.report import colours
        print(sorted(m for m in ("analysis.report.build", "analysis.report.to_html", "analysis.report.write",
                                 "analysis.batch.index", "analysis.ingest") if m in sys.modules))
        from analysis.report import build_report, render_markdown, Report, export_report
        print(build_report.__module__, render_markdown.__module__, Report.__name__, export_report.__module__)
    """)
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [
        "[]", "analysis.report.build analysis.report.to_markdown Report analysis.report.write"]


def test_the_engine_process_is_spawned_before_qt_is_imported_and_then_adopted():
    # It waited for Qt's import (a tenth of a second or more) before it could start warming up.
    code = textwrap.dedent("""
        import sys
        import gui.app
        gui.app.spawn_engine()
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")))
        from gui import early, worker
        spawned = early._spawned
        engine = worker.EngineProcess()
        print(engine.child is spawned, engine.child.call("gui.engine:qt_loaded", progress=lambda f, s: None),
              early.take_engine())
        engine.kill()
    """)
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["[]", "True [] None"]
