"""Who beat whom in a title or lede (analysis/events/results.py), and two matches of one side told
apart (the real case: a semi-final report grouped with the final's, sharing the team, its players and
coach, the tournament and the score 2-1).  Texts written for these tests."""
from __future__ import annotations

import pytest

from analysis import compare, load_article
from analysis.events.results import clash, results


@pytest.mark.parametrize("text, told", [
    ("Corvala beat Dunmark 2-1 in the final", {("corvala", "dunmark")}),
    ("A late goal helped Corvala come from behind to beat Estrel 2-1 in Hollin", {("corvala", "estrel")}),
    ("Real Ostavia 3-1 Bayern Pell: a double from Vane", {("ostavia", "pell")}),
    ("Estrel 0-2 Corvala", {("corvala", "estrel")}),
    # the nearest name before a distant verb is no winner ("the World Cup … after beating France")
    ("Corvala has lifted the Marlow Cup for the first time in 36 years after beating Dunmark", set()),
    ("Corvala are champions of Europe after keeping it till late to beat Dunmark", set()),
    ("The two sides drew 1-1 in Hollin", set()),
])
def test_a_title_or_lede_tells_who_beat_whom(text, told):
    assert results([text]) == frozenset(told)


def test_one_side_against_two_opponents_is_a_clash_unless_a_result_is_shared():
    final, semi = frozenset({("corvala", "dunmark")}), frozenset({("corvala", "estrel")})
    assert clash(final, semi)
    assert not clash(final, final)
    assert not clash(final | semi, final)       # a lede recalling the semi-final beside the final
    assert not clash(final, frozenset({("hollin", "pera")}))


MATCH = """{title}

Source: {outlet}

Corvala beat {opponent} 2-1 in {city} on Sunday, with a curling shot from 17-year-old winger Tomas \
Ebrel deciding the match for coach Luis Marrot's side.

Marrot said his players had "never stopped believing". Ebrel, who also scored in the group stage, \
was named player of the match by the Marlow Championship's organisers.
"""


def test_two_matches_of_one_team_are_two_events():
    final = [MATCH.format(title="Corvala beat Dunmark to win the Marlow Championship", outlet=o,
                          opponent="Dunmark", city="Hollin") for o in ("Sports Desk", "The Ledger")]
    semi = """Corvala beat Estrel to reach the Marlow Championship final

Source: Goal Line

Corvala beat Estrel 2-1 in Pera, where winger Tomas Ebrel levelled with a shot from 25 yards before \
a header settled the semi-final for Luis Marrot's team.

Estrel had led through an early penalty. Ebrel, 17, is the youngest player to score at the Marlow \
Championship.
"""
    articles = [load_article(t, kind="paste", article_id=f"a{i + 1}") for i, t in enumerate([*final, semi])]
    c = compare(articles)
    assert sorted(g.articles for g in c.groups) == [("a1", "a2"), ("a3",)]
    other = next(e for e in c.event if e.article == "a3")
    assert other.evidence.startswith("another event: it tells of Corvala beating Estrel where Sports Desk (a1) "
                                     "tells of Corvala beating Dunmark")
