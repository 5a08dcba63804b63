"""wordfreq's Zipf values for plain words from a cached table (analysis/frequencies.py): the same
answers as ``wordfreq.zipf_frequency``, and wordfreq not imported once the table is cached."""
from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
import wordfreq

from analysis import frequencies


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    frequencies._table.cache_clear()
    yield
    frequencies._table.cache_clear()


def test_plain_words_and_phrases_get_wordfreqs_own_values():
    words = [w for w in wordfreq.get_frequency_dict("en") if frequencies.plain(w)]
    rnd = random.Random(7)
    texts = words[::50] + [" ".join(rnd.sample(words, rnd.randint(2, 4))) for _ in range(300)]
    texts += ["saudi arabia", "united states", "sánchez", "qzxvkw", "kyiv qzxvkw", "the", "a"]
    assert [t for t in texts if frequencies.zipf_frequency(t) != wordfreq.zipf_frequency(t, "en")] == []


def test_other_texts_are_asked_of_wordfreq():
    texts = ["Trump", "kyiv's", "2025", "u.s.", "  two  spaces", "", "straße", "東京"]
    assert [frequencies.zipf_frequency(t) for t in texts] == [wordfreq.zipf_frequency(t, "en") for t in texts]
    assert frequencies.zipf_frequency("the", "fr") == wordfreq.zipf_frequency("the", "fr")
    assert not frequencies.plain("Trump") and frequencies.plain("sébastien")


def test_a_cached_table_answers_without_importing_wordfreq():
    code = ("import sys\nfrom analysis.frequencies import zipf_frequency\n"
            "print(zipf_frequency('bridge'), zipf_frequency('saudi arabia'), 'wordfreq' in sys.modules)\n")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           check=True, env=dict(os.environ)).stdout.split() for _ in range(2)]
    assert runs[0][:2] == runs[1][:2] == [str(wordfreq.zipf_frequency("bridge", "en")),
                                          str(wordfreq.zipf_frequency("saudi arabia", "en"))]
    assert (runs[0][2], runs[1][2]) == ("True", "False")       # built once, then read from the cache


def test_without_a_cache_wordfreq_answers(monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE", "off")
    assert frequencies._table() is None
    assert frequencies.zipf_frequency("bridge") == wordfreq.zipf_frequency("bridge", "en")


def test_the_events_outlet_names_read_from_the_cache_are_the_built_ones():
    from analysis.events import profile
    from analysis.lexicons import load_lexicon
    built = profile._outlet_names(load_lexicon("outlets").entries)
    profile._not_evidence.cache_clear()
    first = profile._not_evidence()              # built and stored
    profile._not_evidence.cache_clear()
    again = profile._not_evidence()              # read back
    profile._not_evidence.cache_clear()
    assert first == again == built and "reuters" in built and "cnn" in built
