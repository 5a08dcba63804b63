"""Benchmark: sentence similarity against STS-B human scores (Pearson and Spearman on dev).

    python -m analysis.bench.similarity            # evaluate the constants in analysis/constants.py
    python -m analysis.bench.similarity --fit      # also refit the weights on STS-B train and print them

Reads ``stsb_train.jsonl`` and ``stsb_dev.jsonl`` from ``SHARED_BENCH/stsb`` (never copied into the
repository).  Rows: genre, source, score (0-5), sentence1, sentence2.

Two ways of scoring are reported: *corpus* (all dev sentences featurized together, IDF over them,
``pair_similarity`` — how the aligner uses the score) and *standalone* (``similarity(a, b)`` per pair).
Baselines: wordllama cosine alone, and Jaccard of lower-cased word sets.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from analysis.bench import SHARED_BENCH

STSB = SHARED_BENCH / "stsb"


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean rank), as Spearman needs; numpy only."""
    x = np.asarray(x, dtype=np.float64)
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    r = np.empty(len(x), dtype=np.float64)
    boundaries = np.flatnonzero(np.diff(sorted_x)) + 1
    starts = np.concatenate(([0], boundaries))
    stops = np.concatenate((boundaries, [len(x)]))
    for s, e in zip(starts, stops):
        r[order[s:e]] = (s + e - 1) / 2.0
    return r


def pearson(a, b) -> float:
    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def spearman(a, b) -> float:
    return pearson(ranks(a), ranks(b))


def components_matrix(rows: list[dict]) -> tuple[np.ndarray, float]:
    """Component matrix (pairs x COMPONENTS) of a set of rows featurized as one corpus, and seconds."""
    from analysis.align.features import TextUnit, featurize_units, idf_table
    from analysis.align.similarity import COMPONENTS, pair_components

    units = []
    for i, r in enumerate(rows):
        units.append(TextUnit(f"p{i}", f"p{i}.s1", 0, r["sentence1"]))
        units.append(TextUnit(f"p{i}", f"p{i}.s2", 1, r["sentence2"]))
    t0 = time.perf_counter()
    feats = featurize_units(units)
    seconds = time.perf_counter() - t0
    idf = idf_table(feats)
    comps = [pair_components(feats[2 * i], feats[2 * i + 1], idf) for i in range(len(rows))]
    return np.array([[c[name] for name in COMPONENTS] for c in comps]), seconds


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 50) -> np.ndarray:
    """Logistic regression with soft targets y in [0, 1] by Newton's method; returns (w..., bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(len(w)) * l2
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) / len(y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb / len(y) + penalty
        w -= np.linalg.solve(hess, grad)
    return w


def word_jaccard(a: str, b: str) -> float:
    from analysis.align.features.words import scan
    sa = {w.lower() for w, _, _ in scan(a)}
    sb = {w.lower() for w, _, _ in scan(b)}
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def synthetic_articles(count: int, words: int = 1000, seed: int = 7):
    """``count`` synthetic outlets of about ``words`` words each, made reproducibly from the seeds'
    sentences (shuffled, sampled with replacement), so facts recur across outlets as in real input."""
    import random

    from analysis.bench import draw_sentences, raw_seeds, text_article

    pool = [s.text for a in raw_seeds() for s in a.sentences if len(s.text.split()) >= 6]
    rng = random.Random(seed)
    return [text_article("\n\n".join(draw_sentences(pool, words, rng)), f"s{n + 1}",
                         outlet=f"synthetic {n + 1}") for n in range(count)]


def _best_of(runs: int, fn):
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def speed_and_recall(threshold: float) -> list[str]:
    """Featurize and candidate-index timings, and the index's recall against all pairs."""
    from analysis.align.features import featurize, idf_table
    from analysis.align.similarity import all_pairs, candidate_pairs, score_pairs
    from analysis.bench import raw_seeds

    seeds = raw_seeds()
    lines = ["| corpus | sentences | featurize (s) | candidate pairs | all pairs | index (s) "
             f"| recall at >= {threshold} |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, articles, check in (("5 seeds", seeds, True),
                                  ("10 synthetic x 1,000 words", synthetic_articles(10), True),
                                  ("50 synthetic x 1,000 words", synthetic_articles(50), False),
                                  ("200 synthetic x 1,000 words", synthetic_articles(200), False)):
        runs = 3 if len(articles) <= 50 else 1
        feat_s, feats = _best_of(runs, lambda articles=articles: featurize(articles))
        idf = idf_table(feats)
        index_s, cands = _best_of(runs, lambda feats=feats, idf=idf: candidate_pairs(feats, idf))
        n = sum(len(v) for v in feats.values())
        sizes = [len(v) for v in feats.values()]
        total = (sum(sizes) ** 2 - sum(x * x for x in sizes)) // 2
        recall = "not measured (all pairs too many)"
        if check:
            everything = list(all_pairs(feats))
            scores = score_pairs(everything, idf)
            strong = {(a.sentence, b.sentence) for (a, b), v in zip(everything, scores) if v >= threshold}
            got = {(a.sentence, b.sentence) for a, b in cands}
            recall = f"{len(strong & got) / max(1, len(strong)):.3f} ({len(strong)} pairs)"
        lines.append(f"| {name} | {n} | {feat_s:.3f} | {len(cands)} | {total} | {index_s:.3f} | {recall} |")
    return lines


