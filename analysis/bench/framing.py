"""Benchmark: framing findings (word diff + every framing rule) in words per second.

Two inputs, each timed as the best of ``--repeat`` runs after one warm-up run (lexicons compiled,
VADER loaded), twice: with VADER's per-sentence cache cleared before every run (framing pays for
sentiment), and with it warm, as in the pipeline, where the per-article sentiment has already scored
every sentence:

* the seeds: the raw seed files segmented as they are, with the facts of ``SEED_FACTS`` (written by
  hand from the sentence ids; the framing tests use the same ones);
* ``--pairs`` synthetic pairs (default 50): seed sentences of at least 12 words, each against a
  rewritten copy (attribution verbs swapped, hedges and loaded words added, numbers and weekdays
  changed, a passive made), built reproducibly from ``--seed``.

Words are the words of both versions of every pair compared (a version counted once per pair).

    python main.py bench framing [--repeat 5] [--pairs 50] [--seed 7]
    python -m analysis.bench.framing
"""
from __future__ import annotations

import argparse
import platform
import random
import re
import time
from functools import lru_cache
from itertools import combinations

from analysis.bench import raw_seeds, text_article
from analysis.model import Article, Fact, FactMember

_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


# --- inputs ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def seed_articles() -> dict[str, Article]:
    """The raw seed files as articles "000".."004" (ids and outlet names are the seed numbers)."""
    return {a.id: a for a in raw_seeds(numbered=True)}


def fact(label: str, *members: str) -> Fact:
    """A fact from sentence ids, one member per argument ("000.s32", "002.s17+002.s18")."""
    built = tuple(FactMember(m.split(".")[0], tuple(m.split("+"))) for m in members)
    return Fact(id=f"f-{label}", label=label, members=built)


# Facts an aligner should find in the seeds (Paris summit / Riyadh talks, 17-18 Feb 2025).
SEED_FACTS = (
    fact("minerals", "000.s32", "002.s17+002.s18", "003.s34"),
    fact("scholz", "000.s19", "001.s27"),
    fact("starmer", "000.s20+000.s21", "001.s23", "003.s11"),
    fact("lavrov-meeting", "000.s8", "001.s5", "003.s6"),
    fact("lavrov-arrival", "001.s7", "003.s6"),
    fact("paris-meeting", "000.s7", "001.s22", "003.s4"),
    fact("no-deal-without-ukraine", "000.s31", "001.s21", "003.s33"),
    fact("ukraine-absent", "001.s20", "003.s32"),
    fact("trump-putin-call", "000.s23", "001.s10", "003.s21"),
    fact("hegseth-nato", "002.s15", "003.s20"),
    fact("vance-speech", "000.s11+000.s12", "003.s22"),
    fact("macron-zelensky-call", "001.s28", "003.s16"),
    fact("us-priorities", "002.s19+002.s20", "003.s20"),
)

_REWRITES = (
    (r"\bsaid\b", "claimed"), (r"\btold\b", "insisted to"), (r"\bwill\b", "may"), (r"\bhas\b", "reportedly has"),
    (r"\bleaders\b", "embattled leaders"), (r"\bmeeting\b", "crisis meeting"), (r"\bUkraine\b", "Kyiv"),
    (r"\bMonday\b", "Tuesday"), (r"\bthree\b", "four"), (r"\bwar\b", "brutal war"),
    (r"\bwould\b", "would clearly"), (r"\bincrease\b", "sharply increase"),
)


def synthetic_pairs(n: int, seed: int) -> tuple[list[Fact], dict[str, Article]]:
    """``n`` facts, each a seed sentence (article "sa") against a rewritten copy (article "sb")."""
    rng = random.Random(seed)
    pool = [s.text for a in seed_articles().values() for s in a.sentences
            if len(_WORD.findall(s.text)) >= 12 and "\n" not in s.text]
    originals = [pool[rng.randrange(len(pool))] for _ in range(n)]
    rewritten = []
    for text in originals:
        out, applied = text, 0
        for pattern, repl in rng.sample(_REWRITES, len(_REWRITES)):
            out, n = re.subn(pattern, repl, out, count=1)
            applied += n
            if applied == 3:        # three edits a sentence: a rewrite, not a new sentence
                break
        rewritten.append(out)
    a = text_article("\n\n".join(originals), "sa")
    b = text_article("\n\n".join(rewritten), "sb")
    facts = [fact(f"syn{i}", f"sa.s{i + 1}", f"sb.s{i + 1}") for i in range(min(len(a.sentences), len(b.sentences)))]
    return facts, {"sa": a, "sb": b}


def pair_words(facts, articles) -> int:
    """Words compared: both versions of every pair of every fact."""
    total = 0
    for f in facts:
        counts = [sum(len(_WORD.findall(articles[m.article].sentence(s).text)) for s in m.sentences)
                  for m in f.members if m.article in articles]
        total += sum(x + y for x, y in combinations(counts, 2))
    return total


# --- timing ---------------------------------------------------------------------------------------------

def _best(repeat: int, run, clear: bool) -> tuple[float, int]:
    from analysis.signals.framing import clear_caches
    from analysis.signals.sentiment import score_text
    found = run()  # warm-up: lexicons compiled, VADER loaded
    times = []
    for _ in range(repeat):
        clear_caches()          # the framing rules' per-text results: each run meets the texts anew
        if clear:
            score_text.cache_clear()
        t0 = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - t0)
    return min(times), len(found)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench framing")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per row (best is kept)")
    parser.add_argument("--pairs", type=int, default=50, help="synthetic pairs")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the synthetic pairs")
    args = parser.parse_args(argv)
    from analysis.signals.framing import framing_findings

    articles = seed_articles()
    if not articles:
        print("No seeds found")
        return 1
    t0 = time.perf_counter()
    framing_findings(SEED_FACTS, articles)
    cold = time.perf_counter() - t0
    pairs = sum(len(f.members) * (len(f.members) - 1) // 2 for f in SEED_FACTS)
    facts, synthetic = synthetic_pairs(args.pairs, args.seed)
    inputs = ((f"seeds: {len(SEED_FACTS)} hand-built facts, {pairs} pairs", SEED_FACTS, articles),
              (f"{len(facts)} synthetic pairs (seed {args.seed})", facts, synthetic))
    print(f"Framing findings (best of {args.repeat} runs after a warm-up; first run in a fresh process, "
          f"loading lexicons and VADER: {cold * 1000:.0f} ms; Python {platform.python_version()}, "
          f"{platform.machine()})\n")
    print("| input | words compared | findings | VADER | time | words / second |")
    print("|---|---:|---:|---|---:|---:|")
    for name, fs, arts in inputs:
        words = pair_words(fs, arts)
        for clear in (True, False):
            secs, n = _best(args.repeat, lambda fs=fs, arts=arts: framing_findings(fs, arts), clear)
            vader = "scored here" if clear else "cached (pipeline)"
            print(f"| {name} | {words:,} | {n} | {vader} | {secs * 1000:.1f} ms | {words / secs:,.0f} |")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
