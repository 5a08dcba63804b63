"""The engine's shortcuts for large events (issue 14) give exactly what the plain computation gives.

Each shortcut reads a repeated input once (an agency's sentence printed by many outlets); these
tests build such repetitions by hand and compare with the computation done pair by pair.
"""
from __future__ import annotations

import numpy as np
import pytest

from analysis.align.features import TextUnit, featurize_units
from analysis.align.similarity import _number_matrix, number_agreement
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
