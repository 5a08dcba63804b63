"""Speech the outlet reports in its own sentence without quotation marks: the speaker's words.

``find_quotes`` reads reported speech after a verb of saying ("X said the plan was reckless"); two
more forms are common in news copy and tell a source's words just as well:

* **a participle of speech** after a comma: "denounced the ruling, saying he was the victim of a
  scandalous injustice", "rejected the claims, calling them a witch hunt": the clause after "saying"
  is what the speaker said, up to the end of its sentence (or a semicolon);
* **a verb of saying or claiming with "to be" / "to have"**: "claimed to be the victim of a smear
  campaign", "is said to have been furious": the complement is the subject's claim or others' report;
* **a holding or a finding** with "that": "the court held that Roe was wrongly decided", "the inquiry
  found that the checks were lax": the clause is the court's or the body's words.

Verbs of saying are those of the ``attribution_verbs`` and ``speech_verbs`` lexicons (any grade).
``speech_ranges`` gives these clauses as (start, end) text offsets; a word-choice word or a passive
inside one is the speaker's wording, not the outlet's choice.  The verb itself stays the outlet's
("slamming the ruling as ..." still chooses "slamming").
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicons import load_lexicon

# ", saying ...", ", adding ...": a comma, then an -ing form (checked against the lexicons)
_PARTICIPLE = re.compile(r",\s+([A-Za-z]+ing)\b")
# "claimed to be", "said to have": a word, then "to be" / "to have" (the word checked against the lexicons)
_TO_BE = re.compile(r"\b([A-Za-z]+)\s+to\s+(?:be|have)\b", re.IGNORECASE)
# "held that ...", "ruled that ...", "found that ...": a court's holding or a body's finding, told in
# its words (the clause after "that" up to the end of the sentence)
_HOLDING = re.compile(r"\b(?:hold|holds|held|holding|rule|rules|ruled|find|finds|found|conclude|concludes|"
                      r"concluded|determine|determines|determined)\s+that\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?\n]")
# Words after a participle that make it no verb of speech: "adding to the pressure", "calling for
# calm" is a demand still told in the speaker's words, so only "to" ends it.
_NOT_SPEECH_AFTER = frozenset({"to"})


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Every inflected form of a verb of saying in the two lexicons (one-word entries)."""
    forms: set[str] = set()
    for name in ("attribution_verbs", "speech_verbs"):
        forms.update(t for t in load_lexicon(name).entries if " " not in t)
    return frozenset(forms)


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


@lru_cache(maxsize=8192)
def speech_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every clause of speech reported by a participle or by "to be" after a verb
    of saying (module docstring), in text order."""
    forms = _speech_forms()
    out = []
    for m in _PARTICIPLE.finditer(text):
        if m.group(1).lower() not in forms:
            continue
        nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():m.end() + 20])
        if nxt and nxt.group(1).lower() in _NOT_SPEECH_AFTER:
            continue
        out.append((m.end(), _clause_end(text, m.end())))
    for m in _TO_BE.finditer(text):
        if m.group(1).lower() in forms:
            out.append((m.end(1), _clause_end(text, m.end())))
    out += [(m.end(), _clause_end(text, m.end())) for m in _HOLDING.finditer(text)]
    return tuple(sorted(r for r in out if r[0] < r[1]))


def holding(text: str) -> bool:
    """Whether the text tells a court's holding or a body's finding ("held that", "ruled that")."""
    return _HOLDING.search(text) is not None


def in_speech(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a clause of ``speech_ranges``."""
    return any(s <= start and end <= e for s, e in speech_ranges(text))
