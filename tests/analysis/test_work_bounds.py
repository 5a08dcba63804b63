"""Work stays bounded and about linear in the text (issue 12: a 5 MB line took 223 s and 1.8 GB,
19 MB of prose ran past 600 s and 5.5 GB).  Measured with work counters and memory, never time,
on limits scaled down so that the tests stay small."""
from __future__ import annotations

import io
import random
import tracemalloc
from dataclasses import replace

import pytest

import analysis.ingest as ingest
import analysis.segment as segment_package
from analysis import IngestError, load_article
from analysis import constants as C
from analysis.commands import Progress, load_inputs
from analysis.segment import sentences as sentences_module
from analysis.segment import split_sentences
from analysis.signals import readability

WORDS = "harbour council ferry timetable island mayor budget route crew vote plan pier".split()


def one_line(n_words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


def prose(n_words: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    paragraphs, words = [], 0
    while words < n_words:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            length = rng.randint(6, 20)
            sentences.append("The " + " ".join(rng.choice(WORDS) for _ in range(length)) + ".")
            words += length + 1
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture()
def small_budget(monkeypatch):
    monkeypatch.setattr(C, "MAX_ARTICLE_WORDS", 2_000)
    calls = {"clean": 0, "segment": 0}
    real_clean, real_segment = ingest.clean, segment_package.segment

    def counting_clean(*args, **kwargs):
        calls["clean"] += 1
        return real_clean(*args, **kwargs)

    def counting_segment(*args, **kwargs):
        calls["segment"] += 1
        return real_segment(*args, **kwargs)
    monkeypatch.setattr(ingest, "clean", counting_clean)
    monkeypatch.setattr(segment_package, "segment", counting_segment)
    return calls


@pytest.mark.parametrize("make", [one_line, prose], ids=["single line", "prose"])
def test_a_text_over_the_word_budget_is_refused_before_any_analysis(small_budget, tmp_path, make):
    path = tmp_path / "huge.txt"
    text = make(20_000)                         # 10x the (scaled-down) budget, ~150 KB
    path.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as info:
            load_article(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(info.value) == (f"{path}: longer than 2,000 words, the most Parallax analyses in one "
                               "article; split it into articles, or keep the part you need")
    assert small_budget == {"clean": 0, "segment": 0}       # refused before cleaning and segmenting
    assert peak < 8 * len(text)                 # a few copies of the text, no per-word structures


def test_a_text_within_the_budget_is_analysed(small_budget):
    article = load_article(prose(1_500), kind="paste")
    assert small_budget == {"clean": 1, "segment": 1} and len(article.sentences) > 50


def test_the_run_as_a_whole_has_a_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(C, "MAX_COMPARISON_WORDS", 300)
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(prose(120, seed=i), encoding="utf-8")
    err = io.StringIO()
    articles, failures = load_inputs([str(p) for p in paths], err)
    assert (len(articles), failures) == (2, 1)
    assert f"{paths[2]}: left out: with it the articles would hold" in err.getvalue()
    assert "more than the 300 Parallax compares at once" in err.getvalue()


def test_a_long_line_is_cut_into_bounded_pieces(monkeypatch):
    """A line with no sentence end at all: Punkt never sees more than one window at a time and
    every sentence is capped, so the work per character is constant."""
    monkeypatch.setattr(sentences_module, "PUNKT_WINDOW_CHARS", 4_000)
    seen: list[int] = []
    punkt = sentences_module._punkt()
    real = punkt.span_tokenize
    monkeypatch.setattr(punkt, "span_tokenize", lambda text: (seen.append(len(text)), real(text))[1])
    text = one_line(12_000)
    found = split_sentences(text)
    assert max(seen) <= 4_000 and sum(seen) == len(text)
    assert max(s.end - s.start for s in found) <= C.MAX_SENTENCE_CHARS
    assert "".join(s.text for s in found).replace(" ", "") == text.replace(" ", "")


def _segment_peak(text: str) -> int:
    tracemalloc.start()
    try:
        segment_package.segment(text, "a1")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("make", [one_line, prose], ids=["single line", "prose"])
def test_segmenting_memory_grows_linearly(make):
    segment_package.segment(make(100), "a1")            # warm caches (Punkt, regexes) first
    small, large = _segment_peak(make(5_000)), _segment_peak(make(20_000))
    assert large < 4 * 1.25 * small                     # 4x the text: about 4x the memory


class CountingTuple(tuple):
    """A tuple that counts how often it is walked through."""
    walks = 0

    def __iter__(self):
        CountingTuple.walks += 1
        return super().__iter__()


def test_readability_walks_the_sentences_a_bounded_number_of_times():
    article = load_article(prose(3_000), kind="paste")
    counted = replace(article, sentences=CountingTuple(article.sentences))
    CountingTuple.walks = 0
    assert readability.readability(counted)["sentences"] > 100
    assert CountingTuple.walks <= 5             # before: once per sentence (quadratic: 106 s for 2 MB)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_or_for_a_long_input():
    quiet = io.StringIO()
    Progress(quiet, 500)(0.5, "facts")
    assert quiet.getvalue() == ""               # a short job in a script: nothing
    log = io.StringIO()
    progress = Progress(log, C.LONG_INPUT_WORDS + 1)
    progress(0.05, "features")
    progress(0.45, "facts")
    progress.close()
    assert log.getvalue().splitlines() == [f"parallax: analysing {C.LONG_INPUT_WORDS + 1:,} words:   5% features",
                                           f"parallax: analysing {C.LONG_INPUT_WORDS + 1:,} words:  45% facts"]
    tty = FakeTerminal()
    progress = Progress(tty, 10)
    progress(0.05, "features")
    progress.close()
    assert tty.getvalue().startswith("\rparallax: analysing 10 words:   5% features") and tty.getvalue().endswith("\n")


def test_the_run_budget_counts_what_is_already_there_and_admits_later_shorter_articles(monkeypatch):
    from analysis.ingest.budget import RunBudget

    monkeypatch.setattr(C, "MAX_COMPARISON_WORDS", 300)
    budget = RunBudget(used=100)
    long, short = load_article(prose(250, seed=1), kind="paste"), load_article(prose(150, seed=2), kind="paste")
    assert budget.admit(long) == (f"left out: with it the articles would hold {100 + long.word_count:,} "
                                  "words, more than the 300 Parallax compares at once")
    assert budget.admit(short) is None and budget.used == 100 + short.word_count