def _row(name: str, pred: np.ndarray, gold: np.ndarray, news: np.ndarray) -> str:
    if news.sum() < 3:   # e.g. with --limit: too few news pairs to correlate
        news_cells = "n/a | n/a"
    else:
        news_cells = f"{pearson(pred[news], gold[news]):.4f} | {spearman(pred[news], gold[news]):.4f}"
    return f"| {name} | {pearson(pred, gold):.4f} | {spearman(pred, gold):.4f} | {news_cells} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench similarity", description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the weights on STS-B train")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N rows of each set")
    parser.add_argument("--speed", action="store_true", help="also time featurize and the index")
    parser.add_argument("--recall-threshold", type=float, default=0.45,
                        help="similarity above which a pair counts for the index's recall")
    args = parser.parse_args(argv)

    train_path, dev_path = STSB / "stsb_train.jsonl", STSB / "stsb_dev.jsonl"
    if not dev_path.exists() or (args.fit and not train_path.exists()):
        print(f"STS-B is missing: expected {dev_path} (and stsb_train.jsonl for --fit). "
              "The benchmark needs ../shared/bench/stsb/ beside the repository.")
        return 1

    from analysis import constants
    from analysis.align.embed import load_model
    from analysis.align.similarity import COMPONENTS, similarity

    load_model()
    dev = load_rows(dev_path)[: args.limit or None]
    gold = np.array([r["score"] for r in dev], dtype=np.float64)
    news = np.array([r["genre"] == "main-news" for r in dev])
    x_dev, feat_seconds = components_matrix(dev)

    weights = np.array([constants.SIM_W_COSINE, constants.SIM_W_CONTENT, constants.SIM_W_OVERLAP,
                        constants.SIM_W_ENTITY, constants.SIM_W_NUMBER, constants.SIM_BIAS])
    if args.fit:
        train = load_rows(train_path)[: args.limit or None]
        x_train, _ = components_matrix(train)
        weights = fit_logistic(x_train, np.array([r["score"] for r in train]) / 5.0)
        print("# fitted on STS-B train, paste into analysis/constants.py:")
        print(f"SIM_BIAS = {weights[-1]:.2f}")
        for name, w in zip(COMPONENTS, weights[:-1]):
            print(f"SIM_W_{'COSINE' if name == 'cosine' else name.upper()} = {w:.2f}")
        print()

    combined = 1.0 / (1.0 + np.exp(-(x_dev @ weights[:-1] + weights[-1])))
    t0 = time.perf_counter()
    standalone = np.array([similarity(r["sentence1"], r["sentence2"]) for r in dev])
    standalone_seconds = time.perf_counter() - t0
    jaccard = np.array([word_jaccard(r["sentence1"], r["sentence2"]) for r in dev])

    print(f"STS-B dev: {len(dev)} pairs ({int(news.sum())} main-news); Pearson and Spearman "
          f"against the human 0-5 scores.\n")
    print("| scorer | Pearson | Spearman | Pearson (news) | Spearman (news) |")
    print("| --- | --- | --- | --- | --- |")
    print(_row("Parallax `pair_similarity` (corpus IDF)", combined, gold, news))
    print(_row("Parallax `similarity(a, b)` (standalone)", standalone, gold, news))
    print(_row("wordllama cosine alone", x_dev[:, COMPONENTS.index("cosine")], gold, news))
    print(_row("content-word embedding cosine alone", x_dev[:, COMPONENTS.index("content")], gold, news))
    print(_row("IDF-weighted stem overlap alone", x_dev[:, COMPONENTS.index("overlap")], gold, news))
    print(_row("word Jaccard", jaccard, gold, news))
    print()
    print(f"Speed: featurizing {2 * len(dev)} sentences took {feat_seconds:.2f} s "
          f"({1000 * feat_seconds / (2 * len(dev)):.2f} ms per sentence, one batched call); "
          f"`similarity(a, b)` on {len(dev)} pairs took {standalone_seconds:.2f} s.")
    if args.speed:
        print()
        print("\n".join(speed_and_recall(args.recall_threshold)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
