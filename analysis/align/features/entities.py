"""Named entities by capitalisation, with variants folded to one canonical key.

No tagger works offline (NLTK's ``ne_chunk`` needs data), so entities are runs of capitalised words,
cleaned by rules and by evidence from the whole corpus:

1. A run is split at punctuation, at possessives ("Russia’s Foreign Minister" -> "Russia") and at
   titles ("U.S. Secretary of State Marco Rubio" -> "U.S.", "Marco Rubio"); titles are dropped.
   Name particles may sit inside a run ("Ursula von der Leyen", "Faisal bin Farhan al-Saud").
2. A capitalised word that opens a sentence or a quote is dropped when it is a common word: seen in
   lower case elsewhere in the corpus, a stopword, a known sentence opener, an -ing/-ly/-ed form, or a
   lower-case word of the embedding model's vocabulary — unless the corpus also shows it capitalised
   mid-sentence (a name such as "Trump").  In a Title Case headline every common word is dropped.
3. Country names, their acronyms and demonyms fold to one key (``ALIASES``): U.S./US/USA/United
   States/America/American -> "united states" (but "Center for American Progress" stays whole: a
   demonym folds only when it stands alone); U.K./UK/Britain/British -> "united kingdom"; Kyiv/Kiev
   -> "kyiv".  A country name at the head of a run is split off ("U.S. Middle East envoy").
   Moscow and the Kremlin stay two keys: the city and the presidency are related, not the same, and
   the event check should weigh them separately.
4. Spelling variants of transliterated names fold token by token: Zelenskyy/Zelenskiy -> zelensky,
   Sergei -> sergey, Yury/Yuriy -> yuri, Dmitriy/Dmitri -> dmitry, Alexei/Aleksei -> alexey,
   Andrii -> andriy; accents are stripped (Elysée -> elysee).
5. Across the corpus, a single word is resolved to the one multi-word name that ends with it
   ("Lavrov" -> "sergey lavrov", "the Journal" -> "wall street journal"), and names that share first
   and last word merge to the shortest ("Marco Antonio Rubio" -> "marco rubio").  Ambiguous words
   ("Palace" with two palaces) stay as they are.

The word lists are in ``names``, the keys and their resolution (steps 4 and 5) in ``entity_keys``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from analysis.align.features.entity_keys import normalise_key
from analysis.align.features.names import (
    ALIASES,
    CITIES,
    COUNTRY_NAMES,
    MONTHS,
    NAME_PREFIX_PARTICLES,
    NAME_SUFFIXES,
    NATIONAL_BODY_HEADS,
    ORGANISATION_HEADS,
    PARTICLES,
    SENTENCE_OPENERS,
    TITLE_MODIFIERS,
    TITLE_PHRASES,
    TITLES,
    WEEKDAYS,
)
from analysis.align.features.words import scan, stopwords, strip_possessive
from analysis.constants import ENTITY_CORPUS_MIN_SENTENCES

# Titles read only here, where a name is cut out of its run ("District Judge Robert Wilkins",
# "the Rev. Jesse Jackson", "House Speaker Nancy Pelosi"); other stages read ``TITLES`` alone.
_NAME_TITLES = TITLES | frozenset("judge justices rev reverend speaker whip counsel".split())
# A party named before a person ("Republican Mitt Romney", "Democrat Joe Manchin") says which side the
# person is on, as a title says the office: outlets that write "Mitt Romney" name the same man.
_PARTIES = frozenset("republican democrat democratic libertarian".split())
_NAME_TITLE_MODIFIERS = TITLE_MODIFIERS | _PARTIES | frozenset(
    "district circuit appeals majority minority associate".split())
# "Justice" is a title only before a person's name (a given name, or the two words that end the run:
# "Justice Clarence Thomas"); "Justice Department" is an organisation.  A party is one only before a
# given name ("Republican Party", "Democratic National Committee" are organisations).
_TITLE_BEFORE_GIVEN_NAME = frozenset({"justice"}) | _PARTIES
_SHORT_MONTHS = frozenset("jan".split())     # short forms that are also given names
_OPENING_MARKS = frozenset("“\"‘'(:—–-[|•…")
_GAP_OK = re.compile(r"[ \t]*$")           # only spaces may sit between two words of one name
_INITIAL_GAP = re.compile(r"\.[ \t]+$")     # the period of a middle initial ("John G. Roberts")


@dataclass
class CorpusVocabulary:
    """What the whole corpus says about word forms; decides if a capitalised word is a name."""
    lower: set[str] = field(default_factory=set)        # words seen in lower case
    proper: set[str] = field(default_factory=set)       # capitalised words seen mid-sentence
    units: int = 0                                      # sentences seen

    def add(self, text: str) -> None:
        self.units += 1
        headline = _is_headline(text)
        lower, proper = self.lower, self.proper
        for i, (raw, start, _) in enumerate(scan(text)):
            if raw.islower():
                lower.add(strip_possessive(raw) if "'" in raw or "’" in raw else raw)
            elif raw[:1].isupper() and i > 0 and not headline and not _after_opening(text, start):
                proper.add(strip_possessive(raw))

    def is_common(self, word: str, alone: bool = False) -> bool:
        """Is this capitalised word an ordinary word (capitalised only by its position)?

        ``alone``: the word is a one-word run; in a corpus big enough to judge, such a word never
        seen capitalised mid-sentence is taken as common ("Collective defense spending...").
        """
        low = word.lower()
        if low in stopwords() or low in SENTENCE_OPENERS:
            return True
        if low in self.lower:
            return True
        if word in self.proper:
            return False
        if alone and self.units >= ENTITY_CORPUS_MIN_SENTENCES and not word.isupper():
            return True
        if len(low) > 4 and low.endswith(("ing", "ly", "ed")):
            return True
        model_words = _model_lowercase_words()
        return low in model_words or (low.endswith("s") and (low[:-1] in model_words
                                                              or low[:-1] in self.lower))


@lru_cache(maxsize=1)
def _model_lowercase_words() -> frozenset[str]:
    """Lower-case whole words of the embedding model's vocabulary: a list of common English words
    (kept in the on-disk cache, keyed by the tokenizer file, so the model's 32,000 tokens are not
    read on every run)."""
    from analysis.align.embed import TOKENIZER_FILE, model_folder
    from analysis.cache import cached_text, file_key

    try:
        source = os.path.join(model_folder(), *TOKENIZER_FILE)
        text = cached_text("model-words", f"model-words/1 {file_key(source)}", _model_words_text)
    except Exception:  # without the model the rule is simply weaker
        return frozenset()
    return frozenset(text.split("\n")) if text else frozenset()


def _model_words_text() -> str:
    from analysis.align.embed import load_model
    vocab = load_model().tokenizer.get_vocab()
    return "\n".join(sorted(t[1:] for t in vocab if t.startswith("▁") and len(t) > 3
                             and t[1:].isalpha() and t[1:].islower()))


def _after_opening(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open the text or follow an opening quote, colon or dash?"""
    j = pos - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j < 0 or text[j] in _OPENING_MARKS


