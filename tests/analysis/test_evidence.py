"""Link evidence between claims of different outlets (``analysis.align.evidence``): words weighed by
how specific they are inside the event, shared quotes, action groups, names apart; and the aligner
linking a paraphrase on that evidence.  Texts written for these tests."""
from __future__ import annotations

import numpy as np
import pytest

from analysis.align import evidence, stage
from analysis.align.features.concepts import concepts
from analysis.bench import text_article


def test_a_word_in_every_claim_weighs_less_than_a_word_in_one():
    counts = evidence.Counts({"a1": 4, "a2": 4},
                             {"a1": {"harbour": 4, "crane": 1}, "a2": {"harbour": 4, "crane": 1}})
    assert counts.surprise("crane", "a1", "a2") > 3 * counts.surprise("harbour", "a1", "a2")
    topic_only = counts.overlap(frozenset({"harbour", "crane"}), frozenset({"harbour", "ferry"}), "a1", "a2")
    specific = counts.overlap(frozenset({"harbour", "crane"}), frozenset({"crane", "ferry"}), "a1", "a2")
    assert specific > 0.6 > 0.3 > topic_only


def test_summed_surprise_is_the_sum_of_each_token_s_surprise_to_the_bit():
    holding = {"a1": {f"w{i}": 1 + i % 7 for i in range(0, 90, 2)}, "a2": {f"w{i}": 1 + i % 5 for i in range(0, 90, 3)}}
    counts = evidence.Counts({"a1": 40, "a2": 31}, holding)
    tokens = frozenset(f"w{i}" for i in range(0, 120, 1))          # seen in one, both or neither article
    one_by_one = 0.0
    for t in tokens:
        one_by_one += counts.surprise(t, "a1", "a2")
    assert counts.weight(tokens, "a1", "a2") == one_by_one
    assert counts.weight(frozenset(), "a1", "a2") == 0


def test_action_groups_join_other_words_for_one_action():
    assert concepts("The harbour master stepped down on Friday.") & concepts("The harbour master resigned.")
    assert not concepts("The harbour master stepped down.") & concepts("The harbour master praised the crews.")


def test_the_omission_check_synonym_sets_are_action_groups_too():
    # "fatalities" and "perished" are in the predicate_classes lexicon, not in event_concepts.
    killed = concepts("Four fishermen were killed when the pier gave way.")
    assert killed & concepts("The pier collapse caused four fatalities.")
    assert killed & concepts("Four fishermen perished at the pier.")
    assert not killed & concepts("Four fishermen were hired at the pier.")


def test_a_shared_quote_needs_quotation_marks_on_both_sides():
    assert evidence.quotes_shared('The mayor said "we will rebuild the old harbour" on Monday.',
                                  'The mayor vowed: "We will rebuild the old harbour."')
    assert not evidence.quotes_shared('The mayor said "we will rebuild the old harbour".',
                                      "The mayor said we will rebuild the old harbour.")
    assert not evidence.quotes_shared('The mayor said "we will rebuild".', 'The mayor said "we will rebuild".')


_PORT = ("A storm tore two cranes from the docks of Velmar harbour on Monday night. "
         "Mayor Ilse Brandt said the port would stay closed until Thursday. "
         "Fishermen from Ostra complained that nobody had warned them of the storm. "
         "The regional council will meet on Friday to discuss the repairs.")
_COAST = ("Two cranes were ripped from the Velmar docks by a storm late on Monday. "
          "The port is to remain shut until Thursday, according to Mayor Ilse Brandt. "
          "Engineer Tomas Reyes estimated the damage at 40 million euros. "
          "The regional council meets on Friday about the repairs.")


@pytest.fixture(scope="module")
def aligned():
    return stage.run([text_article(_PORT, "a1"), text_article(_COAST, "a2")], lambda *_: None)


def _row(aligned, first: str, second: str) -> dict[str, float]:
    """The evidence row of the candidate link between the claims holding ``first`` (a1) and
    ``second`` (a2)."""
    texts = {a.id: a.text for a in aligned.articles}

    def holds(key, needle):
        claim = aligned.claims[key[0]][key[1]]
        return needle in texts[key[0]][claim.start:claim.end]

    for i, (ka, kb, _) in enumerate(aligned.links):
        if holds(ka, first) and holds(kb, second):
            return dict(zip(evidence.FEATURES, aligned.evidence[i].tolist()))
    raise AssertionError(f"no candidate link {first!r} / {second!r}")


def test_names_apart_marks_two_people_doing_two_things(aligned):
    assert _row(aligned, "Mayor Ilse Brandt said", "according to Mayor Ilse Brandt")["names_apart"] == 0.0
    assert _row(aligned, "Fishermen from Ostra", "Engineer Tomas Reyes")["names_apart"] == 1.0


def test_surroundings_reach_three_sentences_each_way_not_the_claims_own_sentence():
    from analysis.align.features import featurize
    from analysis.align.features.words import stem
    words = ("anchor", "beacon", "cargo", "dredger", "estuary", "ferry", "gantry", "hull")
    text = " ".join(f"The {w} of the old port was repainted in spring." for w in words)
    sentences = featurize([text_article(text, "a1")])["a1"]
    assert len(sentences) == len(words)
    claim = sentences[4]                                # "The estuary ..."
    near = evidence._window(sentences, 4, claim, 1)
    far = evidence._window(sentences, 4, claim, evidence.EVIDENCE_SURROUNDING_SENTENCES)
    assert evidence.EVIDENCE_SURROUNDING_SENTENCES == 3
    assert {w for w in words if stem(w) in near} == {"dredger", "estuary", "ferry"}
    assert {w for w in words if stem(w) in far} == {"beacon", "cargo", "dredger", "estuary", "ferry", "gantry", "hull"}
    assert evidence._window(sentences, 0, sentences[0], 3) >= {stem("anchor"), stem("dredger")}
    assert stem("estuary") not in evidence._window(sentences, 0, sentences[0], 3)


