"""Framing rules on small written pairs: contradictions the seeds lack, edge cases and bad input."""
from __future__ import annotations

from analysis.model import Fact, FactMember
from analysis.signals.framing import framing_findings
from analysis.signals.framing.structure import passives
from analysis.signals.framing.versions import build_version
from seeds import text_article


def run(text_a: str, text_b: str, *more: str):
    """Findings for one fact made of the first sentence of each text (articles x1, x2, ...)."""
    texts = (text_a, text_b) + more
    articles = {f"x{i}": text_article(t, f"x{i}") for i, t in enumerate(texts, 1)}
    members = tuple(FactMember(aid, tuple(s.id for s in a.sentences)) for aid, a in articles.items())
    return framing_findings([Fact("f-test", "test", members)], articles), articles


def shown(f, articles):
    return [(s.article, articles[s.article].text[s.start:s.end]) for s in f.spans]


def kinds(found):
    return sorted({(f.kind, f.rule) for f in found})


def test_number_contradiction_same_unit_different_value():
    found, arts = run("Dmitriev said U.S. businesses lost $300 billion by leaving Russia.",
                      "Dmitriev said U.S. businesses lost $200 billion by leaving Russia.")
    [f] = [f for f in found if f.rule == "contradiction.number"]
    assert shown(f, arts) == [("x1", "$300 billion"), ("x2", "$200 billion")]
    assert f.data["unit"] == "USD" and "a contradiction to check" in f.evidence
    # both values, each in its sentence
    assert "«$300 billion» by leaving Russia" in f.evidence and "«$200 billion» by leaving Russia" in f.evidence


def test_same_amount_written_differently_is_not_a_contradiction():
    found, _ = run("The war has lasted three years and half the aid came from Europe.",
                   "The three-year war goes on, and 50% of the aid came from Europe.")
    assert not [f for f in found if f.kind == "contradiction"]


def test_date_contradiction():
    found, arts = run("The talks began on February 17, 2025 in Riyadh.",
                      "The talks began on February 18, 2025 in Riyadh.")
    [f] = [f for f in found if f.kind == "contradiction"]
    assert f.rule == "contradiction.date"
    assert shown(f, arts) == [("x1", "February 17, 2025"), ("x2", "February 18, 2025")]


def test_weekday_contradiction_and_agreement():
    found, arts = run("Leaders met in Paris on Monday.", "Leaders met in Paris on Wednesday.")
    [f] = [f for f in found if f.kind == "contradiction"]
    assert f.rule == "contradiction.weekday" and shown(f, arts) == [("x1", "Monday"), ("x2", "Wednesday")]
    found, _ = run("Leaders met in Paris on 17 February 2025.", "Leaders met in Paris on Monday.")
    assert not [f for f in found if f.kind == "contradiction"]        # 17 February 2025 was a Monday


def test_different_person_after_the_same_title():
    found, arts = run("German Chancellor Olaf Scholz criticised the plan.",
                      "German Chancellor Friedrich Merz criticised the plan.")
    [f] = [f for f in found if f.kind == "contradiction"]
    assert f.rule == "contradiction.name_slot"
    assert shown(f, arts) == [("x1", "Olaf Scholz"), ("x2", "Friedrich Merz")]


def test_misspelt_name_is_its_own_low_kind_never_a_contradiction():
    found, arts = run("Barack Obama met the governors on Monday.", "Barack Oabma met the governors on Monday.",
                      "Barack Obama met the governors on Monday in the capital.")
    assert not [f for f in found if f.kind == "contradiction"]
    [f] = [f for f in found if f.kind == "spelling"]
    assert f.data["term"] == "Oabma" and f.data["form"] == "Obama"
    assert f.data["slip_by"] == ["x2"] and f.data["form_by"] == ["x1", "x3"]
    assert shown(f, arts) == [("x2", "Oabma"), ("x1", "Obama"), ("x3", "Obama")]
    assert f.score < 0.5


