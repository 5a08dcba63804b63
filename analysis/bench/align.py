"""Benchmark: time and peak memory of the whole analysis on the seeds, 50 and 200 articles.

The scale corpus is built reproducibly from the seeds: each synthetic outlet takes sentences drawn
(seeded RNG) from the five seed articles, grouped into paragraphs, until it has about
``SYNTHETIC_WORDS`` words — so facts recur across outlets the way wire copy does.

Each size runs in a fresh process, so no size profits from another's caches: the process starts,
loads the engine and the embedding model and compares two small warm-up articles unrelated to the
seeds (this is "start-up"), then times ``compare`` on the corpus once.  Memory is the process's peak
resident set (model included) and its growth during ``compare``.  The growth exponent k is the slope
of log(time) against log(sentences) (time ~ sentences^k).

The baseline is a naive all-pairs ``difflib.SequenceMatcher`` alignment over the same sentences
(every sentence against every sentence of every other article, ``ratio()`` with ``autojunk=False``).
It is quadratic (about 1 ms a pair): up to ``BASELINE_EXHAUSTIVE`` pairs it runs in full (the seeds);
above, it times a fixed random sample of ``--baseline-sample`` pairs and extrapolates to all pairs
(marked "est.").

    python main.py bench align [--sizes 5,50,200] [--write]

``--write`` replaces the marked figures block of "Latest run" in docs/BENCHMARKS.md (under "Alignment
speed and scaling"), keeping the prose around it.  CPU counts the forked workers of the analysis
(``analysis.workers``) with the process; memory gives the process's peak and the largest worker's (a
worker's resident set counts the pages it still shares with the process).
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from analysis.bench import BENCHMARKS_MD, REPO, draw_sentences, write_section  # the seeds, as loaded
from analysis.bench import load_seeds as seed_articles

SYNTHETIC_WORDS = 1000          # words per synthetic article
SENTENCES_PER_PARAGRAPH = 3     # sentences per synthetic paragraph
SECTION = "### Latest run (`bench align --write`)"
SEED = 20250217                 # RNG seed: the corpus is the same on every run
BASELINE_EXHAUSTIVE = 15_000    # sentence pairs the naive baseline runs in full; above, it samples
BASELINE_SAMPLE = 3_000         # sentence pairs timed (and scaled up) above that

WARM_UP = (
    "City council approves new budget\n\nThe city council approved a budget of $2 million on "
    "Tuesday after a long debate. Mayor Jane Doe said the plan would fund three new parks.",
    "Council passes budget\n\nCouncillors voted on Tuesday to pass a $2 million budget. The mayor, "
    "Jane Doe, told reporters that three parks would be built next year.",
)


def synthetic_corpus(n: int, words: int = SYNTHETIC_WORDS) -> list:
    """``n`` articles of about ``words`` words each, sentences drawn from the seeds."""
    from analysis.ingest import load_article
    pool = [s.text for a in seed_articles() for s in a.sentences if len(s.text.split()) >= 6]
    rng = random.Random(SEED)
    out = []
    for i in range(n):
        picked = draw_sentences(pool, words, rng)
        paras = [" ".join(picked[j:j + SENTENCES_PER_PARAGRAPH])
                 for j in range(0, len(picked), SENTENCES_PER_PARAGRAPH)]
        text = f"Synthetic Outlet {i + 1}\n\nSource: Outlet {i + 1}\n\n" + "\n\n".join(paras)
        out.append(load_article(text, kind="paste", article_id=f"a{i + 1}"))
    return out


def corpus(n: int) -> list:
    """The seeds for n = 5, else ``n`` synthetic articles."""
    return seed_articles() if n == 5 else synthetic_corpus(n)


def _cross_pairs(articles) -> list[tuple[int, int]]:
    owner = [a.id for a in articles for _ in a.sentences]
    n = len(owner)
    return [(i, j) for i in range(n) for j in range(i + 1, n) if owner[i] != owner[j]]


def naive_difflib(articles, sample: int = BASELINE_SAMPLE) -> tuple[float, int, bool]:
    """(seconds, pairs, estimated): all-pairs SequenceMatcher ratios between sentences of different
    articles; above BASELINE_EXHAUSTIVE pairs, ``sample`` pairs are timed and scaled up."""
    texts = [s.text for a in articles for s in a.sentences]
    owner = [a.id for a in articles for _ in a.sentences]
    n = len(texts)
    total = (n * (n - 1) - sum(len(a.sentences) * (len(a.sentences) - 1) for a in articles)) // 2
    if total <= BASELINE_EXHAUSTIVE:
        pairs = _cross_pairs(articles)
    else:
        rng = random.Random(SEED)
        pairs = []
        while len(pairs) < sample:
            i, j = rng.randrange(n), rng.randrange(n)
            if owner[i] != owner[j]:
                pairs.append((i, j))
    t0 = time.perf_counter()
    for i, j in pairs:
        difflib.SequenceMatcher(None, texts[i], texts[j], autojunk=False).ratio()
    elapsed = time.perf_counter() - t0
    return elapsed * total / max(1, len(pairs)), total, len(pairs) < total


def _rss_mib() -> float:
    """Current resident set of this process (Linux /proc), MiB."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return float("nan")


