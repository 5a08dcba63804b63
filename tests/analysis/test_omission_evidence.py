"""An omission must be true: what keeps a grid gap from being reported as one.

Facts are built by hand (``Fact`` records) so that each rule is checked apart from the aligner:
the carriers must agree (``Agreement``), the omitting article must not give the quote in other
words with its speaker, nor report another part of the carriers' sentence or quotation; what is
left is a clear absence, ranked by sources and prominence.
"""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from analysis import constants as C
from analysis.bench import text_article
from analysis.coverage import omissions
from analysis.coverage.omissions import Agreement, claim_agreement, dropped_note
from analysis.coverage.terms import quotation_blocks
from analysis.coverage.verify import Searcher
from analysis.model import Fact, FactMember, Span

QUOTE = "\"Our trawlers will stay in port until the quota dispute with the neighbours is settled,\""


@pytest.fixture(scope="module")
def harbour():
    """Two outlets print a minister's words alike; a third gives them in its own words with her
    name; a fourth has the same two words without her (old trawlers in another port)."""
    texts = {
        "a1": (f"Fisheries minister Ana Kovac spoke at the harbour on Monday. {QUOTE} she said.\n\n"
               "The harbour board met to discuss the season. Its chair left early.\n\nA ferry was delayed by fog."),
        "a2": (f"{QUOTE} Kovac told reporters.\n\nTraders said fish prices had risen sharply. Restaurants raised "
               "menu prices.\n\nTourists still crowded the old town."),
        "a3": ("Kovac warned that the trawlers could be kept in port for weeks.\n\nThe coast guard reported calm "
               "weather. Schools reopened after the holiday."),
        "a4": ("The weather service expects calm seas along the coast.\n\nOld trawlers lay rusting in the port "
               "of Vela. A museum opened nearby."),
    }
    outlets = {"a1": "Coast Daily", "a2": "Harbour Post", "a3": "Island Times", "a4": "Bay News"}
    arts = {aid: text_article(t, aid, outlet=outlets[aid]) for aid, t in texts.items()}
    fact = Fact("f-quote", "Our trawlers will stay in port…",
                (FactMember("a1", ("a1.s2",)), FactMember("a2", ("a2.s1",))))
    return arts, fact


def test_who_is_quoted_is_read_outside_the_quotation_marks(harbour):
    arts, fact = harbour
    # a1 says "she said": the name is in the sentence before, in the same paragraph.
    assert [t.text for t in Searcher(list(arts.values())).speakers(fact)] == ["Ana", "Kovac"]


def test_a_quote_given_in_other_words_with_its_speaker_is_not_an_omission(harbour):
    arts, fact = harbour
    searcher = Searcher(list(arts.values()))
    said = searcher.search(fact, "a3", {})
    assert (said.status, said.via, said.sentences) == ("partial", "speaker", ("a3.s1",))
    assert [t.text for t in said.found] == ["Kovac", "trawlers", "port"]
    # The same two words without the minister are no paraphrase of her: a clear absence.
    elsewhere = searcher.search(fact, "a4", {})
    assert (elsewhere.status, elsewhere.via) == ("absent", "terms")
    found = omissions.assess([fact], arts, set(arts))
    assert [(o.fact, o.article, o.rank) for o in found.omissions] == [("f-quote", "a4", 1)]
    assert [(c.article, c.verdict.via) for c in found.differently] == [("a3", "speaker")]
    finding = omissions.differently_findings(found, [fact], arts)[0]
    assert finding.evidence == ("Island Times does not carry “Our trawlers will stay in port…” as Coast Daily "
                                "and Harbour Post do, but its sentence gives what Kovac said in other words: "
                                "“trawlers”, “port”; not “stay”, “quota”, “dispute”, “neighbours”, “settled”.")
    assert finding.data["via"] == "speaker"