def test_name_forms_are_never_a_contradiction_nor_a_spelling():
    pairs = [("Two Republicans on the panel voted against the bill.",
              "Two Republican members on the panel voted against the bill."),       # plural
             ("The Saudi delegation arrived in Riyadh on Monday.",
              "The Arabian delegation arrived in Riyadh on Monday."),               # demonym, adjective
             ("Mayor Steve Walsh opened the bridge on Monday.",
              "Mayor Steven Walsh opened the bridge on Monday."),                   # nickname
             ("Officials from Russia attended the talks in Riyadh.",
              "Russian officials attended the talks in Riyadh."),
             ("President Volodymyr Zelenskyy spoke to the Marines on Monday.",
              "President Volodymyr Zelensky spoke to the Marine corps on Monday.")]   # transliteration
    for a, b in pairs:
        found, _ = run(a, b)
        assert not [f for f in found if f.kind in ("contradiction", "spelling")], (a, b)


def test_numbers_in_different_slots_are_not_a_contradiction():
    found, _ = run("The earthquake killed 144 people in the city.", "The earthquake injured 3,400 people in the city.")
    assert not [f for f in found if f.kind == "contradiction"]
    found, arts = run("The earthquake killed 144 people in the city.",
                      "In the city 150 people had been murdered by the earthquake.")
    [f] = [f for f in found if f.kind == "contradiction"]
    assert f.data["slot"] == "death" and shown(f, arts) == [("x1", "144 people"), ("x2", "150 people")]


def test_ranks_are_not_amounts():
    found, _ = run("Hoyer kept the No. 2 position and Clyburn the No. 3 post.",
                   "Hoyer kept the No. 2 post and Clyburn the No. 3 position.")
    assert not [f for f in found if f.kind == "contradiction"]


def test_dates_of_different_happenings_or_statements_are_not_compared():
    found, _ = run("Lawmakers face a deadline on Friday for the budget.",
                   "The court ruled on Tuesday on the budget.")
    assert not [f for f in found if f.kind == "contradiction"]
    found, _ = run("Smith said on Tuesday that the plan would pass.",
                   "Smith said on Wednesday that the plan would pass.")
    assert not [f for f in found if f.kind == "contradiction"]


def test_a_page_date_stamp_is_no_happening():
    # a page's date line ("date 2024-05-02") dates the page: two pages of one firing, a day apart
    found, _ = run("date 2024-05-02 The board of Fabrikam fired its chief executive, Dana Wells.",
                   "date 2024-05-03 The board of Fabrikam fired its chief executive Dana Wells.")
    assert not [f for f in found if f.kind == "contradiction"]
    # the same dates written by a reporter next to the happening are still compared
    found, _ = run("The board fired Dana Wells on May 2, 2024.", "The board fired Dana Wells on May 3, 2024.")
    assert [f.rule for f in found if f.kind == "contradiction"] == ["contradiction.date"]


def test_a_noun_of_time_is_no_happening():
    # "morning" tells when, not what: the deadline and the ruling stay two happenings
    found, _ = run("On Friday morning, lawmakers face a deadline for the budget.",
                   "On Tuesday morning, the court ruled on the budget.")
    assert not [f for f in found if f.kind == "contradiction"]
    found, _ = run("On Tuesday morning, the court ruled on the budget.",
                   "On Wednesday morning, the court ruled on the budget.")
    assert [f.rule for f in found if f.kind == "contradiction"] == ["contradiction.weekday"]


def test_office_held_by_many_is_not_a_slot():
    found, _ = run("Rep. Nancy Pelosi criticised the plan.", "Rep. Tim Ryan criticised the plan.")
    assert not [f for f in found if f.kind == "contradiction"]


def test_stance_of_different_actors_is_not_a_contradiction():
    found, _ = run("Voters approved the measure in 2012.", "The attorney general opposed the measure.")
    assert not [f for f in found if f.kind == "contradiction"]