def measure_one(n: int, baseline_sample: int, baseline: bool) -> dict:
    """Run in a fresh process: start-up, then one timed ``compare`` of the size-``n`` corpus."""
    t_start = time.perf_counter()
    from analysis.ingest import load_article
    from analysis.pipeline import compare
    warm = [load_article(t, kind="paste", article_id=f"w{i}") for i, t in enumerate(WARM_UP)]
    compare(warm)
    startup = time.perf_counter() - t_start
    articles = corpus(n)
    rss_before = _rss_mib()
    t0 = time.perf_counter()
    c0, w0 = time.process_time(), _workers_cpu()
    comparison = compare(articles)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    workers_cpu = _workers_cpu() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024        # KiB on Linux
    out = {"n": n, "startup": startup, "words": sum(a.word_count for a in articles),
           "sentences": sum(len(a.sentences) for a in articles), "facts": len(comparison.facts),
           "shared": sum(1 for f in comparison.facts if len(f.members) > 1),
           "findings": len(comparison.findings), "seconds": elapsed, "cpu": cpu + workers_cpu,
           "workers_cpu": workers_cpu,
           "workers_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
           "peak_mib": peak, "growth_mib": max(0.0, peak - rss_before),
           "same_event": sum(1 for e in comparison.event if e.same_event)}
    out.update(measure_json(comparison))
    if baseline:
        out["baseline"], out["baseline_pairs"], out["baseline_estimated"] = \
            naive_difflib(articles, baseline_sample)
    return out


def _workers_cpu() -> float:
    """CPU seconds of the forked workers ended so far (``analysis.workers``: they are this process's
    children; the CPU column counts them with this process)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measure_json(comparison) -> dict:
    """Size of the JSON contract and the time to write it as ``compare --json`` does (one writer:
    temporary file, fsync, rename), and the process's peak memory once it is written."""
    import tempfile

    from analysis.export import json_contract
    from analysis.export.writer import write_text
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as folder:
        target = Path(folder) / "comparison.json"
        t0 = time.perf_counter()
        write_text(target, json_contract.dumps(comparison) + "\n")
        elapsed = time.perf_counter() - t0
        size = target.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"json_bytes": size, "json_seconds": elapsed, "json_peak_mib": peak}


def neighbour_recall(n: int) -> dict:
    """The candidate index's HNSW search against the exact one on the size-``n`` corpus (sentence
    vectors): tie-aware recall (a proposed neighbour counts when it is at least as close as the exact
    k-th), pairs found, and CPU seconds of each."""
    import numpy as np

    from analysis.align import similarity
    from analysis.align.features import featurize
    from analysis.constants import CANDIDATE_NEIGHBOURS
    feats = featurize(corpus(n))
    order = {a: i for i, a in enumerate(feats)}
    flat = [f for fs in feats.values() for f in fs]
    matrix = np.stack([f.vector for f in flat]).astype(np.float32)
    article_of = np.array([order[f.article] for f in flat], dtype=np.int32)
    out = {"n": n, "rows": len(flat)}
    for name, limit in (("exact", len(flat)), ("hnsw", 0)):
        found: set[tuple[int, int]] = set()
        c0 = time.process_time()
        similarity._nearest(matrix, article_of, CANDIDATE_NEIGHBOURS, found, exact_max=limit)
        out[name], out[f"{name}_cpu"] = found, time.process_time() - c0
    kth: dict[int, float] = {}
    for i, j in out["exact"]:
        sim = float(matrix[i] @ matrix[j])
        kth[i], kth[j] = min(kth.get(i, 2.0), sim), min(kth.get(j, 2.0), sim)
    hits = sum(1 for i, j in out["hnsw"]
               if matrix[i] @ matrix[j] >= min(kth.get(i, 2.0), kth.get(j, 2.0)) - 1e-6)
    out["recall"] = hits / max(1, len(out["hnsw"]))
    out["exact"], out["hnsw"] = len(out["exact"]), len(out["hnsw"])
    return out


def first_compare_seconds() -> float:
    """Seconds from process start to the end of the first ``compare`` of the seeds: imports, model
    load, lexicons and the analysis itself (what a user waits for on a cold start)."""
    t0 = time.perf_counter()
    from analysis.pipeline import compare
    compare(seed_articles())
    return time.perf_counter() - t0


