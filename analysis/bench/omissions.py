"""Benchmark: are the omissions the engine reports true?  (``python main.py bench omissions``)

Three figures, on the BASIL dev events in ``../shared/bench/basil_dev/`` (gold facts: every fact two
or more of the three outlets report, with each outlet's sentences; more events in
``analysis/bench/data/basil_gold_extra.jsonl`` when present, indices only):

1. **The verifier alone, on gold facts.**  For a gold fact that all three outlets carry, the fact is
   built from two outlets' sentences and the third is searched: the verifier must not call it absent
   (an "absent" here is a false omission the verifier would let through).  For a gold fact that
   exactly two carry, the third is searched and must be absent (else a true omission is lost).
   Both are counted on every outlet of every gold fact, so this does not depend on the aligner.
2. **End to end**, exactly as the shared checker computes it (``basil_lib.gold_fact_figures``): the
   share of the engine's omissions that are false.
3. **Editor's judgement on real coverage**: counts recorded by hand in
   ``analysis/bench/data/omission_judgements.json`` (top-10 omissions of real multi-outlet events,
   judged true or false; counts only, never the text).

``--write`` puts the Markdown block into docs/BENCHMARKS.md (section "Omissions").

    python main.py bench omissions [--write] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Mapping, Sequence

from analysis.bench import SHARED_BENCH, basil_lib, write_section

DATA = Path(__file__).resolve().parent / "data"
EXTRA_GOLD = DATA / "basil_gold_extra.jsonl"
JUDGEMENTS = DATA / "omission_judgements.json"
SECTION = "## Omissions (`bench omissions`)"


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_events() -> list[dict]:
    """Gold rows of the dev set and of the extra annotations (an event annotated twice: dev wins)."""
    rows = _jsonl(SHARED_BENCH / "basil_dev" / "gold_facts.jsonl")
    seen = {r["triplet_uuid"] for r in rows}
    return rows + [r for r in _jsonl(EXTRA_GOLD) if r["triplet_uuid"] not in seen]


def _loaded(bl, event: dict, tag: str):
    from analysis.ingest import load_article
    engine = bl.Engine()
    articles = []
    for i, art in enumerate(event["articles"]):
        path = engine.tmp / f"{tag}_{i}_{art['source']}.txt"
        path.write_text(bl.article_file(art), encoding="utf-8")
        articles.append(load_article(path, article_id=f"a{i + 1}"))
    return articles


def _sentence_ids(bl, event: dict, articles) -> dict[str, dict[int, list[str]]]:
    """outlet -> BASIL sentence index -> engine sentence ids."""
    out = {}
    for art, loaded in zip(event["articles"], articles):
        ranges = bl.map_sentences(art, loaded.text)
        out[art["source"]] = {k: [s.id for s in loaded.sentences if r and bl.overlaps(r, (s.start, s.end))]
                              for k, r in enumerate(ranges)}
    return out


def verifier_cases(bl, events_by_uuid: dict, gold: list[dict], verbose: bool = False) -> Counter:
    """Figure 1 (see the module docstring)."""
    from analysis.coverage.verify import Searcher
    from analysis.model import Fact, FactMember
    counts: Counter = Counter()
    for g in gold:
        event = events_by_uuid.get(g["triplet_uuid"])
        if event is None:
            continue
        articles = _loaded(bl, event, g["triplet_uuid"][:8] + "_v")
        ids = _sentence_ids(bl, event, articles)
        article_of = {art["source"]: a.id for art, a in zip(event["articles"], articles)}
        searcher = Searcher(articles)
        identity = {a.id: a.id for a in articles}
        for gf in g["facts"]:
            members = {o: sorted({sid for k in v for sid in ids[o].get(k, [])}) for o, v in gf["members"].items()}
            carriers = [o for o, v in members.items() if v and o in article_of]
            for target in article_of:
                others = [o for o in carriers if o != target]
                if len(others) < 2:
                    continue
                fact = Fact("f-gold", gf.get("label", ""),
                            tuple(FactMember(article_of[o], tuple(members[o])) for o in others))
                verdict = searcher.search(fact, article_of[target], identity)
                case = "carried" if target in carriers else "omitted"
                counts[(case, verdict.status)] += 1
                if verbose and ((case == "carried" and verdict.status == "absent")
                                or (case == "omitted" and verdict.status == "present")):
                    print(f"  {case} -> {verdict.status}: {g['triplet_uuid'][:8]} {gf['id']} {target} "
                          f"cov {verdict.coverage} sim {verdict.similarity} "
                          f"found {[t.text for t in verdict.found]} missing {[t.text for t in verdict.missing]}")
    return counts


@dataclass
class Replay:
    """One event as the pipeline compared it: the JSON the checker reads and what the coverage stage
    was given, so that omissions can be recomputed under other thresholds without aligning again."""
    uuid: str
    json: dict
    inputs: tuple       # (facts, articles, same-event ids, copy groups, agreement)

    def omissions(self, settings: Mapping[str, float]) -> list[dict]:
        from analysis.coverage import copies, omissions
        facts, articles, same, groups, agreement = self.inputs
        with patched(settings):
            found = omissions.assess(facts, {a.id: a for a in articles}, same, copies.source_map(groups),
                                     agreement)
        return [{"fact": o.fact, "article": o.article} for o in found.omissions]


@contextmanager
def patched(settings: Mapping[str, float]):
    """The named constants of ``analysis.constants`` set to other values (and where modules of the
    coverage stage imported them by name), restored afterwards."""
    from analysis import constants
    from analysis.coverage import omissions, verify
    saved = []
    for module in (constants, omissions, verify):
        for name, value in settings.items():
            if hasattr(module, name):
                saved.append((module, name, getattr(module, name)))
                setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in reversed(saved):
            setattr(module, name, value)


def capture(bl, events_by_uuid: dict, gold: list[dict]) -> list[Replay]:
    """Run each gold event through the pipeline once (as the checker does) and keep a ``Replay``."""
    from analysis import pipeline
    seen: dict = {}
    original = pipeline._coverage

    def keep(facts, articles, same, groups, agreement=None, *rest):
        # ``rest``: what else the pipeline hands the stage (the alignment's sentence vectors), passed on
        # untouched: the replays search with vectors of their own.
        seen["inputs"] = (facts, articles, same, groups, agreement)
        return original(facts, articles, same, groups, agreement, *rest)
    engine = bl.Engine()
    out = []
    pipeline._coverage = keep
    try:
        for g in gold:
            t = events_by_uuid[g["triplet_uuid"]]
            res = engine.compare_articles(t["articles"], t["uuid"][:8] + "_r")
            out.append(Replay(t["uuid"], res, seen.pop("inputs")))
    finally:
        pipeline._coverage = original
    return out


class _Replayed:
    """An engine for ``basil_lib.gold_fact_figures`` that answers from ``Replay`` records with the
    omissions recomputed under ``settings``: the checker's own arithmetic on other thresholds."""

    def __init__(self, replays: Sequence[Replay], settings: Mapping[str, float]):
        self.by_tag = {r.uuid[:8]: r for r in replays}
        self.settings = settings

    def compare_articles(self, arts, tag: str) -> dict:
        r = self.by_tag[tag[:8]]
        # No settings: the pipeline's own omissions, exactly as ``compare`` exported them.
        return {**r.json, "omissions": r.omissions(self.settings)} if self.settings else r.json


