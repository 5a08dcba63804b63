"""Benchmarks, run with ``python main.py bench NAME`` (see docs/BENCHMARKS.md).

Each module here has ``main(argv: list[str]) -> int`` that measures one part of the engine and prints
a Markdown block.  Evaluation sets are read from ``../shared/bench/`` when it exists; they are never
copied into the repository, and no test depends on them.
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED_BENCH = REPO.parent / "shared" / "bench"
NAMES = ("segment", "ingest", "similarity", "align", "signals", "framing", "report", "gui")
