"""Benchmark: a batch over the synthetic newsroom day (``newsday``: 295 articles on 24 events).

The day is written to a fresh temporary folder (or ``--folder``), then ``run_batch`` compares it into
a fresh output folder on the local cores; the time to read and group the folder and the whole run are
timed, the output sizes summed, and the engine's event groups are scored against the generator's
answer key: pair precision and recall (two articles in one group that are in one true event, and the
reverse) and the share of true events found exactly.  A second run over the same output folder shows
the restart (every event read back, none compared).  ``--dask N`` also runs the same batch on a local
Dask cluster of N worker processes into a third folder and says whether every output file is
byte-identical to the local run's.

    python main.py bench batch [--events 24] [--jobs 2] [--dask 2] [--pdf]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import tempfile
import time
from itertools import combinations
from pathlib import Path


def grouping_scores(events, truth: dict) -> dict:
    """Pair precision / recall of the groups against the answer key, and true events found exactly."""
    group_of = {Path(f).name: e.number for e in events for f in e.files}
    true_of = {name: v["event"] for name, v in truth["files"].items() if name in group_of}
    names = sorted(true_of)
    same_group = {(a, b) for a, b in combinations(names, 2) if group_of[a] == group_of[b]}
    same_true = {(a, b) for a, b in combinations(names, 2) if true_of[a] == true_of[b]}
    true_sets = {frozenset(n for n in names if true_of[n] == t) for t in set(true_of.values())}
    found_sets = {frozenset(Path(f).name for f in e.files) for e in events}
    return {"pair_precision": len(same_group & same_true) / max(1, len(same_group)),
            "pair_recall": len(same_group & same_true) / max(1, len(same_true)),
            "exact": len(true_sets & found_sets), "true_events": len(true_sets)}


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main(argv: list[str], pdf_writer=None) -> int:
    from analysis.batch.runner import run_batch
    from analysis.bench.newsday import EVENTS, truth_path, write_day

    parser = argparse.ArgumentParser(prog="bench batch")
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--dask", type=int, default=0, metavar="N", help="also on a local Dask cluster")
    parser.add_argument("--pdf", action="store_true", help="also draw each event's brief PDF")
    parser.add_argument("--keep", metavar="DIR", help="write the day and the outputs here (kept)")
    args = parser.parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="parallax-bench-batch-"))
    folder, out = base / "day", base / "out"
    stories = write_day(folder, events=args.events)
    truth = json.loads(truth_path(folder).read_text(encoding="utf-8"))
    quiet = io.StringIO()
    t0 = time.perf_counter()
    outcome = run_batch(folder, out, jobs=args.jobs, pdf_writer=pdf_writer if args.pdf else None, err=quiet)
    total = time.perf_counter() - t0
    t1 = time.perf_counter()
    again = run_batch(folder, out, jobs=args.jobs, pdf_writer=pdf_writer if args.pdf else None, err=quiet)
    restart = time.perf_counter() - t1
    scores = grouping_scores(outcome.plan.events, truth)
    words = sum(len(s.text.split()) for s in stories)
    compared = [e for e in outcome.plan.events if e.compared]
    print(f"| articles | words | true events | groups found (compared) | whole run, {args.jobs} jobs | "
          "restart (all reused) | outputs |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {outcome.plan.articles} | {words:,} | {scores['true_events']} | {len(outcome.plan.events)} "
          f"({len(compared)}) | {total:.1f} s | {restart:.1f} s ({again.reused} reused) | "
          f"{_size(out) / 1e6:.1f} MB |")
    print(f"\nEvent grouping against the answer key: pair precision {scores['pair_precision']:.3f}, "
          f"pair recall {scores['pair_recall']:.3f}; true events found exactly: {scores['exact']} of "
          f"{scores['true_events']}. Failed events: {len(outcome.failed)}. Reading and grouping the "
          f"folder alone (timed apart): {_plan_seconds(folder):.1f} s. Index: {outcome.index_html}")
    if args.dask:
        print(_dask_line(folder, base / "out-dask", out, args.dask, pdf_writer if args.pdf else None))
    print(f"\nLoad average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores).")
    return 0


def _plan_seconds(folder: Path) -> float:
    from analysis.batch.folder import plan
    t0 = time.perf_counter()
    plan(folder)
    return time.perf_counter() - t0


def _dask_line(folder: Path, out: Path, local: Path, workers: int, pdf_writer) -> str:
    from distributed import LocalCluster

    from analysis.batch.runner import run_batch
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        t0 = time.perf_counter()
        run_batch(folder, out, dask=cluster.scheduler_address, pdf_writer=pdf_writer, err=io.StringIO())
        seconds = time.perf_counter() - t0
    return f"Local Dask cluster ({workers} worker processes): {seconds:.1f} s; {compare_outputs(out, local)}."


def compare_outputs(out: Path, local: Path) -> str:
    """How the files of ``out`` compare with ``local``'s.  A PDF's bytes hold the time it was drawn, a
    random document id and an embedded font subset that differs with the process that drew it, so two
    runs' PDFs are compared by their text (``pdftotext``, when installed); every other file byte for
    byte."""
    mine, theirs = _files(out), _files(local)
    if mine == theirs:
        return "every output file byte-identical to the local run's"
    if mine.keys() != theirs.keys():
        names = sorted(mine.keys() ^ theirs.keys())
        return f"DIFFERENT files from the local run's: {', '.join(names[:5])}"
    differ = [name for name in mine if mine[name] != theirs[name]]
    others = [name for name in differ if not name.endswith(".pdf")]
    if others:
        files = "1 file" if len(others) == 1 else f"{len(others)} files"
        return f"{files} DIFFERENT from the local run's: {', '.join(others[:5])}"
    pdfs = [name for name in differ if name.endswith(".pdf")]
    texts = [(_pdf_text(out / name), _pdf_text(local / name)) for name in pdfs]
    if any(a is None for a, _ in texts):
        verdict = "pdftotext is not installed to compare their text"
    elif all(a == b for a, b in texts):
        verdict = "the same text"
    else:
        verdict = f"{sum(a != b for a, b in texts)} of them with DIFFERENT text"
    return (f"every other file byte-identical to the local run's; the {len(pdfs)} PDFs differ in their "
            f"bytes (drawing time, document id, embedded font data): {verdict}")


def _pdf_text(path: Path) -> str | None:
    import shutil
    import subprocess
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
