"""Omission findings: one row per omitted fact listing every outlet that omits it (hand-built records)."""
from __future__ import annotations

from analysis.coverage.omissions import Coverage, omission_findings
from analysis.coverage.terms import Term
from analysis.coverage.verify import Verdict
from analysis.model import Fact, FactMember, Omission
from seeds import text_article

TEXTS = {"x1": "The dam burst at noon. Two farms were flooded.",
         "x2": "The dam burst at noon. Two farms were flooded.",
         "x3": "The dam burst at noon, officials said.",
         "x4": "A dam failed on Monday.",
         "x5": "Officials said a dam failed."}


def _findings():
    arts = {aid: text_article(t, aid) for aid, t in TEXTS.items()}
    farms = Fact("f-farms", "Two farms were flooded.", (FactMember("x1", ("x1.s2",)), FactMember("x2", ("x2.s2",))))
    noon = Fact("f-noon", "The dam burst at noon.", (FactMember("x1", ("x1.s1",)), FactMember("x2", ("x2.s1",)),
                                                    FactMember("x3", ("x3.s1",))))
    term = Term("word", "farm", "farms")
    cov = Coverage(
        omissions=[Omission("f-farms", "x3", ("x1", "x2"), 2, 0.5),
                   Omission("f-farms", "x4", ("x1", "x2"), 1, 0.6),
                   Omission("f-farms", "x5", ("x1", "x2"), 3, 0.4),
                   Omission("f-noon", "x5", ("x1", "x2", "x3"), 4, 0.7)],
        verdicts={(f, a): Verdict("absent", missing=(term,)) for f, a in
                  (("f-farms", "x3"), ("f-farms", "x4"), ("f-farms", "x5"), ("f-noon", "x5"))})
    return omission_findings(cov, [farms, noon], arts)


def test_one_fact_omitted_by_several_outlets_is_one_row():
    rows = {f.fact: f for f in _findings()}
    assert sorted(rows) == ["f-farms", "f-noon"]
    farms = rows["f-farms"]
    assert farms.articles == ("x4", "x1", "x2", "x3", "x5")       # first omitter, carriers, other omitters
    assert farms.data["omitted_by"] == ["x4", "x3", "x5"] and farms.data["ranks"] == {"x4": 1, "x3": 2, "x5": 3}
    assert farms.score == 0.6 and farms.data["rank"] == 1
    assert farms.evidence.startswith("x4, x3 and x5 do not report a fact that 2 other outlets carry (x1 and x2)")


def test_a_fact_omitted_by_one_outlet_keeps_its_row():
    noon = next(f for f in _findings() if f.fact == "f-noon")
    assert noon.articles == ("x5", "x1", "x2", "x3") and noon.data["omitted_by"] == ["x5"]
    assert noon.evidence.startswith("x5 does not report a fact that 3 other outlets carry")
