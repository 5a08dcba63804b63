"""How the engine words things for editors: lists of names ("CNN", "CNN and AP", "CNN, AP, BBC and 12
more") and its own text with outlet names instead of article ids (``in_words``).

One rule for the evidence of findings and for the report, so that a finding about 400 outlets reads
as one line and stays small in the JSON (the full list is in the finding's articles).
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence


def join_names(names: Sequence[str], limit: int) -> str:
    """``names`` joined with commas and "and"; past ``limit`` names, the last ones are counted."""
    names = list(names)
    if len(names) > limit:
        rest = len(names) - (limit - 1)
        names = names[:limit - 1] + [f"{rest} more"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_ID_AFTER_NAME = re.compile(r" \((a\d+)\)")
_SENTENCE_ID = re.compile(r"\b(a\d+)\.s(\d+)\b")
_ARTICLE_ID = re.compile(r"(?<![\w.])(a\d+)(?![\w.])")


def in_words(text: str, names: Mapping[str, str]) -> str:
    """Engine text with article ids in editors' words: "CNN (a4)" -> "CNN", "a2.s3" -> "Reuters,
    sentence 3", a lone "a2" -> "Reuters".  Only ids in ``names`` (article id -> outlet name) are
    touched, so "A4 paper" or "a 4" stay as they are."""
    text = _ID_AFTER_NAME.sub(lambda m: "" if m.group(1) in names else m.group(0), text)
    text = _SENTENCE_ID.sub(lambda m: f"{names[m.group(1)]}, sentence {m.group(2)}"
                            if m.group(1) in names else m.group(0), text)
    return _ARTICLE_ID.sub(lambda m: names.get(m.group(1), m.group(1)), text)


def other_event_reason(text: str, closest: bool = False) -> str:
    """Why the same-event check put an article apart, from its reason already ``in_words``
    ("another event: it names … ; closest is CNN: both name …"), as words that follow "seems to
    be about a different event: ": the clash it found, or else what the article lacks ("" when the
    reason gives neither).  With ``closest``, the closest article follows a clash as well."""
    why, _, near = text.partition("; closest is ")
    why = why.removeprefix("another event").removeprefix(": ")
    if not why:
        # No clash of names, offices or dates: it was put apart for what it does not share (the
        # brief said "…a different event: another event.").
        return f"it shares too little with the others (the closest is {near})" if near else ""
    return f"{why}; the closest is {near}" if closest and near else why
