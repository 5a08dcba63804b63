"""Benchmark: time and peak memory of the whole analysis on the seeds, 50 and 200 articles.

The scale corpus is built reproducibly from the seeds: each synthetic outlet takes sentences drawn
(seeded RNG) from the five seed articles, grouped into paragraphs, until it has about
``SYNTHETIC_WORDS`` words — so facts recur across outlets the way wire copy does.  The growth exponent
is the slope of log(time) against log(sentences).  The baseline is a naive all-pairs
``difflib.SequenceMatcher`` alignment over the same sentences (every sentence against every sentence
of every other article), timed on the seeds and 50 articles.

    python main.py bench align [--sizes 5,50,200]
"""
from __future__ import annotations

import argparse
import difflib
import math
import random
import time
import tracemalloc
from pathlib import Path

from . import REPO

SYNTHETIC_WORDS = 1000          # words per synthetic article
SENTENCES_PER_PARAGRAPH = 3     # sentences per synthetic paragraph
SEED = 20250217                 # RNG seed: the corpus is the same on every run


def seed_articles():
    from analysis.ingest import load_article
    return [load_article(str(p), article_id=f"a{i + 1}")
            for i, p in enumerate(sorted((REPO / "seeds").glob("*.txt")))]


def synthetic_corpus(n: int) -> list:
    """``n`` articles of about SYNTHETIC_WORDS words each, sentences drawn from the seeds."""
    from analysis.ingest import load_article
    pool = [s.text for a in seed_articles() for s in a.sentences if len(s.text.split()) >= 6]
    rng = random.Random(SEED)
    out = []
    for i in range(n):
        picked, words = [], 0
        while words < SYNTHETIC_WORDS:
            s = rng.choice(pool)
            picked.append(s)
            words += len(s.split())
        paras = [" ".join(picked[j:j + SENTENCES_PER_PARAGRAPH])
                 for j in range(0, len(picked), SENTENCES_PER_PARAGRAPH)]
        text = f"Synthetic Outlet {i + 1}\n\nSource: Outlet {i + 1}\n\n" + "\n\n".join(paras)
        out.append(load_article(text, kind="paste", article_id=f"a{i + 1}"))
    return out


def _measure(articles) -> tuple[float, float, int]:
    from analysis.pipeline import compare
    tracemalloc.start()
    t0 = time.perf_counter()
    comparison = compare(articles)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak / 2**20, len(comparison.facts)


def naive_difflib(articles) -> float:
    """Seconds for all-pairs SequenceMatcher ratios between sentences of different articles."""
    t0 = time.perf_counter()
    sents = [(a.id, s.text) for a in articles for s in a.sentences]
    for i, (ai, ti) in enumerate(sents):
        for aj, tj in sents[i + 1:]:
            if ai != aj:
                difflib.SequenceMatcher(None, ti, tj, autojunk=False).ratio()
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench align")
    parser.add_argument("--sizes", default="5,50,200")
    parser.add_argument("--baseline-max", type=int, default=50,
                        help="largest corpus the naive baseline is run on (it is quadratic)")
    args = parser.parse_args(argv)
    from analysis.pipeline import compare
    compare(seed_articles())        # start-up: model load and caches, reported apart
    rows, points = [], []
    for n in (int(x) for x in args.sizes.split(",")):
        arts = seed_articles() if n == 5 else synthetic_corpus(n)
        sentences = sum(len(a.sentences) for a in arts)
        words = sum(a.word_count for a in arts)
        elapsed, peak, nfacts = _measure(arts)
        base = f"{naive_difflib(arts):.2f} s" if n <= args.baseline_max else "not run"
        rows.append(f"| {'seeds' if n == 5 else n} | {words} | {sentences} | {nfacts} | "
                    f"{elapsed:.2f} s | {peak:.0f} MiB | {base} |")
        points.append((sentences, elapsed))
    print("| articles | words | sentences | facts | time (after start-up) | peak memory "
          "(Python allocations) | naive all-pairs difflib |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if len(points) >= 2:
        (s0, t0), (s1, t1) = points[-2], points[-1]
        print(f"\nGrowth exponent (time ~ sentences^k) between the two largest runs: "
              f"k = {math.log(t1 / t0) / math.log(s1 / s0):.2f}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
