"""Same-event evidence (analysis/events/profile.py, evidence.py) on the cases real coverage broke:
a short wire flash split from the longer accounts of its event, one place named with and without its
kind, two happenings years apart in one place merged, agencies cited by articles on any event counted
as shared names, numbers worded differently.  Texts: event_texts.py (written for these tests)."""
from __future__ import annotations

import pytest
from event_texts import (
    AGENCY_CITED,
    CONCESSIONS,
    MUSEUM_FOLLOW_UP,
    MUSEUM_THEFT,
    PM_MEETING,
    QUAKE_2011_MORE,
    QUAKES,
    SUMMITS,
)

from analysis import compare, load_article
from analysis.align.features import featurize
from analysis.events.evidence import pair_evidence
from analysis.events.moment import FRESH, RETROSPECTIVE, moment
from analysis.events.profile import lede_length, profile, specificity
from analysis.pipeline import group_events


def _load(texts):
    return [load_article(t, kind="paste", article_id=f"a{i + 1}") for i, t in enumerate(texts)]


def _evidence(texts):
    articles = _load(texts)
    features = featurize(articles)
    return pair_evidence([profile(a, features[a.id]) for a in articles])


@pytest.fixture(scope="module")
def theft():
    return _evidence(MUSEUM_THEFT)


def test_a_short_wire_flash_joins_the_longer_accounts_of_its_event():
    # The flash says "a robbery at the Castellane Museum", the others "the Castellane heist": few
    # words in common, but the names it gives are nearly all theirs.
    assert [g.articles for g in group_events(_load(MUSEUM_THEFT))] == [("a1", "a2", "a3")]


def test_a_place_is_one_name_with_or_without_its_kind(theft):
    keys = [set(p.entities) for p in theft.profiles]
    assert all("castellane" in k for k in keys)
    assert not any("museum" in k for k in keys)
    assert theft.shared_entities(0, 2) == ["Castellane Museum", "Orville"]
    # Who is named is the entities' evidence, not the wording's: no name word in the word bags.
    assert not any("castellan" in p.words or "orvill" in p.words for p in theft.profiles)


def test_two_happenings_years_apart_in_one_place_are_two_events():
    # One town, one kind of event, one mayor, told alike: the ledes date them 2011 and 2019.
    c = compare(_load(QUAKES))
    assert sorted(g.articles for g in c.groups) == [("a1",), ("a2",)]
    first = next(e for e in c.event if e.article == "a1")
    assert first.evidence.startswith("another event: it tells of 2011 where Hill Country Times (a2) "
                                     "tells of 2019; closest is Hill Country Times (a2): both name "
                                     "Belmonte and Teodor Vasquez")
    evidence = _evidence(QUAKES)
    assert [sorted(p.years) for p in evidence.profiles] == [[2011], [2019]]
    assert evidence.components["apart"][0, 1] == 1.0


def test_agencies_outlets_and_platforms_cited_are_not_shared_names():
    evidence = _evidence(AGENCY_CITED)
    assert evidence.shared_entities(0, 1) == []
    assert not any(k in p.entities for p in evidence.profiles for k in ("reuters", "xinhua", "x"))
    assert evidence.components["unnamed"][0, 1] == 1.0
    assert evidence.probability[0, 1] < 0.01


def test_a_word_capitalised_only_at_a_sentence_start_is_not_a_name():
    evidence = _evidence(QUAKES)
    assert set(evidence.profiles[0].entities) == {"belmonte", "vasquez"}      # not "rescuers"
    assert set(evidence.profiles[1].entities) == {"belmonte", "vasquez"}


