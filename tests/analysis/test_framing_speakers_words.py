"""Whose words and whose act: reported speech, court acts, states, speakers of verbs, one row per
choice (framing rules; texts written for these tests)."""
from __future__ import annotations

from test_framing_context import run, words

from analysis.model import Fact, FactMember
from analysis.signals.framing import framing_findings
from analysis.signals.framing.descriptive import describes
from analysis.signals.framing.names import likely_misspelling, same_entity
from analysis.signals.framing.speech import in_speech, speech_ranges
from analysis.signals.framing.structure import passives
from seeds import text_article


def kinds(found, kind):
    return [f for f in found if f.kind == kind]


def described(text: str, word: str, label: str) -> str:
    """``describes`` of the first ``word`` in ``text``."""
    start = text.index(word)
    return describes(text, start, start + len(word), label)


# --- speech told by a participle or "claimed to be" -------------------------------------------------

def test_a_participle_of_speech_opens_the_speaker_s_words():
    text = "The former minister denounced the ruling, saying he was the victim of a scandalous injustice."
    [(start, end)] = speech_ranges(text)
    assert text[start:end].strip() == "he was the victim of a scandalous injustice"
    assert in_speech(text, text.index("scandalous"), text.index("scandalous") + len("scandalous"))
    # "adding to" is no verb of speech; a participle that is no verb of saying opens nothing
    assert speech_ranges("Rain fell all day, adding to the misery of the town.") == ()
    assert speech_ranges("Rain fell all day, flooding the lower town.") == ()


def test_claimed_to_be_opens_the_subject_s_claim():
    text = "The former minister claimed to be the victim of a smear campaign by his rivals."
    [(start, end)] = speech_ranges(text)
    assert text[start:end] == " to be the victim of a smear campaign by his rivals"


def test_words_of_speech_told_by_a_participle_are_the_speaker_s():
    found, _ = run("The former minister denounced the ruling on Thursday, saying he was the victim of a "
                   "scandalous injustice and would appeal.",
                   "The former minister criticised the ruling on Thursday and said he would appeal.",
                   "The former minister said on Thursday that he would appeal the ruling.",
                   "The former minister claimed to be the victim of a smear campaign by his rivals.")
    assert ("x1", "scandalous") not in words(found) and ("x4", "smear campaign") not in words(found)
    assert ("x1", "denounced") in words(found)      # the verb is still the outlet's choice


# --- passives: court acts, shared causes, states ---------------------------------------------------

def test_cleared_of_charges_is_a_court_act():
    found, _ = run("The former governor was cleared of all charges on Monday after a long trial in the city.",
                   "A jury cleared the former governor of all charges on Monday after a long trial in the city.",
                   "The jury cleared the former governor of all charges on Monday after a long trial in the city.")
    assert kinds(found, "passive_agent") == []
    # without "of" the clearing has a hidden actor
    found, _ = run("The square was cleared on Monday before the march through the city.",
                   "Police cleared the square on Monday before the march through the city.")
    assert [f.data["participle"] for f in kinds(found, "passive_agent")] == ["cleared"]


def test_passives_joined_by_and_share_the_cause_named_after_the_last():
    found = passives("Three people were killed and more than sixty were injured when two bombs exploded.")
    assert [(p.participle, p.agent) for p in found] == [("killed", True), ("injured", True)]
    found = passives("Three people were killed. More than sixty were injured when two bombs exploded.")
    assert [(p.participle, p.agent) for p in found] == [("killed", False), ("injured", True)]
    found, _ = run("Three people were killed and more than sixty were injured when two bombs exploded.",
                   "Two bombs exploded, and the bombs killed three people and injured more than sixty.",
                   "The two bombs that exploded killed three people and injured more than sixty.")
    assert kinds(found, "passive_agent") == []


def test_a_passive_facing_a_state_hides_no_actor():
    found, _ = run("Train cars fell onto the road, where all lanes of traffic have been stopped for the night.",
                   "Train cars fell onto the road. All lanes of traffic remained blocked on Highway 9 for the night.",
                   "Train cars fell onto the road. All lanes of traffic remained blocked on Highway 9 all night.")
    assert kinds(found, "passive_agent") == []


# --- a person's state ---------------------------------------------------------------------------------

def test_a_state_coordinated_after_a_verb_of_being_is_felt():
    assert described("Leaving the court, the former mayor looked pale and shaken as he walked to his car.",
                     "shaken", "dramatic") == "felt"
    assert described("The town looked shaken after the storm.", "shaken", "dramatic") == ""