def replay_figures(bl, events_by_uuid: dict, gold: list[dict], replays: Sequence[Replay],
                   settings: Mapping[str, float]) -> dict:
    """``gold_fact_figures`` on the replayed events whose gold is in ``gold``."""
    wanted = {g["triplet_uuid"] for g in gold}
    return bl.gold_fact_figures(_Replayed([r for r in replays if r.uuid in wanted], settings),
                                events_by_uuid, [g for g in gold if g["triplet_uuid"] in wanted])


# Thresholds searched on one half of the events (the other half measures the choice).
SPLIT_GRID = {"OMISSION_MIN_COHESION": (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8),
              "CORE_MIN_WORDING_WEIGHT": (2.0, 2.5, 3.0, 3.5, 4.0, 5.0)}
SPLIT_MAX_FALSE = 0.10      # the target: share of reported omissions that are false


def halves(gold: list[dict]) -> tuple[list[dict], list[dict]]:
    """A fixed split: events in the gold files' order, alternately to half A and half B."""
    return gold[0::2], gold[1::2]


def _settings_grid() -> list[dict[str, float]]:
    names = list(SPLIT_GRID)
    return [dict(zip(names, values)) for values in product(*(SPLIT_GRID[n] for n in names))]


def choose(figures: Mapping[tuple, dict]) -> tuple:
    """The settings that keep the most true omissions with false omissions at most
    ``SPLIT_MAX_FALSE`` (ties: fewer false, then the stricter thresholds); when none meets it, the
    lowest share of false omissions."""
    def key(item):
        settings, f = item
        false, total = f.get("false_omissions", 0), f.get("omissions", 0)
        ok = total > 0 and false <= SPLIT_MAX_FALSE * total
        if not ok:
            return (False, -(false / total if total else 1.0), total - false, settings)
        return (True, total - false, -false, settings)
    return max(figures.items(), key=key)[0]


