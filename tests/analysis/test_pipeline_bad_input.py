"""Bad input for the engine (issue 3): it always finishes, says what happened, and never crashes.

One article, two unrelated articles, identical duplicates, a 10,000-word sentence without
punctuation, 200 articles, and a progress callback that cancels.  The real 200 x 1,000-word run is
the benchmark (``python main.py bench align``); here 200 short articles keep the test quick.
"""
from __future__ import annotations

import re

import pytest

from analysis import Cancelled, compare, load_article
from analysis.bench.align import synthetic_corpus
from analysis.export.json_contract import dumps

FOOTBALL = """Rovers snatch late winner against United

Source: The Northern Post

Rovers came from behind to beat United 2-1 at Meadow Park on Saturday, with substitute Tom Hale \
scoring the winner three minutes into stoppage time.

United had taken the lead just before half-time when their captain, Luis Ortega, headed in a corner \
from the left. The home side looked tired and struggled to create chances for most of the second half.

Manager Karen Webb made three changes after the hour and the gamble paid off. Midfielder Sam Okafor \
equalised with a low shot from the edge of the area in the 78th minute, and Hale, who had been on the \
pitch for barely ten minutes, turned in a cross from the right to send the crowd of 14,000 into raptures.

"The players never stopped believing," Webb said after the match. "We were poor in the first half, \
but the reaction was brilliant."

The win lifts Rovers to fourth in the table, two points behind the play-off places, with eight games \
left to play.
"""

RECIPE = """A simple lemon cake for a slow Sunday

Source: Home Kitchen Weekly

This lemon cake takes about an hour from start to finish and needs nothing more than a mixing bowl, \
a whisk and a loaf tin.

Start by heating the oven to 180 degrees and lining the tin with baking paper. Beat 200 grams of soft \
butter with 200 grams of caster sugar until the mixture is pale and fluffy, then add four eggs one at \
a time.

Fold in 200 grams of self-raising flour and the grated zest of two lemons. Spoon the batter into the \
tin, smooth the top and bake for 45 minutes, or until a skewer pushed into the middle comes out clean.

While the cake is still warm, mix the juice of the lemons with three tablespoons of icing sugar and \
pour it over the top. The syrup soaks in and keeps the sponge moist for days.

Leave the cake to cool in the tin before slicing. It keeps well in an airtight box and tastes even \
better the next day.
"""


def _paste(text: str, article_id: str):
    return load_article(text, kind="paste", article_id=article_id)


def test_one_article_has_nothing_to_compare(seed_articles):
    one = seed_articles[0]
    c = compare([one])
    assert any("Only one article: nothing to compare" in n for n in c.notes)
    assert c.articles == (one,) and len(c.articles[0].sentences) > 20      # its sentences are there
    assert [(e.article, e.same_event) for e in c.event] == [("a1", True)]
    assert all(len(f.members) == 1 for f in c.facts)
    assert not c.omissions
    assert not [f for f in c.findings if f.kind in ("omission", "exclusive", "voice")]
    assert c.metrics["a1"]["readability"]                                 # per-article signals still run
    assert '"schema":"parallax.comparison/3"' in dumps(c)


def test_two_unrelated_articles_share_no_event():
    football, recipe = _paste(FOOTBALL, "a1"), _paste(RECIPE, "a2")
    assert 140 <= football.word_count <= 200 and 140 <= recipe.word_count <= 200
    c = compare([football, recipe])
    assert "No two articles share an event: nothing to align." in c.notes
    assert [e.same_event for e in c.event] == [False, False]
    assert not [f for f in c.facts if len(f.members) > 1]
    assert not c.omissions
    assert not [f for f in c.findings if f.fact is not None]


def test_identical_duplicates_are_named_and_left_out(seed_articles):
    copy = load_article(seed_articles[1].path, article_id="a6")
    c = compare([*seed_articles[:4], copy])
    assert "CNBC (a6) is an identical copy of CNBC (a2); it is left out of " \
        "the alignment." in c.notes
    assert "a6" not in {e.article for e in c.event}
    assert not [f for f in c.facts if "a6" in f.articles]
    assert not [o for o in c.omissions if o.article == "a6" or "a6" in o.covered_by]
    assert not [f for f in c.findings if "a6" in f.articles]
    assert len(c.articles) == 5 and c.metrics["a6"]                       # kept, with its metrics
    # The copy changes nothing for the others: the same facts as without it.
    without = compare(seed_articles[:4])
    assert {f.id for f in c.facts} == {f.id for f in without.facts}