def test_numbers_are_shared_by_value_and_weighed_by_how_specific_they_are():
    assert [specificity(v) for v in (10, 300, 2e6, 21, 7.7, 230, 1354, 88e6)] == [0, 0, 0, 1, 1, 1, 3, 1]
    texts = ["Quake hits Sarno\n\nA magnitude 6.3 quake hit Sarno, killing 230 people; 300 homes and "
             "two bridges fell.\n",
             "Sarno earthquake\n\nThe 6.3-magnitude earthquake in Sarno killed 230 residents and "
             "destroyed 300 houses and two schools.\n"]
    evidence = _evidence(texts)
    a, b = evidence.profiles
    assert set(a.numbers) == set(b.numbers) == {6.3, 230.0}       # round 300 and "two": any event
    assert evidence.components["numbers"][0, 1] == pytest.approx(1.0986, abs=1e-4)   # log(1 + 1 + 1)


def test_a_feature_with_an_anecdotal_opening_joins_the_news_of_its_event():
    # Its first sentences are four to six words each: the lede runs on to the one with the news.
    articles = _load([QUAKES[0], *QUAKE_2011_MORE])
    assert [g.articles for g in group_events(articles)] == [("a1", "a2", "a3")]
    assert lede_length(articles[2]) == 5 and lede_length(articles[0]) == 3


def test_two_holders_of_one_office_date_two_moments_of_one_topic():
    # Told alike, but one names Scholz as German chancellor and the other Merz: two moments.
    c = compare(_load(SUMMITS))
    assert sorted(g.articles for g in c.groups) == [("a1",), ("a2",)]
    first = next(e for e in c.event if e.article == "a1")
    assert first.evidence.startswith("another event: it names Olaf Scholz as Germany’s Chancellor where "
                                     "the others name Friedrich Merz; closest is Capital Ledger (a2)")


def test_two_holders_of_a_bare_title_date_two_elections_of_one_leader():
    # The same leader concedes twice, to "Prime Minister Colin Hart" and years later to "Prime
    # Minister Ivo Marsh": told alike, the later concession had scored 0.99 with the earlier ones.
    assert sorted(g.articles for g in group_events(_load(CONCESSIONS))) == [("a1", "a2"), ("a3",)]
    later = next(e for e in compare(_load(CONCESSIONS)).event if e.article == "a3")
    assert later.evidence.startswith("another event: it names Ivo Marsh as Prime Minister where the "
                                     "others name Colin Hart")


def test_two_prime_ministers_who_meet_are_no_conflict():
    # Each account names both holders of the bare title, so neither names a holder the other lacks.
    evidence = _evidence(PM_MEETING)
    assert [dict(p.bare_offices) for p in evidence.profiles] == [
        {"prime minister": "colin hart"}, {"prime minister": "ivo marsh"}]
    assert evidence.components["offices"][0, 1] == 0.0
    assert [g.articles for g in group_events(_load(PM_MEETING))] == [("a1", "a2")]


def test_a_former_holder_named_in_passing_is_no_conflict():
    # Named first, the former chancellor was the office's holder for this article before.
    later = SUMMITS[1].replace("European leaders gathered in Brussels", "European leaders, who had met "
                               "former German Chancellor Olaf Scholz there a year ago, gathered in Brussels")
    evidence = _evidence([SUMMITS[1], later])
    assert [dict(p.offices) for p in evidence.profiles] == [
        {"germany chancellor": "friedrich merz", "nato secretary general": "mark rutte"}] * 2
    assert evidence.components["offices"][0, 1] == 0.0


def test_a_follow_up_months_later_is_another_story_of_the_same_happening():
    # It names the museum, the empress, the gallery and the 1,354 diamonds, as the accounts of the
    # raid do, but looks back to it ("last March") where they tell it as news ("on Sunday").
    c = compare(_load([*MUSEUM_THEFT, MUSEUM_FOLLOW_UP]))
    assert [g.articles for g in c.groups] == [("a1", "a2", "a3"), ("a4",)]
    later = next(e for e in c.event if e.article == "a4")
    assert later.evidence.startswith("another event: it looks back to the happening (‘last March’) where "
                                     "Wire Desk (a1) tells it as news of the day (‘Sunday’) and Evening "
                                     "Courier (a3) tells it as news of the day (‘Sunday’)")


