"""Word choice in context and pair rules on the same claim: texts written for these tests."""
from __future__ import annotations

import pytest

from analysis.constants import FRAMING_PROMINENCE_DISCOUNT
from analysis.model import Fact, FactMember
from analysis.signals.framing import framing_findings
from analysis.signals.framing.descriptive import participle_as_verb
from analysis.signals.framing.event_words import event_senses
from analysis.signals.framing.uses import ascribed, negated
from analysis.signals.framing.wording import prominence
from seeds import text_article


def run(*texts: str):
    """Findings for one fact made of every sentence of each text (articles x1, x2, ...)."""
    articles = {f"x{i}": text_article(t, f"x{i}") for i, t in enumerate(texts, 1)}
    members = tuple(FactMember(aid, tuple(s.id for s in a.sentences)) for aid, a in articles.items())
    return framing_findings([Fact("f-test", "test", members)], articles), articles


def words(found, kinds=("loaded_word", "attribution_verb", "intensifier")):
    return sorted((f.data["used_by"], f.data["term"]) for f in found if f.kind in kinds)


def test_negation_before_the_word():
    text = "The ministry did not reflexively denounce the plan."
    assert negated(text, text.index("denounce"))
    text = "The ministry was quick to denounce the plan."
    assert not negated(text, text.index("denounce"))
    text = "She didn't slam the deal, he said."
    assert negated(text, text.index("slam"))


def test_a_word_after_a_negation_is_nobody_s_choice():
    found, _ = run("The council did not denounce the tax on Monday.",
                   "The council discussed the tax on Monday.",
                   "The council voted on the tax on Monday.")
    assert words(found) == []
    found, _ = run("The council was quick to denounce the tax on Monday.",
                   "The council discussed the tax on Monday.",
                   "The council voted on the tax on Monday.")
    assert words(found) == [("x1", "denounce")]


def test_ascribed_judgement():
    text = "Leaders opposed the deal, a move they see as an unearned concession."
    assert ascribed(text, text.index("unearned"))
    text = "He warned of chaos, but critics dismissed his remarks as alarmist."
    assert ascribed(text, text.index("alarmist"))
    text = "The mayor branded the scheme reckless."
    assert ascribed(text, text.index("reckless"))
    text = "The reckless scheme was dropped as costs rose."
    assert not ascribed(text, text.index("reckless"))


def test_a_judgement_ascribed_to_a_subject_counts_low():
    found, _ = run("Farmers oppose the levy, which they see as an unearned windfall for banks.",
                   "Farmers oppose the levy on grain sales.",
                   "Farmers protested the levy on grain sales.")
    [seen] = [f for f in found if f.kind == "loaded_word"]
    assert seen.data["ascribed"] is True and "as the view of its subject" in seen.evidence
    found, _ = run("Farmers oppose the levy, an unearned windfall for banks.",
                   "Farmers oppose the levy on grain sales.",
                   "Farmers protested the levy on grain sales.")
    [own] = [f for f in found if f.kind == "loaded_word"]
    assert own.data["ascribed"] is False and words(found) == [("x1", "unearned")]
    assert seen.score <= 0.6 * own.score          # FRAMING_IN_QUOTE_FACTOR, and no plainer word facing it


FLOOD = ("Volunteers worked frantically to pile sandbags along the river.",
         "Volunteers worked furiously through the night to pile sandbags.",
         "Crews were racing against the clock to save the town.",
         "Volunteers piled sandbags along the river on Monday.")


def test_a_sense_class_most_outlets_express_is_the_event_s_vocabulary():
    articles = [text_article(t, f"x{i}") for i, t in enumerate(FLOOD, 1)]
    assert "urgency" in event_senses(articles)
    found, _ = run(*FLOOD)
    assert words(found) == []          # frantically / furiously: the urgency the story calls for


def test_a_sense_class_of_one_or_two_outlets_is_still_a_choice():
    found, _ = run("Volunteers worked frantically to pile sandbags along the river.",
                   "Volunteers piled sandbags along the river on Monday.",
                   "Volunteers filled sandbags along the river on Monday.",
                   "Crews piled sandbags near the river on Monday.")
    assert words(found) == [("x1", "frantically")]


