"""Measure the window: launch to usable window, and the longest GUI-thread stall during an analysis.

    python -m gui.bench [--articles 50] [--runs 3]

* Launch: a child process is started and reports the moment its window has been shown, painted and
  the event loop has turned once (the window answers input from then on); the time counts from just
  before the child was spawned, so it includes Python start-up and imports.
* Stall: a 10 ms QTimer heartbeat runs while the window analyses ``--articles`` synthetic articles of
  about 1,000 words (built from the seeds by ``analysis.bench.align.synthetic_corpus``) and then
  redraws every view with the result; the longest gap between beats, minus the 10 ms period, is the
  longest time the GUI thread could not answer.  Target (DESIGN.md section 8): under 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HEARTBEAT_MS = 10


def _child_launch() -> int:
    """Child: start the app as ``run()`` would, print when the window is usable, quit."""
    from PySide6.QtCore import QTimer

    from gui.app import create_app
    from gui.main_window import MainWindow

    app = create_app()
    window = MainWindow()
    window.show()

    def usable() -> None:
        window.repaint()
        print(json.dumps({"usable_at": time.time()}), flush=True)
        app.quit()
    QTimer.singleShot(0, usable)
    app.exec()
    return 0


def measure_launch(runs: int) -> list[float]:
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-m", "gui.bench", "--launch-child"], env=env,
                             capture_output=True, text=True, check=True).stdout
        line = next(x for x in out.splitlines() if x.startswith("{"))
        times.append(json.loads(line)["usable_at"] - start)
    return times


def measure_stall(n_articles: int) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer

    from analysis.bench.align import synthetic_corpus
    from gui.app import create_app
    from gui.main_window import MainWindow

    app = create_app()
    articles = synthetic_corpus(n_articles) if n_articles != 5 else None
    if articles is None:
        from analysis.bench.align import seed_articles
        articles = seed_articles()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()

    gaps: list[float] = []
    clock = QElapsedTimer()
    last = [0]
    beat = QTimer()
    beat.setInterval(HEARTBEAT_MS)

    ends: list[int] = []

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        ends.append(now)
        last[0] = now
    beat.timeout.connect(tick)
    done = {"at": None}
    window.analysisFinished.connect(lambda: done.__setitem__("at", clock.elapsed()))
    clock.start()
    beat.start()
    t0 = time.perf_counter()
    window.doc.replace_all(articles)           # as if the files had just been read
    while done["at"] is None and time.perf_counter() - t0 < 600:
        app.processEvents()
        time.sleep(0.001)
    analysed = time.perf_counter() - t0
    # Keep beating a little after the result: the views' redraw happens on the GUI thread too.
    end = time.perf_counter() + 1.0
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    beat.stop()
    # Navigating and switching tabs on the big comparison are GUI-thread work as well.
    nav = []
    for _ in range(5):
        t = time.perf_counter()
        window.next_finding()
        app.processEvents()
        nav.append(time.perf_counter() - t)
    tabs = []
    for i in range(6):
        t = time.perf_counter()
        window.show_tab(i)
        app.processEvents()
        tabs.append(time.perf_counter() - t)
    stalls = [max(0.0, g - HEARTBEAT_MS) for g in gaps[1:]]
    # Split: while the engine runs (GIL contention with the worker) vs. showing the result.
    at = done["at"] or 0
    during = [max(0.0, g - HEARTBEAT_MS) for g, e in zip(gaps[1:], ends[1:]) if e <= at]
    after = [max(0.0, g - HEARTBEAT_MS) for g, e in zip(gaps[1:], ends[1:]) if e > at]
    comp = window.doc.comparison
    window.close()
    return {"articles": n_articles, "analysis_seconds": round(analysed, 2),
            "facts": len(comp.facts) if comp else 0, "findings": len(comp.findings) if comp else 0,
            "longest_stall_ms": round(max(stalls, default=0.0), 1),
            "p99_stall_ms": round(sorted(stalls)[int(len(stalls) * 0.99)] if stalls else 0.0, 1),
            "beats": len(gaps),
            "stall_during_analysis_ms": round(max(during, default=0.0), 1),
            "stall_showing_result_ms": round(max(after, default=0.0), 1),
            "next_finding_ms_max": round(1000 * max(nav), 1),
            "tab_switch_ms_max": round(1000 * max(tabs), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3, help="launch measurements")
    parser.add_argument("--launch-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.launch_child:
        return _child_launch()
    launches = measure_launch(args.runs)
    print(f"launch to usable window: median {statistics.median(launches):.2f} s, "
          f"max {max(launches):.2f} s over {len(launches)} runs")
    result = measure_stall(args.articles)
    print(f"analysis of {result['articles']} articles: {result['analysis_seconds']} s "
          f"({result['facts']} facts, {result['findings']} findings)")
    print(f"longest GUI-thread stall: {result['longest_stall_ms']} ms "
          f"(p99 {result['p99_stall_ms']} ms, {result['beats']} heartbeats of {HEARTBEAT_MS} ms); "
          f"while analysing: {result['stall_during_analysis_ms']} ms, "
          f"showing the result: {result['stall_showing_result_ms']} ms")
    print(f"next finding: max {result['next_finding_ms_max']} ms; "
          f"tab switch: max {result['tab_switch_ms_max']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