@pytest.mark.parametrize("lede, expected", [
    ("Thieves robbed the museum on Sunday morning.", (FRESH, "Sunday")),
    ("The museum was robbed on the morning of October 19.", (FRESH, "October 19")),
    ("Four thieves made off with the jewels over a week ago.", (FRESH, "a week ago")),
    ("During a daring theft last October, thieves dropped the crown.", (RETROSPECTIVE, "last October")),
    ("Three months ago, a fire gutted the library.", (RETROSPECTIVE, "Three months ago")),
    # a weekday told through another day is the narrator looking back
    ("When the board fired its chief on the Friday before Easter, it said little.",
     (RETROSPECTIVE, "the Friday before")),
    ("That Friday, the board met without her.", (RETROSPECTIVE, "That Friday")),
    ("The board fired its chief on Friday after a review.", (FRESH, "Friday")),
    ("Talks resume ahead of the Friday deadline.", (FRESH, "Friday")),
    # a day of its own and an older happening: news of the day about it
    ("E-mails released on Wednesday show the dispute over last September's attack.", ("", "")),
    # the past by years is history, not the happening
    ("The court overturned a ruling it made 50 years ago.", ("", "")),
    ("A crisp October morning in the capital.", ("", "")),
])
def test_a_lede_places_the_happening_by_its_own_words(lede, expected):
    assert moment(lede) == expected


def test_the_cached_list_of_reporters_follows_the_platforms_it_holds(tmp_path, monkeypatch):
    # The cache key left the platforms out: a list cached before "twitter" was a platform was read
    # back after, and "Twitter" counted as a name two articles share.
    from analysis.events import profile as profile_module
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(profile_module, "_PLATFORMS", frozenset({"facebook"}))
    profile_module._not_evidence.cache_clear()
    assert "twitter" not in profile_module._not_evidence()
    monkeypatch.setattr(profile_module, "_PLATFORMS", frozenset({"facebook", "twitter"}))
    profile_module._not_evidence.cache_clear()
    assert "twitter" in profile_module._not_evidence()
    profile_module._not_evidence.cache_clear()


def _dated(text: str, day: str) -> str:
    """``text`` with a date label under its title, as a saved page gives it."""
    title, rest = text.split("\n\n", 1)
    return f"{title}\n\nDate: {day}\n\n{rest}"


def test_accounts_dated_more_than_four_days_apart_are_two_events():
    # Told alike, but one is dated six days after the others: a later story (the BASIL dev
    # triplets are all dated within three days; the gap allowed was a month).
    texts = [_dated(MUSEUM_THEFT[0], "2025-10-19"), _dated(MUSEUM_THEFT[1], "2025-10-20"),
             _dated(MUSEUM_THEFT[2], "2025-10-26")]
    c = compare(_load(texts))
    assert [a.date for a in c.articles] == ["2025-10-19", "2025-10-20", "2025-10-26"]
    assert [g.articles for g in c.groups] == [("a1", "a2"), ("a3",)]
    later = next(e for e in c.event if e.article == "a3")
    assert "is dated 2025-10-26, more than 4 days from" in later.evidence
    close = [_dated(MUSEUM_THEFT[0], "2025-10-19"), _dated(MUSEUM_THEFT[1], "2025-10-20"),
             _dated(MUSEUM_THEFT[2], "2025-10-22")]
    assert [g.articles for g in compare(_load(close)).groups] == [("a1", "a2", "a3")]


def test_a_groups_reason_names_a_name_as_most_of_its_pages_give_it():
    # "all 6 name CBS News Baltimore": the fullest form one page gave of the city's key.
    from types import SimpleNamespace

    from analysis.events.explain import group_evidence
    forms = ["Baltimore", "Baltimore", "CBS News Baltimore", "Baltimore"]
    profiles = [SimpleNamespace(entities={"baltimore": 4.0}, names={"baltimore": f}) for f in forms]
    assert group_evidence(SimpleNamespace(profiles=profiles), [0, 1, 2, 3]) == "all 4 name Baltimore"