def test_a_physical_word_in_a_story_of_destruction_is_literal():
    found, _ = run("Workers spent the day hammering at the rubble of the collapsed mill.",
                   "The storm destroyed the mill and buried two cars.",
                   "The mill was flattened by the storm on Monday.",
                   "Debris from the mill blocked the road on Monday.")
    assert words(found) == []
    found, _ = run("The senator spent the day hammering the budget plan.",
                   "The senator discussed the budget plan on Monday.",
                   "The senator spoke about the budget plan on Monday.")
    assert words(found) == [("x1", "hammering")]


# --- pair rules only on the same claim ------------------------------------------------------------------

def test_sentiment_shift_from_words_set_against_words():
    found, arts = run("The minister praised the generous new plan for the port on Monday.",
                      "The minister attacked the disastrous new plan for the port on Monday.")
    [f] = [f for f in found if f.kind == "sentiment_shift"]
    assert f.articles == ("x2", "x1")
    assert [(s.article, arts[s.article].text[s.start:s.end]) for s in f.spans] == [
        ("x2", "attacked"), ("x2", "disastrous"), ("x1", "praised"), ("x1", "generous")]


def test_no_sentiment_shift_from_what_one_version_adds():
    found, _ = run("Amid fury, grief and terrible losses, the council presented the plan for the port on Monday.",
                   "The council presented the plan for the port on Monday.")
    assert not [f for f in found if f.kind == "sentiment_shift"]


def test_no_pair_rule_on_linked_versions_that_are_not_one_claim():
    found, _ = run("The storm killed three people and destroyed the old bridge near the harbour.",
                   "Volunteers were praised for a wonderful, brave rescue effort in the town.")
    assert not [f for f in found if f.kind in ("sentiment_shift", "passive_agent", "quote_vs_paraphrase")]


def test_quote_vs_paraphrase_needs_the_same_speaker():
    quote = "“We will rebuild the harbour wall before the winter storms come,” Mayor Ann Holt said."
    same = "Mayor Ann Holt said the town would rebuild the harbour wall before winter."
    other = "Governor Ray Mendez said the town would rebuild the harbour wall before winter."
    [f] = [f for f in run(quote, same)[0] if f.kind == "quote_vs_paraphrase"]
    assert f.rule == "quote.direct_vs_paraphrase" and f.articles == ("x1", "x2")
    assert not [f for f in run(quote, other)[0] if f.kind == "quote_vs_paraphrase"]


def test_one_quote_paraphrased_by_several_outlets_is_one_row_listing_them():
    quote = "“We will rebuild the harbour wall before the winter storms come,” Mayor Ann Holt said."
    found, _ = run(quote, "Mayor Ann Holt said the town would rebuild the harbour wall before winter.",
                   "Mayor Ann Holt said the harbour wall would be rebuilt before the winter storms.",
                   "Mayor Ann Holt promised to rebuild the harbour wall before the winter.")
    [f] = [f for f in found if f.kind == "quote_vs_paraphrase"]
    assert f.data["used_by"] == "x1" and f.articles[0] == "x1" and sorted(f.articles) == ["x1", "x2", "x3", "x4"]
    assert f.data["terms"] == {"x1": "direct", "x2": "paraphrase", "x3": "paraphrase", "x4": "paraphrase"}
    assert f.evidence.startswith("x1 quotes directly 'We will rebuild the harbour wall before the …' (11 words): ")
    assert f.evidence.count(" has '") == 3


def test_evidential_passives_hide_no_actor():
    from analysis.signals.framing.structure import passives
    found = passives("Two deaths were confirmed. It is seen as a test. A vote cannot be held. The bill was vetoed.")
    assert [p.participle for p in found] == ["vetoed"]


