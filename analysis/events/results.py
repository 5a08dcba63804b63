"""Who beat whom, as a title or lede tells a contest's result ("Spain beat England 2-1", "Spain come
from behind to beat France", "Spain 2-1 France").

Two matches of one side read alike: the same team, players, coach and tournament, a score, often the
same score.  What tells them apart is the other side.  ``results`` reads the title and the lede's
first sentence of one article (never the others), so a pair's verdict depends on the pair alone;
``clash`` says whether two articles' results name one side against two different opponents, which
``evidence`` counts against the pair being one event.

A side is the name written next to the verb or the score, keyed by its last word in lower case
("Real Madrid" -> "madrid"), so "Spain" and "La Roja" are two names (nothing is lost: no clash is
read from names that cannot be compared).
"""
from __future__ import annotations

import re
from typing import Iterable

# Verbs of winning that take the loser as their object.
_WIN = (r"beat|beats|beating|defeat|defeats|defeated|defeating|edge|edges|edged|down|downs|downed|"
        r"thrash|thrashes|thrashed|overcome|overcomes|overcame|stun|stuns|stunned|rout|routs|routed|"
        r"crush|crushes|crushed|outclass|outclasses|outclassed|eliminate|eliminates|eliminated|"
        r"knock\s+out|knocks\s+out|knocked\s+out|see\s+off|sees\s+off|saw\s+off")
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|del|of|the|[A-Z][\w'’.-]*)){0,3}"
# "Spain beat England", "helped Spain come from behind to beat France": the loser right after the
# verb, the winner the last name before it in the clause.
_VERB_RESULT = re.compile(rf"\b(?:{_WIN})\s+(?P<loser>{_NAME})")
_SCORE_RESULT = re.compile(rf"(?P<a>{_NAME})\s+(?P<x>\d{{1,2}})\s*[-–]\s*(?P<y>\d{{1,2}})\s+(?P<b>{_NAME})")
BRIDGE_WORDS = 4        # lower-case words allowed between a side and its verb ("come from behind to")
_NOT_SIDES = frozenset("""the a an he she they it his her their its who which this that these those
there here i we you after before when while as but and or in on at for with from by to of
monday tuesday wednesday thursday friday saturday sunday""".split())


def _side(name: str) -> str | None:
    words = [w for w in re.split(r"\s+", name.strip(" .,'’")) if w]
    if not words or words[0].lower() in _NOT_SIDES:
        return None
    return words[-1].lower().strip("'’.").removesuffix("'s").removesuffix("’s") or None


def _winner_before(text: str, end: int) -> str | None:
    """The side right before the verb, across at most ``BRIDGE_WORDS`` lower-case words with no name
    or comma between ("Spain beat", "Spain come from behind to beat"); none when the verb is further
    from its subject ("Argentina has lifted the World Cup … after beating France" names the cup
    nearest), since a wrong winner would be a clash with every account of the match."""
    before = text[:end].rstrip()
    words = before.split()
    bridge = 0
    while words and words[-1].islower() and words[-1].isalpha() and bridge < BRIDGE_WORDS:
        words.pop()
        bridge += 1
    head = " ".join(words)
    if not head or head[-1] in ",;:—–":
        return None
    name = re.search(rf"(?:{_NAME})$", head)
    return _side(name.group(0)) if name else None


def results(texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """(winner, loser) pairs the texts tell (a title and a lede's first sentence)."""
    out: set[tuple[str, str]] = set()
    for text in texts:
        for m in _SCORE_RESULT.finditer(text):
            a, b = _side(m["a"]), _side(m["b"])
            if a and b and a != b and int(m["x"]) != int(m["y"]):
                out.add((a, b) if int(m["x"]) > int(m["y"]) else (b, a))
        for m in _VERB_RESULT.finditer(text):
            loser, winner = _side(m["loser"]), _winner_before(text, m.start())
            if loser and winner and loser != winner:
                out.add((winner, loser))
    return frozenset(out)


def clash(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    """Whether one side meets two different opponents in the two articles' results, and no result
    is told by both (a lede may recall the semi-final's opponent beside the final's)."""
    if a & b:
        return False
    for w1, l1 in a:
        for w2, l2 in b:
            sides1, sides2 = {w1, l1}, {w2, l2}
            if len(sides1 & sides2) == 1:
                return True
    return False