@pytest.mark.parametrize("title, years", [
    ("Quake death toll crosses 2000, situation is dire", set()),
    ("Death toll rises to 2028 as rescuers dig", set()),
    ("2000 people flee the floods", set()),
    ("Federal election 2025: the leader concedes", {2025}),
    ("Games postponed to 2021", {2021}),
])
def test_a_count_in_a_title_is_not_the_year_it_happened(title, years):
    # "death toll crosses 2000" was read as the year 2000, and the toll update was "another event:
    # it tells of 2000 where the others tell of 2025".
    a = _load([f"{title}\n\nRescuers searched the town of Orville on Sunday. The mayor said more help was coming."])[0]
    assert profile(a, featurize([a])[a.id]).years == frozenset(years)


STORM_TEXT = """Hurricane {name} batters the coast of Marlow County

Hurricane {name} made landfall near Port Avery on Wednesday night with winds of 120 mph, Governor \
Ruth Calder said, leaving more than two million homes without power across Marlow County.

Calder said crews from the Marlow County Fire Service rescued dozens of people from flooded homes in \
Port Avery and Kessling. "This was a very dangerous storm," Calder said.

The storm weakened as it moved inland toward Dunmore, where shelters stayed open overnight.
"""


def test_two_named_storms_are_two_events_however_alike_they_read():
    # A hurricane season's second landfall in one state: the same places, governor and wording,
    # but "Hurricane Helene" and "Hurricane Milton" are two happenings.
    texts = [STORM_TEXT.format(name="Ada"), STORM_TEXT.format(name="Ada").replace("dozens", "scores"),
             STORM_TEXT.format(name="Ada").replace("120", "125"), STORM_TEXT.format(name="Bram")]
    c = compare(_load(texts))
    assert not any({"a1", "a4"} <= set(g.articles) for g in c.groups)
    assert len(c.groups) == 2
    other = next(e for e in c.event if e.article == "a4")
    assert "it tells of Hurricane Bram where" in other.evidence
    assert profile_storms("Storm Warning issued as Hurricane Season peaks") == ()
    assert profile_storms("Tropical Storm Ada strengthens into Hurricane Ada") == (
        "Tropical Storm Ada", "Hurricane Ada")


def profile_storms(title):
    from analysis.events.profile import storms
    return storms(title)


def test_one_dated_pair_is_not_outvoted_by_the_undated_accounts():
    # Of a mostly undated set, a preview dated four months before the one dated account was
    # grouped in: its veto with that account was one pair of three, outvoted inside average
    # linkage.  Pairs dated too far apart never share a group.
    preview = """The Castellane shows Empress Adelaide's jewels in the Marbois gallery

Source: City Guide

The Castellane in Orville opens its Marbois gallery to visitors, who can see eight pieces of imperial
jewellery that once belonged to Empress Adelaide, curators said.

Among them are a sapphire tiara, an emerald necklace and a brooch set with 1,354 diamonds, displayed
in two cases under the gallery's windows.
"""
    texts = [_dated(MUSEUM_THEFT[0], "2025-10-19"), MUSEUM_THEFT[1], MUSEUM_THEFT[2],
             _dated(preview, "2025-06-18")]
    c = compare(_load(texts))
    assert not any({"a1", "a4"} <= set(g.articles) for g in c.groups)
    assert len(c.groups) == 2


REOPENING = """Orville museum reopens

Source: Gallery News

The Castellane in Orville reopened to visitors on {day}, with one wing still closed while police \
work there, the museum said.

Staff handed out leaflets at the door.
"""


