"""Kinds of action a text reports, read through the ``event_concepts`` lexicon.

"Akin refused to step down" and "Akin vowed to stay in the race" share no content word, and static
word vectors do not tell "resign" from "refuse"; the lexicon groups the common event verbs and their
nouns by kind (quit, refuse, criticize, urge, ...), so two claims that report one kind of action in
other words share a group.  Words are read as their lemmas (lemminflect: "stepped" -> "step",
"resignations" -> "resignation"); a phrasal entry ("step down", "call on") matches a verb followed by
its particle.  The ``predicate_classes`` lexicon (the omission check's synonym sets: "killed" =
"fatalities" = "dead") adds the words it lacks.  Capitalised words are names or sentence openers of
a headline, never actions here.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from analysis.align.features.words import scan
from analysis.lexicons import load_lexicon


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    """Word -> group: the ``event_concepts`` lexicon, and the words of the ``predicate_classes``
    lexicon that it lacks ("fatalities", "perished": one happening said in other words).  A class
    joins the group that most of its words already have there, else stands as a group of its own."""
    groups = dict(load_lexicon("event_concepts").entries)
    classes: dict[str, list[str]] = {}
    for word, label in load_lexicon("predicate_classes").entries.items():
        classes.setdefault(label, []).append(word)
    for label, words in sorted(classes.items()):
        known = Counter(groups[w] for w in words if w in groups)
        group = known.most_common(1)[0][0] if known else "=" + label
        for w in words:
            groups.setdefault(w, group)
    return groups


@lru_cache(maxsize=50_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The word itself (lower-cased) and its verb, noun and adjective lemmas."""
    from lemminflect import getAllLemmas  # lazy: its tables load on first use
    low = word.lower().replace("’", "'")
    found = getAllLemmas(low)
    out = [low]
    for pos in ("VERB", "NOUN", "ADJ"):
        out.extend(x for x in found.get(pos, ()) if x not in out)
    return tuple(out)


@lru_cache(maxsize=50_000)
def concepts(text: str) -> frozenset[str]:
    """The action groups ``text`` reports ("He resigned on Monday" -> {"quit"})."""
    groups = _groups()
    words = [w for w, _, _ in scan(text)]
    out: set[str] = set()
    for i, word in enumerate(words):
        if not word[:1].islower():
            continue
        particle = words[i + 1].lower() if i + 1 < len(words) else None
        forms = lemmas(word)
        phrase = next((groups[f"{f} {particle}"] for f in forms if particle and f"{f} {particle}" in groups), None)
        group = phrase or next((groups[f] for f in forms if f in groups), None)
        if group:
            out.add(group)                  # "step down" is "quit", not "step"
    return frozenset(out)
