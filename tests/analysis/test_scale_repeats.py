"""Texts repeated across outlets are read once (issue 14), with exactly the plain computation's result.

Each test builds the repetition by hand (one sentence in several articles, at other offsets) and
compares the shortcut with the computation done text by text or pair by pair, bit for bit.
"""
from __future__ import annotations

import numpy as np

from analysis.align.embed import embed
from analysis.align.features import TextUnit, featurize_units, idf_table
from analysis.align.features.entities import CorpusVocabulary, sentence_mentions
from analysis.align.similarity import _score_pairs, score_pairs
from analysis.align.stage import link_evidence
from analysis.bench import text_article
from analysis.coverage.verify import Searcher
from analysis.model import Fact, FactMember

LEDE = "Mayor Jane Doe said on Tuesday that the storm killed 12 people in Dunmore."
OTHERS = (
    "Twelve people died in Dunmore, where 40,000 homes lost power.",
    "The Red Cross opened two shelters in Kelby on Wednesday.",
    "Residents cleared fallen trees from the roads.",
)


def test_a_text_given_many_times_is_embedded_as_each_copy_alone():
    texts = [LEDE, OTHERS[0], LEDE, "", OTHERS[1], LEDE, ""]
    together = embed(texts)
    alone = np.vstack([embed([t]) for t in texts])
    assert together.shape == (len(texts), 256) and together.dtype == np.float32
    assert np.array_equal(together, alone)
    assert np.array_equal(together[0], together[5]) and not together[3].any()


def test_mentions_of_a_text_at_other_offsets_are_its_mentions_moved():
    # The same sentence opens one article and sits deep in two others.
    units = [TextUnit("a1", "a1.s1", 0, LEDE, 0), TextUnit("a1", "a1.s2", 1, OTHERS[1], len(LEDE) + 1),
             TextUnit("a2", "a2.s1", 0, OTHERS[0], 0), TextUnit("a2", "a2.s2", 1, LEDE, 63),
             TextUnit("a3", "a3.s1", 0, LEDE, 1000)]
    feats = featurize_units(units)
    vocab = CorpusVocabulary()
    for u in units:
        vocab.add(u.text)
    for u, f in zip(units, feats):
        plain = sentence_mentions(u.text, u.offset, vocab)
        assert plain, u.text
        assert {k for k, _, _ in plain} >= f.entities
        assert [(s, e) for _, s, e in f.entity_spans] == [(s, e) for _, s, e in plain]
        assert all(u.text[s - u.offset:e - u.offset] for _, s, e in f.entity_spans)
    assert feats[0].entities == feats[3].entities == feats[4].entities


def test_scores_of_pairs_met_again_are_the_scores_pair_by_pair():
    units = [TextUnit(f"a{copy}", f"a{copy}.s{i}", i, text)
             for copy in range(3) for i, text in enumerate((LEDE, *OTHERS))]
    feats = featurize_units(units)
    idf = idf_table(feats)
    pairs = [(a, b) for a in feats for b in feats if a.article != b.article]
    shortcut = score_pairs(pairs, idf)
    assert len(pairs) == 96
    assert np.array_equal(shortcut, _score_pairs(pairs, idf))
    assert np.array_equal(shortcut, np.concatenate([_score_pairs([p], idf) for p in pairs]))


def test_link_vetoes_of_texts_met_again_are_read_pair_by_pair():
    from analysis.align import evidence
    from analysis.align.claims import article_claims
    from analysis.align.features import claim_features, featurize
    from analysis.align.samefact import action_clash

    texts = ["The council approved the budget on Tuesday.\n\nThe mayor signed the plan.",
             "The council rejected the budget on Tuesday.\n\nThe mayor vetoed the plan.",
             "The council approved the budget on Tuesday.\n\nThe mayor vetoed the plan."]
    arts = [text_article(t, f"a{i}") for i, t in enumerate(texts, start=1)]
    sentence_feats = featurize(arts)
    claims = {a.id: article_claims(a) for a in arts}
    feats, whole = claim_features(arts, claims, sentence_feats)
    keys = [(a.id, c.index) for a in arts for c in claims[a.id]]
    pairs = [(x, y) for x in keys for y in keys if x[0] < y[0]]
    ev = evidence.event(claims, feats, whole, sentence_feats)
    _, vetoed = link_evidence(ev, pairs, idf_table(feats))
    plain = [action_clash(feats[x[0]][x[1]], feats[y[0]][y[1]]) for x, y in pairs]
    assert vetoed.tolist() == plain and any(plain) and not all(plain)


def test_a_search_on_the_alignment_s_vectors_gives_the_verdicts_of_its_own():
    filler = "Residents cleared fallen trees.\n\nThe council met on Wednesday to plan repairs."
    arts = [text_article(f"{LEDE}\n\n{filler}", f"a{i}") for i in range(1, 4)]
    arts += [text_article(f"{text}\n\n{filler}", f"a{i}") for i, text in enumerate(OTHERS, start=4)]
    fact = Fact("f1", LEDE, tuple(FactMember(a.id, (f"{a.id}.s1",)) for a in arts[:3]))
    vectors = {a.id: embed([s.text for s in a.sentences]) for a in arts}
    given = Searcher(arts, vectors)
    own = Searcher(arts)
    assert [given.search(fact, a.id, {}) for a in arts[3:]] == [own.search(fact, a.id, {}) for a in arts[3:]]
    assert all(np.array_equal(given.vectors(a.id), own.vectors(a.id)) for a in arts)
    # Vectors that do not fit an article's sentences are not taken: its own are made.
    short = Searcher(arts, {"a4": vectors["a4"][:1]})
    assert np.array_equal(short.vectors("a4"), own.vectors("a4"))


def test_copies_of_a_wording_without_a_passive_are_read_once_whatever_surrounds_them(monkeypatch):
    from analysis import model
    from analysis.signals import framing

    said = "The storm will reach Dunmore on Tuesday, the weather service said."
    other = "The storm may reach Dunmore on Tuesday, the weather service said."
    openings = ["Rain fell all night.", "The roads were closed by noon.", "Schools stayed shut."]
    arts = [text_article(f"{opening}\n\n{said}", f"a{i}") for i, opening in enumerate(openings, 1)]
    arts.append(text_article(f"Power lines came down.\n\n{other}", "a4"))
    fact = model.Fact("f1", said, tuple(model.FactMember(a.id, (f"{a.id}.s2",)) for a in arts))
    runs: list[str] = []
    rules = framing._candidates
    monkeypatch.setattr(framing, "_candidates", lambda pair: (runs.append(pair.a.text + "|" + pair.b.text),
                                                              rules(pair))[1])
    framing.version_findings([fact], {a.id: a for a in arts})
    # The three copies face the fourth article's words: one wording, read once whatever paragraph
    # comes before each copy (the pairs of copies have the same words and are skipped).
    assert runs == [f"{said}|{other}"]