_GALE = ("Gale winds tore two cranes from the Velmar docks on Monday night. "
         "Schools in the northern villages stayed open all week. "
         "A bakery on the main square ran out of bread by noon. "
         "Engineer Tomas Reyes put the damage to the quays at 40 million euros.")
_WINDS = ("Two cranes were ripped from the Velmar docks by gale winds late on Monday. "
          "Trains to the capital ran an hour late on Tuesday morning. "
          "The city zoo moved its parrots and monkeys indoors. "
          "Tomas Reyes, an engineer, estimated the quay damage at 40 million euros.")


def test_surroundings_count_what_both_stories_tell_a_few_sentences_away():
    # The crane claims open both stories; the next sentences share nothing, the damage estimate three
    # sentences further is in both: outside the next-sentence context, inside the surroundings.
    aligned = stage.run([text_article(_GALE, "a1"), text_article(_WINDS, "a2")], lambda *_: None)
    row = _row(aligned, "Gale winds tore two cranes", "Two cranes were ripped")
    assert row["surroundings"] > row["context"] > 0.0


def test_probabilities_follow_the_weights():
    x = np.zeros((2, len(evidence.FEATURES)))
    x[1, evidence.FEATURES.index("similarity")] = 1.0
    weights = {name: 0.0 for name in evidence.FEATURES} | {"similarity": 2.0}
    p = evidence.probabilities(x, weights, -1.0)
    assert p == pytest.approx([1 / (1 + np.exp(1.0)), 1 / (1 + np.exp(-1.0))])
    assert evidence.probabilities(np.zeros((0, len(evidence.FEATURES)))).shape == (0,)


def test_paraphrases_of_one_fact_link_and_other_doings_do_not(aligned):
    facts = aligned.facts()
    texts = {a.id: a.text for a in aligned.articles}
    shared = [{texts[m.article][c.start:c.end] for m in f.members for c in m.claims}
              for f in facts if len({m.article for m in f.members}) == 2]

    def linked(first: str, second: str) -> bool:
        return any(any(first in t for t in f) and any(second in t for t in f) for f in shared)

    assert linked("A storm tore two cranes", "Two cranes were ripped")
    assert linked("the port would stay closed until Thursday", "The port is to remain shut")
    assert not linked("Fishermen from Ostra", "Engineer Tomas Reyes")


_FILLERS = ("apricot", "badger", "cobalt", "dahlia", "ember", "falcon", "garnet", "heron", "indigo", "juniper",
            "kestrel", "lilac", "marten", "nutmeg", "osprey", "pewter", "quince", "raven", "saffron", "thistle",
            "umber", "violet")


def _padded(story: str, words: tuple[str, ...]) -> str:
    return story + " " + " ".join(f"The {w} society held its yearly meeting in the old library." for w in words)


def test_both_in_the_lede_counts_only_when_the_lede_is_a_small_part_of_the_story(aligned):
    # Four sentences: the top is most of the story (every lede of a short page names the event).
    assert evidence.LEDE_MAX_STORY_SHARE == 0.2 and evidence.LEDE_SENTENCES == 3
    assert _row(aligned, "A storm tore two cranes", "Two cranes were ripped")["ledes"] == 0.0
    # Fifteen sentences each: the three that open them are a fifth of the story.
    long = stage.run([text_article(_padded(_PORT, _FILLERS[:11]), "a1"),
                      text_article(_padded(_COAST, _FILLERS[11:]), "a2")], lambda *_: None)
    assert [len(long.features[a]) for a in ("a1", "a2")] == [15, 15]
    assert _row(long, "A storm tore two cranes", "Two cranes were ripped")["ledes"] == 1.0
    assert _row(long, "The regional council will meet", "The regional council meets")["ledes"] == 0.0


def test_soft_overlap_is_the_plain_formula_s_to_the_bit():
    # _soft grades the whole cosine matrix once and takes each row's and column's best grade, and sums
    # each unit's word surprises once per pair of articles: the very numbers of the plain formula
    # (best cosine of each word, graded, weighed by its surprise in both articles).
    from analysis.align.features import featurize
    texts = ("Divers searched the harbour channel near the collapsed bridge until dusk on Tuesday.",
             "Rescue divers combed the channel under the fallen span late into Tuesday evening.",
             "The council leader promised an inquiry into the delayed repair of the old bridge.")
    articles = [text_article(t, f"a{i}") for i, t in enumerate(texts, start=1)]
    units = [fs[0] for fs in featurize(articles).values()]
    counts = evidence.counts({u.article: [u] for u in units})

    def plain(fa, fb) -> float:
        cos = fa.word_vectors @ fb.word_vectors.T
        got = total = 0.0
        for f, best in ((fa, cos.max(axis=1)), (fb, cos.max(axis=0))):
            close = np.clip((best - evidence.EVIDENCE_CLOSE_WORD) / (1.0 - evidence.EVIDENCE_CLOSE_WORD), 0.0, 1.0)
            w = counts.word_surprise(f, fa.article) + counts.word_surprise(f, fb.article)
            got += float((w * close).sum())
            total += float(w.sum())
        return got / total

    closeness: evidence.Closeness = {}
    for fa in units:
        for fb in units:
            if fa is not fb:
                assert evidence._soft(fa, fb, counts, closeness) == plain(fa, fb)
    assert evidence._soft(units[0], units[1], counts) > evidence._soft(units[0], units[2], counts) > 0
