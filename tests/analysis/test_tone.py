"""Tone: lexicon rates per 1,000 words, attribution grades, passive voice, quotation, frames."""
from __future__ import annotations

import pytest

from analysis.signals import tone as tn
from analysis.signals.voices import find_quotes
from seeds import loaded_seeds, sentence_with, text_article

TEXT = ("The minister bluntly slammed the plan, which may clearly be very costly. "
        "“The regime must fall,” he claimed. The deal was signed by both sides. Troops were sent. "
        "Sanctions could hurt the economy.")


def test_rates_per_thousand_words_exact():
    t = tn.tone(text_article(TEXT))
    assert t["words"] == 33 and t["own_words"] == 29
    assert t["quote_share"] == round(4 / 33, 4)
    # bluntly, regime ("slammed" is an emotive attribution verb, counted once, below)
    assert t["counts"]["loaded"] == 2
    assert t["rates_per_1k"]["loaded"] == round(1000 * 2 / 33, 2)
    assert t["own_rates_per_1k"]["loaded"] == round(1000 * 1 / 29, 2)   # "regime" is the source's word
    assert t["counts"]["hedges"] == 2 and t["counts"]["modals"] == 3    # may, could (+ must)
    assert t["counts"]["boosters"] == 1 and t["counts"]["intensifiers"] == 1
    assert [term for term, _ in t["top_terms"]["loaded"]] == ["bluntly", "regime"]


def test_attribution_verbs_by_grade_outside_quotes():
    t = tn.tone(text_article(TEXT))
    assert t["attribution_counts"]["doubt"] == 1        # claimed
    assert t["attribution_counts"]["emotive"] == 1      # slammed
    assert t["attribution_counts"]["neutral"] == 0
    inside = tn.tone(text_article("“He claimed it was over,” she said."))
    assert inside["attribution_counts"]["doubt"] == 0 and inside["attribution_counts"]["neutral"] == 1


@pytest.mark.parametrize("text, expected", [
    ("Ukraine has been bombed nightly by Russian missiles and drones.", [True]),
    ("The Riyadh meeting was designed to determine if the Russians are serious.", [False]),
    ("He was not immediately informed, officials said.", [False]),
    ("Leaders met in Paris and agreed on a plan.", []),
    ("They were seen, then they were given a warning by the guards.", [False, True]),
])
def test_passive_heuristic(text, expected):
    assert [agent for _, _, agent in tn.passives(text)] == expected


def test_passive_on_a_seed_sentence():
    a5 = loaded_seeds()[4]
    s = sentence_with(a5, "bombed nightly")
    found = tn.passives(s.text)
    assert len(found) == 1 and found[0][2] is True
    assert s.text[found[0][0]:found[0][1]] == "been bombed"


def test_frame_profile_shares():
    t = tn.tone(text_article(TEXT))
    assert sum(t["frames"].values()) == pytest.approx(1.0, abs=1e-3)
    assert t["frames"]["economic"] == round(2 / 6, 4)    # costly, economy
    assert t["frame_cues"] == 6


def test_seed_quote_share_and_reported_share():
    cnn = loaded_seeds()[3]
    t = tn.tone(cnn, quotes=find_quotes(cnn))
    assert 0.2 < t["quote_share"] < 0.35            # CNN leans on Rutte, Vance and Gould-Davies quotes
    assert 0 < t["reported_share"] < t["quote_share"]
    analysis = loaded_seeds()[2]
    assert tn.tone(analysis)["quote_share"] < 0.05  # the analytical piece paraphrases


def test_per_fact_subset():
    a1 = loaded_seeds()[0]
    s = sentence_with(a1, "bluntly panned the meeting")
    t = tn.tone(a1, [s.id])
    assert t["words"] == 21
    assert t["attribution_counts"]["emotive"] == 1  # panned
    assert t["counts"]["loaded"] >= 1               # bluntly


def test_empty_and_non_english():
    assert tn.tone(text_article("")) == {}
    t = tn.tone(text_article("Die Gespräche in Riad haben begonnen.", language="de"))
    assert "note" in t and "rates_per_1k" not in t and t["words"] == 6


def test_capitals_are_matched():
    t = tn.tone(text_article("THE MINISTER ANGRILY REJECTED THE PLAN."))
    assert t["counts"]["loaded"] == 1


def test_missing_lexicon_is_a_note_not_a_crash(monkeypatch):
    real = tn._lexicon
    monkeypatch.setattr(tn, "_lexicon", lambda name: None if name == "loaded" else real(name))
    t = tn.tone(text_article(TEXT))
    assert "loaded" not in t["rates_per_1k"] and "loaded" in t["note"]
    assert t["counts"]["hedges"] == 2


def test_unnamed_sources_per_outlet_count_and_share_of_attributed_words():
    from analysis.vocabulary.metrics import BY_KEY, value
    a = text_article("“The road is closed to all traffic,” an official said. Mayor Tom Hale said “we will "
                     "reopen it.” “Stay away,” residents said.")
    t = tn.tone(a, quotes=find_quotes(a))
    assert t["unnamed_quotes"] == 2      # the official and the residents; the mayor is named
    assert t["unnamed_share"] == round((7 + 2) / (7 + 4 + 2), 4)
    # declared once, so the Metrics view, the report and the JSON read it by name
    assert value({"tone": t}, BY_KEY["tone.unnamed_share"]) == t["unnamed_share"]
    # nothing attributed: a count of none, no share
    plain = text_article("The road was closed on Monday. It reopened later.")
    t = tn.tone(plain, quotes=find_quotes(plain))
    assert t["unnamed_quotes"] == 0 and "unnamed_share" not in t