def test_negation_turns_a_stance_over():
    found, arts = run("Ukraine would not agree to the minerals deal, officials said.",
                      "Ukraine agreed to the minerals deal, officials said.")
    [f] = [f for f in found if f.kind == "contradiction"]
    assert f.rule == "contradiction.stance"
    assert shown(f, arts) == [("x1", "not agree to"), ("x2", "agreed to")]


def test_agentless_passive_against_active_verb():
    found, arts = run("The proposal was rejected on Monday, officials said.",
                      "Ukraine rejected the proposal on Monday, officials said.")
    [f] = [f for f in found if f.kind == "passive_agent"]
    assert f.rule == "passive.agentless_vs_active"
    assert shown(f, arts) == [("x1", "was rejected"), ("x2", "rejected")]
    found, _ = run("The proposal was rejected by Ukraine on Monday, officials said.",
                   "Ukraine rejected the proposal on Monday, officials said.")
    assert not [f for f in found if f.kind == "passive_agent"]


def test_a_passive_in_speech_reported_after_its_speaker_is_the_speaker_s():
    # "Judge Mara Lind wrote that the old harbour law … must be overturned" is the judge's wording;
    # it was listed as the outlet's agentless passive
    found, _ = run("Judge Mara Lind wrote that the old harbour law must be overturned on Monday.",
                   "The court overturned the old harbour law on Monday.")
    assert not [f for f in found if f.kind == "passive_agent"]


def test_passive_detector():
    found = passives("It has been tied to aid. Europe was prepared to act. It was signed by Kyiv.")
    assert [(p.participle, p.agent) for p in found] == [("tied", False), ("signed", True)]


def test_attribution_doubt_vs_neutral_in_the_same_place():
    found, arts = run("The Kremlin claimed the talks were a success.",
                      "The Kremlin said the talks were a success.")
    [f] = [f for f in found if f.kind == "attribution_verb"]
    assert f.evidence == "x1 uses 'claimed' (doubt) where x2 uses 'said' (neutral)."
    assert shown(f, arts) == [("x1", "claimed"), ("x2", "said")] and f.score == 0.75


def test_a_quote_closed_in_a_left_out_sentence_does_not_run_over_the_next_one():
    # the version joins the quote's first sentence and a later sentence of the outlet's own: the
    # quote ends in the sentence between them, which the version leaves out
    text = ("“We find that the levy must be repealed. The charter says nothing about levies,” "
            "Judge Marlow wrote. The power to tax lies with the council, not the bench, Marlow wrote.")
    art = text_article(text, "x1")
    first, _, last = art.sentences
    version = build_version(art, FactMember("x1", (first.id, last.id)))
    assert [version.text[s:e] for s, e in version.quotes] == ["We find that the levy must be repealed."]
    assert not version.in_quote(version.text.index("The power"), len(version.text))


def test_a_second_statement_of_the_speaker_is_no_paraphrase_of_the_quote():
    quoting = ("“We find that the levy must be repealed by the council. The charter says nothing about "
               "levies,” Judge Marlow wrote. The power to tax lies with the council, not the bench, "
               "Marlow wrote.")
    other = "The power to tax lies with the council, not the bench, Marlow wrote."
    a, b = text_article(quoting, "x1"), text_article(other, "x2")
    first, _, last = a.sentences
    fact = Fact("f-test", "test", (FactMember("x1", (first.id, last.id)),
                                   FactMember("x2", tuple(s.id for s in b.sentences))))
    assert not [f for f in framing_findings([fact], {"x1": a, "x2": b}) if f.kind == "quote_vs_paraphrase"]


def test_identical_versions_give_nothing():
    text = "European leaders held an emergency meeting in Paris on Monday."
    found, _ = run(text, text)
    assert found == []