def split_figures(bl, events_by_uuid: dict, gold: list[dict], replays: Sequence[Replay]) -> list[dict]:
    """Thresholds chosen on one half, measured on the other, both ways round."""
    grid = _settings_grid()
    a, b = halves(gold)
    out = []
    for name, fit, test in (("A -> B", a, b), ("B -> A", b, a)):
        on_fit = {tuple(s.items()): replay_figures(bl, events_by_uuid, fit, replays, s) for s in grid}
        best = choose(on_fit)
        out.append({"split": name, "settings": dict(best), "fit": on_fit[best],
                    "test": replay_figures(bl, events_by_uuid, test, replays, dict(best)),
                    "fit_events": len(fit), "test_events": len(test)})
    return out


def gaps(replay: Replay) -> list[dict]:
    """Every grid gap the omission check starts from (a fact two or more other sources carry, left
    out by a same-event article): what the engine reported before any verification."""
    from analysis.coverage import copies
    facts, articles, same, groups, _ = replay.inputs
    source_of = copies.source_map(groups)
    out = []
    for fact in facts:
        carrying = {source_of.get(a, a) for a in fact.articles if a in same}
        for art in sorted(same - set(fact.articles)):
            if len(carrying - {source_of.get(art, art)}) >= 2:
                out.append({"fact": fact.id, "article": art})
    return out


class _Gaps(_Replayed):
    def compare_articles(self, arts, tag: str) -> dict:
        r = self.by_tag[tag[:8]]
        return {**r.json, "omissions": gaps(r)}


def end_to_end(bl, events_by_uuid: dict, gold: list[dict], replays: Sequence[Replay]) -> dict:
    """Figure 2, as the shared checker computes it on the pipeline's own JSON, and (``before``) with
    every grid gap reported (no verification), for comparison."""
    out = bl.gold_fact_figures(_Replayed(replays, {}), events_by_uuid, gold)
    out["before"] = bl.gold_fact_figures(_Gaps(replays, {}), events_by_uuid, gold)
    return out


COPY_EDITS = (0.0, 0.03, 0.06)      # share of words replaced in a synthetic copy
COPY_KEEPS = (0.4, 0.7, 1.0)        # share of paragraphs a synthetic copy keeps (trimmed copies)


def copy_figures(bl, events: dict) -> dict:
    """Copies: independently written articles on one event (BASIL, three outlets) must not be
    copies; synthetic copies of each (trimmed, words replaced, seeded) must be."""
    import random
    from itertools import combinations

    from analysis.constants import COPY_MIN_CONTAINMENT
    from analysis.coverage.copies import containment, shingles
    rng = random.Random(11)
    negatives, positives = [], []
    for t in events.values():
        texts = [bl.article_file(a) for a in t["articles"]]
        sets = [shingles(x) for x in texts]
        negatives += [containment(a, b) for a, b in combinations(sets, 2)]
        paras = texts[0].split("\n\n")
        for keep in COPY_KEEPS:
            for edit in COPY_EDITS:
                words = "\n\n".join(paras[:max(2, int(len(paras) * keep))]).split(" ")
                words = [w if rng.random() >= edit else rng.choice(("said", "the", "new", "officials"))
                         for w in words]
                positives.append(containment(sets[0], shingles(" ".join(words))))
    return {"negatives": len(negatives), "negative_max": max(negatives),
            "false_copies": sum(x >= COPY_MIN_CONTAINMENT for x in negatives),
            "positives": len(positives), "positive_min": min(positives),
            "found": sum(x >= COPY_MIN_CONTAINMENT for x in positives), "threshold": COPY_MIN_CONTAINMENT}


def judgements() -> list[dict]:
    if not JUDGEMENTS.exists():
        return []
    return json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["events"]


def _share(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.0%}" if d else "–"


def _omission_share(f: Mapping) -> str:
    false, total = f.get("false_omissions", 0), f.get("omissions", 0)
    return f"{_share(false, total)} false, {total - false} true kept"


def _split_lines(e2e: dict, split: list[dict]) -> list[str]:
    lines = []
    if e2e.get("halves"):
        a, b = e2e["halves"]
        lines += [f"With the shipped thresholds, per half of the events (fixed split: gold order, alternately "
                  f"A and B): A {_omission_share(a)}; B {_omission_share(b)}.", ""]
    if split:
        grid = ", ".join(f"`{k}` in {{{', '.join(f'{v:g}' for v in vs)}}}" for k, vs in SPLIT_GRID.items())
        lines += [f"**Held-out split**: thresholds chosen on one half ({grid}; the most true omissions "
                  f"with at most {SPLIT_MAX_FALSE:.0%} false), measured on the other half:", "",
                  "| chosen on -> measured on | thresholds chosen | on the fitting half | on the held-out half |",
                  "|---|---|---|---|"]
        for r in split:
            chosen = ", ".join(f"{k} = {v:g}" for k, v in r["settings"].items())
            lines.append(f"| {r['split']} ({r['fit_events']} / {r['test_events']} events) | {chosen} | "
                         f"{_omission_share(r['fit'])} | {_omission_share(r['test'])} |")
        lines.append("")
    return lines


