"""Benchmark: the fact grid against gold facts, the same-fact decision on MRPC, and the aligner's time.

    python main.py bench facts [--fit] [--write] [--no-pipeline]

1. **Gold links** on the BASIL dev events that have gold facts (``../shared/bench/basil_dev/
   gold_facts.jsonl`` and ``analysis/bench/data/basil_gold_extra.jsonl``, ids and sentence indices
   only).  A link is (gold fact, outlet A, outlet B); recall and precision are computed by the shared
   checker's own code (``basil_lib.gold_fact_figures``), twice: through the whole pipeline (what
   ``check_basil.py`` prints: an article the event check drops links nothing), and on the alignment
   alone (the three articles aligned as one event, as the gold says they are).  Alongside, the
   stricter **claim-pair precision**: of the pairs of claims of different outlets that share an
   engine fact, the share whose two sentences share a gold fact (the link figures count a fact once
   per outlet pair, however many claims it holds).
2. **MRPC** (``analysis.bench.mrpc``): the same-fact model fitted on four folds, measured on the
   fifth, for each fold; ``--fit`` refits on all of it and prints the constants.
3. **Time** of the alignment (claims, features, candidate links, clustering) on 50 synthetic
   articles of about 1,000 words (``bench align``'s corpus), best of three.

``--write`` puts the figures into their marked block of docs/BENCHMARKS.md (section "Facts"); the prose
around them is kept.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import combinations

import numpy as np

from analysis.bench import REPO, basil_lib, write_section
from analysis.constants import LINK_MIN_PROBABILITY

SECTION = "## Facts (`bench facts`)"


class AlignmentOnly:
    """A ``basil_lib.Engine`` stand-in that aligns the articles as one event (no event check) and
    returns the JSON fields the gold figures read.  Each event is aligned once (claims, features,
    evidence); ``weights``/``bias``/``min_link`` re-score its links, so fits and thresholds are cheap
    to compare.  It also labels each candidate link (its sentences share a gold fact) for the fit and
    counts claim pairs for the strict figure."""

    def __init__(self, bl, gold_by_uuid: dict):
        self.bl, self.engine, self.gold = bl, bl.Engine(), gold_by_uuid
        self.pairs = Counter()
        self.prepared: dict[str, tuple] = {}            # uuid -> (loaded articles, Aligned, link labels)
        self.weights: dict | None = None
        self.bias: float | None = None
        self.min_link = LINK_MIN_PROBABILITY

    def compare_articles(self, arts: list[dict], tag: str) -> dict:
        from analysis.export.json_contract import to_dict
        from analysis.model import Comparison, EventMatch
        loaded, aligned, _ = self.prepare(arts, tag)
        if self.weights is not None:
            aligned = aligned.relinked(self.weights, self.bias)
        facts = aligned.facts(min_link=self.min_link)
        self._count_pairs(arts, loaded, facts)
        comparison = Comparison(articles=tuple(loaded), facts=tuple(facts),
                                event=tuple(EventMatch(a.id, 1.0, True) for a in loaded))
        return json.loads(json.dumps(to_dict(comparison)))

    def prepare(self, arts: list[dict], tag: str) -> tuple:
        uuid = self._uuid(arts)
        if uuid in self.prepared:
            return self.prepared[uuid]
        from analysis.align import stage
        from analysis.ingest import load_article
        loaded = []
        for i, art in enumerate(arts):
            path = self.engine.tmp / f"{tag}_{i}_{art['source']}.txt"
            path.write_text(self.bl.article_file(art), encoding="utf-8")
            loaded.append(load_article(path, article_id=f"a{i + 1}"))
        aligned = stage.run(loaded, lambda *_: None)
        where = self._where(arts, loaded)
        by_id = {a.id: a for a in loaded}
        gold = self._gold(uuid)
        labels = np.array([_backed(gold, where[_claim_sentence(aligned, by_id, ka)],
                                   where[_claim_sentence(aligned, by_id, kb)])
                           for ka, kb, _ in aligned.links], dtype=bool)
        self.prepared[uuid] = (loaded, aligned, labels)
        return self.prepared[uuid]

    def _uuid(self, arts) -> str | None:
        return next((u for u, g in self.gold.items() if {a["key"] for a in arts} <= g["keys"]), None)

    def _gold(self, uuid) -> list[dict]:
        return [{o: set(v) for o, v in f["members"].items()} for f in self.gold[uuid]["facts"]] if uuid else []

    def _where(self, arts, loaded) -> dict:
        """Engine sentence id -> (outlet, BASIL sentence indices)."""
        where = {}
        for art, a in zip(arts, loaded):
            ranges = self.bl.map_sentences(art, a.text)
            for s in a.sentences:
                where[s.id] = (art["source"], {k for k, r in enumerate(ranges)
                                               if r and self.bl.overlaps(r, (s.start, s.end))})
        return where

    def _count_pairs(self, arts, loaded, facts) -> None:
        uuid = self._uuid(arts)
        if uuid is None:
            return
        gold, where = self._gold(uuid), self._where(arts, loaded)
        by_id = {a.id: a for a in loaded}
        for f in facts:
            units = [where[_holding(by_id[m.article], c.start)] for m in f.members for c in m.claims]
            for a, b in combinations(units, 2):
                if a[0] != b[0]:
                    self.pairs["pairs"] += 1
                    self.pairs["backed"] += _backed(gold, a, b)


def _backed(gold: list[dict], a: tuple, b: tuple) -> bool:
    """Whether two (outlet, BASIL sentences) of different outlets share a gold fact."""
    return a[0] != b[0] and any(g.get(a[0], set()) & a[1] and g.get(b[0], set()) & b[1] for g in gold)


def _claim_sentence(aligned, by_id, key) -> str:
    art, index = key
    return by_id[art].sentences[aligned.claims[art][index].sentence].id


def _holding(article, offset: int) -> str:
    return next(s.id for s in article.sentences if s.start <= offset < s.end)


def gold_setup(bl) -> tuple[dict, list[dict], AlignmentOnly]:
    """The dev events by uuid, their gold rows, and an aligner over them."""
    from analysis.bench.omissions import gold_events
    events = {t["uuid"]: t for t in bl.load_events(REPO.parent / "shared" / "bench" / "basil_dev")}
    gold = [g for g in gold_events() if g["triplet_uuid"] in events]
    by_uuid = {g["triplet_uuid"]: {"facts": g["facts"],
                                   "keys": {a["key"] for a in events[g["triplet_uuid"]]["articles"]}} for g in gold}
    return events, gold, AlignmentOnly(bl, by_uuid)


def gold_figures(bl, pipeline: bool = True) -> tuple[int, dict | None, dict, Counter, AlignmentOnly, list, dict]:
    """(events, pipeline figures or None, alignment-only figures, claim-pair counts, the aligner,
    the gold rows, the events by uuid)."""
    events, gold, aligner = gold_setup(bl)
    alone = bl.gold_fact_figures(aligner, events, gold)
    whole = bl.gold_fact_figures(bl.Engine(), events, gold) if pipeline else None
    return len(gold), whole, alone, Counter(aligner.pairs), aligner, gold, events


# --- the link model: fit on gold links, held out by halves ------------------------------------------

def halves(gold: list[dict]) -> tuple[list[dict], list[dict]]:
    """A fixed split of the gold events in two: alternate events in uuid order."""
    rows = sorted(gold, key=lambda g: g["triplet_uuid"])
    return rows[0::2], rows[1::2]


def fit_links(aligner: AlignmentOnly, events: dict, gold: list[dict]) -> tuple[dict, float]:
    """Link weights and bias fitted on the labelled candidate links of the ``gold`` events."""
    from analysis.align.evidence import FEATURES
    from analysis.bench.mrpc import fit
    xs, ys = [], []
    for g in gold:
        t = events[g["triplet_uuid"]]
        _, aligned, labels = aligner.prepare(t["articles"], t["uuid"][:8] + "_g")
        keep = ~aligned.vetoed
        xs.append(aligned.evidence[keep])
        ys.append(labels[keep])
    weights, bias = fit(np.vstack(xs), np.concatenate(ys).astype(np.float64))
    return dict(zip(FEATURES, (float(w) for w in weights))), bias


def figures_with(aligner: AlignmentOnly, events: dict, gold: list[dict], weights, bias, min_link) -> dict:
    aligner.weights, aligner.bias, aligner.min_link = weights, bias, min_link
    aligner.pairs = Counter()
    out = aligner.bl.gold_fact_figures(aligner, events, gold)
    out.update(pairs=aligner.pairs["pairs"], backed=aligner.pairs["backed"])
    aligner.weights, aligner.bias, aligner.min_link = None, None, LINK_MIN_PROBABILITY
    return out


def held_out(aligner, events, gold) -> list[tuple[str, dict, dict]]:
    """Link weights fitted on one half, measured on the other, both ways round (the threshold stays
    ``LINK_MIN_PROBABILITY``: a link is made when it is more likely than not):
    [(name, fitted-half figures, held-out figures)]."""
    first, second = halves(gold)
    out = []
    for name, train, test in (("fit on half A, measured on half B", first, second),
                              ("fit on half B, measured on half A", second, first)):
        weights, bias = fit_links(aligner, events, train)
        out.append((name, figures_with(aligner, events, train, weights, bias, LINK_MIN_PROBABILITY),
                    figures_with(aligner, events, test, weights, bias, LINK_MIN_PROBABILITY)))
    return out


def constants_text(aligner, events, gold) -> str:
    weights, bias = fit_links(aligner, events, gold)
    pairs = ", ".join(f'"{f}": {w:.3f}' for f, w in weights.items())
    return f"LINK_BIAS = {bias:.3f}\nLINK_WEIGHTS = {{{pairs}}}"


def alignment_seconds(n: int = 50, runs: int = 3) -> tuple[float, int]:
    """Best time of ``align.stage.run(...).facts()`` on ``n`` synthetic articles, and their words."""
    from analysis.align import stage
    from analysis.bench.align import synthetic_corpus
    articles = synthetic_corpus(n)
    stage.run(articles[:2], lambda *_: None).facts()           # warm-up: model, lexicons, caches
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        stage.run(articles, lambda *_: None).facts()
        best = min(best, time.perf_counter() - t0)
    return best, sum(a.word_count for a in articles)


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.2f}" if d else "—"


def _links_row(name: str, fig: dict) -> str:
    return (f"| {name} | {_ratio(fig.get('recalled', 0), fig.get('gold_links', 0))} | "
            f"{_ratio(fig.get('correct_links', 0), fig.get('engine_links', 0))} | "
            f"{fig.get('kept', 0)}/{fig.get('articles', 0)} |")


def _pair_ratio(fig: dict) -> str:
    return _ratio(fig.get("backed", 0), fig.get("pairs", 0))


def block(events: int, whole: dict | None, alone: dict, pairs: Counter, split, folds, seconds: float,
          words: int) -> str:
    lines = [SECTION, "", "```", "python main.py bench facts [--fit] [--write] [--no-pipeline] [--quick]", "```", "",
             f"Gold links on {events} BASIL dev events with gold facts (dev gold plus "
             "`analysis/bench/data/basil_gold_extra.jsonl`), computed by the shared checker's code "
             "(`basil_lib.gold_fact_figures`), with the engine's constants.", "",
             "| run | link recall | link precision | articles aligned |", "|---|---:|---:|---:|"]
    if whole is not None:
        lines.append(_links_row("whole pipeline (as `check_basil.py`)", whole))
    lines += [_links_row("alignment alone (the three articles as one event)", alone), "",
              f"Claim-pair precision (alignment alone): {_ratio(pairs['backed'], pairs['pairs'])} of the "
              "pairs of claims of different outlets that share an engine fact have their sentences in one "
              "gold fact.", "",
              "Held out: the link weights fitted on one half of the events (alternate events in uuid order) "
              "and measured on the other, both ways round (alignment alone, threshold "
              f"`LINK_MIN_PROBABILITY` = {LINK_MIN_PROBABILITY:.2f}):", "",
              "| split | fitted half: recall, precision | held-out half: recall | precision "
              "| claim-pair precision |", "|---|---:|---:|---:|---:|"]
    total: Counter = Counter()
    for name, train, test in split:
        lines.append(f"| {name} | {_ratio(train.get('recalled', 0), train.get('gold_links', 0))}, "
                     f"{_ratio(train.get('correct_links', 0), train.get('engine_links', 0))} | "
                     f"{_ratio(test.get('recalled', 0), test.get('gold_links', 0))} | "
                     f"{_ratio(test.get('correct_links', 0), test.get('engine_links', 0))} | {_pair_ratio(test)} |")
        total.update({k: v for k, v in test.items() if isinstance(v, int)})
    lines.append(f"| both held-out halves | | {_ratio(total['recalled'], total['gold_links'])} | "
                 f"{_ratio(total['correct_links'], total['engine_links'])} | {_pair_ratio(total)} |")
    if folds:
        accuracy = [a for a, _ in folds]
        f1 = [f for _, f in folds]
        lines += ["", f"MRPC same-fact decision, held-out fold of five (fit on the other four): accuracy mean "
                  f"{sum(accuracy) / len(accuracy):.3f} (lowest {min(accuracy):.3f}, highest {max(accuracy):.3f}), "
                  f"F1 mean {sum(f1) / len(f1):.3f}."]
    if seconds:
        lines += ["", f"Alignment of 50 synthetic articles ({words:,} words): {seconds:.2f} s, best of three "
                  "(claims, features, candidate links, evidence, clustering; the machine was shared, so times "
                  "vary by up to 2x)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="parallax bench facts")
    parser.add_argument("--fit", action="store_true",
                        help="refit the same-fact model on all of MRPC and the link model on all gold events")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--no-pipeline", action="store_true", help="alignment alone (faster)")
    parser.add_argument("--quick", action="store_true", help="gold links only: no MRPC folds, no timing")
    args = parser.parse_args(argv)
    bl = basil_lib()
    from analysis.bench import mrpc
    if bl is None or not mrpc.MRPC.exists():
        print("The benchmark needs ../shared/bench/ (basil_dev, tools/basil_lib.py, mrpc) beside the "
              "repository; it is not there.")
        return 1
    folds: list = []
    if not args.quick or args.fit:
        rows = mrpc.load()
        x = mrpc.feature_rows(rows)
        if args.fit:
            print(mrpc.constants_text(rows, x))
            print()
        folds = mrpc.cross_validate(rows, x)
    events, whole, alone, pairs, aligner, gold, by_uuid = gold_figures(bl, not args.no_pipeline)
    if args.fit:
        print(constants_text(aligner, by_uuid, gold))
        print()
    split = held_out(aligner, by_uuid, gold)
    seconds, words = (0.0, 0) if args.quick else alignment_seconds()
    text = block(events, whole, alone, pairs, split, folds, seconds, words)
    print(text)
    if args.write:
        write_section(text, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
