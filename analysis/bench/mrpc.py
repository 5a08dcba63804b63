"""The same-fact decision on MRPC: fit on four folds, measure on the fifth (``bench facts`` uses it).

MRPC train (``../shared/bench/mrpc/mrpc_train.jsonl``, 4,076 news sentence pairs labelled 1 when they
report the same thing) is split into five folds by a hash of the first sentence's id, so the split is
the same on every run and on every machine.  The logistic model of ``analysis.align.samefact`` is
fitted on four folds (features standardised, L2 penalty ``L2``, Newton's method) and measured on the
fifth; this is done for each fold and the held-out accuracies and F1 are reported (mean, lowest,
highest).  ``--fit`` refits on all five folds and prints the constants for ``analysis/constants.py``.
"""
from __future__ import annotations

import json
import zlib
from pathlib import Path

import numpy as np

from analysis.bench import SHARED_BENCH

MRPC = SHARED_BENCH / "mrpc" / "mrpc_train.jsonl"
FOLDS = 5
L2 = 1e-2                    # penalty on standardised weights


def load(path: Path = MRPC) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fold_of(row: dict) -> int:
    return zlib.crc32(str(row["id1"]).encode()) % FOLDS


def feature_rows(rows: list[dict]) -> np.ndarray:
    """``samefact.FEATURES`` of every pair, the whole set featurized as one corpus (its IDF)."""
    from analysis.align.features import TextUnit, featurize_units, idf_table
    from analysis.align.samefact import feature_matrix

    units = []
    for i, r in enumerate(rows):
        units.append(TextUnit(f"p{i}", f"p{i}.s1", 0, r["sentence1"]))
        units.append(TextUnit(f"p{i}", f"p{i}.s2", 1, r["sentence2"]))
    feats = featurize_units(units)
    idf = idf_table(feats)
    return feature_matrix([(feats[2 * i], feats[2 * i + 1]) for i in range(len(rows))], idf)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Raw-feature weights and bias of a logistic fit on standardised features."""
    from analysis.bench.similarity import fit_logistic
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    w = fit_logistic((x - mean) / scale, y, l2=L2)
    weights = w[:-1] / scale
    return weights, float(w[-1] - (weights * mean).sum())


def scores(x: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ weights + bias)))


def accuracy_f1(p: np.ndarray, y: np.ndarray, threshold: float = 0.5) -> tuple[float, float]:
    pred = p >= threshold
    gold = y == 1
    tp = float((pred & gold).sum())
    f1 = 2 * tp / (pred.sum() + gold.sum()) if pred.sum() + gold.sum() else 0.0
    return float((pred == gold).mean()), f1


def cross_validate(rows: list[dict], x: np.ndarray) -> list[tuple[float, float]]:
    """(accuracy, F1) on each held-out fold of a model fitted on the other four."""
    y = np.array([r["label"] for r in rows], dtype=np.float64)
    folds = np.array([fold_of(r) for r in rows])
    out = []
    for k in range(FOLDS):
        train = folds != k
        weights, bias = fit(x[train], y[train])
        out.append(accuracy_f1(scores(x[~train], weights, bias), y[~train]))
    return out


def engine_figures(rows: list[dict], x: np.ndarray) -> tuple[float, float]:
    """(accuracy, F1) of the engine's own constants on the whole set (it was fitted on all of it)."""
    from analysis.align.samefact import FEATURES
    from analysis.constants import SAME_FACT_BIAS, SAME_FACT_WEIGHTS
    y = np.array([r["label"] for r in rows], dtype=np.float64)
    weights = np.array([SAME_FACT_WEIGHTS[f] for f in FEATURES])
    return accuracy_f1(scores(x, weights, SAME_FACT_BIAS), y)


def constants_text(rows: list[dict], x: np.ndarray) -> str:
    """The fitted constants on all of MRPC train, as lines for ``analysis/constants.py``."""
    from analysis.align.samefact import FEATURES
    y = np.array([r["label"] for r in rows], dtype=np.float64)
    weights, bias = fit(x, y)
    pairs = ", ".join(f'"{f}": {w:.3f}' for f, w in zip(FEATURES, weights))
    return f"SAME_FACT_BIAS = {bias:.3f}\nSAME_FACT_WEIGHTS = {{{pairs}}}"
