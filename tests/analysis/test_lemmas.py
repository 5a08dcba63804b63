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