# --- one sentence -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int
    opener: bool          # first word of the sentence or of a quote
    possessive: bool      # ends with 's or s': closes the run
    raw_end: int          # end including a trimmed possessive


def _word(text: str, offset: int, raw: str, start: int, end: int) -> _Word:
    if "-" in raw and raw[:1].islower():
        # "then-Secretary", "non-U.S.": the capitalised part may start a name; "al-Saud" stays whole.
        head, _, rest = raw.partition("-")
        if head not in NAME_PREFIX_PARTICLES and rest[:1].isupper():
            raw, start = rest, start + len(head) + 1
    bare = strip_possessive(raw) if ("'" in raw or "’" in raw) else raw
    possessive = bare != raw
    if raw.endswith(("s", "S")) and text[end:end + 1] in ("’", "'") and not text[end + 1:end + 2].isalnum():
        possessive, end = True, end + 1          # "The New York Times’ Moscow bureau"
    return _Word(bare, offset + start, offset + start + len(bare), _after_opening(text, start),
                 possessive, offset + end)


def _is_capitalised(word: str) -> bool:
    if word[:1].isupper():
        return True
    # "al-Saud": a name particle glued to a capitalised name
    head, _, rest = word.partition("-")
    return head in NAME_PREFIX_PARTICLES and rest[:1].isupper()


