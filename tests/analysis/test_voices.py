"""Voices: quotes and speakers on the seeds, share of voice, voice omissions, and bad input."""
from __future__ import annotations

from analysis.model import Span
from analysis.signals.voices import direct_spans, find_quotes, voice_findings, voices
from seeds import loaded_seeds, text_article


def quote_of(article, needle):
    found = [q for q in find_quotes(article) if needle in article.text[q.start:q.end]]
    assert found, f"no quote of {article.id} holds {needle!r}"
    return found[0]


def all_quotes(articles):
    return tuple(q for a in articles for q in find_quotes(a))


# --- seeds --------------------------------------------------------------------------------------

def test_000_scholz_name_and_role():
    a1 = loaded_seeds()[0]
    q = quote_of(a1, "an inappropriate debate")
    assert a1.text[q.start:q.end] == "an inappropriate debate at the wrong time about the wrong topic."
    assert (q.kind, q.speaker, q.speaker_name, q.role) == ("direct", "olaf scholz", "Olaf Scholz",
                                                          "German Chancellor")
    assert q.verb in ("calling it", "calling") and q.words == 11     # the verb next to the quote
    assert a1.text[q.speaker_start:q.speaker_end] == "Olaf Scholz"


def test_000_appositive_role_and_outlets_as_sources():
    a1 = loaded_seeds()[0]
    waltz = quote_of(a1, "The American people deserve")
    assert (waltz.speaker_name, waltz.role, waltz.verb) == ("Mike Waltz",
                                                           "national security advisor to Trump", "told")
    nyt = quote_of(a1, "They discussed issues")
    # a newspaper reporting is where the words appeared, not a voice: its quotes have no speaker
    assert (nyt.speaker, nyt.unnamed) == ("", False)
    assert quote_of(a1, "The proposal also states").speaker == ""
    assert quote_of(a1, "Officials said the talks in Paris").speaker == ""      # "according to the Journal"


def test_000_quote_spanning_two_sentences():
    a1 = loaded_seeds()[0]
    q = quote_of(a1, "are taking place between representatives")
    assert a1.text[q.start:q.end].endswith("and without Ukraine.")
    assert q.speaker == "volodymyr zelensky" and q.words == 23


def test_001_he_said_is_dmitriev():
    a2 = loaded_seeds()[1]
    q = quote_of(a2, "U.S. businesses lost around $300 billion")
    assert q.speaker == "kirill dmitriev" and q.verb == "said"
    assert q.speaker_start == -1            # named by "he", not in this sentence
    assert q.role == "head of Russia’s sovereign wealth fund"
    peskov = quote_of(a2, "preparations for potential Ukraine peace talks")
    assert (peskov.speaker_name, peskov.role) == ("Dmitry Peskov", "Kremlin Spokesman")
    assert quote_of(a2, "completely premature").speaker == "olaf scholz"   # "..., calling it"


def test_003_rutte_and_a_sentence_that_is_only_a_quote():
    cnn = loaded_seeds()[3]
    for needle in ("wanting to put troops", "very important that the US", "It means Europeans"):
        assert quote_of(cnn, needle).speaker == "mark rutte", needle
    assert quote_of(cnn, "wanting to put troops").role == "NATO Secretary"
    assert quote_of(cnn, "What I worry about is the threat").speaker == "jd vance"
    assert quote_of(cnn, "If you are negotiating").speaker == "nigel gould davies"   # "he told CNN"
    assert quote_of(cnn, "nothing about Ukraine without Ukraine").speaker == ""      # a slogan


def test_004_unnamed_official_and_no_outlet_speaker():
    a5 = loaded_seeds()[4]
    q = quote_of(a5, "Trump emphasized that Europe must stop")
    assert (q.speaker, q.speaker_name, q.unnamed) == ("~white house official", "White House official", True)
    assert quote_of(a5, "place economic pressure on China").speaker == "~white house official"
    assert not [x for x in find_quotes(a5) if "nbc" in x.speaker]
    assert quote_of(a5, "Coalition of the Willing").speaker == ""
    assert quote_of(a5, "extremely confidential").speaker == "emmanuel macron"      # "He ..., saying"
    assert quote_of(a5, "The war launched by Russia").speaker == "andriy yermak"    # runs on


def test_reported_speech_two_speakers_in_one_sentence():
    a3 = loaded_seeds()[2]
    reported = [q for q in find_quotes(a3) if q.kind == "reported"]
    macron = next(q for q in reported if q.speaker == "emmanuel macron")
    scholz = next(q for q in reported if q.speaker == "olaf scholz")
    assert a3.text[macron.start:macron.end] == \
        "any settlement amounting to Ukraine’s capitulation would be a catastrophe"
    assert a3.text[scholz.start:scholz.end] == \
        "he would refuse to accept any peace agreement imposed on Kyiv without European involvement"
    assert (macron.verb, scholz.verb) == ("warned", "stated")


