"""The engine's shortcuts for large events (issue 14) give exactly what the plain computation gives.

Each shortcut reads a repeated input once (an agency's sentence printed by many outlets); these
tests build such repetitions by hand and compare with the computation done pair by pair.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from analysis.align.features import TextUnit, featurize_units, idf_table
from analysis.align.similarity import (
    PairScores,
    _number_matrix,
    _score_matrix,
    number_agreement,
    pair_similarity,
    score_matrix,
)
from analysis.bench import text_article
from analysis.coverage.terms import sentence_terms
from analysis.coverage.verify import Searcher
from analysis.model import Fact, FactMember

NUMBERED = (
    "The storm killed 12 people and cut power to 40,000 homes on Tuesday.",
    "Twelve people died in the storm, which left 40,000 homes without power.",
    "The storm killed 14 people, officials said on Tuesday.",
    "Officials said the storm cost $3 million in damage.",
    "Residents cleared fallen trees from the roads.",
)


@pytest.fixture(scope="module")
def repeated_units():
    # Each text in three articles, as agency copy is: equal numbers in many rows.
    units = [TextUnit(f"a{copy}{i}", f"a{copy}{i}.s1", 0, text)
             for copy in range(3) for i, text in enumerate(NUMBERED)]
    return featurize_units(units)


def test_number_agreement_of_the_matrix_is_the_pairwise_one(repeated_units):
    feats = repeated_units
    plain = np.zeros((len(feats), len(feats)))
    for i, a in enumerate(feats):
        for j, b in enumerate(feats):
            plain[i, j] = number_agreement(a.numbers, b.numbers)
    assert any(f.numbers for f in feats) and any(not f.numbers for f in feats)
    assert np.array_equal(_number_matrix(feats), plain)


def test_the_opening_word_is_a_name_only_when_written_capitalised_elsewhere():
    text = "Harbour officials closed the port after the storm."
    as_name = sentence_terms(text, frozenset({"harbour", "storm"}))
    as_word = sentence_terms(text, frozenset({"storm"}))
    assert ("name", "harbour") in {(t.kind, t.key) for t in as_name}
    assert "harbour" not in {t.key for t in as_word if t.kind == "name"}
    assert as_name != as_word
    # Asked again in the other order, the cached reading still depends on the opening word.
    assert sentence_terms(text, frozenset({"storm"})) == as_word
    assert sentence_terms(text, frozenset({"harbour"})) == as_name


def test_similarity_to_repeated_carriers_reads_each_distinct_sentence_once():
    lede = "The storm killed 12 people and cut power to 40,000 homes on Tuesday."
    arts = [text_article(f"{lede}\n\nResidents cleared fallen trees.", f"a{i}") for i in range(1, 5)]
    arts.append(text_article("Power was cut to 40,000 homes.\n\nTwelve people died, police said.", "a5"))
    fact = Fact("f1", lede, tuple(FactMember(a.id, (f"{a.id}.s1",)) for a in arts[:4]))
    searcher = Searcher(arts)
    mine = searcher.vectors("a5")
    carriers = np.vstack([searcher.vectors(a.id)[0] for a in arts[:4]])
    sims = searcher._similarities(fact, "a5")
    # The four copies are one column: the same figures as one carrier alone (and, to the last bits
    # a matrix product's shape may change, as all four).
    assert np.array_equal(sims, (mine @ carriers[:1].T).max(axis=1))
    assert np.allclose(sims, (mine @ carriers.T).max(axis=1), rtol=0, atol=1e-6)


def test_pair_scores_are_pair_similarity_for_copies_and_for_others(repeated_units):
    feats = repeated_units
    idf = idf_table(feats)
    scores = PairScores(idf)
    for a in feats[:6]:
        for b in feats:
            assert scores(a, b) == pair_similarity(a, b, idf)
    # Copies of one text share a key; different texts do not.
    assert scores.key(feats[0]) == scores.key(feats[len(NUMBERED)])
    assert scores.key(feats[0]) != scores.key(feats[1])


def test_verdicts_do_not_depend_on_what_was_searched_before():
    lede = "The storm killed 12 people and cut power to 40,000 homes in Dunmore on Tuesday."
    filler = "Residents cleared fallen trees.\n\nThe council met on Wednesday to plan repairs."
    arts = [text_article(f"{lede}\n\n{filler}", f"a{i}") for i in range(1, 4)]
    arts += [text_article(f"{text}\n\n{filler}", f"a{i}") for i, text in enumerate((
        "Twelve people died in Dunmore, where 40,000 homes lost power.",
        "In Dunmore the storm cut power on Tuesday.",
        "A fire closed the school in Kelby.",
        "Twelve people died in Dunmore, where 40,000 homes lost power."), start=4)]
    fact = Fact("f1", lede, tuple(FactMember(a.id, (f"{a.id}.s1",)) for a in arts[:3]))
    together = Searcher(arts)
    in_turn = [together.search(fact, a.id, {}) for a in arts[3:]]
    alone = [Searcher(arts).search(fact, a.id, {}) for a in arts[3:]]
    assert in_turn == alone
    assert len({v.status for v in in_turn}) >= 2
    # The same text in two articles: the same verdict (the second one reuses the first's windows).
    assert replace(in_turn[0], sentences=()) == replace(in_turn[3], sentences=())
    assert in_turn[0].sentences == ("a4.s1",) and in_turn[3].sentences == ("a7.s1",)


def test_the_matrix_of_a_fact_with_copies_is_the_matrix_of_every_member(repeated_units):
    feats = repeated_units
    idf = idf_table(feats)
    once = score_matrix(feats, idf)
    every = _score_matrix(feats, idf)       # each member scored, copies included
    assert once.shape == every.shape
    # The same figures, to the last bits a matrix product's shape may change.
    assert np.allclose(once, every, rtol=0, atol=1e-9)
    n = len(NUMBERED)
    assert np.array_equal(once[:n, :n], once[n:2 * n, n:2 * n])
    assert np.array_equal(once[0], once[n])


def _plain_search(searcher, fact, article_id):
    """The window loop as it was before the core's masks: each window's core terms found by a pass
    over every core term's sentences (the reference for the shortcut)."""
    from analysis.coverage.core import judge, rank
    core = searcher.core(fact, {})
    sims = searcher._similarities(fact, article_id)
    where = [searcher.where(article_id, c.term) for c in core.terms]
    sentences = searcher.by_id[article_id].sentences
    hits = set().union(*where) | {int(np.argmax(sims))}
    windows = [frozenset((i,)) for i in sorted(hits)]
    windows += [frozenset((i, i + 1)) for i in sorted(hits | {h - 1 for h in hits})
                if 0 <= i < len(sentences) - 1 and sentences[i].paragraph == sentences[i + 1].paragraph]
    best = None
    for window in windows:
        found = [c for c, rows in zip(core.terms, where) if rows & window]
        verdict = judge(core, found, len(window), max(float(sims[i]) for i in window))
        if best is None or rank(verdict) > rank(best[0]):
            best = (verdict, window, found)
    return searcher._explained(best[0], core, article_id, best[1], best[2])