def _runs(text: str, offset: int) -> list[list[_Word]]:
    """Runs of capitalised words (with particles inside), split at punctuation and possessives."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    pending: list[_Word] = []          # particles waiting for a capitalised word
    prev_end = -1
    for raw, start, end in scan(text):
        first = raw[:1]
        if first.islower() and "-" not in raw and not (current and raw in PARTICLES):
            if current:                 # the common case: an ordinary lower-case word ends a run
                runs.append(current)
            current, pending, prev_end = [], [], -1
            continue
        w = _word(text, offset, raw, start, end)
        joined = prev_end >= 0 and (_GAP_OK.match(text, prev_end - offset, w.start - offset) or (
            _INITIAL_GAP.match(text, prev_end - offset, w.start - offset) and current
            and len(current[-1].text) == 1 and current[-1].text.isupper()))
        if not joined or (current and current[-1].possessive):
            if current:
                runs.append(current)
            current, pending = [], []
        if _is_capitalised(w.text) and not w.text[:1].isdigit():
            current.extend(pending)
            pending = []
            current.append(w)
        elif current and w.text.lower() in PARTICLES and len(pending) < 2:
            pending.append(w)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
        prev_end = w.raw_end
    if current:
        runs.append(current)
    return runs


def _is_headline(text: str) -> bool:
    """Title Case without final punctuation: "Momentum Builds for Beginning Peace Talks"."""
    if text.rstrip().endswith((".", "!", "?", "”", '"', ")")):
        return False
    stop = stopwords()
    content = [w for w, _, _ in scan(text) if w[:1].isalpha() and w.lower() not in stop]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    return capitalised / len(content) >= 0.75


SHOUTED_MIN_LETTERS = 10       # letters; shorter sentences are not judged
SHOUTED_UPPER_SHARE = 0.8       # share of letters in capitals above which a sentence is "shouted"


def shouted_sentence(text: str) -> bool:
    """A sentence in capitals ("* CAPITAL ONE TO ACQUIRE DISCOVER", "SCHOLZ SAID"): its case tells no
    name from a common word."""
    if re.search(r"[a-z]{3}", text):        # fast path: ordinary prose has lower-case runs
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= SHOUTED_MIN_LETTERS and \
        sum(c.isupper() for c in letters) / len(letters) > SHOUTED_UPPER_SHARE


def sentence_mentions(text: str, offset: int, vocab: CorpusVocabulary) -> list[tuple[str, int, int]]:
    """Raw entity mentions of one sentence as (key, start, end), before corpus-wide resolution."""
    headline, pieces = _name_pieces(text, offset)
    out: list[tuple[str, int, int]] = []
    for piece in pieces:
        for kept in _drop_common(piece, vocab, headline):
            out.extend(_split_countries(kept))
    return out


@lru_cache(maxsize=16_384)
def _name_pieces(text: str, offset: int) -> tuple[bool, tuple[tuple[_Word, ...], ...]]:
    """What of ``sentence_mentions`` does not depend on the corpus: whether the sentence is a
    headline, and its runs of capitalised words split at titles.  Cached: the features, the quotes
    and the metrics each ask for the same sentences' mentions, against different vocabularies."""
    return _is_headline(text), tuple(tuple(piece) for run in _runs(text, offset)
                                     for piece in _split_titles(run))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common English given names (the ``given_names`` lexicon)."""
    from analysis.lexicons import load_lexicon
    return frozenset(load_lexicon("given_names").entries)


def _split_person_of(piece: list[_Word]) -> list[list[_Word]]:
    """"Martha Raddatz of ABC News" is a person and her employer: a run that opens with a given name
    and two or more capitalised words is cut at its "of" when an organisation follows (its last word
    is one of ``ORGANISATION_HEADS``).  "Bank of America" stays whole, and so does "Kay Arlo of New
    Hampshire" (a person and her state: the speaker rules read it whole)."""
    at = next((k for k, w in enumerate(piece) if w.text == "of"), 0)
    if at >= 2 and piece[0].text.lower() in given_names() and piece[-1].text.lower() in ORGANISATION_HEADS \
            and all(_is_capitalised(w.text) for w in piece[:at]):
        return [p for p in (piece[:at], _trim_particles(piece[at + 1:])) if p]
    return [piece]