def block(counts: Counter, e2e: dict, judged: list[dict], events: int, seconds: float,
          copies: dict | None = None, split: list[dict] | None = None) -> str:
    carried = sum(v for (c, _), v in counts.items() if c == "carried")
    omitted = sum(v for (c, _), v in counts.items() if c == "omitted")
    lines = [SECTION, "",
             f"BASIL dev gold events: {events} (dev gold plus `analysis/bench/data/basil_gold_extra.jsonl`). "
             f"Run time {seconds:.0f} s on a shared 2-core machine (noisy).", "",
             "**The verifier alone on gold facts** (each outlet of each gold fact searched as if the aligner "
             "had missed it):", "",
             "| case | searched | absent (omission) | partial (reports it differently) | unclear | present "
             "| unverifiable |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for case, total, label in (("carried", carried, "outlet carries the fact (an omission would be false)"),
                               ("omitted", omitted, "outlet leaves it out (an omission would be true)")):
        row = [counts[(case, s)] for s in ("absent", "partial", "unclear", "present", "unverifiable")]
        lines.append(f"| {label} | {total} | " + " | ".join(str(x) for x in row) + " |")
    false_let_through = counts[("carried", "absent")]
    true_kept = counts[("omitted", "absent")]
    reported = false_let_through + true_kept
    lines += ["", f"Of the omissions the verifier would report on these cases: false "
              f"{_share(false_let_through, reported)}; true omissions kept {_share(true_kept, omitted)}.", ""]
    if e2e:
        lines.append(f"**End to end** (as `check_basil.py` computes it): omissions {_omission_share(e2e)} "
                     f"(every grid gap reported, no verification: {_omission_share(e2e.get('before', {}))}); "
                     f"gold link recall {_share(e2e.get('recalled', 0), e2e.get('gold_links', 0))}.")
        lines.append("")
        lines += _split_lines(e2e, split or [])
    if copies:
        lines += [f"**Copies** (`COPY_MIN_CONTAINMENT` = {copies['threshold']}: share of the shorter text's word "
                  "5-grams found in the other): independently written BASIL articles on one event "
                  f"{copies['false_copies']}/{copies['negatives']} taken for copies (highest share "
                  f"{copies['negative_max']:.2f}); synthetic copies (trimmed to 40-100 %, 0-6 % of words "
                  f"replaced) {copies['found']}/{copies['positives']} found (lowest share "
                  f"{copies['positive_min']:.2f}).", ""]
    if judged:
        lines += ["**Editor's judgement, real coverage** (top 10 omissions of `compare` on real multi-outlet "
                  "events from the stored web pages; judged by hand, counts only; before = the engine before the "
                  "change measured, as `omission_judgements.json` says per event):",
                  "", "| event | before: omissions | before: top 10 true / false | omissions | judged | true | "
                  "false | reports it differently |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for j in judged:
            b = j.get("before", {})
            lines.append(f"| {j['event']} | {b.get('omissions', '–')} | {b.get('true', '–')} / {b.get('false', '–')} "
                         f"| {j['omissions']} | {j['judged']} | {j['true']} | {j['false']} | "
                         f"{j.get('differently', '–')} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="parallax bench omissions")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--verbose", action="store_true", help="print the verifier's mistakes")
    parser.add_argument("--no-end-to-end", action="store_true", help="only the verifier on gold facts")
    args = parser.parse_args(argv)
    bl = basil_lib()
    if bl is None or not (SHARED_BENCH / "basil_dev").exists():
        print(f"parallax bench omissions: the BASIL dev set is not here ({SHARED_BENCH}); nothing measured")
        return 2
    t0 = time.perf_counter()
    events = {t["uuid"]: t for t in bl.load_events(SHARED_BENCH / "basil_dev")}
    gold = [g for g in gold_events() if g["triplet_uuid"] in events]
    counts = verifier_cases(bl, events, gold, args.verbose)
    e2e, split = {}, []
    if not args.no_end_to_end:
        replays = capture(bl, events, gold)
        e2e = end_to_end(bl, events, gold, replays)
        e2e["halves"] = [bl.gold_fact_figures(_Replayed(replays, {}), events, h) for h in halves(gold)]
        split = split_figures(bl, events, gold, replays)
    text = block(counts, e2e, judgements(), len(gold), time.perf_counter() - t0, copy_figures(bl, events),
                 split)
    print(text)
    if args.write:
        write_section(text, SECTION)
    return 0
