"""Sentiment: VADER offline, per sentence, per article, toward the main actors."""
from __future__ import annotations

import statistics

import pytest

from analysis.signals import sentiment as st
from analysis.signals.metrics import article_metrics, comparison_metrics
from seeds import loaded_seeds, sentence_with, text_article


def test_analyzer_loads_offline(offline):
    st.analyzer.cache_clear()
    st.score_text.cache_clear()
    assert st.analyzer().polarity_scores("a terrible, awful war")["compound"] < -0.5


def test_seed_sentences_exact():
    a1, a5 = loaded_seeds()[0], loaded_seeds()[4]
    scholz = sentence_with(a1, "bluntly panned the meeting")
    assert st.score_text(scholz.text) == {"compound": -0.7351, "pos": 0.0, "neg": 0.246, "neu": 0.754}
    putin = sentence_with(a5, "if common sense prevails")
    assert st.score_text(putin.text)["compound"] == 0.8225
    winning = sentence_with(a5, "He believes he is winning this conflict")
    assert st.score_text(winning.text)["compound"] == -0.5147


def test_article_summary_is_consistent():
    a = loaded_seeds()[3]
    s = st.article_sentiment(a)
    compounds = [v["compound"] for v in s["by_sentence"].values()]
    assert s["sentences"] == len(compounds) == len(a.sentences)
    assert s["compound_mean"] == pytest.approx(statistics.fmean(compounds), abs=1e-4)
    assert s["compound_stdev"] == pytest.approx(statistics.pstdev(compounds), abs=1e-4)
    assert s["share_negative"] + s["share_neutral"] + s["share_positive"] == pytest.approx(1.0, abs=1e-3)
    assert [x["compound"] for x in s["most_negative"]] == sorted(x["compound"] for x in s["most_negative"])
    assert all(x["compound"] <= -0.05 for x in s["most_negative"])


def test_toward_main_actors_across_the_comparison():
    arts = loaded_seeds()
    metrics = comparison_metrics(arts)
    toward = {a.id: metrics[a.id]["sentiment"]["toward"] for a in arts}
    names = set().union(*(t.keys() for t in toward.values()))
    assert {"Donald Trump", "Vladimir Putin", "Ukraine", "Russia"} <= names
    assert "Volodymyr Zelenskyy" in names          # Zelensky and Zelenskyy are one actor
    assert not {"Zelensky", "Volodymyr Zelensky"} & names
    # the mean toward an actor is the mean of the sentences naming it
    a = arts[3]
    by_sentence = metrics[a.id]["sentiment"]["by_sentence"]
    trump = [s for s in a.sentences if "Trump" in s.text]
    expected = statistics.fmean(by_sentence[s.id]["compound"] for s in trump)
    assert toward[a.id]["Donald Trump"]["sentences"] == len(trump)
    assert toward[a.id]["Donald Trump"]["compound_mean"] == pytest.approx(expected, abs=1e-4)


def test_single_article_uses_its_own_actors():
    m = article_metrics(text_article("Olaf Scholz said the debate was terrible. Olaf Scholz left early."))
    assert m["sentiment"]["toward"]["Olaf Scholz"]["sentences"] == 2


def test_empty_article_has_no_sentiment():
    assert st.article_sentiment(text_article("")) == {}
    assert article_metrics(text_article("")) == {"readability": {}, "sentiment": {}, "tone": {}}


def test_sentence_that_is_only_a_quote_and_capitals():
    s = st.article_sentiment(text_article("“We will never surrender.”"))
    assert s["sentences"] == 1
    caps = st.article_sentiment(text_article("THIS IS A TERRIBLE, TERRIBLE DEAL FOR EVERYONE."))
    assert caps["compound_mean"] < -0.5 and caps["share_negative"] == 1.0


def test_non_english_gets_a_note_not_a_score():
    s = st.article_sentiment(text_article("La guerre doit cesser.", language="fr"))
    assert "note" in s and "compound_mean" not in s


def test_fast_sentitext_tokens_match_nltk():
    # analyzer() swaps in a faster SentiText._words_and_emoticons: it must give NLTK's tokens exactly.
    import random

    from nltk.sentiment.vader import SentiText
    an = st.analyzer()
    texts = [s.text for a in loaded_seeds() for s in a.sentences]
    rng = random.Random(7)
    marks = [".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "?!?", "!?!?", "“", "”",
             "(", "...", "’"]
    words = "good bad war peace don't it's U.S. NATO great TERRIBLE :) :( no not very".split()
    for _ in range(500):
        tokens = []
        for _ in range(rng.randint(1, 10)):
            w = rng.choice(words)
            w = rng.choice(marks) + w if rng.random() < 0.3 else w
            w = w + rng.choice(marks) if rng.random() < 0.5 else w
            tokens.append(rng.choice(marks) if rng.random() < 0.1 else w)
        texts.append(" ".join(tokens))
    for text in texts:
        s = SentiText(text, an.constants.PUNC_LIST, an.constants.REGEX_REMOVE_PUNCTUATION)
        assert s._words_and_emoticons() == s._nltk_words_and_emoticons(), text