def test_voice_table_merges_spellings_and_sums_words():
    arts = loaded_seeds()
    table = {v.speaker: v for v in voices(arts, all_quotes(arts))}
    zel = table["volodymyr zelensky"]          # Zelenskyy (000, 004), Zelensky (002, 003)
    assert set(zel.words) == {"a1", "a3", "a4"}
    assert table["olaf scholz"].words == {"a1": 11, "a2": 4, "a3": 14}
    assert table["olaf scholz"].direct == {"a1": 11, "a2": 4}      # 002 only paraphrases him
    assert table["kirill dmitriev"].name == "Kirill Dmitriev"
    assert table["~white house official"].unnamed
    for a in arts:
        shares = [v.share[a.id] for v in table.values() if a.id in v.share]
        assert abs(sum(shares) - 1.0) < 1e-3


def test_voice_omissions_on_same_event_seeds():
    arts = loaded_seeds()[:4]                          # 004 covers another event (September 2025)
    quotes = all_quotes(arts)
    findings = voice_findings(arts, voices(arts, quotes), quotes)
    pairs = {(f.data["speaker"], a) for f in findings for a in f.data["left_out_by"]}
    assert ("volodymyr zelensky", "a2") in pairs     # CNBC names him but quotes Kyiv's leadership
    assert ("olaf scholz", "a4") in pairs            # CNN does not quote Scholz
    assert not [f for f in findings if f.data["speaker"].startswith("~")]
    # one row per voice, listing every outlet that leaves it out
    assert len({f.data["speaker"] for f in findings}) == len(findings)
    assert any(len(f.data["left_out_by"]) > 1 for f in findings)
    for f in findings:
        assert f.kind == "voice" and f.id.startswith("voice-") and 0 < f.score <= 1
        silent, n = f.data["left_out_by"], f.data["quoters"]
        quoters = f.articles[1:1 + n]
        assert f.articles[0] == silent[0] and list(f.articles[1 + n:]) == silent[1:]
        assert not set(silent) & set(quoters) and n == len(quoters) >= 2
        assert f.spans and all(isinstance(s, Span) and s.article in quoters for s in f.spans)
        assert f.evidence.endswith(".")
        assert all(arts[int(a[1:]) - 1].outlet in f.evidence for a in silent)
    again = voice_findings(arts, voices(arts, quotes), quotes)
    assert [f.id for f in again] == [f.id for f in findings]


# --- bad input ----------------------------------------------------------------------------------

def test_sentence_that_is_only_a_quote():
    a = text_article("“We will never give up.”")
    (q,) = find_quotes(a)
    assert a.text[q.start:q.end] == "We will never give up." and q.speaker == "" and q.words == 5


def test_nested_and_curly_quotes():
    a = text_article("“He told me ‘peace through strength’ is the way,” said Andrii Yermak.")
    (q,) = find_quotes(a)
    assert a.text[q.start:q.end] == "He told me ‘peace through strength’ is the way"
    assert q.speaker == "andriy yermak" and q.verb == "said"


def test_mixed_curly_open_and_straight_close():
    a = text_article("“Trump emphasized that Europe must act,\" a White House official told NBC News.")
    (q,) = find_quotes(a)
    assert a.text[q.start:q.end] == "Trump emphasized that Europe must act"
    assert q.speaker_name == "White House official"


def test_quote_left_open_ends_with_its_paragraph():
    a = text_article("Olaf Scholz said: “This debate is premature and wrong.\n\nThe summit went on.")
    (q,) = find_quotes(a)
    assert q.unclosed and a.text[q.start:q.end] == "This debate is premature and wrong."
    assert q.speaker == "olaf scholz"


def test_multi_paragraph_quote_keeps_its_speaker():
    a = text_article("Mark Rutte said the talks went well.\n“We are ready to help.\n“And we will stay,” he added.")
    direct = [q for q in find_quotes(a) if q.kind == "direct"]
    assert [q.unclosed for q in direct] == [True, False]
    assert {q.speaker for q in direct} == {"mark rutte"}


def test_one_sentence_and_no_quotes():
    (q,) = find_quotes(text_article("German Chancellor Olaf Scholz called the debate “highly inappropriate.”"))
    assert q.role == "German Chancellor"
    assert find_quotes(text_article("The leaders met in Paris on Monday. They discussed troops.")) == ()