def test_a_paraphrase_must_tell_what_the_quote_says():
    quote = "Mayor Ann Holt called the levy “a tax on hope for every family”, on Monday."
    other = "Mayor Ann Holt accused the council of ignoring the harbour on Monday."
    assert not [f for f in run(quote, other)[0] if f.kind == "quote_vs_paraphrase"]


def test_an_agentless_passive_against_words_that_name_no_actor_is_no_finding():
    found, arts = run("On Monday the old harbour wall was demolished at noon, the council said.",
                      "On Monday the old harbour wall fell to soldiers at noon, the council said.")
    [f] = [f for f in found if f.kind == "passive_agent"]
    assert [(s.article, arts[s.article].text[s.start:s.end]) for s in f.spans] == [
        ("x1", "was demolished"), ("x2", "fell to soldiers")]
    found, _ = run("On Monday the old harbour wall was demolished at noon, the council said.",
                   "On Monday the old harbour wall came down at noon, the council said.")
    assert not [f for f in found if f.kind == "passive_agent"]


def test_two_flagged_words_side_by_side_are_one_phrase():
    found, arts = run("The minister bluntly slammed the plan on Monday.",
                      "The minister discussed the plan on Monday.",
                      "The minister spoke about the plan on Monday.")
    rows = [f for f in found if f.kind in ("loaded_word", "attribution_verb")]
    assert len(rows) == 1
    [f] = rows
    assert f.data["phrase"] == "bluntly slammed" and "chooses 'bluntly slammed'" in f.evidence
    assert [arts["x1"].text[s.start:s.end] for s in f.spans if s.article == "x1"] == ["bluntly", "slammed"]


def test_a_passive_that_names_its_cause_hides_no_actor():
    from analysis.signals.framing.structure import passives
    found = passives("Two men were killed after the roof fell. A boy was injured when a wall gave way. "
                     "Three were injured at the market.")
    assert [(p.participle, p.agent) for p in found] == [("killed", True), ("injured", True), ("injured", False)]


def test_a_grade_adjective_used_as_a_verb_is_no_booster():
    found, _ = run("Crews worked to clear the road near the harbour on Monday.",
                   "Crews worked on the road near the harbour on Monday.")
    assert not [f for f in found if f.kind == "booster"]
    found, _ = run("It is clear the road near the harbour will open on Monday.",
                   "The road near the harbour will open on Monday.")
    assert [f.data["term"] for f in found if f.kind == "booster"] == ["it is clear"]


def test_a_noun_naming_a_body_is_no_word_choice():
    found, _ = run("Disaster officials said the road near the harbour reopened on Monday.",
                   "Officials said the road near the harbour reopened on Monday.",
                   "The road near the harbour reopened on Monday, officials said.")
    assert words(found) == []
    found, _ = run("The disaster at the harbour closed the road on Monday.",
                   "The storm at the harbour closed the road on Monday.",
                   "A storm closed the road near the harbour on Monday.")
    assert words(found) == [("x1", "disaster")]


def test_an_ing_adjective_used_as_its_verb_is_no_intensifier():
    # "striking down" and "Striking approximately 70 miles south" were read as the intensifying
    # adjective "striking"
    for verb in ("Striking approximately 70 miles south of the harbour, the storm closed the road on Monday.",
                 "The court, striking down the harbour law, closed the road on Monday."):
        found, _ = run(verb, "The storm closed the road near the harbour on Monday.",
                       "A storm closed the road near the harbour on Monday.")
        assert [w for w in words(found) if w[1] == "striking"] == []
    found, _ = run("The council showed a striking contrast over the harbour plan on Monday.",
                   "The council showed a contrast over the harbour plan on Monday.",
                   "The council was split over the harbour plan on Monday.")
    assert ("x1", "striking") in words(found)
    text = "a staggering 40 per cent"
    assert not participle_as_verb(text, text.index("staggering") + len("staggering"), "staggering", "adjective")