def test_a_story_whose_news_is_days_after_the_others_is_another_event():
    # Undated, a story told on a Wednesday about a museum robbed on Sunday ("the junta said on
    # Monday" of a quake on Friday) shares the museum and its town with the accounts of the raid;
    # only its weekday tells it apart.  Told the next day, it joins them: it is evidence, not a veto,
    # since a story cycle runs over days (an update that retells the raid's specifics stays in).
    told = [MUSEUM_THEFT[0], MUSEUM_THEFT[1].replace("Four masked men", "On Sunday four masked men"),
            MUSEUM_THEFT[2]]
    c = compare(_load([*told, REOPENING.format(day="Wednesday")]))
    assert [g.articles for g in c.groups] == [("a1", "a2", "a3"), ("a4",)]
    later = next(e for e in c.event if e.article == "a4")
    assert later.evidence.startswith(
        "another event: it tells news of a Wednesday (‘in Orville reopened to visitors on Wednesday’) where Wire "
        "Desk (a1) tells of a Sunday (‘the Castellane Museum in Orville on Sunday’) and Arts Weekly (a2) tells of a "
        "Sunday (‘On Sunday’)")
    assert [g.articles for g in compare(_load([*told, REOPENING.format(day="Monday")])).groups] == \
        [("a1", "a2", "a3", "a4")]


def test_a_dated_page_whose_lede_names_no_day_tells_news_of_its_date():
    # Dated on a Wednesday, three days after the Sunday of the raid (within the four days of the
    # date rule), and naming no day: published on the day of its news or the day after.
    told = [MUSEUM_THEFT[0], MUSEUM_THEFT[1].replace("Four masked men", "On Sunday four masked men"),
            MUSEUM_THEFT[2]]
    undated_day = REOPENING.format(day="Monday").replace(" on Monday", "")
    c = compare(_load([*told, _dated(undated_day, "2025-10-22")]))
    assert [g.articles for g in c.groups] == [("a1", "a2", "a3"), ("a4",)]
    later = next(e for e in c.event if e.article == "a4")
    assert later.evidence.startswith("another event: it tells news of a Wednesday (it is dated 2025-10-22) where")


@pytest.mark.parametrize("lede, day", [
    ("The toll rose to 2,056, the junta said on Monday.", (0, "the junta said on Monday")),
    ("Leaders will meet on Friday. The talks began on Tuesday.", (1, "The talks began on Tuesday")),
    ("The vote, expected by Thursday, follows a debate on Sunday.", (6, "follows a debate on Sunday")),
    ("Since Friday the town has been without power.", (None, "")),
    ("The board fired him on the Friday before Easter.", (None, "")),
    ("Officials spoke of the crisis.", (None, "")),
])
def test_a_lede_gives_its_news_a_weekday(lede, day):
    from analysis.events.moment import news_weekday
    assert news_weekday(lede) == day


def test_a_brief_in_capitals_names_nothing_and_company_forms_are_one_name():
    # A wire brief's bullets in capitals ("* ACME TO ACQUIRE BORLAND") gave every word as a name
    # shared with no one; "Acme Holdings Corp" and "Acme" were two names.
    brief = _load(["Acme to buy Borland\n\nAcme Holdings Corp said on Monday it would buy Borland Inc.\n\n"
                   "* ACME TO ACQUIRE BORLAND IN AN ALL-STOCK TRANSACTION\n\n* SHAREHOLDERS WILL OWN ABOUT 60%"])[0]
    p = profile(brief, featurize([brief])[brief.id])
    assert set(p.entities) == {"acme", "borland"}


def test_a_member_telling_a_later_day_gets_no_alarm_in_its_reason():
    # A toll update two days on that retells the raid's specifics stays in the group; its reason
    # says why it is in, without "but it tells news of a Tuesday" (weak evidence, outweighed).
    told = [MUSEUM_THEFT[0], MUSEUM_THEFT[1].replace("Four masked men", "On Sunday four masked men"),
            MUSEUM_THEFT[2]]
    update = MUSEUM_THEFT[2].replace("Thieves stole eight pieces", "Prosecutors said on Tuesday that thieves stole "
                                     "eight pieces").replace("Source: Evening Courier", "Source: Gallery News")
    c = compare(_load([*told[1:], update]))
    assert [g.articles for g in c.groups] == [("a1", "a2", "a3")]
    assert not any("tells news of" in e.evidence for e in c.event)