def test_capitals_and_non_english_do_not_crash():
    caps = text_article("OLAF SCHOLZ SAID “THIS IS A TERRIBLE DEBATE AT THE WRONG TIME.” THE SUMMIT ENDED.")
    (q,) = find_quotes(caps)
    assert q.words == 9 and q.speaker == ""            # no names can be told from capitals
    fr = text_article("Le président a déclaré « nous sommes prêts » après la réunion.", language="fr")
    (q,) = find_quotes(fr)
    assert fr.text[q.start:q.end] == "nous sommes prêts"


def test_empty_article():
    a = text_article("")
    assert find_quotes(a) == () and direct_spans(a) == []
    assert voices([a], ()) == () and voice_findings([a], (), ()) == []


# --- who is a voice ---------------------------------------------------------------------------------

def test_a_newspaper_is_not_a_speaker():
    a = text_article("“We will rebuild the school by spring,” Mayor Dana Whitfield told the Valley Times on "
                     "Monday.\n\nThe Valley Gazette reported that the budget “is already spent.”")
    told = quote_of(a, "We will rebuild")
    assert (told.speaker, told.speaker_name, told.unnamed) == ("dana whitfield", "Dana Whitfield", False)
    gazette = quote_of(a, "is already spent")
    assert (gazette.speaker, gazette.unnamed) == ("", False)      # where words appeared: no speaker
    table = voices([a], find_quotes(a))
    assert [v.name for v in table] == ["Dana Whitfield"]


def test_a_place_is_not_a_speaker():
    a = text_article("“The border stays open,” Washington said on Monday.")
    assert quote_of(a, "The border stays open").speaker == ""


def test_a_participle_opening_the_sentence_is_no_given_name():
    # "Joining Alito were Justices …" made a speaker "Joining Alito" who took the judge's quotes
    a = text_article("Judge Mara Lind wrote the ruling. Joining Lind were judges Tom Reyes and Ada Vance. "
                     "“The law stands,” Lind wrote.")
    q = quote_of(a, "The law stands")
    assert q.speaker == "mara lind"
    b = text_article("Sterling Brown said the harbour would reopen on Monday.")
    assert [q.speaker_name for q in find_quotes(b)] == ["Sterling Brown"]


def test_a_person_noun_modifying_a_noun_is_no_unnamed_source():
    # "according to the official forecast" gave an unnamed source "official"
    a = text_article("The storm will reach the coast on Thursday, according to the official forecast.")
    assert [q.speaker_name for q in find_quotes(a)] in ([], [""])
    b = text_article("The storm will reach the coast on Thursday, according to an official in the city.")
    assert [q.unnamed for q in find_quotes(b)] == [True]


def test_speaker_after_the_verb_with_a_role():
    a = text_article("“The water rose in minutes,” said resident Carol Pike, who lives by the river.")
    q = quote_of(a, "The water rose")
    assert (q.speaker_name, q.role) == ("Carol Pike", "resident")
    b = text_article("“We are not leaving,” said Tom Reyes in a statement.")
    assert quote_of(b, "We are not leaving").speaker_name == "Tom Reyes"


def test_an_office_or_a_spokesman_attaches_to_the_person():
    a = text_article("Prime Minister Alma Rusk met the unions on Monday. “The talks were frank,” "
                     "Alma Rusk’s office said.\n\n“No deal was signed,” a spokesman for Rusk said later.")
    office = quote_of(a, "The talks were frank")
    spokesman = quote_of(a, "No deal was signed")
    assert office.speaker == "alma rusk" and office.role == "office"
    assert spokesman.speaker == "alma rusk" and spokesman.role == "spokesman"
    assert [v.speaker for v in voices([a], find_quotes(a))] == ["alma rusk"]
    b = text_article("Alma Rusk met the unions. “The talks were frank,” her office said afterward.")
    assert (quote_of(b, "The talks were frank").speaker, quote_of(b, "The talks were frank").role) == \
        ("alma rusk", "office")


def test_a_quote_after_a_colon_is_the_named_persons():
    a = text_article("Senator Ines Varga was quick to answer: “That is simply not true.”")
    assert quote_of(a, "That is simply not true").speaker_name == "Ines Varga"


def test_the_voice_table_lists_only_the_compared_events_articles():
    from analysis.signals import stage
    same = [text_article("“We will rebuild the school,” Mayor Dana Whitfield said on Monday.", "a1"),
            text_article("“The school opens in May,” Mayor Dana Whitfield said.", "a2")]
    other = text_article("“The bridge stays shut,” engineer Paul Brandt said.", "a3")
    signals = stage.run(same + [other], [], {"a1", "a2"}, lambda share, step: None)
    assert [v.name for v in signals.voices] == ["Dana Whitfield"]
    assert {q.article for q in signals.quotes} == {"a1", "a2", "a3"}       # every article keeps its quotes


