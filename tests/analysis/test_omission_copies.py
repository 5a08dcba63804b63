"""Copies of one story are one source for an omission: in its ranking and in what the row says.

Facts are built by hand (``Fact`` records), as in ``test_omission_evidence``; which articles are
copies is given as ``source_of`` (``copies.source_map``), as the pipeline passes it.
"""
from __future__ import annotations

from analysis.bench import text_article
from analysis.coverage import omissions
from analysis.model import Fact, FactMember

DAM = "Engineers found a crack in the Selva dam wall on Friday and ordered the reservoir lowered."
FILLER = ["Farmers moved their herds to higher ground.", "A school opened as a shelter on the coast road.",
          "The regional office set up a hotline for families."]


def _text(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _event(with_copy: bool):
    """a1 and its copy a2 place the dam fact in their fourth paragraph, a3 in its lede; a4 leaves it
    out; a5 is another article of the event that does not carry it either."""
    story = _text(*FILLER, DAM, "Rain is expected to ease by the weekend.")
    texts = {"a1": story, "a3": _text(DAM, *FILLER), "a4": _text(*FILLER, "Police closed the valley road."),
             "a5": _text("Police closed the valley road.", *FILLER)}
    if with_copy:
        texts["a2"] = story
    arts = {aid: text_article(t, aid, outlet=f"Outlet {aid[1:]}") for aid, t in sorted(texts.items())}
    members = [FactMember("a1", ("a1.s4",)), FactMember("a3", ("a3.s1",))]
    if with_copy:
        members.insert(1, FactMember("a2", ("a2.s4",)))
    return arts, Fact("f-dam", DAM, tuple(members)), ({"a1": "a1", "a2": "a1"} if with_copy else {})


def test_a_copy_of_a_carrier_does_not_change_an_omissions_score():
    # The copy placed the fact low a second time: it had pulled the score of a4's omission down.
    scores = []
    for with_copy in (False, True):
        arts, fact, source_of = _event(with_copy)
        found = omissions.assess([fact], arts, set(arts), source_of)
        scores.append([(o.article, o.score) for o in found.omissions])
    assert scores[0] == scores[1] and [a for a, _ in scores[0]] == ["a4", "a5"]


def test_a_row_counts_the_carriers_as_independent_sources():
    # "2 other sources carry (Outlet 1 and its copy Outlet 2; Outlet 3)": it said "3 other outlets".
    arts, fact, source_of = _event(True)
    found = omissions.assess([fact], arts, set(arts), source_of)
    row, = omissions.omission_findings(found, [fact], arts)
    assert row.evidence.startswith("Outlet 4 and Outlet 5 do not report a fact that 2 other sources carry "
                                   "(Outlet 1 and its copy Outlet 2; Outlet 3):")
    single = omissions.Coverage(found.omissions[:1], verdicts=found.verdicts, source_of=found.source_of)
    one, = omissions.omission_findings(single, [fact], arts)
    assert one.evidence.startswith("Outlet 4 does not report a fact that 2 other sources carry "
                                   "(Outlet 1 and its copy Outlet 2; Outlet 3):")


def test_without_copies_a_row_names_the_outlets_as_before():
    arts, fact, source_of = _event(False)
    row, = omissions.omission_findings(omissions.assess([fact], arts, set(arts), source_of), [fact], arts)
    assert "a fact that 2 other outlets carry (Outlet 1 and Outlet 3):" in row.evidence