def test_a_feeling_owned_by_a_private_person_or_an_experience_is_felt():
    for text, word in (("The family's anger was plain to see outside.", "anger"),
                       ("Their anger was plain to see outside.", "anger"),
                       ("He spoke of the humiliation of being led away by guards.", "humiliation")):
        assert described(text, word, "emotive") == "felt", text
    for text, word in (("Holt's anger was plain to see outside.", "anger"),
                       ("Their hysterical desire to win has gone too far.", "hysterical")):
        assert described(text, word, "emotive") != "felt", text


# --- attribution verbs: one speaker, one act, one row ---------------------------------------------

def test_verbs_of_two_different_speakers_are_two_acts():
    found, _ = run("Prime Minister Jones declared on Sunday that his coalition had won the general election.",
                   "Opposition leader Smith conceded on Sunday that his coalition had won the general election.",
                   "Opposition leader Smith said on Sunday that the coalition had won the general election.")
    rows = [(f.data["used_by"], f.data["term"], sorted(f.data["terms"])) for f in kinds(found, "attribution_verb")]
    assert rows == [("x2", "conceded", ["x2", "x3"])]         # Smith's "conceded" against Smith's "said"


def test_a_verb_of_saying_with_a_bare_noun_names_an_act():
    found, _ = run("Prime Minister Jones declares victory in the general election after a long count on Sunday.",
                   "Prime Minister Jones said his coalition won the general election after a long count on Sunday.",
                   "Prime Minister Jones says his coalition won the general election after a long count on Sunday.")
    assert kinds(found, "attribution_verb") == []


def test_one_verb_in_two_forms_is_one_row():
    a = text_article("Prime Minister Jones declared that his coalition had won the general election. "
                     "Jones declares that the count in the north is over too.", "x1")
    b = text_article("Prime Minister Jones said that his coalition had won the general election. "
                     "Jones says that the count in the north is over too.", "x2")
    facts = [Fact(f"f{k}", "t", (FactMember("x1", (a.sentences[k].id,)), FactMember("x2", (b.sentences[k].id,))))
             for k in range(2)]
    [row] = kinds(framing_findings(facts, {"x1": a, "x2": b}), "attribution_verb")
    assert row.data["used_by"] == "x1" and row.data["merged"] == 2


# --- one quote quoted by several outlets -------------------------------------------------------------

def test_one_quote_of_several_outlets_against_one_paraphrase_is_one_row():
    found, _ = run("“We will rebuild the harbour wall before the winter storms come,” Mayor Ann Holt said.",
                   "“We will rebuild the harbour wall before the winter storms come,” Mayor Ann Holt told reporters.",
                   # its first words (the row's term is cut to them) share nothing with the others'
                   "“Whatever the council in the capital may decide, we will rebuild the harbour wall before "
                   "the winter storms come,” Mayor Ann Holt said.",
                   "Mayor Ann Holt said the town would rebuild the harbour wall before winter.")
    [row] = kinds(found, "quote_vs_paraphrase")
    assert row.data["used_by"] == "x3" and sorted(row.data["quoted_by"]) == ["x1", "x2", "x3"]
    assert row.data["terms"] == {"x1": "direct", "x2": "direct", "x3": "direct", "x4": "paraphrase"}
    assert row.evidence.endswith("; x1 and x2 quote it too.")
    assert {s.article for s in row.spans} == {"x1", "x2", "x3", "x4"}


# --- names -------------------------------------------------------------------------------------------

def test_the_name_of_a_past_regime_is_no_pejorative():
    found, _ = run("The verdict recalled the trials held under the Vichy regime in the war years.",
                   "The verdict recalled trials held during the war years in France.",
                   "The verdict recalled trials held during the war years in the country.")
    assert words(found) == []
    found, _ = run("The verdict recalled the trials held under the regime in the war years.",
                   "The verdict recalled trials held during the war years in France.",
                   "The verdict recalled trials held during the war years in the country.")
    assert words(found) == [("x1", "regime")]


def test_a_transliterated_vowel_is_no_misspelling():
    assert same_entity("Moamer", "Moammar") and not likely_misspelling("Moamer", "Moammar")
    assert same_entity("Ahmed", "Ahmad")
    assert likely_misspelling("Preibus", "Priebus")        # the order of letters is never folded


