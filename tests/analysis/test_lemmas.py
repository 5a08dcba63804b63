"""lemminflect's tables read only for the words looked up (analysis/lemmas.py): the same entries as
lemminflect's own loaders, the same answers once installed, and lemminflect's own loading when a file
is not sorted by word."""
from __future__ import annotations

import gzip
import subprocess
import sys

import pytest
from lemminflect import config
from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

from analysis import lemmas


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))


def test_every_entry_is_lemminflects_own():
    for load, ours in ((LemmaLUCodec.load(config.lemma_lu_fn), lemmas.lemma_table(config.lemma_lu_fn)),
                       (InflectionLUCodec.load(config.inflection_lu_fn),
                        lemmas.inflection_table(config.inflection_lu_fn))):
        assert ours is not None
        assert [w for w, entry in load.items() if ours.get(w, {}) != entry] == []
        assert ours.get("qzxv-not-a-word", {}) == {}


def test_the_auxiliaries_are_lemminflects_hard_coded_forms():
    table = lemmas.inflection_table(config.inflection_lu_fn)
    assert table is not None
    assert table.get("be", {})["VBD"] == ("was", "were")
    assert table.get("walk", {})["VBD"] == ("walked",)


def test_a_file_not_sorted_by_word_is_left_to_lemminflect(tmp_path):
    path = tmp_path / "lu.csv.gz"
    path.write_bytes(gzip.compress(b"walk,verb,walk\nabide,verb,abide\n"))
    assert lemmas.lemma_table(str(path)) is None
    path.write_bytes(gzip.compress(b"abide,verb,abide\nwalked,verb,walk\n"))
    table = lemmas.lemma_table(str(path))
    assert table is not None and table.get("walked") == {"VERB": ("walk",)}


def test_lemminflect_answers_the_same_with_the_tables_installed():
    code = ("from lemminflect import getAllLemmas, getInflection\n"
            "from analysis.lemmas import load_tables\n"
            "words = ['walked', 'said', 'leaves', 'Republicans', 'was', 'could', 'data']\n"
            "def answers():\n"
            "    return [getAllLemmas(w) for w in words] + [getInflection(w, 'VBD') for w in\n"
            "            ('walk', 'say', 'be', 'can', 'reopen')]\n"
            "{}\nprint(answers())\n")
    out = [subprocess.run([sys.executable, "-c", code.format(line)], capture_output=True, text=True,
                          timeout=120, check=True).stdout
           for line in ("load_tables()", "pass")]
    assert out[0] == out[1] and "walk" in out[0]


def test_bisection_over_the_text_finds_every_word_and_only_it(tmp_path):
    path = tmp_path / "lu.csv.gz"
    rows = ["abide,verb,abide", "walk,noun,walk", "walk,verb,walk", "walk-in,noun,walk-in",
            "walked,verb,walk", "walker,noun,walker", "zoo,noun,zoo"]
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode()))
    table = lemmas.lemma_table(str(path))
    assert table is not None
    assert table.get("walk") == {"NOUN": ("walk",), "VERB": ("walk",)}
    assert table.get("abide") == {"VERB": ("abide",)} and table.get("zoo") == {"NOUN": ("zoo",)}
    assert table.get("walk-in") == {"NOUN": ("walk-in",)}
    assert [table.get(w) for w in ("aaa", "wal", "walke", "zzz")] == [None] * 4


def test_a_file_with_other_line_breaks_is_left_to_lemminflect(tmp_path):
    path = tmp_path / "lu.csv.gz"
    path.write_bytes(gzip.compress(b"abide,verb,abide\r\nwalked,verb,walk\r\n"))
    assert lemmas.lemma_table(str(path)) is None


def test_a_deep_copy_of_an_entry_is_a_copy_of_its_dict():
    import copy
    table = lemmas.lemma_table(config.lemma_lu_fn)
    assert table is not None
    entry = table.get("leaves")
    copied = copy.deepcopy(entry)
    assert copied == entry and copied is not entry and type(copied) is dict
    copied["X"] = ("y",)
    assert "X" not in table.get("leaves")
