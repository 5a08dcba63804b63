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

``--write`` puts the Markdown block into docs/BENCHMARKS.md (section "Facts").
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import combinations

from analysis.bench import REPO, basil_lib, write_section

SECTION = "## Facts (`bench facts`)"


class AlignmentOnly:
    """A ``basil_lib.Engine`` stand-in that aligns the articles as one event (no event check) and
    returns the JSON fields the gold figures read; it also counts claim pairs for the strict figure."""

    def __init__(self, bl, gold_by_uuid: dict):
        self.bl, self.engine, self.gold = bl, bl.Engine(), gold_by_uuid
        self.pairs = Counter()

    def compare_articles(self, arts: list[dict], tag: str) -> dict:
        from analysis.align import stage
        from analysis.export.json_contract import to_dict
        from analysis.ingest import load_article
        from analysis.model import Comparison, EventMatch
        loaded = []
        for i, art in enumerate(arts):
            path = self.engine.tmp / f"{tag}_{i}_{art['source']}.txt"
            path.write_text(self.bl.article_file(art), encoding="utf-8")
            loaded.append(load_article(path, article_id=f"a{i + 1}"))
        facts = stage.run(loaded, lambda *_: None).facts()
        self._count_pairs(arts, loaded, facts)
        comparison = Comparison(articles=tuple(loaded), facts=tuple(facts),
                                event=tuple(EventMatch(a.id, 1.0, True) for a in loaded))
        return json.loads(json.dumps(to_dict(comparison)))

    def _count_pairs(self, arts, loaded, facts) -> None:
        uuid = next((u for u, g in self.gold.items() if {a["key"] for a in arts} <= g["keys"]), None)
        if uuid is None:
            return
        gold = [{o: set(v) for o, v in f["members"].items()} for f in self.gold[uuid]["facts"]]
        where = {}                      # engine sentence id -> (outlet, BASIL sentence indices)
        for art, a in zip(arts, loaded):
            ranges = self.bl.map_sentences(art, a.text)
            for s in a.sentences:
                where[s.id] = (art["source"], {k for k, r in enumerate(ranges)
                                               if r and self.bl.overlaps(r, (s.start, s.end))})
        by_id = {a.id: a for a in loaded}
        for f in facts:
            units = [where[_holding(by_id[m.article], c.start)] for m in f.members for c in m.claims]
            for (xa, ga), (xb, gb) in combinations(units, 2):
                if xa != xb:
                    self.pairs["pairs"] += 1
                    self.pairs["backed"] += any(g.get(xa, set()) & ga and g.get(xb, set()) & gb for g in gold)


def _holding(article, offset: int) -> str:
    return next(s.id for s in article.sentences if s.start <= offset < s.end)


def gold_figures(bl, pipeline: bool = True) -> tuple[int, dict | None, dict, Counter]:
    """(events, pipeline figures or None, alignment-only figures, claim-pair counts)."""
    from analysis.bench.omissions import gold_events
    events = {t["uuid"]: t for t in bl.load_events(REPO.parent / "shared" / "bench" / "basil_dev")}
    gold = [g for g in gold_events() if g["triplet_uuid"] in events]
    by_uuid = {g["triplet_uuid"]: {"facts": g["facts"],
                                   "keys": {a["key"] for a in events[g["triplet_uuid"]]["articles"]}} for g in gold}
    aligner = AlignmentOnly(bl, by_uuid)
    alone = bl.gold_fact_figures(aligner, events, gold)
    whole = bl.gold_fact_figures(bl.Engine(), events, gold) if pipeline else None
    return len(gold), whole, alone, aligner.pairs


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


def block(events: int, whole: dict | None, alone: dict, pairs: Counter, folds, seconds: float, words: int) -> str:
    accuracy = [a for a, _ in folds]
    f1 = [f for _, f in folds]
    lines = [SECTION, "", "```", "python main.py bench facts [--fit] [--write] [--no-pipeline]", "```", "",
             f"Gold links on {events} BASIL dev events with gold facts (dev gold plus "
             "`analysis/bench/data/basil_gold_extra.jsonl`), computed by the shared checker's code "
             "(`basil_lib.gold_fact_figures`).", "",
             "| run | link recall | link precision | articles aligned |", "|---|---:|---:|---:|"]
    if whole is not None:
        lines.append(_links_row("whole pipeline (as `check_basil.py`)", whole))
    lines += [_links_row("alignment alone (the three articles as one event)", alone), "",
              f"Claim-pair precision (alignment alone): {_ratio(pairs['backed'], pairs['pairs'])} of the "
              "pairs of claims of different outlets that share an engine fact have their sentences in one "
              "gold fact.", "",
              f"MRPC same-fact decision, held-out fold of five (fit on the other four): accuracy mean "
              f"{sum(accuracy) / len(accuracy):.3f} (lowest {min(accuracy):.3f}, highest {max(accuracy):.3f}), "
              f"F1 mean {sum(f1) / len(f1):.3f}.", "",
              f"Alignment of 50 synthetic articles ({words:,} words): {seconds:.2f} s, best of three "
              "(claims, features, candidate links, clustering; the machine was shared, so times vary "
              "by up to 2x)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="parallax bench facts")
    parser.add_argument("--fit", action="store_true", help="refit the same-fact model on all of MRPC")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--no-pipeline", action="store_true", help="alignment alone (faster)")
    args = parser.parse_args(argv)
    bl = basil_lib()
    from analysis.bench import mrpc
    if bl is None or not mrpc.MRPC.exists():
        print("The benchmark needs ../shared/bench/ (basil_dev, tools/basil_lib.py, mrpc) beside the "
              "repository; it is not there.")
        return 1
    rows = mrpc.load()
    x = mrpc.feature_rows(rows)
    if args.fit:
        print(mrpc.constants_text(rows, x))
        print()
    folds = mrpc.cross_validate(rows, x)
    events, whole, alone, pairs = gold_figures(bl, not args.no_pipeline)
    seconds, words = alignment_seconds()
    text = block(events, whole, alone, pairs, folds, seconds, words)
    print(text)
    if args.write:
        write_section(text, SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
