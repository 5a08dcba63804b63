"""Benchmark: the input limits hold (issue 12): time and peak memory of ``compare`` on inputs at and
past the word budget, each run as ``python main.py compare FILE --json OUT`` in its own process.

The inputs are made up here, seeded (no article text): prose of random sentences from a small
vocabulary, and one line of words with no punctuation at all.

    python main.py bench limits [--sizes 20MB-prose,5MB-line,2MB-prose,budget-prose]
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis import constants as C
from analysis.bench import REPO

_WORDS = ("council minister city river bridge report budget school hospital court police officer mayor "
          "storm village company worker union plan vote road train station market harbour island museum "
          "approved rejected announced delayed opened closed funded praised repaired reviewed visited new "
          "old local national large small public early late busy central the a of in and to on").split()
_NAMES = "Alder Brook Carver Dunmore Ellis Fenwick Garrow Hale Ingram Jessop Keller Lorne".split()


def prose(n_bytes: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out, size = [], 0
    while size < n_bytes:
        sentences = [f"The {rng.choice(_NAMES)} " + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 30)))
                     + rng.choice(".?!.") for _ in range(rng.randint(2, 6))]
        out.append(" ".join(sentences))
        size += len(out[-1]) + 2
    return "\n\n".join(out)[:n_bytes]


def one_line(n_bytes: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    words, size = [], 0
    while size < n_bytes:
        words.append(rng.choice(_WORDS + _NAMES))
        size += len(words[-1]) + 1
    return " ".join(words)[:n_bytes]


CASES = {
    "20MB-prose": lambda: prose(20_000_000),
    "5MB-line": lambda: one_line(5 * 2**20),
    "2MB-prose": lambda: prose(2 * 2**20),
    # Just under the word budget: the largest article that is analysed.
    "budget-prose": lambda: prose(int(C.MAX_ARTICLE_WORDS * 6.4)),
}


def measure(name: str, folder: Path) -> dict:
    path = folder / f"{name}.txt"
    path.write_text(CASES[name](), encoding="utf-8")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "compare", str(path), "--json",
                             str(folder / f"{name}.json")], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    err = proc.stderr.read()
    proc.stderr.close()
    first = next((ln for ln in err.splitlines() if "analysing" not in ln), "")
    return {"case": name, "MB": path.stat().st_size / 2**20, "seconds": seconds,
            "peak_MB": usage.ru_maxrss / 1024, "exit": os.waitstatus_to_exitcode(status), "says": first}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="parallax bench limits", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(CASES))
    args = parser.parse_args(argv)
    names = [n for n in args.sizes.split(",") if n]
    unknown = [n for n in names if n not in CASES]
    if unknown:
        print(f"parallax: unknown case {', '.join(unknown)}; choose from {', '.join(CASES)}", file=sys.stderr)
        return 2
    print("| input | size | time | peak memory | exit | first line on stderr |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            r = measure(name, Path(tmp))
            print(f"| {r['case']} | {r['MB']:.1f} MB | {r['seconds']:.1f} s | {r['peak_MB']:.0f} MB | "
                  f"{r['exit']} | {r['says'].replace(tmp + os.sep, '')[:110]} |", flush=True)
    print(f"\nLimits: MAX_ARTICLE_WORDS={C.MAX_ARTICLE_WORDS:,}, MAX_COMPARISON_WORDS={C.MAX_COMPARISON_WORDS:,}, "
          f"MAX_INPUT_BYTES={C.MAX_INPUT_BYTES / 2**20:g} MB. Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs (a shared, busy machine: times are noisy).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