def test_window_masks_give_the_verdicts_of_the_plain_window_loop():
    lede = "The storm killed 12 people and cut power to 40,000 homes in Dunmore on Tuesday."
    quote = "Mayor Ann Kelby said the repairs in Dunmore would cost $3 million."
    filler = "Residents cleared fallen trees.\n\nThe council met on Wednesday to plan repairs."
    carriers = [text_article(f"{lede} {quote}\n\n{filler}", f"a{i}") for i in range(1, 4)]
    searched = [text_article(text, f"b{i}") for i, text in enumerate((
        "Twelve people died in Dunmore. Power was cut to 40,000 homes on Tuesday.\n\n" + filler,
        "In Dunmore the storm cut power on Tuesday. Kelby said repairs would cost $3 million.",
        "A fire closed the school in Kelby.\n\nOfficials said 12 homes burned on Tuesday.",
        "Residents cleared fallen trees. The storm killed 12 people.\n\nDunmore lost power."), start=1)]
    searcher = Searcher(carriers + searched)
    facts = [Fact("f1", lede, tuple(FactMember(a.id, (f"{a.id}.s1",)) for a in carriers)),
             Fact("f2", quote, tuple(FactMember(a.id, (f"{a.id}.s2",)) for a in carriers))]
    verdicts = []
    for fact in facts:
        assert searcher.core(fact, {}).specific
        for a in searched:
            verdict = searcher.search(fact, a.id, {})
            if verdict.via == "terms":
                assert verdict == _plain_search(searcher, fact, a.id)
                verdicts.append(verdict.status)
    assert len(set(verdicts)) >= 2 and len(verdicts) >= 6