def test_a_name_beside_no_speech_verb_is_no_speaker():
    """A storm named beside a quoted phrase does not speak: an outlet that names it with two of the
    fact's words is no paraphrase "of what the storm said"."""
    texts = {
        "a1": ("Floods triggered by Typhoon Kalmaegi swept through the “worst-hit” villages of the delta.\n\n"
               "The harbour board met to discuss the season.\n\nA ferry was delayed by fog."),
        "a2": ("The floods of Typhoon Kalmaegi swept away “whole villages” in the delta.\n\n"
               "Traders said fish prices had risen sharply.\n\nTourists still crowded the old town."),
        "a3": ("Typhoon Kalmaegi left rice farms under water as floods swept the plain.\n\n"
               "The coast guard reported calm weather.\n\nSchools reopened after the holiday."),
    }
    arts = {aid: text_article(t, aid, outlet=f"Outlet {aid[1:]}") for aid, t in texts.items()}
    fact = Fact("f-floods", "Floods swept the villages", (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    searcher = Searcher(list(arts.values()))
    assert searcher.speakers(fact) == ()
    assert searcher.search(fact, "a3", {}).via != "speaker"
    # Beside a speech verb, before it or after it, a name is who speaks.
    said = Fact("f-said", "x", (FactMember("a2", ("a2.s2",)),))
    assert [t.text for t in searcher.speakers(said)] == []      # "Traders said": no name
    quoted = text_article("“We acted quickly,” said Mayor Ana Kovac of Vela, as “the water rose.”", "q1")
    assert [t.text for t in Searcher([quoted]).speakers(Fact("f-q", "x", (FactMember("q1", ("q1.s1",)),)))] == \
        ["Ana", "Kovac"]
    aired = text_article("“We acted quickly,” she said on TV.", "q2")    # where she said it, not who
    assert Searcher([aired]).speakers(Fact("f-tv", "x", (FactMember("q2", ("q2.s1",)),))) == ()


def test_a_fact_on_one_loose_link_is_not_an_omission(harbour):
    arts, fact = harbour
    same = set(arts)
    loose = Fact(fact.id, fact.label, fact.members, cohesion=0.45)
    found = omissions.assess([loose], arts, same)
    assert found.omissions == [] and found.dropped == {"loose": 1}
    assert dropped_note(found) == ("1 possible omission was not reported (in 1 the outlets that carry it "
                                   "agree too little to be one fact).")
    # The same gap on carriers that agree is reported.
    agreed = omissions.assess([loose], arts, same, agreement=lambda f, _: Agreement(0.8))
    assert [(o.article, o.rank) for o in agreed.omissions] == [("a4", 1)]


def _claims(*keys):
    """Claim stand-ins (article, index, start, end) and the members that hold them."""
    return {a: [SimpleNamespace(article=a, index=i, start=10 * i, end=10 * i + 9) for i in range(n)]
            for a, n in keys}


def test_agreement_is_the_best_claim_pair_of_two_sources_and_the_sources_linked():
    claims = _claims(("a1", 2), ("a2", 1), ("a3", 1))
    order = [("a1", 0), ("a1", 1), ("a2", 0), ("a3", 0)]
    scores = np.array([[1.0, 0.9, 0.35, 0.45],     # a1's two claims are alike: one source, no agreement
                       [0.9, 1.0, 0.5, 0.2],
                       [0.35, 0.5, 1.0, 0.3],
                       [0.45, 0.2, 0.3, 1.0]])

    def similarities(keys):
        rows = [order.index(k) for k in keys]
        return scores[np.ix_(rows, rows)]

    def fact(*arts):
        return Fact("f", "x", tuple(FactMember(a, (f"{a}.s1",), tuple(Span(a, c.start, c.end) for c in claims[a]))
                                    for a in arts))
    agreement = claim_agreement(claims, similarities)
    two = agreement(fact("a1", "a2"), {})
    assert two == Agreement(0.5, 2) and not two.enough          # one loose link only
    three = agreement(fact("a1", "a2", "a3"), {})
    assert three == Agreement(0.5, 3) and three.enough          # three sources linked into one fact
    copies = agreement(fact("a1", "a2", "a3"), {"a3": "a1"})    # a3 is a copy of a1: two sources
    assert copies == Agreement(0.5, 2) and not copies.enough


def test_only_another_part_of_the_carriers_sentence_is_an_omission():
    """a1's compound sentence holds the rescue and the pumps; a3 reports the pumps only: its part
    of that sentence states nothing of the rescue, so the rescue is omitted (it was "reported
    differently" because a3 shared a sentence with a carrier)."""
    a1 = text_article("Rescuers pulled 14 miners from the flooded shaft on Sunday, and the mine's owner said "
                      "pumps would run for a week.\n\nThe valley has three mines.", "a1", outlet="One")
    a2 = text_article("Fourteen miners were pulled from the flooded shaft on Sunday.\n\nThe valley is poor.",
                      "a2", outlet="Two")
    a3 = text_article("Pumps will run for a week at the mine, its owner said.\n\nThe valley is green.",
                      "a3", outlet="Three")
    arts = {a.id: a for a in (a1, a2, a3)}
    rescue = Fact("f-rescue", "Rescuers pulled 14 miners…",
                  (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    pumps = Fact("f-pumps", "pumps would run for a week", (FactMember("a1", ("a1.s1",)), FactMember("a3", ("a3.s1",))))
    found = omissions.assess([rescue, pumps], arts, set(arts))
    assert [(o.fact, o.article, o.rank) for o in found.omissions] == [("f-rescue", "a3", 1)]
    assert found.differently == []


def _bridge(third: str):
    """A carrier's compound sentence (the strike and the fall), a carrier of the strike alone, and a
    third article that reports the fall in ``third``."""
    a1 = text_article("A freighter struck the main pier of the harbour bridge before dawn on Friday, and the span "
                      "fell into the river within seconds.\n\nThe port reopened later.", "a1", outlet="One")
    a2 = text_article("The freighter struck the bridge's main pier before dawn on Friday, the harbour master "
                      "said.\n\nTraffic was diverted.", "a2", outlet="Two")
    a3 = text_article(f"{third}\n\nDivers searched the water.", "a3", outlet="Three")
    arts = {a.id: a for a in (a1, a2, a3)}
    strike = Fact("f-strike", "A freighter struck the main pier…",
                  (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    fall = Fact("f-fall", "the span fell into the river", (FactMember("a1", ("a1.s1",)), FactMember("a3", ("a3.s1",))))
    return omissions.assess([strike, fall], arts, set(arts)), [strike, fall], arts


def test_another_part_of_the_carriers_sentence_with_some_of_the_core_is_reported_differently():
    # "the blow to its main pier" is the strike in other words: a tenth of its core or more.
    found, facts, arts = _bridge("The span fell into the river within seconds of the blow to its main pier, "
                                 "the mayor told a packed council meeting on Saturday.")
    assert found.omissions == []
    (c,) = found.differently
    assert (c.fact, c.article, c.verdict.via, c.verdict.sentences) == ("f-strike", "a3", "sentence", ("a3.s1",))
    assert c.verdict.coverage >= C.VERIFY_STATEMENT_MIN_COVERAGE
    row, = omissions.differently_findings(found, facts, arts)
    assert ("it reports another part of the sentence or quotation that holds it there, with “main”, “pier”; "
            "not “Friday”, “freighter”, “struck”, “bridge's”, “dawn”, “harbour”.") in row.evidence
    # The fall alone says nothing of the strike: the strike is omitted.
    found, _, _ = _bridge("The span fell into the river within seconds, the mayor told a packed council meeting "
                          "on Saturday.")
    assert [(o.fact, o.article) for o in found.omissions] == [("f-strike", "a3")]
    assert found.differently == []


def test_a_quotation_over_several_sentences_is_one_statement():
    art = text_article("The mayor spoke. “We will rebuild. It will take years. But we will,” she said. "
                       "Crowds cheered.\n\n“Thank you.” Then she left.", "a1")
    assert quotation_blocks(art) == (0, 1, 1, 1, 2, 3, 4)


@pytest.fixture(scope="module")
def valley():
    lede = "Floods cut the valley road at Dunmore on Tuesday, stranding 300 villagers."
    deep = "The regional council will meet on Friday to discuss repairs costing 2 million euros."
    filler = ["Farmers moved their cattle to higher fields.", "Schools in the valley closed early.",
              "A relief convoy left the capital at noon."]

    def text(*lines):
        return "\n\n".join(lines)
    arts = {
        "a1": text_article(text(lede, *filler, deep), "a1", outlet="First"),
        "a2": text_article(text(lede, *filler, deep), "a2", outlet="Second"),
        "a3": text_article(text(lede, *filler, "Volunteers filled sandbags all night."), "a3", outlet="Third"),
        "a4": text_article(text("Rain is expected to ease by the weekend.", *filler), "a4", outlet="Fourth"),
    }
    road = Fact("f-road", lede, tuple(FactMember(a, (f"{a}.s1",)) for a in ("a1", "a2", "a3")))
    council = Fact("f-council", deep, tuple(FactMember(a, (f"{a}.s5",)) for a in ("a1", "a2")))
    return arts, [road, council]


def test_clear_absences_are_omissions_ranked_by_sources_and_prominence(valley):
    arts, facts = valley
    found = omissions.assess(facts, arts, set(arts))
    # The lede fact three others carry comes first; the late one two carry, left out by two, after.
    assert [(o.fact, o.article, o.covered_by, o.rank, o.score) for o in found.omissions] == [
        ("f-road", "a4", ("a1", "a2", "a3"), 1, 1.0),
        ("f-council", "a3", ("a1", "a2"), 2, 0.4),
        ("f-council", "a4", ("a1", "a2"), 3, 0.4)]
    assert not found.differently and not found.dropped
    first = omissions.omission_findings(found, facts, arts)[0]
    assert first.data["rank"] == 1 and first.articles == ("a4", "a1", "a2", "a3")


# --- a fact's core found in other words: words of one happening, another count -----------------

FLOOD = {
    "a1": "Floods in the Arlo valley killed 23 people and injured 140 on Sunday, the regional office said.",
    "a2": "The Arlo valley floods left 23 people dead and 140 injured on Sunday.",
    "a3": "By Tuesday rescuers had recorded 31 deaths and 152 injuries.",     # a later toll, no place
    "a4": "The Arlo valley floods caused fatalities on Sunday, rescuers said.",             # no number
    "a5": "Engineers inspected the dam above the valley and found no cracks.",            # not there
}
FLOOD_FILLER = "\n\nThe weather office expects more rain in the hills.\n\nA school will open as a shelter."


@pytest.fixture(scope="module")
def flood():
    arts = {aid: text_article(lede + FLOOD_FILLER, aid, outlet=f"Outlet {aid[1:]}") for aid, lede in FLOOD.items()}
    fact = Fact("f-flood", FLOOD["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    return arts, fact


def test_words_of_one_happening_match():
    from analysis.coverage.terms import same_term, sentence_terms, word_key
    assert word_key("killed") == word_key("fatalities") == word_key("dead") == word_key("died")
    assert word_key("approved") == word_key("passed") and word_key("tremor") == word_key("earthquake")
    assert word_key("won") == word_key("victory") and word_key("probe") == word_key("investigation")
    assert word_key("killed") != word_key("injured") and word_key("rose") != word_key("fell")
    assert word_key("beating") != word_key("won")           # "beat" is left out: a police beating
    killed, = [t for t in sentence_terms("Floods killed many.") if t.text == "killed"]
    fatal, = [t for t in sentence_terms("Floods caused fatalities.") if t.text == "fatalities"]
    assert same_term(killed, fatal)


def test_what_numbers_count():
    from analysis.coverage.terms import counted_slots
    assert counted_slots("Floods killed 23 people and injured 140.") == {"death", "injury"}
    assert counted_slots("Rescuers recorded 31 deaths and 152 injuries.") == {"death", "injury"}
    assert counted_slots("Killing at least 12, the storm moved north.") == {"death"}
    assert counted_slots("A 6.1-magnitude quake struck on 3 May.") == frozenset()
    assert counted_slots("The toll of the war, which began 40 years ago in a dispute over land, "
                         "rose again.") == frozenset()        # 40 counts years, "toll" is too far


def test_a_later_toll_reports_it_differently_not_an_omission(flood):
    arts, fact = flood
    found = omissions.assess([fact], arts, set(arts))
    verdicts = {c.article: c.verdict for c in found.differently}
    assert verdicts["a3"].via == "figure" and verdicts["a3"].sentences == ("a3.s1",)
    assert [t.text for t in verdicts["a3"].found] == ["31", "152"]
    assert verdicts["a3"].counted == ("death", "injury")
    assert [o.article for o in found.omissions] == ["a5"]       # only the article without it omits it
    finding = next(f for f in omissions.differently_findings(found, [fact], arts) if f.articles[0] == "a3")
    assert "gives another figure (death and injury): “31”, “152”" in finding.evidence


def test_each_reports_differently_shows_the_article_own_sentences_first(flood):
    # (Checked on the seeds until their one such row, topic words only, was dropped.)
    arts, fact = flood
    found = omissions.assess([fact], arts, set(arts))
    for c in found.differently:
        f = omissions.differently_findings(type(found)(differently=[c], verdicts=found.verdicts,
                                                       source_of=found.source_of), [fact], arts)[0]
        article = arts[f.articles[0]]
        own = [s for s in f.spans if s.article == article.id]
        assert own and [article.text[s.start:s.end] for s in own] == \
            [article.sentence(sid).text for sid in f.data["sentences"]]
        assert f.spans[:len(own)] == tuple(own) and f.data["found"]
        assert article.id not in fact.articles


def test_outlets_that_report_one_fact_differently_are_one_row(flood):
    # a3 (a later toll) and a4 (deaths in other words) both report the flood only in part: one row
    # listing both, as a grouped omission, scored by the stronger; each outlet's own sentence first.
    arts, fact = flood
    found = omissions.assess([fact], arts, set(arts))
    assert [c.article for c in found.differently] == ["a3", "a4"]
    rows = omissions.differently_findings(found, [fact], arts)
    assert len(rows) == 1
    row, = rows
    assert row.kind == "reports_differently" and row.fact == "f-flood"
    assert row.data["omitted_by"] == ["a3", "a4"] and row.articles == ("a3", "a1", "a2", "a4")
    assert [(s.article, arts[s.article].text[s.start:s.end]) for s in row.spans] == [
        ("a3", FLOOD["a3"]), ("a4", FLOOD["a4"]), ("a1", FLOOD["a1"]), ("a2", FLOOD["a2"])]
    assert row.score == round(omissions.DIFFERENTLY_SCORE_FACTOR * max(c.score for c in found.differently), 4)
    assert row.data["by_outlet"]["a3"]["via"] == "figure" and row.data["by_outlet"]["a4"]["via"] == "terms"
    assert row.data["sentences"] == ["a3.s1"]                  # the first outlet's, as a single row's
    assert row.evidence.startswith("Outlet 3 and Outlet 4 do not carry “" + FLOOD["a1"] + "” as Outlet 1 "
                                   "and Outlet 2 do, but each reports part of it. Outlet 3: its sentence "
                                   "gives another figure (death and injury): “31”, “152”")
    assert row.evidence.endswith("; Outlet 4: its sentence shares “Sunday”, “Arlo”, “floods”, “valley”, "
                                 "“fatalities”; not “140”, “23”, “people”, “injured”.")


def test_deaths_in_other_words_without_the_numbers_are_not_an_omission(flood):
    arts, fact = flood
    verdict = Searcher(list(arts.values())).search(fact, "a4", {})
    assert verdict.status == "partial" and "fatalities" in [t.text for t in verdict.found]


# --- what makes a part "concrete": names alone do not; event words must make a share -----------

BRIDGE = {
    "a1": "Mayor Ruth Gale closed the Tarvo harbour bridge on Monday after engineers found cracks in two piers.",
    "a2": ("On Monday the mayor, Ruth Gale, ordered the Tarvo harbour bridge shut when engineers found cracks "
           "in its piers."),
    "a3": "The mayor of Tarvo, Ruth Gale, opened the autumn fair at the town hall.",     # who, not what
    "a4": "Divers found cracks in the hull of an old ferry, engineers said.",          # the words, not it
}
BRIDGE_FILLER = ("\n\nThe weather office expects more rain in the hills.\n\nA school will open as a shelter on "
                 "the coast road.")


@pytest.fixture(scope="module")
def bridge():
    arts = {aid: text_article(t + BRIDGE_FILLER, aid, outlet=f"Outlet {aid[1:]}") for aid, t in BRIDGE.items()}
    fact = Fact("f-bridge", BRIDGE["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    return arts, fact


def test_names_alone_do_not_report_a_fact_differently(bridge):
    # a3 names the mayor and her town (three names of the core, weight over VERIFY_PARTIAL_WEIGHT)
    # and says nothing of the bridge: not "reports it differently" (it was), and no omission either,
    # since who and where are there.
    arts, fact = bridge
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert (verdict.status, [t.text for t in verdict.found]) == ("unclear", ["Ruth", "Gale", "Tarvo"])


def test_a_few_event_words_without_a_name_or_figure_are_an_absence(bridge):
    # a4 shares "engineers found cracks" (1.7 of the core's 6.7) about a ferry: under the share
    # VERIFY_PARTIAL_COVERAGE, with no name, number or date, it is no part of the bridge's closure.
    arts, fact = bridge
    verdict = Searcher(list(arts.values())).search(fact, "a4", {})
    assert verdict.status == "absent" and verdict.coverage < C.VERIFY_PARTIAL_COVERAGE
    found = omissions.assess([fact], arts, set(arts))
    assert [(o.article, o.covered_by) for o in found.omissions] == [("a4", ("a1", "a2"))]
    assert [c.article for c in found.differently] == []


# --- weak "reports it differently": the event around a fact is no part of it ----------------------

# The event's other sentences: the governor, the council and its dissolution are its words.
DISSOLVED = ("\n\nThe governor dissolved the council after months of dispute. Council members said the "
             "governor acted alone.\n\nA new council will be elected in spring, the governor said.")
LAST_TIME = {
    "a1": "The last time a governor of Velm dissolved the council was in 1974.",
    "a2": "It is the first time since 1974 that a governor of Velm has dissolved the council.",
    "a3": "Lawmakers in Velm walked out on Monday, hours after the governor dissolved the council.",
}


def test_the_event_itself_is_no_part_of_its_comparison_with_a_past_year():
    # a3 reports the dissolution, not that the last one was in 1974: it was "reports it
    # differently" by "Velm", "dissolved", "council".  Without the year it is no part of the fact.
    arts = {aid: text_article(t + DISSOLVED, aid, outlet=f"Outlet {aid[1:]}") for aid, t in LAST_TIME.items()}
    fact = Fact("f-1974", LAST_TIME["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))))
    verdict = Searcher(list(arts.values())).search(fact, "a3", {})
    assert verdict.status == "unclear"
    found = omissions.assess([fact], arts, set(arts))
    assert not found.differently and not found.omissions and found.dropped == {"unclear": 1}


SCHOOL = {
    "a1": "More than 300 pupils were in their classrooms at a private school in Port Elran.",
    "a2": "The hardest search was for pupils at a school in the south of Port Elran.",  # another statement
    "a3": "Rescuers in Port Elran dug through the rubble of a collapsed school all night.",
}
QUAKE = ("\n\nThe quake struck before noon. Every school in the district was shut.\n\n"
         "A school gym became a shelter. Parents waited outside the school for news.")


def _school(cohesion: float):
    arts = {aid: text_article(t + QUAKE, aid, outlet=f"Outlet {aid[1:]}") for aid, t in SCHOOL.items()}
    fact = Fact("f-school", SCHOOL["a1"], (FactMember("a1", ("a1.s1",)), FactMember("a2", ("a2.s1",))),
                cohesion=cohesion)
    return arts, fact


def test_names_and_a_common_word_of_a_loose_fact_are_not_reported_differently():
    # The carriers agree little (two statements about one school): a3's "Port Elran ... school" was
    # shown as reporting "300 pupils in their classrooms" differently.
    arts, fact = _school(0.4)
    found = omissions.assess([fact], arts, set(arts))
    assert not found.differently and not found.omissions and found.dropped == {"loose": 1}


def test_names_and_a_common_word_are_no_part_of_a_fact_whose_carriers_agree():
    # The carriers agree: a3's "Rescuers in Port Elran dug through ... a collapsed school" still
    # says nothing of 300 pupils in their classrooms: the place and the event's word are the topic
    # every outlet shares.  It may say it, or not ("unclear"): neither a row nor an omission.
    arts, fact = _school(0.8)
    found = omissions.assess([fact], arts, set(arts))
    assert not found.differently and not found.omissions and found.dropped == {"unclear": 1}