def test_bad_input_is_quiet():
    arts = {"x1": text_article("Leaders met in Paris on Monday.", "x1"),
            "x2": text_article("", "x2")}
    facts = [
        Fact("f-1", "one member", (FactMember("x1", ("x1.s1",)),)),
        Fact("f-2", "missing article", (FactMember("x1", ("x1.s1",)), FactMember("zz", ("zz.s1",)))),
        Fact("f-3", "unknown sentence", (FactMember("x1", ("x1.s1",)), FactMember("x2", ("x2.s9",)))),
        Fact("f-4", "no members", ()),
    ]
    assert framing_findings(facts, arts) == []
    assert framing_findings([], arts) == []


def test_short_capitals_and_quote_only_versions_do_not_crash():
    found, _ = run("“Yes.”", "LEADERS SLAMMED THE DEAL ON MONDAY, OFFICIALS SAID.",
                   "“We will never accept this deal,” he said.")
    assert all(f.spans for f in found)


def test_non_english_articles_are_skipped():
    found, _ = run("Die Staats- und Regierungschefs trafen sich am Montag in Paris und sprachen über die "
                   "Ukraine, die Sicherheit und die Rolle der Vereinigten Staaten in einem langen Gespräch.",
                   "Leaders slammed the deal in Paris on Monday and talked about Ukraine, security and the role "
                   "of the United States in a long conversation.")
    assert found == []


def test_spans_split_across_non_adjacent_sentences():
    a = text_article("Leaders met in Paris. Unrelated filler sentence here. They slammed the deal.", "x1")
    b = text_article("Leaders met in Paris and criticised the deal.", "x2")
    fact = Fact("f-t", "t", (FactMember("x1", ("x1.s1", "x1.s3")), FactMember("x2", ("x2.s1",))))
    found = framing_findings([fact], {"x1": a, "x2": b})
    for f in found:
        for s in f.spans:
            art = a if s.article == "x1" else b
            assert "filler" not in art.text[s.start:s.end]
    attribution = [f for f in found if f.kind == "attribution_verb"]
    assert [a.text[s.start:s.end] for s in attribution[0].spans if s.article == "x1"] == ["slammed"]


def test_evidence_names_the_outlet():
    a = text_article("The Kremlin claimed the talks went well.", "x1")
    b = text_article("The Kremlin said the talks went well.", "x2")
    a = a.__class__(**{**a.__dict__, "outlet": "CNBC"})
    fact = Fact("f-t", "t", (FactMember("x1", ("x1.s1",)), FactMember("x2", ("x2.s1",))))
    [f] = [f for f in framing_findings([fact], {"x1": a, "x2": b}) if f.kind == "attribution_verb"]
    assert f.evidence.startswith("CNBC uses 'claimed'") and f.articles == ("x1", "x2")


# --- word choice (wording.py) -------------------------------------------------------------------------

def choices(found, kind="loaded_word"):
    return [f for f in found if f.kind == kind]


def test_the_events_own_vocabulary_is_not_loaded():
    found, _ = run("The old bridge collapsed after the quake, and rescuers scrambled to reach it.",
                   "The bridge collapsed in the quake on Monday.",
                   "Officials said the bridge collapsed during the quake.")
    terms = [(f.data["used_by"], f.data["term"]) for f in choices(found)]
    assert terms == [("x1", "scrambled")]        # "collapsed": every outlet's word for this event


def test_one_word_is_one_finding_listing_the_other_outlets():
    found, arts = run("The minister slammed the reckless plan on Monday.",
                      "The minister criticised the plan on Monday.",
                      "The minister spoke about the plan on Monday.")
    [reckless] = choices(found)
    assert reckless.articles == ("x1",) and reckless.data["used_by"] == "x1"
    assert reckless.evidence == "x1 chooses 'reckless' (pejorative word): x2 and x3 do not use it."
    [slammed] = choices(found, "attribution_verb")
    assert slammed.articles == ("x1", "x2", "x3") and shown(slammed, arts)[0] == ("x1", "slammed")
    assert slammed.evidence == ("x1 chooses 'slammed' (evaluative verb of speech): x2 has 'criticised'; "
                                "x3 has 'spoke about'.")
    assert slammed.data["plainer"] == {"x2": "criticised", "x3": "spoke about"}
    assert slammed.score > reckless.score - 0.1       # a plainer word facing it adds to the score