def test_quotes_of_a_large_comparison_are_found_once():
    from analysis.signals import voices
    # More articles than the cache held before issue 14 (256): each stage reads them in turn.
    arts = [text_article(f"“We will rebuild street {i},” Mayor Ann Kelby said on Tuesday.", f"q{i}")
            for i in range(300)]
    voices._CACHE.clear()
    first = [voices.find_quotes(a) for a in arts]
    again = [voices.find_quotes(a) for a in arts]
    assert all(q for q in first)
    assert all(a is b for a, b in zip(first, again))


def test_word_choice_sharers_are_the_other_users_in_the_outlets_order():
    # The users of each word family are read once for all findings; the sharers of a finding are
    # the other outlets using the family, in the outlets' order, as when each finding walked them all.
    from analysis.signals.framing import framing_findings
    texts = ("The minister slammed the reckless plan on Monday.",
             "The minister spoke about the plan on Monday.",
             "The minister criticised the reckless plan on Monday.",
             "The minister spoke about the reckless plan at length on Monday.",
             "The minister discussed the plan on Monday.",
             "The minister talked about the plan on Monday.")
    articles = {f"x{i}": text_article(t, f"x{i}") for i, t in enumerate(texts, 1)}
    members = tuple(FactMember(aid, tuple(s.id for s in a.sentences)) for aid, a in articles.items())
    found = framing_findings([Fact("f-test", "test", members)], articles)
    # one word of three outlets is one row, led by its strongest chooser
    [row] = [f for f in found if f.data.get("term") == "reckless"]
    assert sorted(row.data["chosen_by"]) == ["x1", "x3", "x4"]
    sharers = [a for a in ("x1", "x3", "x4") if a != row.data["used_by"]]
    assert row.data["also_used_by"] == sharers
    assert f"{sharers[0]} and {sharers[1]} also use it" in row.evidence
    assert "x2, x5 and x6 do not use it" in row.evidence
    assert row.data["terms"] == {"x1": "reckless", "x2": "", "x3": "reckless", "x4": "reckless", "x5": "", "x6": ""}


def test_soft_overlap_of_claims_without_attribution_is_read_once():
    from analysis.align import evidence, stage
    from analysis.align.claims import article_claims
    from analysis.align.features import claim_features, featurize
    texts = ("A storm tore two cranes from the docks of Velmar harbour on Monday night. Mayor Ilse Brandt "
             "said the port would stay closed until Thursday. The council will meet on Friday.",
             "Two cranes were ripped from the Velmar docks by a storm late on Monday. The port is to "
             "remain shut until Thursday, Mayor Ilse Brandt said. The council meets on Friday.")
    articles = [text_article(t, f"a{i}") for i, t in enumerate(texts, 1)]
    aligned = stage.run(articles, lambda *_: None)
    sentence_feats = featurize(articles)
    claims = {a.id: article_claims(a) for a in articles}
    feats, whole = claim_features(articles, claims, sentence_feats)
    ev = evidence.event(claims, feats, whole, sentence_feats)
    pairs = [(ka, kb) for ka, kb, _ in aligned.links]
    assert whole and pairs
    x = evidence.feature_matrix(ev, pairs, aligned.evidence[:, evidence.FEATURES.index("similarity")])
    assert np.array_equal(x, aligned.evidence)
    soft = evidence.FEATURES.index("soft")
    for row, (ka, kb) in zip(x, pairs):
        fa, fb = feats[ka[0]][ka[1]], feats[kb[0]][kb[1]]
        wa, wb = whole.get(ka) or fa, whole.get(kb) or fb
        plain = max(evidence._soft(fa, fb, ev.counts), evidence._soft(wa, fb, ev.counts),
                    evidence._soft(fa, wb, ev.counts))
        assert row[soft] == plain
        sentence = max(ev.counts.overlap(evidence.tokens(fa), evidence.tokens(wb), ka[0], kb[0]),
                       ev.counts.overlap(evidence.tokens(wa), evidence.tokens(fb), ka[0], kb[0]))
        assert row[evidence.FEATURES.index("sentence")] == sentence