def _child(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-m", "analysis.bench.align", *args], cwd=REPO,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _k(smaller: dict, larger: dict, key: str) -> float:
    """Growth exponent of ``key`` (time ~ sentences^k) between two runs."""
    return math.log(larger[key] / smaller[key]) / math.log(larger["sentences"] / smaller["sentences"])


def _slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(y) against log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench align")
    parser.add_argument("--sizes", default="5,50,200")
    parser.add_argument("--baseline-sample", type=int, default=BASELINE_SAMPLE,
                        help=f"pairs the naive baseline times above {BASELINE_EXHAUSTIVE:,} pairs")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)        # internal: one size
    parser.add_argument("--first", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--save", metavar="PATH", help="also save the raw figures as JSON")
    parser.add_argument("--recall", action="store_true",
                        help="only the HNSW neighbour search against the exact one, per size")
    parser.add_argument("--write", action="store_true",
                        help=f"put the table into docs/BENCHMARKS.md ({SECTION.lstrip('# ')})")
    args = parser.parse_args(argv)
    if args.first:
        print(json.dumps({"first": first_compare_seconds()}))
        return 0
    if args.one is not None:
        print(json.dumps(measure_one(args.one, args.baseline_sample, not args.no_baseline)))
        return 0
    if args.recall:
        print("| articles | sentences | pairs exact | pairs HNSW | tie-aware recall | CPU exact | CPU HNSW |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n in (int(x) for x in args.sizes.split(",")):
            r = neighbour_recall(n)
            print(f"| {n} | {r['rows']:,} | {r['exact']:,} | {r['hnsw']:,} | {r['recall']:.4f} | "
                  f"{r['exact_cpu']:.2f} s | {r['hnsw_cpu']:.2f} s |")
        return 0
    cold = _child(["--first"])["first"]
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        extra = ["--no-baseline"] if args.no_baseline else []
        rows.append(_child(["--one", str(n), "--baseline-sample", str(args.baseline_sample), *extra]))
    if args.save:
        Path(args.save).write_text(json.dumps({"cold": cold, "load": os.getloadavg(), "rows": rows},
                                              indent=1), encoding="utf-8")
    text = markdown(rows, cold)
    print(text)
    if args.write:
        write(text, f"python main.py bench align --sizes {args.sizes}{' --no-baseline' * args.no_baseline}")
    return 0


def write(table: str, command: str, path: Path = BENCHMARKS_MD) -> None:
    """The figures of ``command`` (``table``: ``markdown``) as the marked block of ``SECTION``."""
    write_section(f"{SECTION}\n\n`{command}`, load average {os.getloadavg()[0]:.1f} at the end (CPU is "
                  f"the figure to compare on a shared machine):\n\n{table}\n", SECTION,
                  path, under=r"^## Alignment speed and scaling.*$")


def markdown(rows: list[dict], cold: float) -> str:
    """The scaling table and the lines under it."""
    out = ["| articles | words | sentences | facts (2+ outlets) | findings | time after start-up (CPU, of it workers) "
           "| peak memory (growth; a worker's peak) | JSON (write time, peak after writing) "
           "| k from previous size (wall / CPU) | naive all-pairs difflib |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    previous = None
    for r in rows:
        if "baseline" in r:
            est = " est." if r["baseline_estimated"] else ""
            base = f"{r['baseline']:.1f} s{est} ({r['baseline_pairs']:,} pairs)"
        else:
            base = "not run"
        k = f"{_k(previous, r, 'seconds'):.2f} / {_k(previous, r, 'cpu'):.2f}" if previous else ""
        out.append(f"| {'5 seeds' if r['n'] == 5 else r['n']} | {r['words']:,} | {r['sentences']:,} | "
                   f"{r['facts']} ({r['shared']}) | {r['findings']:,} | {r['seconds']:.2f} s "
                   f"({r['cpu']:.2f} s, {r.get('workers_cpu', 0.0):.2f} s) | {r['peak_mib']:.0f} MiB "
                   f"(+{r['growth_mib']:.0f}; {r.get('workers_peak_mib', 0.0):.0f} MiB) | "
                   f"{r['json_bytes'] / 1e6:.1f} MB ({r['json_seconds']:.1f} s, {r['json_peak_mib']:.0f} MiB) "
                   f"| {k} | {base} |")
        previous = r
    out.append(f"\nStart-up (imports, model load, a two-article warm-up): "
               f"{sum(r['startup'] for r in rows) / len(rows):.2f} s on average; first compare of the "
               f"seeds in a fresh process, start-up included: {cold:.2f} s.")
    points = [(r["sentences"], r["seconds"]) for r in rows]
    if len(points) >= 2:
        out.append(f"Growth exponent (time ~ sentences^k): k = {_slope(points):.2f} fitted over all runs.")
        based = [r for r in rows if "baseline" in r and r["n"] != 5]
        if based:
            r = based[-1]
            out.append(f"Naive difflib baseline against Parallax at {r['n']} articles: "
                       f"{r['baseline'] / r['seconds']:.0f}x slower.")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