def test_speakers_words_are_not_the_outlets_choice():
    long_quote = "“This is a reckless and shameful plan that will hurt everyone,” the minister said."
    fragment = "The minister called the plan “reckless” on Monday."
    reported = "The minister said the plan was reckless and would fail."
    plain = "The minister spoke about the plan on Monday."
    assert not choices(run(long_quote, plain)[0])
    assert not choices(run(reported, plain)[0])
    [f] = choices(run(fragment, plain)[0])
    assert f.data["in_quote"] is True and "in a quoted fragment" in f.evidence


def test_doubt_verb_set_against_a_neutral_one():
    found, arts = run("The minister claimed the plan would work.", "The minister said the plan would work.")
    [f] = choices(found, "attribution_verb")
    assert f.rule == "attribution.doubt" and shown(f, arts) == [("x1", "claimed"), ("x2", "said")]
    assert f.data["terms"] == {"x1": "claimed", "x2": "said"}


def test_a_bound_or_an_estimate_allows_the_other_value():
    found, _ = run("The repairs cost more than $1 million, the council said.",
                   "The repairs cost $1.1 million, the council said.")
    assert not [f for f in found if f.kind == "contradiction"]
    found, _ = run("The repairs cost about $1 million in total.", "The repairs cost $2 million in total.")
    assert [f.rule for f in found if f.kind == "contradiction"] == ["contradiction.number"]


def test_a_name_next_to_a_weekday_is_not_a_happening():
    found, _ = run("Critics kept up pressure on Chairman Tom Steele Sunday over the remark.",
                   "Critics reacted to Tom Steele on Friday over the remark.")
    assert not [f for f in found if f.kind == "contradiction"]


def test_a_quote_facing_only_punctuation_is_no_paraphrase():
    # the diff sets the quote against the other's final full stop: evidence once read "paraphrases ('.')";
    # the other version does not tell what the quote says (nor name a speaker), so it is not a
    # paraphrase of it and there is no finding
    found, arts = run("The junta appealed for aid: “the quake has left devastating damage across six regions”",
                      "The junta appealed for aid.")
    assert not [f for f in found if f.kind == "quote_vs_paraphrase"]
    assert not [f for f in found if "('.')" in f.evidence]


def test_a_word_among_many_outlets_names_a_few_and_counts_the_rest():
    # at 400 outlets a word choice named all 399 others (a third of the JSON): evidence names
    # EVIDENCE_MAX_OUTLETS - 1 and counts the rest, as omission evidence does
    found, _ = run("The minister backed the reckless plan on Monday.",
                   *["The minister backed the plan on Monday."] * 7)
    [reckless] = choices(found)
    assert reckless.evidence == "x1 chooses 'reckless' (pejorative word): x2, x3, x4, x5 and 3 more do not use it."
    assert reckless.data["terms"] == {"x1": "reckless", **{f"x{i}": "" for i in range(2, 9)}}


def test_the_paraphrase_shown_is_the_whole_claim_not_a_diff_fragment():
    # the word diff set the quote against "Sr. told the" (evidence and span once read that fragment,
    # cut after the abbreviation inside the name): the paraphrase is the other outlet's whole claim
    found, arts = run(
        "Magistrate Helen Drury said “you all will return on Monday” jury they will return on "
        "Monday but the hearing date has not been fixed.",
        "Magistrate Helen Drury Sr. told the jury they will return on Monday but the hearing date has "
        "not been fixed.")
    [row] = [f for f in found if f.kind == "quote_vs_paraphrase"]
    assert row.data["other_text"] == "Magistrate Helen Drury Sr. told the jury they …"
    assert "('Sr. told the')" not in row.evidence
    x2 = arts["x2"]
    assert [x2.text[s.start:s.end] for s in row.spans if s.article == "x2"] == [x2.sentences[0].text]
