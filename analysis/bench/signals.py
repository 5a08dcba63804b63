"""Benchmark: the per-article signals (readability, sentiment, tone, quotes and voices) in ms per
1,000 words.

Inputs:

* the five seeds, through ingest when it is available (as the app opens them);
* ``--articles`` synthetic articles (default 50) of about ``--words`` words (default 1,000), each
  a reproducible shuffle of seed paragraphs (``--seed``), so that names, quotes and lexicon hits
  occur at news-like rates.

Each set is timed as the best of ``--repeat`` runs of everything a comparison asks of these
modules: main actors, ``find_quotes`` per article, ``comparison_metrics`` (the three metric groups,
sentiment toward the main actors), the voice table and the voice-omission findings.  Before every run
the per-text caches (VADER scores, quotes, syllables) are cleared, so a run pays for all the work;
the one-off loads (VADER lexicon, CMU dictionary, lexicons, the entity vocabulary) are timed apart
as "cold start".  A per-signal breakdown follows.

    python main.py bench signals [--repeat 3] [--articles 50] [--words 1000] [--seed 7] [--write]
    python -m analysis.bench.signals

``--write`` replaces the "### Per-article signals" sub-section of docs/BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import time
from typing import Callable, Sequence

from analysis.bench import REPO, load_seeds, text_article
from analysis.model import Article

BENCHMARKS_MD = REPO / "docs" / "BENCHMARKS.md"
SECTION = "### Per-article signals"
MIN_PARAGRAPH_WORDS = 8     # words; shorter seed paragraphs (headings, captions) are not drawn


def synthetic_articles(n: int, words: int, seed: int, seeds: Sequence[Article]) -> list[Article]:
    """``n`` articles of about ``words`` words: seed paragraphs drawn at random, in random order."""
    rng = random.Random(seed)
    paragraphs = [a.text[p.start:p.end] for a in seeds for p in a.paragraphs
                  if len(re.findall(r"\w+", a.text[p.start:p.end])) >= MIN_PARAGRAPH_WORDS]
    out = []
    for i in range(n):
        chosen, count = [], 0
        while count < words:
            para = paragraphs[rng.randrange(len(paragraphs))]
            chosen.append(para)
            count += len(re.findall(r"\w+", para))
        out.append(text_article("\n\n".join(chosen), f"s{i + 1:02d}"))
    return out


# --- timing ---------------------------------------------------------------------------------------

def _clear_caches() -> None:
    from analysis.signals import readability, sentiment, voices
    sentiment.score_text.cache_clear()
    readability.syllables.cache_clear()
    readability.word_facts.cache_clear()
    voices._CACHE.clear()
    voices._capitalised_keys.cache_clear()
    from analysis.align.features import entities
    from analysis.signals import common
    entities._name_pieces.cache_clear()
    common._LANGUAGE_NOTES.clear()


def run_all(articles: Sequence[Article]) -> int:
    """Every per-article signal of a comparison; returns the number of findings (kept alive)."""
    from analysis.signals.actors import comparison_mentions, main_actors
    from analysis.signals.metrics import comparison_metrics
    from analysis.signals.voices import find_quotes, voice_findings, voices
    actors = main_actors(articles, mentions=comparison_mentions(articles))
    quotes = tuple(q for a in articles for q in find_quotes(a))
    comparison_metrics(articles, quotes, actors)
    table = voices(articles, quotes)
    return len(voice_findings(articles, table, quotes))


def _parts() -> dict[str, Callable[[Sequence[Article]], object]]:
    from analysis.signals.actors import comparison_mentions
    from analysis.signals.readability import readability
    from analysis.signals.sentiment import article_sentiment
    from analysis.signals.tone import tone
    from analysis.signals.voices import find_quotes
    return {
        "readability": lambda arts: [readability(a) for a in arts],
        "sentiment (per sentence + article)": lambda arts: [article_sentiment(a) for a in arts],
        "tone (lexicons, passive, frames)": lambda arts: [tone(a) for a in arts],
        "quotes and speakers": lambda arts: [find_quotes(a) for a in arts],
        "main actors (entity mentions)": comparison_mentions,
    }


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        _clear_caches()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def cold_start() -> dict[str, float]:
    """Seconds of each one-off load, measured in this process before anything else ran."""
    from analysis.lexicons import available_lexicons, load_lexicon
    from analysis.signals import readability, sentiment
    out = {}
    for name, fn in (("VADER lexicon", sentiment.analyzer),
                     ("CMU dictionary (syllables)", readability._cmu_syllables),
                     ("Dale-Chall word list", readability.familiar_words),
                     ("lexicons (all)", lambda: [load_lexicon(n).pattern for n in available_lexicons()]),
                     ("entity vocabulary (embedding model's word list)", _model_words)):
        t0 = time.perf_counter()
        fn()
        out[name] = time.perf_counter() - t0
    return out


def _model_words() -> object:
    from analysis.align.features import entities
    loader = getattr(entities, "_model_lowercase_words", None)
    return loader() if loader else None


def _words(articles: Sequence[Article]) -> int:
    return sum(a.word_count for a in articles)


def report(repeat: int, n: int, words: int, seed: int) -> str:
    cold = cold_start()
    seeds = load_seeds()
    synthetic = synthetic_articles(n, words, seed, seeds)
    lines = [SECTION, "",
             f"`python main.py bench signals --repeat {repeat} --articles {n} --words {words} "
             f"--seed {seed}` on {platform.python_implementation()} {platform.python_version()}, "
             f"{platform.machine()}, one process (the signals are single-threaded).",
             "",
             "All per-article signals of a comparison together (main actors, quotes and speakers, "
             "readability, sentiment with actors, tone, voice table, voice omissions), best of "
             f"{repeat} runs with per-text caches cleared:", "",
             "| input | articles | words | total ms | ms per 1,000 words |",
             "|---|---:|---:|---:|---:|"]
    for label, arts in (("seeds", seeds), (f"synthetic (~{words} words each)", synthetic)):
        run_all(arts)      # warm-up: lexicon regexes compiled, model vocabulary read
        t = best_of(repeat, lambda arts=arts: run_all(arts))
        w = _words(arts)
        lines.append(f"| {label} | {len(arts)} | {w:,} | {1000 * t:.0f} | {1000 * t / w * 1000:.1f} |")
    lines += ["", f"Per signal, on the {n} synthetic articles (ms per 1,000 words):", "",
              "| signal | ms per 1,000 words |", "|---|---:|"]
    w = _words(synthetic)
    for name, fn in _parts().items():
        t = best_of(repeat, lambda fn=fn: fn(synthetic))
        lines.append(f"| {name} | {1000 * t / w * 1000:.1f} |")
    lines += ["", "Cold start, paid once per process (seconds):", "",
              "| load | s |", "|---|---:|"]
    lines += [f"| {k} | {v:.2f} |" for k, v in cold.items()]
    return "\n".join(lines) + "\n"


def write_section(markdown: str, path=BENCHMARKS_MD) -> None:
    """Replace (or add) the "### Per-article signals" sub-section under "## Signals"."""
    from analysis.bench import write_section as write
    write(markdown, SECTION, under=r"^## Signals.*$", parent="## Signals (`bench signals`)", path=path)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench signals", description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--articles", type=int, default=50)
    p.add_argument("--words", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    args = p.parse_args(argv)
    markdown = report(args.repeat, args.articles, args.words, args.seed)
    print(markdown)
    if args.write:
        write_section(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