def test_three_of_five_outlets_make_a_word_the_event_s():
    base = "Bitter divisions split the council over the harbour plan on Monday."
    plain = "The council was split over the harbour plan on Monday."
    assert words(run(base, base.replace("split", "divided"), base.replace("Monday", "Tuesday"), plain, plain)[0]) == []
    # of three outlets, two are not enough
    [row] = [f for f in run(base, base.replace("split", "divided"), plain)[0] if f.kind == "loaded_word"]
    assert row.data["term"] == "bitter" and sorted(row.data["chosen_by"]) == ["x1", "x2"]


def test_relief_in_a_story_of_aid_is_the_event_s_word():
    found, _ = run("Trucks brought emergency relief to the flooded valley on Monday.",
                   "Trucks brought aid to the flooded valley on Monday.",
                   "Aid trucks reached the flooded valley on Monday.",
                   "The army sent supplies to the flooded valley on Monday.")
    assert words(found) == []


def test_a_noun_of_the_verb_is_no_active_use():
    found, arts = run("The old harbour wall was damaged on Monday, the council said.",
                      "The old harbour wall took damage on Monday, the council said.")
    assert [f.rule for f in found if f.kind == "passive_agent"] != ["passive.agentless_vs_active"]
    found, _ = run("The old harbour wall was damaged on Monday, the council said.",
                   "Waves damaged the old harbour wall on Monday, the council said.")
    assert [f.rule for f in found if f.kind == "passive_agent"] == ["passive.agentless_vs_active"]


def test_a_word_high_in_the_article_ranks_above_the_same_word_at_its_end():
    filler = " ".join(f"The council met again on day {i}." for i in range(1, 30))
    found, arts = run("A reckless plan for the port was unveiled on Monday. " + filler,
                      filler + " A reckless plan for the port was unveiled on Monday.",
                      "A plan for the port was unveiled on Monday. " + filler,
                      "A plan for the port was shown on Monday. " + filler,
                      "The port plan was unveiled on Monday. " + filler)
    # x2 uses it ~97 % in: x1's use leads the one row of the word
    [row] = [f for f in found if f.data.get("term") == "reckless"]
    assert row.data["chosen_by"] == ["x1", "x2"]
    late = next(s for s in row.spans if s.article == "x2")
    assert prominence(arts["x2"], late.start) == pytest.approx(1 - FRAMING_PROMINENCE_DISCOUNT, abs=0.02)


def test_a_word_before_a_person_s_role_is_no_word_choice():
    found, _ = run("The harbour plan was shown by disaster officer Ann Holt on Monday.",
                   "The harbour plan was shown by officer Ann Holt on Monday.",
                   "Officer Ann Holt showed the harbour plan on Monday.")
    assert words(found) == []


def test_a_passive_told_short_is_no_active_use():
    found, _ = run("Nine people were injured at the market on Monday, the council said.",
                   "Nine people at the market were left injured after the blast on Monday, the council said.")
    assert [f.rule for f in found if f.kind == "passive_agent"] != ["passive.agentless_vs_active"]
    found, arts = run("Two stalls were closed at the market on Monday, the council said.",
                      "Inspectors closed two stalls at the market on Monday, the council said.")
    [f] = [f for f in found if f.kind == "passive_agent"]
    assert f.rule == "passive.agentless_vs_active"
    assert [(s.article, arts[s.article].text[s.start:s.end]) for s in f.spans] == [
        ("x1", "were closed"), ("x2", "closed")]


def test_a_passive_of_what_the_event_does_hides_no_one():
    quake = ("The old mill had been destroyed on Monday, the council said.",
             "The quake flattened homes and buried cars near the river, the council said.",
             "Debris and rubble blocked the river road on Monday, the council said.",
             "The old mill fell to soldiers on Monday, the council said.")
    assert not [f for f in run(*quake)[0] if f.kind == "passive_agent"]
    calm = ("The old mill had been destroyed on Monday, the council said.",
            "The council met about the river road on Monday.",
            "The river road reopened on Monday, the council said.",
            "The old mill fell to soldiers on Monday, the council said.")
    rows = [f for f in run(*calm)[0] if f.kind == "passive_agent"]
    assert [f.data["items"][0]["phrase"] for f in rows] == ["had been destroyed"]
