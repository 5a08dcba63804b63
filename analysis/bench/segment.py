"""Benchmark of sentence splitting: accuracy on the pySBD English "Golden Rules" and speed on the seeds.

Run with ``python -m analysis.bench.segment`` (or ``python main.py bench segment``).  Prints a Markdown
block for docs/BENCHMARKS.md:

* accuracy: the share of golden-rule cases whose split, each piece stripped, equals the expected
  sentences exactly, for Parallax's splitter and for NLTK Punkt out of the box (untrained, no
  abbreviations) as the baseline, with every failing case listed;
* speed: sentences and words per second of ``analysis.segment.segment`` (sentences and tokens) over
  the bundled ``seeds/*.txt``, and the time for fifty articles of about 1,000 words.

The golden rules are read from ``../shared/bench/sentence_boundaries/`` when that folder exists; they
are never copied into the repository.  Without them the accuracy part is skipped with a message.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from analysis.bench import REPO, SHARED_BENCH, seed_paths

GOLDEN_RULES = SHARED_BENCH / "sentence_boundaries" / "pysbd_golden_rules_en.json"
MIN_TIMING_SECONDS = 1.0        # seconds; the seeds are segmented repeatedly for at least this long
ARTICLES = 50                   # articles in the "fifty articles" timing
ARTICLE_WORDS = 1000            # words per article in that timing


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark as Markdown; 0 on success, also when the evaluation set is missing."""
    parser = argparse.ArgumentParser(prog="bench segment", description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=GOLDEN_RULES,
                        help="golden-rules JSON (default: %(default)s)")
    args = parser.parse_args(argv)

    print("## Sentence splitting (`bench segment`)\n")
    _accuracy(args.rules)
    _speed()
    return 0


# --- accuracy -----------------------------------------------------------------------------------

def _accuracy(path: Path) -> None:
    if not path.is_file():
        print(f"Golden rules not found at `{path}`: accuracy skipped. The evaluation set lives "
              "outside the repository (`../shared/bench/`); only the speed figures follow.\n")
        return
    cases = json.loads(path.read_text(encoding="utf-8"))
    ours = _score(cases, _parallax_split)
    baseline = _score(cases, _punkt_baseline_split)
    print(f"Data: pySBD English Golden Rules, {len(cases)} cases (`{_shown(path)}`). Metric: share of "
          "cases whose split, each piece stripped, equals the expected sentences exactly.\n")
    print("| splitter | exact | % |")
    print("|---|---|---|")
    for name, failures in (("Parallax (Punkt + abbreviations + rules)", ours),
                           ("NLTK Punkt out of the box (untrained, no abbreviations)", baseline)):
        passed = len(cases) - len(failures)
        print(f"| {name} | {passed} / {len(cases)} | {100.0 * passed / len(cases):.1f} |")
    print("\nReference: pySBD reports 97.9 % on these rules.\n")
    _print_failures("Parallax failures", ours)
    _print_failures("Punkt baseline failures", baseline, brief=True)


def _parallax_split(text: str) -> list[str]:
    from analysis.segment import split_sentences
    return [s.text.strip() for s in split_sentences(text)]


def _punkt_baseline_split(text: str) -> list[str]:
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    return [s.strip() for s in PunktSentenceTokenizer().tokenize(text)]


def _score(cases: list[dict], split) -> list[tuple[dict, list[str]]]:
    """The failing cases, each with the split it got."""
    failures = []
    for case in cases:
        got = split(case["text"])
        if got != case["expected_sentences"]:
            failures.append((case, got))
    return failures


def _print_failures(title: str, failures: list[tuple[dict, list[str]]], brief: bool = False) -> None:
    if not failures:
        print(f"{title}: none.\n")
        return
    print(f"{title} ({len(failures)}):\n")
    for case, got in failures:
        label = f"{case.get('id', '?')}. {case.get('rule_name', '')}".strip()
        if brief:
            print(f"- {label}")
            continue
        print(f"- {label}: `{case['text']}`")
        print(f"  - expected: {case['expected_sentences']}")
        print(f"  - got: {got}")
    print()


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)


# --- speed --------------------------------------------------------------------------------------

def _speed() -> None:
    from analysis.segment import segment
    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]
    if not texts:
        print("No seeds found: speed skipped.")
        return
    started = time.perf_counter()
    segment(texts[0])                                   # first call builds and caches Punkt
    first_call = time.perf_counter() - started

    rounds, sentences, words, elapsed = 0, 0, 0, 0.0
    while elapsed < MIN_TIMING_SECONDS:
        started = time.perf_counter()
        results = [segment(t) for t in texts]
        elapsed += time.perf_counter() - started
        rounds += 1
        sentences += sum(len(s) for _, s, _ in results)
        words += sum(_word_count(tokens) for _, _, tokens in results)

    articles = _synthetic_articles(texts)
    started = time.perf_counter()
    for text in articles:
        segment(text)
    fifty = time.perf_counter() - started
    fifty_words = sum(len(t.split()) for t in articles)

    print(f"Speed of `segment()` (paragraphs, sentences and tokens) over the {len(texts)} seeds "
          f"({words // rounds:,} words, {sentences // rounds:,} sentences), {rounds} rounds, one core:\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| sentences / second | {sentences / elapsed:,.0f} |")
    print(f"| words / second | {words / elapsed:,.0f} |")
    print(f"| {ARTICLES} articles of ~{ARTICLE_WORDS:,} words ({fifty_words:,} words) | {fifty:.2f} s |")
    print(f"| first call (builds the cached Punkt) | {first_call * 1000:.0f} ms |")
    print()


def _word_count(tokens) -> int:
    return sum(1 for t in tokens if any(c.isalnum() for c in t.text))


def _synthetic_articles(texts: list[str]) -> list[str]:
    """Fifty articles of about ARTICLE_WORDS words, made of the seeds' lines in turn."""
    lines = [line for t in texts for line in t.splitlines() if line.strip()]
    articles, i = [], 0
    for _ in range(ARTICLES):
        paragraphs, count = [], 0
        while count < ARTICLE_WORDS:
            line = lines[i % len(lines)]
            i += 1
            paragraphs.append(line)
            count += len(line.split())
        articles.append("\n\n".join(paragraphs))
    return articles


if __name__ == "__main__":
    raise SystemExit(main())