def test_a_10000_word_sentence_without_punctuation_finishes(seed_articles):
    words = re.findall(r"[a-z]+", seed_articles[0].text.lower())
    text = " ".join(words[i % len(words)] for i in range(10_000))
    huge = _paste(text, "a1")
    assert huge.word_count == 10_000
    assert all(s.end - s.start <= 2000 for s in huge.sentences)          # cut at spaces, no sentence mark
    c = compare([huge, seed_articles[1]])       # the sentence cap above is what bounds the work
    assert len(c.articles) == 2 and c.event
    for f in c.findings:
        for s in f.spans:
            assert 0 <= s.start < s.end <= len(c.article(s.article).text)


def test_200_articles_finish_with_clear_notes():
    # 250 words (about ten sentences drawn from the seeds) each: shorter mixtures of four or five
    # random sentences share too little to be one story, and are rightly split into several.
    articles = synthetic_corpus(200, words=250)
    c = compare(articles)       # no time limit asserted (house rule): ``bench align`` measures speed
    assert len(c.articles) == 200 and len(c.event) == 200
    assert sum(e.same_event for e in c.event) >= 150        # one event: most articles are on it
    assert len({f.id for f in c.facts}) == len(c.facts)
    # Wire-copy facts reach every outlet that copied them: the sentence copied most often (into 19
    # articles here) is one fact holding all of those articles (it was asserted as "> 20 members",
    # one or two more than the copies: a threshold on noise).
    copies: dict[str, set[str]] = {}
    for a in articles:
        for sentence in a.sentences:
            if len(sentence.text.split()) >= 6:
                copies.setdefault(sentence.text, set()).add(a.id)
    most = max(copies.values(), key=len)
    assert len(most) >= 15
    assert any(most <= {m.article for m in f.members} for f in c.facts)
    # Notes name articles on another event, copy groups (outlets built from the same sentences are
    # copies) and the gaps that verification dropped: nothing else.
    dropped = re.compile(r"^\d+ possible omissions? (?:were|was) not reported \(in \d+ .*\)\.$")
    assert all(n.endswith(("left out of alignment and omissions.", "one source for omissions and exclusives."))
               or dropped.match(n) for n in c.notes)


def test_progress_rises_to_one(seed_articles):
    calls: list[tuple[float, str]] = []
    compare(seed_articles[:3], lambda fraction, stage: calls.append((fraction, stage)))
    fractions = [f for f, _ in calls]
    assert len(calls) >= 5
    assert fractions == sorted(fractions) and len(set(fractions)) == len(fractions)
    assert 0 < fractions[0] and fractions[-1] == 1.0
    assert all(isinstance(stage, str) and stage for _, stage in calls)


@pytest.mark.parametrize("stop_at", ["features", "facts", "framing"])
def test_cancel_from_the_progress_callback(seed_articles, stop_at):
    seen: list[str] = []

    def progress(fraction: float, stage: str) -> None:
        seen.append(stage)
        if stage == stop_at:
            raise Cancelled("stopped by the user")

    with pytest.raises(Cancelled):
        compare(seed_articles[:3], progress)
    assert seen[-1] == stop_at and "done" not in seen


def test_two_articles_with_one_id_get_a_clear_message():
    # load_article's default id is 'a1': two files loaded without ids crashed deep in the events
    # stage (a numpy TypeError); now the editor's words say what to do.
    from analysis.errors import DuplicateArticleIds
    first = load_article(b"Mayor Ruth Gale opened the Tarvo bridge on Monday. She said it cost $4 million.",
                         kind="paste", outlet="Tarvo Times")
    second = load_article(b"The Tarvo bridge opened on Monday, Mayor Ruth Gale said.", kind="paste",
                          outlet="Valley Post")
    with pytest.raises(DuplicateArticleIds, match=r"same id 'a1' \('Tarvo Times' and 'Valley Post'\)"):
        compare([first, second])
