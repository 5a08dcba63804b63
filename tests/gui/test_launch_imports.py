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