def _split_titles(run: list[_Word]) -> list[list[_Word]]:
    return [p for piece in _split_title_words(run) for p in _split_person_of(piece)]


def _split_title_words(run: list[_Word]) -> list[list[_Word]]:
    lowered = [w.text.lower().rstrip(".") for w in run]
    if not any(x in _NAME_TITLES or x in _NAME_TITLE_MODIFIERS or _elect(x) for x in lowered):
        return [run]                     # the common case: no title inside
    pieces: list[list[_Word]] = []
    current: list[_Word] = []
    i = 0
    while i < len(run):
        step = _title_length(lowered, i)
        if step:
            if current:
                pieces.append(current)
            current = []
            i += step
            continue
        current.append(run[i])
        i += 1
    if current:
        pieces.append(current)
    return [t for t in (_trim_particles(p) for p in pieces) if t]


def _title_length(lowered: list[str], i: int) -> int:
    """How many words from ``i`` form a title ("Foreign Minister", "Secretary of State"), or 0."""
    j = i
    while j < len(lowered) and lowered[j] in _NAME_TITLE_MODIFIERS:
        j += 1
    phrase = next((p for p in TITLE_PHRASES if tuple(lowered[j:j + len(p)]) == p), None)
    if phrase:
        return j - i + len(phrase)
    if j < len(lowered) and (lowered[j] in _NAME_TITLES or _elect(lowered[j])):
        return j - i + 1                 # "Minister", "President-elect"
    if j > i and lowered[j - 1] in _TITLE_BEFORE_GIVEN_NAME and j < len(lowered) and (
            lowered[j] in given_names() or (len(lowered) - j == 2 and lowered[j - 1] not in _PARTIES)):
        return j - i
    return 0


def _elect(word: str) -> bool:
    """A title-elect ("president-elect", "governor-elect"): the title of one who is yet to take office."""
    head, dash, tail = word.partition("-")
    return bool(dash) and tail == "elect" and head in _NAME_TITLES


def _trim_particles(piece: list[_Word]) -> list[_Word]:
    while piece and not _is_capitalised(piece[0].text):
        piece = piece[1:]
    while piece and not _is_capitalised(piece[-1].text):
        piece = piece[:-1]
    return piece


