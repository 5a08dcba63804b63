"""Speech cues: the verbs of speaking (``analysis.lexicons.speech_verbs``), "according to" and
"as X put it", and the verb classes the speaker and clause rules need."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicons import speech_verbs, whole_words_pattern

# Lexicon entries that are not verbs of speaking, or are handled apart.
_NOT_CUES = frozenset({"according to", "in a statement", "so-called", "dubbed", "purportedly"})
# Verbs whose speaker may follow them: “...,” said Peskov.  ("told" never: its object is the hearer.)
INVERTIBLE = frozenset("said says added asked wrote writes continued explained noted replied tweeted "
                       "insisted recalled shouted yelled screamed exclaimed cried remarked commented observed "
                       "declared announced stated responded answered concluded".split())
# Verbs that take a reported clause without "that": Trump said the meeting could lead to a summit.
# ("added" not: "Di Maria added Argentina's second" adds a thing; it reports speech only with a quote,
# a that-clause or as ", he added.")
SAY_CLASS = frozenset("say says said saying warns warned insists insisted claims claimed "
                      "argues argued stresses stressed".split())
# Verbs of thinking: “Why us?” she wondered is her words, but "he wondered how to tell her" reports a
# thought, not speech, so they give no reported clause (believes, thinks, fears likewise if listed).
THOUGHT_VERBS = frozenset("wonder wonders wondered wondering muse muses mused musing believe believes "
                          "believed think thinks thought fear fears feared hope hopes hoped feel feels felt "
                          "doubt doubts doubted suspect suspects suspected worry worries worried".split())
AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<who>[^;“”\"]{2,120}?)\s+(?P<verb>put|puts)\s+it\b")


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    terms = [t for t in speech_verbs() if t not in _NOT_CUES]
    # shaped as a trie: the same matches as the alternation of the terms longest first, about ten
    # times faster, since the engine no longer tries each of some 500 terms at every position
    return whole_words_pattern(set(terms) | {"according to"})


@lru_cache(maxsize=1)
def base_forms() -> frozenset[str]:
    """Speech verbs in their base form ("say", "write"): the ones a "went on to" chain leads to."""
    return frozenset(v for v in speech_verbs() if " " not in v and not re.search(r"(?:s|ed|ing)\Z", v)
                     or v in ("stress", "address", "express", "discuss"))