def test_a_short_form_in_one_article_is_the_body_another_names_in_full():
    a1 = text_article("The Coastal Weather Service (CWS) warned that the storm would reach the city by Monday.", "a1")
    a2 = text_article("The storm will reach the capital by Monday night, according to the CWS.", "a2")
    found = voices([a1, a2], all_quotes([a1, a2]))
    assert [(v.name, sorted(v.quotes)) for v in found] == [("Coastal Weather Service", ["a1", "a2"])]


def test_a_short_and_a_long_form_of_one_name_are_one_voice_across_outlets():
    a = text_article("Mayor Ana Rafaelito Alejandro IV said “we need water and food for the families.”", "a1")
    b = text_article("“The roads are cut,” said Raffy Alejandro, a civil defense official.", "a2")
    c = text_article("Elcid Layug said “the town is cut off.” Tim Ryan said “no.”", "a3")
    d = text_article("Police Captain Jan Elcid Layug said “the roads are blocked.” Paul Ryan said “yes.”", "a4")
    arts = [a, b, c, d]
    table = voices(arts, [q for x in arts for q in find_quotes(x)])
    assert sorted((v.name, tuple(sorted(v.words))) for v in table) == [
        ("Ana Rafaelito Alejandro IV", ("a1", "a2")),      # "Raffy" begins as "Rafaelito" does
        ("Jan Elcid Layug", ("a3", "a4")),
        ("Paul Ryan", ("a4",)), ("Tim Ryan", ("a3",))]    # one given name each: two people


def test_a_name_with_a_title_or_a_generation_is_the_full_name_across_outlets():
    a = text_article("“The court has no such power,” Justice Paul Verhoeven wrote for the majority.", "a1")
    b = text_article("“The ruling stands,” Verhoeven wrote. Justice Verhoeven added that “the matter is closed.”", "a2")
    c = text_article("The decision is final and binding, Justice Verhoeven wrote.", "a3")
    d = text_article("“We cleared the roads,” Col. Mark Elder Jr. said. “It was hard,” Elder Jr. said.", "a4")
    e = text_article("“The roads are open,” said Colonel Mark Elder on Sunday.", "a5")
    arts = [a, b, c, d, e]
    table = voices(arts, all_quotes(arts))
    assert sorted((v.name, sorted(v.quotes)) for v in table) == [
        ("Mark Elder", ["a4", "a5"]), ("Paul Verhoeven", ["a1", "a2", "a3"])]


def test_sir_and_a_given_name_is_the_knight_of_that_name():
    a = text_article("Labour leader Tom Harwick spoke at dawn. “Change begins now,” Harwick said.", "a1")
    b = text_article("Sir Tom said the country was “ready for change.” Sir Tom thanked his staff.", "a2")
    c = text_article("Sir Alan Bly said “the result is clear.”", "a3")
    table = voices([a, b, c], all_quotes([a, b, c]))
    assert sorted((v.name, sorted(v.quotes)) for v in table) == [
        ("Alan Bly", ["a3"]), ("Tom Harwick", ["a1", "a2"])]


def test_a_bodys_administration_and_its_building_are_the_body():
    a = text_article("The Vellum said in a statement that the gallery “will stay closed on Monday.”", "a1")
    b = text_article("The Vellum administration said the gallery would stay closed on Monday.", "a2")
    c = text_article("The gallery will stay closed, the Vellum Museum said on Monday.", "a3")
    # a person's administration is not the person speaking
    d = text_article("President Ann Tolley said “we won.” The Tolley administration said it would appeal.", "a4")
    arts = [a, b, c, d]
    table = voices(arts, all_quotes(arts))
    assert sorted((v.name, sorted(v.quotes)) for v in table) == [
        ("Ann Tolley", ["a4"]), ("Tolley administration", ["a4"]), ("Vellum", ["a1", "a2", "a3"])]


def test_a_surname_with_an_apostrophe_joins_the_full_name_across_outlets():
    a = text_article("“There is a task ahead of you,” U.S. District Judge Peter O'Hara told the jury.", "a1")
    b = text_article("The jury left. O'Hara said the next phase could begin “early next week.”", "a2")
    c = text_article("O’Hara said the jurors were “still a jury.”", "a3")
    table = voices([a, b, c], all_quotes([a, b, c]))
    assert [(v.name, sorted(v.quotes)) for v in table] == [("Peter O'Hara", ["a1", "a2", "a3"])]