def test_units_with_the_same_words_share_their_word_vectors(repeated_units):
    from analysis.align.embed import embed
    feats = repeated_units
    n = len(NUMBERED)
    # Copies share one matrix; it holds what each unit's own rows would hold.
    assert feats[0].word_vectors is feats[n].word_vectors is feats[2 * n].word_vectors
    assert feats[0].word_vectors is not feats[1].word_vectors
    for f in feats[:n]:
        own = embed(list(f.content)) if f.content else np.zeros((0, 256), dtype=np.float32)
        assert f.word_vectors.shape == own.shape and np.array_equal(f.word_vectors, own)


def test_content_vectors_of_copies_are_computed_once_and_equal_each_alone(repeated_units):
    from analysis.align.embed import embed
    from analysis.align.features import _weighted_means
    feats = repeated_units
    contents = [tuple(f.content) for f in feats]
    words = sorted({w for c in contents for w in c})
    idf = idf_table(feats)
    together = _weighted_means(contents, words, embed(words), idf)
    assert together.shape == (len(contents), 256) and len(set(contents)) < len(contents)
    for i, c in enumerate(contents):
        alone = _weighted_means([c], words, embed(words), idf)
        assert np.array_equal(together[i], alone[0])


def _copied_event():
    """An event whose articles copy each other's sentences, and every cross-article pair of claims."""
    from analysis.align import evidence
    from analysis.align.claims import article_claims
    from analysis.align.features import claim_features, featurize
    lines = ("A storm tore two cranes from the docks of Velmar harbour on Monday night.",
             "Mayor Ilse Brandt said the port would stay closed until Thursday.",
             "Two cranes were ripped from the Velmar docks by a storm late on Monday.",
             "The council will meet on Friday to count the damage.")
    texts = [" ".join(lines[i % 4] for i in range(start, start + 3)) for start in range(4)]
    articles = [text_article(t, f"a{i}") for i, t in enumerate(texts, 1)]
    sentence_feats = featurize(articles)
    claims = {a.id: article_claims(a) for a in articles}
    feats, whole = claim_features(articles, claims, sentence_feats)
    ev = evidence.event(claims, feats, whole, sentence_feats)
    keys = [(a.id, i) for a in articles for i in range(len(claims[a.id]))]
    return ev, [(ka, kb) for ka in keys for kb in keys if ka[0] < kb[0]]


def test_link_evidence_of_copied_claims_is_the_plain_computation_pair_by_pair():
    # Copies meet again in every article pair: the weights and close-word grades read once there
    # must give each pair what the plain computation gives it.
    from analysis.align import evidence
    ev, pairs = _copied_event()
    claims, feats, whole, sentence_feats = ev.claims, ev.claim_features, ev.whole, ev.sentence_features
    x = evidence.feature_matrix(ev, pairs, np.linspace(0.2, 0.9, len(pairs)))
    column = {name: x[:, evidence.FEATURES.index(name)] for name in evidence.FEATURES}
    assert column["soft"].max() > 0 and column["surroundings"].max() > 0
    for row, (ka, kb) in enumerate(pairs):
        a, b = ka[0], kb[0]
        fa, fb = feats[a][ka[1]], feats[b][kb[1]]
        wa, wb = whole.get(ka) or fa, whole.get(kb) or fb
        soft = max(evidence._soft(fa, fb, ev.counts), evidence._soft(wa, fb, ev.counts),
                   evidence._soft(fa, wb, ev.counts))
        sentence = max(ev.counts.overlap(evidence.tokens(fa), evidence.tokens(wb), a, b),
                       ev.counts.overlap(evidence.tokens(wa), evidence.tokens(fb), a, b))
        sa, sb = claims[a][ka[1]].sentence, claims[b][kb[1]].sentence
        far = [evidence._window(sentence_feats[art], s, w, evidence.EVIDENCE_SURROUNDING_SENTENCES)
               for art, s, w in ((a, sa, wa), (b, sb, wb))]
        assert column["soft"][row] == soft
        assert column["sentence"][row] == sentence
        assert column["surroundings"][row] == max(sentence, soft) * ev.counts.overlap(*far, a, b)


