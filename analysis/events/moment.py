"""When an article's lede places what it tells: news of the day, or a happening months back.

A follow-up story names the happening it goes back to by a month-scale past ("during a raid last
October", "Last year, a brazen burglary at the Louvre", "three months ago") and gives no day of
its own; a story of the day gives a day ("Sunday", "this morning", "October 19", "a week ago",
"last night") and no such past.  The two
share every name and most of the wording of the happening, yet they are two stories: "the Louvre
releases photos of the damaged crown" is not "thieves rob the Louvre".  ``moment`` reads the title
and lede of one article (never the others), so a pair's verdict still depends on the pair alone.

Background in the past by years ("Roe v. Wade, decided 50 years ago") is history, not the
happening, and does not count; a lede that gives both a day and a month-scale past ("e-mails
released on Wednesday … last September's attack") is news of the day about an older happening.

A weekday told through another day ("on the Friday before Thanksgiving", "that Friday") is the
narrator placing a happening already past: news of the day says "on Friday".  Such a day counts
as the looking back, not as a day of the story's own.
"""
from __future__ import annotations

import re

FRESH = "fresh"                 # a day-scale anchor and no month-scale past
RETROSPECTIVE = "retrospective"  # a month-scale past and no day of its own

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_PAST = re.compile(
    r"\b(?:last\s+(?:" + _MONTHS + r"|year|month|spring|summer|autumn|fall|winter)\b"
    r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months?\s+ago\b"
    r"|(?:a|one)\s+year\s+ago\b|earlier\s+this\s+year\b"
    r"|\bthat\s+(?:" + _WEEKDAYS + r")\b|\bthe\s+(?:" + _WEEKDAYS + r")\s+(?:before|after|of)\b)", re.I)
_DAY = re.compile(
    r"\b(?:" + _WEEKDAYS + r"|yesterday|today|tonight"
    r"|this\s+(?:morning|afternoon|evening)|overnight|last\s+(?:night|week)"
    r"|(?:a|one|two|three|four|five|six|\d)\s+(?:days?|weeks?)\s+ago"
    r"|(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTHS + r"))\b", re.I)


def _past_blanked(text: str) -> str:
    """``text`` with its looking-back phrases blanked out, offsets kept."""
    return _PAST.sub(lambda m: " " * len(m.group(0)), text)


def moment(lede: str) -> tuple[str, str]:
    """(``FRESH``, ``RETROSPECTIVE`` or "", the words that say so) for a title and lede."""
    past = _PAST.search(lede)
    # the day inside a looking-back phrase ("the Friday before …") is not a day of the story's own
    day = _DAY.search(_past_blanked(lede))
    if past and not day:
        return RETROSPECTIVE, past.group(0)
    if day and not past:
        return FRESH, day.group(0)
    return "", ""


# A weekday that is not the day of the story's own news: one to come ("by Friday", "next Monday",
# "will vote on Tuesday") or one already past that the lede places against another day ("since
# Friday", "last Monday").
_NOT_NEWS_DAY = re.compile(r"\b(?:next|last|since|until|till|by|before|after|through|coming|following|from|"
                           r"as\s+soon\s+as|will|would|shall|expected|scheduled|due|set\s+to|plans?\s+to)"
                           r"(?:\s+\w+){0,4}\s*$", re.I)
_WEEKDAY = re.compile(r"\b(" + _WEEKDAYS + r")(?:'s|’s)?\b", re.I)
WEEKDAYS = tuple(_WEEKDAYS.split("|"))
NEWS_DAY_CONTEXT_WORDS = 6      # words before the weekday quoted with it ("the junta said on Monday")


def news_weekday(lede: str) -> tuple[int | None, str]:
    """(weekday 0-6 from Monday, the words) of the first weekday a title and lede give for the news
    itself, or (None, ""): the day a story of the day is about.  Days inside a looking-back phrase
    ("the Friday before") and days to come ("by Friday") do not count."""
    text = _past_blanked(lede)
    for m in _WEEKDAY.finditer(text):
        clause = re.split(r"[.;:!?]", text[max(0, m.start() - 60):m.start()])[-1]
        if _NOT_NEWS_DAY.search(clause):
            continue
        words = re.split(r"[,—–]", clause)[-1].split()[-NEWS_DAY_CONTEXT_WORDS:] + [m.group(0)]
        return WEEKDAYS.index(m.group(1).lower()), " ".join(words)
    return None, ""


def apart(a: str, b: str) -> bool:
    """Whether two articles' moments make them two stories: one of the day, one looking back."""
    return {a, b} == {FRESH, RETROSPECTIVE}
