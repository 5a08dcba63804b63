"""Benchmark: ``python main.py compare`` on the seeds as a whole process, and where its time goes.

Whole process: ``main.py compare <the five seeds> --json <tmp>`` run as a child process, as an editor
runs it: with Python's bytecode files written (the environment variable PYTHONDONTWRITEBYTECODE is
removed for the child) and the start-up cache (``analysis.cache``) built by a first warm-up run.  One
more run with an empty cache folder shows the first run after installing.  Wall-clock and CPU
(user + system) time of each child are recorded with the load average, since this machine is shared:
CPU time moves much less than wall time when other work runs.

Breakdown: one child that times its own phases (imports, the one-time loads of models and tables,
reading the inputs, the analysis, writing JSON), and one ``-X importtime`` run whose largest imports
are listed.

    python main.py bench cli [--runs 7] [--root CHECKOUT] [--write]

``--root`` times another checkout's ``main.py`` with this interpreter (for before/after figures);
``--write`` replaces the "## Command line" section of docs/BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.bench import write_section

SECTION = "## Command line (`bench cli`)"
TARGET_SECONDS = 1.2            # DESIGN.md section 8: compare of the seeds as a whole process

_PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
from analysis import regexcache
regexcache.prefill()                    # as compare does first: the compiled patterns of earlier runs
from analysis.commands import load_inputs
from analysis.pipeline import compare
from analysis.export import json_contract
t1 = time.perf_counter()
from analysis.align.embed import load_model
from analysis.align.features.entities import _model_lowercase_words
from analysis.lexicons import available_lexicons, load_lexicon
from analysis.signals import readability, sentiment
from analysis.segment import split_sentences
split_sentences("Warm up. Punkt.")
load_model(); _model_lowercase_words(); readability._cmu_syllables(); readability._pyphen()
sentiment.analyzer(); [load_lexicon(n).pattern for n in available_lexicons()]
from analysis.lemmas import load_tables
from analysis.frequencies import zipf_frequency
load_tables(); zipf_frequency("warm")
t2 = time.perf_counter()
articles, _ = load_inputs(sys.argv[1:])
t3 = time.perf_counter()
comparison = compare(articles)
t4 = time.perf_counter()
json_contract.dumps(comparison)
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "one-time loads (model, tables, lexicons, lemmas, word frequencies)": t2 - t1,
                  "reading the 5 inputs": t3 - t2, "analysis": t4 - t3, "JSON": t5 - t4}))
"""


def _env(cache: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if cache:
        env["PARALLAX_CACHE_DIR"] = cache
    return env


def _child(args: list[str], root: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stderr) of one child process."""
    before = os.times()
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = os.times()
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench cli: the child failed ({done.returncode}): {done.stderr.strip()}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, done.stderr


def _seeds(root: Path) -> list[str]:
    return sorted(str(p) for p in (root / "seeds").glob("*.txt"))


def whole_process(root: Path, runs: int) -> dict:
    seeds = _seeds(root)
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.json")
        command = ["main.py", "compare", *seeds, "--json", out]
        fresh = str(Path(tmp) / "fresh-cache")
        load_before = os.getloadavg()[0]
        first_wall, first_cpu, _ = _child(command, root, _env(fresh))       # empty cache, pyc built
        _child(command, root, _env(None))                                   # warm-up
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu, _ = _child(command, root, _env(None))
            walls.append(wall)
            cpus.append(cpu)
        bare_wall, _, _ = _child(["-c", "pass"], root, _env(None))
        load_after = os.getloadavg()[0]
    return {"walls": walls, "cpus": cpus, "first_wall": first_wall, "first_cpu": first_cpu,
            "python": bare_wall, "load": (load_before, load_after)}


def phases(root: Path) -> dict[str, float]:
    """Seconds of each phase of one run, as the child measured them."""
    done = subprocess.run([sys.executable, "-c", _PHASES, *_seeds(root)], cwd=root, env=_env(None),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench cli: the timing child failed: {done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def largest_imports(root: Path, top: int = 10) -> tuple[float, list[tuple[str, float]]]:
    """Total import time and the ``top`` top-level imports by cumulative time (-X importtime)."""
    with tempfile.TemporaryDirectory() as tmp:
        _, _, err = _child(["-X", "importtime", "main.py", "compare", *_seeds(root), "--json",
                            str(Path(tmp) / "o.json")], root, _env(None))
    rows = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)", line)
        if m and not m[2]:                      # a top-level import (no indentation)
            rows.append((m[3], int(m[1]) / 1e6))
    total = sum(t for _, t in rows)
    return total, sorted(rows, key=lambda r: -r[1])[:top]


def report(root: Path, runs: int) -> str:
    w = whole_process(root, runs)
    p = phases(root)
    total_imports, imports = largest_imports(root)
    walls, cpus = sorted(w["walls"]), sorted(w["cpus"])
    median = statistics.median(walls)
    verdict = "within" if median <= TARGET_SECONDS else "over"
    lines = [
        SECTION, "",
        f"`python main.py bench cli`: `main.py compare` on the five seeds with `--json`, as a whole "
        f"process, {runs} runs after a warm-up (bytecode and start-up cache in place). Load average "
        f"{w['load'][0]:.1f} before, {w['load'][1]:.1f} after (2 cores, shared).", "",
        "| measure | seconds |", "|---|---:|",
        f"| wall, median (min - max) | {median:.2f} ({walls[0]:.2f} - {walls[-1]:.2f}) |",
        f"| CPU (user + system), median | {statistics.median(cpus):.2f} |",
        f"| first run with an empty start-up cache: wall / CPU | {w['first_wall']:.2f} / "
        f"{w['first_cpu']:.2f} |",
        f"| Python itself (`python -c pass`) | {w['python']:.2f} |", "",
        f"Target: {TARGET_SECONDS} s on a quiet machine; the median is {verdict} it at this load.", "",
        "Where one run's time goes (the child times its own phases):", "",
        "| phase | seconds |", "|---|---:|",
        *[f"| {name} | {t:.3f} |" for name, t in p.items()], "",
        f"Largest imports at start-up (`-X importtime`, all imports {total_imports:.2f} s):", "",
        "| module | cumulative s |", "|---|---:|",
        *[f"| `{name}` | {t:.3f} |" for name, t in imports],
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parallax bench cli", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2],
                        help="the checkout whose main.py is timed")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    args = parser.parse_args(argv)
    markdown = report(args.root.resolve(), args.runs)
    print(markdown)
    if args.write:
        write_section(markdown, SECTION)
    return 0