def test_link_evidence_dropping_each_article_s_caches_after_its_pairs_is_any_order_s():
    # The pairs come grouped by their first claim's article: what only those pairs read is dropped
    # when the next article's pairs begin; pairs in another order get the same rows to the bit.
    from analysis.align import evidence
    ev, pairs = _copied_event()
    similarity = np.linspace(0.2, 0.9, len(pairs))
    grouped = evidence.feature_matrix(ev, pairs, similarity)
    last = pairs[-1][0][0]
    assert ev.counts._elsewhere and all(last in (f.article, art) for f, art in
                                        ((got[0], key[1]) for key, got in ev.counts._elsewhere.items()))
    order = list(range(len(pairs)))[::-1]
    order = order[::2] + order[1::2]                # first articles interleaved: caches dropped often
    mixed = evidence.feature_matrix(ev, [pairs[i] for i in order], similarity[order])
    assert mixed.tobytes() == grouped[order].tobytes()


def test_dot_products_of_pairs_stacked_in_blocks_are_those_of_one_stack():
    from analysis.align.similarity import _row_dots
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((11, 256)).astype(np.float32)
    rows = [(vectors[i % 11], vectors[(3 * i + 1) % 11]) for i in range(40)]
    whole = np.einsum("ij,ij->i", np.stack([a for a, _ in rows]), np.stack([b for _, b in rows]))
    blocked = _row_dots(rows, block=6)
    assert blocked.dtype == whole.dtype and np.array_equal(blocked, whole)


def test_carrier_names_are_read_once_per_fact_and_match_as_every_carrier_s_terms():
    # Agency copy in many carriers: each (kind, key) once, read once for the fact; every "is this
    # name the carriers'?" question is answered as over every carrier's terms.
    from analysis.coverage.terms import same_term
    lede = "Mayor Ann Kelby said the storm killed 12 people in Dunmore on Tuesday."
    carriers = [text_article(f"{lede}\n\nResidents cleared trees.", f"a{i}") for i in range(1, 6)]
    searched = text_article("In Kelby Park, 14 people died. Dunmore's mayor spoke in Lisbon.", "b1")
    searcher = Searcher([*carriers, searched])
    fact = Fact("f1", lede, tuple(FactMember(a.id, (f"{a.id}.s1",)) for a in carriers))
    plain = [t for a in carriers for t in searcher.terms[a.id][0].terms if t.kind in ("name", "word")]
    named = searcher._carrier_names(fact)
    assert searcher._carrier_names(fact) is named
    assert len(named) == len({(t.kind, t.key) for t in plain}) < len(plain)
    asked = [t for s in searcher.terms["b1"] for t in s.terms] + plain
    assert [any(same_term(t, n) for n in named) for t in asked] == \
        [any(same_term(t, n) for n in plain) for t in asked]
    assert not all(any(same_term(t, n) for n in named) for t in asked)