def test_a_cause_in_the_rest_of_a_compound_sentence_names_what_acted():
    # the fact holds only the claim "Three people were killed and more than sixty were injured"; the
    # cause stands in the rest of its sentence
    from analysis.model import Span
    a = text_article("Three people were killed and more than sixty were injured when two bombs exploded "
                     "near the stadium.", "x1")
    b = text_article("The two bombs killed three people and injured more than sixty near the stadium.", "x2")
    claim = a.text.index(" when")
    fact = Fact("f1", "t", (FactMember("x1", (a.sentences[0].id,), (Span("x1", 0, claim),)),
                            FactMember("x2", (b.sentences[0].id,))))
    assert kinds(framing_findings([fact], {"x1": a, "x2": b}), "passive_agent") == []


def test_a_quote_and_another_statement_on_its_topic_are_no_quote_and_paraphrase():
    # one content word in common ("jury") is the topic, not what the judge said
    found, _ = run("“You are still a jury,” Judge Ray Holt told them on Monday.",
                   "Judge Ray Holt told the jury on Monday they will have the rest of the week off.")
    assert kinds(found, "quote_vs_paraphrase") == []
    found, _ = run("“You will have the rest of the week off,” Judge Ray Holt told them on Monday.",
                   "Judge Ray Holt told the jury on Monday they will have the rest of the week off.")
    assert [f.rule for f in kinds(found, "quote_vs_paraphrase")] == ["quote.direct_vs_paraphrase"]


def test_an_evaluative_verb_is_set_against_the_same_speaker_s_verb_only():
    third = "Governor Jones spoke about the harbour levy on Thursday."
    [own] = kinds(run("Governor Jones denounced the harbour levy on Thursday.",
                      "Governor Jones said on Thursday that the harbour levy was unfair.", third)[0],
                  "attribution_verb")
    assert "x2 has 'said'" in own.evidence
    [other] = kinds(run("Governor Jones denounced the harbour levy on Thursday.",
                        "Mayor Holt said on Thursday that the harbour levy was unfair.", third)[0],
                    "attribution_verb")
    assert "x2 has 'said'" not in other.evidence and "x2 does not use it" in other.evidence


def test_a_verb_before_a_determiner_does_not_describe_the_thing():
    # "denounced the harbour levy": a verb of the thing, not an adjective of it ("a historic harbour")
    assert described("Governor Jones denounced the harbour levy on Thursday.", "denounced", "emotive") == ""
    assert described("They sailed into a historic harbour on Thursday.", "historic", "judgement") == "object"


def test_stances_of_two_actors_are_two_acts():
    found, _ = run("Governor Jones rejected the harbour levy at the council meeting on Monday.",
                   "Mayor Holt resisted the harbour levy at the council meeting on Monday.")
    assert kinds(found, "stance") == []
    found, _ = run("Governor Jones rejected the harbour levy at the council meeting on Monday.",
                   "Governor Jones resisted the harbour levy at the council meeting on Monday.")
    assert [f.rule for f in kinds(found, "stance")] == ["stance.strength"]


def test_a_dramatic_verb_of_a_thing_s_path_to_a_thing_is_what_happened():
    assert described("Several train cars plunged onto the highway below.", "plunged", "dramatic") == "object"
    assert described("The truck slammed into a house on the corner.", "slammed", "dramatic") == "object"
    assert described("The vote plunged the country into chaos.", "plunged", "dramatic") == ""
    assert described("Markets plunged into a deep crisis.", "plunged", "dramatic") == ""
    assert described("The region was reeling from a deadly storm.", "reeling", "dramatic") == ""


def test_certainty_told_by_both_outlets_is_no_hedge_and_no_booster():
    # "never seemed in doubt" denies a doubt; "was clear" is as certain: neither outlet adds anything
    found, _ = run("The outcome of the first phase of the trial never seemed in doubt, the paper wrote on Monday.",
                   "The outcome of the first phase of the trial was clear, the paper wrote on Monday.")
    assert kinds(found, "hedge") == [] and kinds(found, "booster") == []


def test_certainty_and_passives_in_speech_reported_without_that_are_the_speaker_s():
    found, _ = run("Earlier, Mayor Ann Holt said it was clear the coalition would be returned to power in the city.",
                   "Earlier, Mayor Ann Holt said the coalition had won power in the city.")
    assert kinds(found, "booster") == [] and kinds(found, "passive_agent") == []