def _drop_common(piece: Sequence[_Word], vocab: CorpusVocabulary, headline: bool) -> list[list[_Word]]:
    """Drop dates, single letters and position-capitalised common words; split where they were."""
    pieces: list[list[_Word]] = [[]]
    for i, w in enumerate(piece):
        if not _is_capitalised(w.text):          # a particle inside a name: keep
            pieces[-1].append(w)
            continue
        low = w.text.lower()
        if pieces[-1] and _is_initial_or_suffix(w.text, pieces[-1]):
            continue                            # "John G. Roberts Jr." is "John Roberts"
        # "Police Captain Jan Elcid Layug": a month's short form before a name's next word is a given
        # name ("Jan 21" and "Jan. 21" are dates)
        month = low in MONTHS and not (low in _SHORT_MONTHS and i + 1 < len(piece) and
                                       piece[i + 1].start == w.end + 1 and _is_capitalised(piece[i + 1].text))
        drop = month or low in WEEKDAYS or (len(w.text) == 1 and w.text != "X")
        drop = drop or (low in stopwords() and not w.text.isupper())    # "The New York Times"
        if not drop and (headline or (w.opener and not pieces[-1])) and not _names_a_place(low):
            drop = vocab.is_common(w.text, alone=headline or len(piece) == 1)
        if drop:
            pieces.append([])
        else:
            pieces[-1].append(w)
    return [t for t in (_trim_particles(p) for p in pieces) if t]


def _is_initial_or_suffix(word: str, before: Sequence[_Word]) -> bool:
    """A middle initial ("G" of "John G. Roberts") or, after a name of two words or more, a
    generation suffix ("Jr", "III")."""
    if len(word) == 1 and word.isupper():
        return True
    return len(before) >= 2 and word.lower().rstrip(".") in NAME_SUFFIXES


def _names_a_place(low: str) -> bool:
    """A known country, city or demonym, alone or inside a hyphenated word ("Russia-Ukraine")."""
    return any(part in ALIASES or part in CITIES for part in (low, *low.split("-")))


def _split_countries(piece: list[_Word]) -> list[tuple[str, int, int]]:
    """Fold the whole piece if it is an alias; else split country names off its head.

    A demonym is split off only before an acronym or a country ("Ukrainian NATO membership"), so
    that "European Commission" and "Center for American Progress" stay whole.
    """
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(piece):
        whole = _alias_key(piece[i:])
        if whole:
            out.append((whole, piece[i].start, piece[-1].end))
            return out
        head = next((n for n in (3, 2, 1) if i + n < len(piece) and _country_key(piece[i:i + n])), 0)
        if not head and i + 1 < len(piece) and _alias_key(piece[i:i + 1]) and (
                piece[i + 1].text.replace(".", "").isupper() or _country_key(piece[i + 1:i + 2])):
            head = 1
        key = _alias_key(piece[i:i + head]) if head else None   # a country's name is an alias too
        if not key:
            break
        if piece[-1].text.lower() in NATIONAL_BODY_HEADS and len(piece) > i + head:
            # "US Geological Survey" is one body, named with its country: one key, the country's
            # alias folded ("United States Geological Survey" gives the same), not a country and a
            # "Geological Survey"
            out.append((f"{key} {_phrase(piece[i + head:])}", piece[i].start, piece[-1].end))
            return out
        out.append((key, piece[i].start, piece[i + head - 1].end))
        i += head
    rest = piece[i:]
    if rest:
        out.extend(_hyphen_parts(rest))
    return out


def _phrase(words: Sequence[_Word]) -> str:
    return " ".join(w.text.lower() for w in words)


def _alias_key(words: Sequence[_Word]) -> str | None:
    return ALIASES.get(_phrase(words))


def _country_key(words: Sequence[_Word]) -> str | None:
    phrase = _phrase(words)
    return ALIASES[phrase] if phrase in COUNTRY_NAMES else None


def _hyphen_parts(piece: list[_Word]) -> list[tuple[str, int, int]]:
    """"US-Russia talks": a one-word run whose hyphen parts include a country is split in parts."""
    if len(piece) == 1 and "-" in piece[0].text:
        parts = piece[0].text.split("-")
        if all(p[:1].isupper() for p in parts) and any(p.lower() in COUNTRY_NAMES for p in parts):
            out, pos = [], piece[0].start
            for p in parts:
                out.append((ALIASES.get(p.lower()) or normalise_key(p), pos, pos + len(p)))
                pos += len(p) + 1
            return out
    return [(normalise_key(" ".join(w.text for w in piece)), piece[0].start, piece[-1].end)]