def test_a_carrier_s_other_statements_are_those_of_every_sharing_fact_walked_in_turn():
    from analysis.coverage.omissions import _Siblings
    texts = {f"a{i}": "The storm killed 12 people and the mayor closed the schools.\n\nTrees fell."
             for i in range(1, 5)}
    by_id = {aid: text_article(t, aid) for aid, t in texts.items()}
    deaths = Fact("f1", "deaths", tuple(FactMember(a, (f"{a}.s1",)) for a in ("a1", "a2")))
    schools = Fact("f2", "schools", tuple(FactMember(a, (f"{a}.s1",)) for a in ("a1", "a3", "a4")))
    trees = Fact("f3", "trees", tuple(FactMember(a, (f"{a}.s2",)) for a in ("a1", "a2", "a3")))
    siblings = _Siblings([deaths, schools, trees], set(by_id), by_id)
    for fact in (deaths, schools, trees):
        for aid in by_id:
            plain: set[str] = set()
            for other in siblings._sharing(fact):
                member = other.member(aid)
                if member is not None:
                    plain.update(member.sentences)
            assert siblings.of(fact, aid) == tuple(sorted(plain))
    assert siblings.of(deaths, "a3") == ("a3.s1",) and siblings.of(deaths, "a2") == ()


def test_words_facing_a_word_choice_read_each_fact_s_members_once(monkeypatch):
    # What another outlet wrote facing a word is read once per two version texts, and the members of
    # a fact are not walked once per member: the same findings as the plain computation.
    from analysis.signals.framing import facing as facing_module
    from analysis.signals.framing import framing_findings
    texts = ["The minister slammed the reckless plan on Monday."] + \
        ["The minister criticised the plan on Monday."] * 4 + ["The minister praised the plan on Monday."] * 3
    articles = {f"x{i}": text_article(t, f"x{i}") for i, t in enumerate(texts, 1)}
    fact = Fact("f-test", "test", tuple(FactMember(aid, (f"{aid}.s1",)) for aid in articles))
    plain_facing = facing_module._word_facing
    faced: list[tuple[str, str, int, int]] = []

    def counted(pair, start, end):
        faced.append((pair.a.text, pair.b.text, start, end))
        return plain_facing(pair, start, end)
    walked: list[str] = []
    plain_member = Fact.member

    def member(self, article_id):
        walked.append(article_id)
        return plain_member(self, article_id)
    monkeypatch.setattr(facing_module, "_word_facing", counted)
    monkeypatch.setattr(Fact, "member", member)
    found = [f for f in framing_findings([fact], articles) if f.data.get("term") == "slammed"]
    assert len(faced) == len(set(faced)) == 4       # two words, two other texts (seven outlets)
    assert not walked
    monkeypatch.undo()
    assert found == [f for f in framing_findings([fact], articles) if f.data.get("term") == "slammed"]
    [row] = found
    assert row.data["plainer"] == {"x2": "criticised", "x3": "criticised", "x4": "criticised",
                                   "x5": "criticised", "x6": "praised", "x7": "praised", "x8": "praised"}


def test_a_sentence_many_outlets_print_is_cut_and_read_once(monkeypatch):
    # Agency copy: the same sentence in many articles is cut into claims once and its content words
    # read once; each article's claims keep their own offsets, as when every sentence was cut alone.
    from analysis.align import claims as claims_module
    from analysis.align.claims import article_claims, sentence_claims
    from analysis.align.features import words
    text = "The council approved the budget on Monday; the mayor said three parks would open in May."
    arts = [text_article(f"Outlet {i} headline\n\n{text}", f"c{i}") for i in range(1, 6)]
    plain_pieces = claims_module._pieces
    cut: list[str] = []

    def counted(sentence):
        cut.append(sentence)
        return plain_pieces(sentence)
    claims_module._sentence_claims.cache_clear()
    words._content_words.cache_clear()
    monkeypatch.setattr(claims_module, "_pieces", counted)
    found = [article_claims(a) for a in arts]
    assert cut.count(text) == 1
    for a, its_claims in zip(arts, found):
        sentence = a.sentences[1]
        assert [(c.start - sentence.start, c.end - sentence.start, c.core_start - sentence.start,
                 c.core_end - sentence.start) for c in its_claims if c.sentence == 1] == sentence_claims(text)
        assert len([c for c in its_claims if c.sentence == 1]) == 2
    first = words.content_words(text)
    first.append("changed")                 # a caller's own list: the next reader is not touched
    assert words.content_words(text) == first[:-1] and words._content_words.cache_info().hits >= 1