def test_a_junta_under_its_several_names_is_one_unnamed_row():
    a = text_article("The death toll rose to 90, according to the country’s military junta.", "a1")
    b = text_article("The junta said that 40 people were still missing in the north.", "a2")
    c = text_article("The military government said that roads to the north were closed. The military also "
                     "reported that 12 bridges fell.", "a3")
    table = voices([a, b, c], all_quotes([a, b, c]))
    assert [(v.unnamed, sorted(v.quotes)) for v in table] == [(True, ["a1", "a2", "a3"])]
    assert table[0].quotes["a3"] == 2 and table[0].name == "military junta"
    # without a junta, "the military" and "the government" stay two sources
    d = text_article("The military said that 12 bridges fell. The government said that schools were shut.", "a4")
    assert len(voices([d], all_quotes([d]))) == 2


# --- copies of one story ------------------------------------------------------------------------

_HALE = "Mayor Ruth Hale spoke on Monday.\n\n“The bridge will reopen in May,” Hale said."
_COPY = "Mayor Ruth Hale spoke on Monday.\n\n“The bridge will reopen in May,” Hale said. Traffic is slow."
_SILENT = "The bridge will reopen in May, the city said on Monday."


def test_a_copy_pair_is_one_source_of_a_voice():
    arts = [text_article(_HALE, "a1", "Alpha"), text_article(_COPY, "a2", "Beta"),
            text_article(_HALE.replace("Monday", "Tuesday"), "a3", "Gamma"), text_article(_SILENT, "a4", "Delta")]
    quotes = all_quotes(arts)
    found = voice_findings(arts, voices(arts, quotes), quotes, {"a1": "a1", "a2": "a1"})
    assert [f.evidence for f in found] == [
        "Ruth Hale (Mayor) is quoted by 2 of the other 2 outlets (Alpha (6 words) and its copy Beta; "
        "Gamma (6 words)) but not by Delta."]


def test_a_voice_only_a_story_and_its_copy_quote_is_no_omission():
    arts = [text_article(_HALE, "a1", "Alpha"), text_article(_COPY, "a2", "Beta"),
            text_article(_SILENT, "a3", "Gamma"), text_article(_SILENT.replace("city", "council"), "a4", "Delta")]
    quotes = all_quotes(arts)
    assert voice_findings(arts, voices(arts, quotes), quotes, {"a1": "a1", "a2": "a1"}) == []
    assert len(voice_findings(arts, voices(arts, quotes), quotes)) == 1      # without the copies known


def test_many_quoters_with_a_copy_name_as_many_outlets_as_any_evidence_and_count_the_rest():
    # seven quoters, one of them a copy: four outlets named (the copy beside its story), three counted
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta"]
    arts = [text_article(_COPY if i == 1 else _HALE.replace("Monday", day), f"a{i + 1}", name)
            for i, (name, day) in enumerate(zip(names, ["Monday", "Monday", "Tuesday", "Wednesday",
                                                        "Thursday", "Friday", "Saturday"]))]
    arts.append(text_article(_SILENT, "a8", "Theta"))
    quotes = all_quotes(arts)
    found = voice_findings(arts, voices(arts, quotes), quotes, {"a1": "a1", "a2": "a1"})
    assert [f.evidence for f in found] == [
        "Ruth Hale (Mayor) is quoted by 6 of the other 6 outlets (Alpha (6 words) and its copy Beta; "
        "Gamma (6 words); Delta (6 words); and 3 more) but not by Theta."]


def test_a_voices_role_is_the_one_most_quotes_give():
    a = text_article("Justice Paul Verhoeven wrote that “the court has no such power.” Verhoeven added "
                     "that “the matter is closed.”", "a1")
    b = text_article("Supreme Court nominee Paul Verhoeven arrives for a meeting in 2005.\n\n"
                     "“The ruling stands,” Verhoeven wrote.", "a2")
    table = voices([a, b], all_quotes([a, b]))
    assert [(v.name, v.role) for v in table] == [("Paul Verhoeven", "justice")]


def test_a_voices_role_counts_one_office_under_its_forms_and_shows_the_fullest():
    a = text_article("“Stay inside,” Gov. Ron Dale said. “The storm is here,” Dale said.", "a1")
    b = text_article("Coastal State Governor Ron Dale said “we are ready.”", "a2")
    c = text_article("Weather service director Ann Cole said “it is strong.”", "a3")
    table = voices([a, b, c], all_quotes([a, b, c]))
    assert [(v.name, v.role) for v in table if v.name == "Ron Dale"] == [("Ron Dale", "Coastal State Governor")]
