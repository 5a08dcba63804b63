"""Sentences and paragraphs of a cleaned text, with exact offsets (part of the segment stage).

Sentences
    Every line break ends a paragraph, and a paragraph break always ends a sentence.  Inside a
    paragraph NLTK's Punkt (untrained: no data files exist offline) proposes boundaries, steered by
    curated word lists instead of training: abbreviations that may end a sentence (``Co.``, ``U.S.``),
    and frequent sentence starters (``The``, ``He``, ``How``) that tell Punkt an abbreviation or
    initial really did end one ("I live in the U.S. How about you?").  Rules then cover what Punkt
    gets wrong or never sees:

    * periods that never end a sentence are hidden from Punkt: titles ("Dr. Smith"), abbreviations
      before a number ("No. 5", "p. 55", "Feb. 17"), ellipses (decided by their own rule), a.m./p.m.;
    * a boundary is dropped when the next piece starts in lower case or with , ; : ) ("'Stop.' she
      said", "Yahoo! in"), when it falls inside a short (...) or [...], or right after a list marker;
    * boundaries are added before list items ("1. first 2. second", "a) ... b) ...", bullets), after
      an ellipsis followed by a capital ("that.... She"), after "a.m."/"p.m." followed by a capital
      unless the sentence so far is an opener ("At 5 a.m. Mr. Smith left" stays whole);
    * a quoted question or exclamation keeps a bare attribution ('"...get?" Zelensky said Monday.');
    * a run longer than ``MAX_SENTENCE_CHARS`` is cut at a clause mark or a space.

    Punkt is built once and cached; it is given at most ``PUNKT_WINDOW_CHARS`` at a time.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from analysis.constants import (
    MAX_PARENTHETICAL_CHARS,
    MAX_SENTENCE_CHARS,
    MAX_TIME_INTRO_WORDS,
    MIN_SPLIT_PIECE_CHARS,
    PUNKT_WINDOW_CHARS,
)
from analysis.lexicons import speech_verbs
from analysis.model import Paragraph, Sentence
from analysis.regexcache import longest_first
from analysis.segment import nltk_parts

# --- word lists (lower case, without the final period) -------------------------------------------

# Written before a name, so their period never ends a sentence ("Gov. Newsom", "Mt. Fuji").
TITLES = frozenset("""
mr mrs ms messrs mme mlle dr prof gov sen rep gen lt col maj capt cmdr cdr adm brig sgt cpl pvt
supt insp det pres rev msgr fr hon amb atty mt
sens reps govs
""".split())

# Abbreviations only when a number follows ("No. 5", "p. 55", "Feb. 17"): otherwise they are words
# ("No.", "Mar.") or are as likely to end a sentence as any word ("in Feb. Prices rose").
NUMBER_ABBREVIATIONS = frozenset("""
no nos nr n° nº p pp vol vols fig figs art sec ch para op
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

# May end a sentence: Punkt ends one after them only before a frequent sentence starter
# ("& Co. It closed" splits, "& Co. at noon" does not).  Initialisms such as "U.S.", "e.g.",
# "N.Y." need no entry: any run of single letters with periods counts (see _AbbreviationTypes).
ABBREVIATIONS = frozenset("""
co corp inc ltd llc plc bros jr sr st etc vs al esp approx dept univ assn ave blvd rd hwy est ca cf
viz ph.d
""".split())

# Words that very often start a sentence and are otherwise written in lower case.  After an
# abbreviation or an initial, a capitalised one of these means a new sentence.  Kept to function
# words: a capitalised content word after "U.S." ("U.S. Secretary") is usually not a new sentence.
SENTENCE_STARTERS = frozenset("""
the a an this that these those there here it its he she they we i you his her their our my your
what when where who whom whose why how which whether
but and or nor so yet if as after before while since because although though unless until once
in on at by from with without into about under over between among through during despite against
to not no
is are was were be been do does did has have had can could would should must
also still then now later earlier instead meanwhile however moreover furthermore indeed thus hence
therefore nevertheless nonetheless otherwise besides likewise accordingly consequently
many some most all both each every either neither such other others another several few much more
yes never always often sometimes perhaps maybe according last next yesterday today tonight tomorrow
""".split())

# Words after "a.m."/"p.m." that continue the time, not a new sentence ("5 p.m. ET", "9 a.m. Monday").
TIME_FOLLOWERS = frozenset("""
et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest eet msk ist jst aest local eastern
central pacific mountain moscow london kyiv kiev paris berlin tokyo
monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday
january february march april may june july august september october november december
""".split())

# Speech verbs of a bare attribution after a quoted question or exclamation: '"...get?" Zelensky said
# Monday.' is one sentence, not two.  The one-word forms of the engine's speech verbs (the lexicons).
ATTRIBUTION_VERBS = frozenset(v for v in speech_verbs() if " " not in v)

# Prepositions that open a time phrase ("At 5 a.m. Mr. Smith went...").
TIME_INTRO_WORDS = frozenset("at by from until till before after around about since shortly just "
                             "starting beginning circa".split())

BULLETS = "•‣⁃◦▪▫●○■□►▶➢➤"
_OPENERS = "\"'“‘«([{¡¿"
_CLOSERS = "\"'”’»)]}"
_NOT_SENTENCE_START = ",;:)]}%!?"
_MASK = "_"             # hides a period from Punkt; same length, so offsets stay put

_INITIALISM = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")


class _AbbreviationTypes(set):
    """Punkt's abbreviation set, plus every initialism ("u.s", "n.y", "u.s.a") without listing it."""

    def __contains__(self, word: object) -> bool:
        return set.__contains__(self, word) or (
            isinstance(word, str) and _INITIALISM.fullmatch(word) is not None)


@lru_cache(maxsize=1)
def _punkt():
    """The one Punkt instance: untrained, given abbreviations and sentence starters (built once).

    Punkt's two orthographic flags are module constants (stable since NLTK 2); they let us hand
    Punkt the evidence it would otherwise learn from a training corpus."""
    punkt = nltk_parts.punkt()
    params = punkt.PunktParameters()
    params.abbrev_types = _AbbreviationTypes(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    for word in SENTENCE_STARTERS:
        # Orthographic evidence Punkt would learn from a corpus: capitalised only at a sentence
        # start.  Single letters are left out so "J. A. Smith" stays one name.
        if len(word) > 1:
            params.ortho_context[word] = punkt._ORTHO_BEG_UC | punkt._ORTHO_MID_LC
    return punkt.PunktSentenceTokenizer(params)


# --- paragraphs ---------------------------------------------------------------------------------

# Every character str.splitlines() treats as a line break.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs: the non-blank lines of ``text``, stripped (ingest has already joined wrapped lines)."""
    out: list[Paragraph] = []
    for match in _LINE.finditer(text):
        start, end = strip_span(text, match.start(), match.end())
        if end > start:
            out.append(Paragraph(len(out), start, end))
    return out


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` moved inwards past whitespace: the span of ``text[start:end].strip()``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- sentences ----------------------------------------------------------------------------------

def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``, never crossing a paragraph break, with exact offsets and ids "s<n>"."""
    return sentences_in(text, split_paragraphs(text), "")


def sentences_in(text: str, paragraphs: list[Paragraph], prefix: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for para in paragraphs:
        chunk = text[para.start:para.end]
        for s, e in _paragraph_spans(chunk):
            for s2, e2 in _cap_length(chunk, s, e):
                n = len(sentences)
                start, end = para.start + s2, para.start + e2
                sentences.append(Sentence(f"{prefix}s{n + 1}", n, start, end, text[start:end],
                                          para.index))
    return sentences


def _paragraph_spans(chunk: str) -> list[tuple[int, int]]:
    """Stripped, non-empty sentence spans of one paragraph (offsets into ``chunk``)."""
    cuts = _cuts(chunk)
    spans = []
    start = 0
    for cut in cuts + [len(chunk)]:
        s, e = strip_span(chunk, start, cut)
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


def _cuts(chunk: str) -> list[int]:
    """Sorted positions in ``chunk`` where one sentence ends and the next begins."""
    hidden: set[int] = set()                # periods Punkt must not see
    ellipsis_cuts = _ellipses(chunk, hidden)
    clocks = _clock_periods(chunk, hidden)
    _hide_abbreviation_periods(chunk, hidden)
    items, marker_ends = _list_items(chunk)
    hard = set(items) | _bullet_cuts(chunk) | _glued_cuts(chunk)

    veto = _Veto(chunk, marker_ends)
    soft = {c for c in _punkt_cuts(_masked(chunk, hidden)) | ellipsis_cuts if veto.allows(c)}
    soft |= {c for c in _clock_cuts(chunk, clocks, sorted(soft | hard)) if veto.allows(c)}
    cuts = sorted(c for c in soft | hard if 0 < c < len(chunk))
    return _drop_attribution_cuts(chunk, cuts, hard)


_ATTRIBUTION = re.compile(r"""
    (?:[\w'’.-]+\s+){1,4}(?:%s)                         # "Zelensky said", "The official added"
    (?:(?:\s+[\w'’.,-]+){0,3}|\s+(?:%s)(?:\s+[\w'’.,-]+){0,8})    # "Monday", "in a statement"
    [.!]
""" % ("|".join(re.escape(v) for v in longest_first(ATTRIBUTION_VERBS)),  # noqa: UP031  (str.format would clash with the regex's {m,n})
       "in|on|at|to|during|after|before|while|with|from|for|via|through|according"), re.VERBOSE)


# "the world.Today the ...": a full stop with the space lost (pasted or extracted text).  The word
# before it is lower-case letters (not an abbreviation, a domain or an initial); the next word is
# capitalised and then lower-case, so "U.S.Army", "Node.js" and "example.Com/x" stay whole.
_GLUED = re.compile(r"(?<![\w./@:-])[a-z]{2,}[.!?](?=[A-Z][a-z]{2,}\b)")
_NOT_GLUED_AFTER = re.compile(r"[./@:]")


def _glued_cuts(chunk: str) -> set[int]:
    """Positions right after a full stop that lost its space: "world.Today" is two sentences."""
    cuts = set()
    for m in _GLUED.finditer(chunk):
        following = chunk[m.end():m.end() + 40].split(maxsplit=1)
        if following and _NOT_GLUED_AFTER.search(following[0]):
            continue            # "news.Example.com", a link or an address, not two sentences
        cuts.add(m.end())
    return cuts


def _drop_attribution_cuts(chunk: str, cuts: list[int], hard: set[int]) -> list[int]:
    """Keep a quoted question or exclamation with the bare attribution after it."""
    out = []
    for i, cut in enumerate(cuts):
        if (cut not in hard and cut >= 2 and chunk[cut - 2] in "?!" and chunk[cut - 1] in _CLOSERS
                and _ATTRIBUTION.fullmatch(
                    chunk[cut:cuts[i + 1] if i + 1 < len(cuts) else len(chunk)].strip())):
            continue
        out.append(cut)
    return out


def _punkt_cuts(masked: str) -> set[int]:
    """Punkt's boundaries, asked window by window so that no single call gets a huge text."""
    cuts: set[int] = set()
    for start, end in _windows(masked):
        spans = list(_punkt().span_tokenize(masked[start:end]))
        cuts.update(start + e for _, e in spans[:-1])
    return cuts


def _windows(text: str) -> list[tuple[int, int]]:
    """Consecutive pieces of at most PUNKT_WINDOW_CHARS, cut at a space after a letter or digit
    (never right after a period, where Punkt would need the next word to decide)."""
    out = []
    start, n = 0, len(text)
    while n - start > PUNKT_WINDOW_CHARS:
        end = start + PUNKT_WINDOW_CHARS
        cut = end
        for i in range(end - 1, start + PUNKT_WINDOW_CHARS // 2, -1):
            if text[i].isspace() and text[i - 1].isalnum():
                cut = i
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _masked(chunk: str, hidden: set[int]) -> str:
    """``chunk`` with the ``hidden`` periods replaced: same length, so Punkt's offsets hold."""
    if not hidden:
        return chunk
    chars = list(chunk)
    for i in hidden:
        chars[i] = _MASK
    return "".join(chars)


# Periods that never end a sentence: after a title, or after a number abbreviation before a digit.

_PERIOD_BEFORE_SPACE = re.compile(r"\.(?=\s)")
_SPACE_THEN_DIGIT = re.compile(r"\s*\d")
_LONGEST_ABBREVIATION = max(len(w) for w in TITLES | NUMBER_ABBREVIATIONS)


def _hide_abbreviation_periods(chunk: str, hidden: set[int]) -> None:
    # One fast scan for ". " then a look at the short word before it, rather than a regex holding
    # every abbreviation, which is tried at every position of the text.
    for m in _PERIOD_BEFORE_SPACE.finditer(chunk):
        word = _word_before(chunk, m.start())
        if not word:
            continue
        low = word.lower()
        if low in TITLES and word[0].isupper():
            hidden.add(m.start())
        elif low in NUMBER_ABBREVIATIONS and _SPACE_THEN_DIGIT.match(chunk, m.end()):
            hidden.add(m.start())


def _word_before(chunk: str, i: int) -> str:
    """The short run of letters (and "°") ending at ``i``, if a non-word character precedes it."""
    j = i
    while j > 0 and i - j <= _LONGEST_ABBREVIATION and (chunk[j - 1].isalpha() or chunk[j - 1] in "°º"):
        j -= 1
    if j == i or i - j > _LONGEST_ABBREVIATION or (j > 0 and (chunk[j - 1].isalnum()
                                                              or chunk[j - 1] in "._")):
        return ""
    return chunk[j:i]


# What follows a candidate boundary: closing quotes, space, opening quotes, then a letter.
_NEXT_LETTER = re.compile(r"(?P<close>[%s]*)\s+[%s]*(?P<letter>[^\W\d_])"  # noqa: UP031  (a regex: see above)
                          % (re.escape(_CLOSERS), re.escape(_OPENERS)))


def _cut_before_capital(chunk: str, pos: int) -> int | None:
    """Where to cut after ``pos`` if the next word is capitalised, else None."""
    m = _NEXT_LETTER.match(chunk, pos)
    if m and m.group("letter").isupper():
        return pos + len(m.group("close"))
    return None


# Every branch starts with the dot itself so that the regex engine can skip ahead to candidates.
_ELLIPSIS = re.compile(r"""
    (?P<attached>\.(?<=[^\s.]\.))(?=(?:[ ]\.){3}(?![ ]?\.))  # "word. . . ." : a period, then an ellipsis
  | (?P<spaced>\.(?:[ ]\.){2,})                            # ". . ." or ". . . ."
  | (?P<run>[.…]{2,}|…)                                    # "...", "....", "…"
""", re.VERBOSE)


def _ellipses(chunk: str, hidden: set[int]) -> set[int]:
    """Hide every ellipsis from Punkt; return the cuts ellipses make.

    A three-dot spaced ellipsis (". . .") is an omission inside a sentence; a four-dot one, or a
    period written against the word before a spaced ellipsis ("compounds. . . . The"), ends one when a
    capital follows; an unspaced ellipsis ("...", "…", "....") ends one when a capital follows, unless
    it stands in brackets ("[...]", an editor's omission).
    """
    cuts: set[int] = set()
    if "." not in chunk and "…" not in chunk:
        return cuts
    for m in _ELLIPSIS.finditer(chunk):
        hidden.update(i for i in range(m.start(), m.end()) if chunk[i] == ".")
        if m.group("attached"):
            follows = _cut_before_capital(chunk, m.end() + 6)     # after " . . ."
            cut = m.end() if follows is not None else None
        elif m.group("spaced"):
            cut = _cut_before_capital(chunk, m.end()) if m.group().count(".") >= 4 else None
        elif chunk[m.start() - 1:m.start()] == "[" and chunk[m.end():m.end() + 1] == "]":
            cut = None                      # "[...]" marks an omission, never a sentence end
        else:
            cut = _cut_before_capital(chunk, m.end())
        if cut is not None:
            cuts.add(cut)
    return cuts


# a.m. / p.m.: Punkt would treat them as any abbreviation; the rule below knows more.
_CLOCK = re.compile(r"[aApP](?<![\w.][aApP])\.[mM](\.)")
_WORD = re.compile(r"\w+")
_MAX_WORD_CHARS = 30                    # characters, with the space after it, of a word in an opener


def _clock_periods(chunk: str, hidden: set[int]) -> list[re.Match]:
    if "m." not in chunk and "M." not in chunk:
        return []
    found = list(_CLOCK.finditer(chunk))
    hidden.update(m.start(1) for m in found)
    return found


def _clock_cuts(chunk: str, clocks: list[re.Match], cuts: list[int]) -> set[int]:
    """After "a.m."/"p.m." a capitalised word starts a sentence, unless it continues the time
    ("5 p.m. ET", "a.m. Monday") or the sentence so far is only an opener ("At 5 a.m. Mr. Smith")."""
    out = set()
    last = 0
    for m in clocks:
        cut = _cut_before_capital(chunk, m.end())
        if cut is None:
            continue
        after = _NEXT_LETTER.match(chunk, m.end())
        next_word = _WORD.match(chunk, after.start("letter")) if after else None
        if next_word and next_word.group().lower() in TIME_FOLLOWERS:
            continue
        i = bisect_right(cuts, m.start())
        start = max(cuts[i - 1] if i else 0, last)
        if not _is_time_opener(chunk, start, m.start()):
            out.add(cut)
            last = cut
    return out


def _is_time_opener(chunk: str, start: int, end: int) -> bool:
    """True if ``chunk[start:end]`` is a short prepositional opener such as "At 5" or "Shortly after 9"."""
    if end - start > MAX_TIME_INTRO_WORDS * _MAX_WORD_CHARS:
        return False                        # too long to be a few words (and keeps this cheap)
    before = _WORD.findall(chunk, start, end)
    return bool(before) and len(before) <= MAX_TIME_INTRO_WORDS and before[0].lower() in TIME_INTRO_WORDS


# Lists: "1. a 2. b", "1) a 2) b", "1.) a", "a. x b. y", bullets.
_LIST_MARKER = re.compile(r"(?P<label>\d{1,3}|[a-zA-Z])(?P<style>\.\)|\.|\))(?=\s+\S)")


def _list_items(chunk: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Cuts before the items of enumerated lists, and the (start, end) of markers after which no
    sentence may end.  An item is a marker that continues a sequence (1, 2, 3 or a, b, c in the same
    style); a sequence starts at the paragraph start, after a colon, a sentence end or a bullet."""
    if not any(c in chunk for c in ".)"):
        return [], []
    chains: list[list[re.Match]] = []
    current: dict[tuple[str, str], list[re.Match]] = {}
    lone_openers = []
    for m in _LIST_MARKER.finditer(chunk):
        if m.start() > 0 and not (chunk[m.start() - 1].isspace() or chunk[m.start() - 1] in BULLETS):
            continue                        # inside a word or number: "2025.", "item."
        label, style = m.group("label"), m.group("style")
        kind = "n" if label.isdigit() else ("l" if label.islower() else "u")
        value = int(label) if kind == "n" else ord(label)
        chain = current.get((kind, style))
        if chain and _marker_value(chain[-1]) == value - 1:
            chain.append(m)
        elif _opens_list(chunk, m.start()):
            current[(kind, style)] = [m]
            chains.append(current[(kind, style)])
            if m.start() == 0:
                lone_openers.append(m)
    cuts: list[int] = []
    protected = {(m.start(), m.end()) for m in lone_openers}
    for chain in chains:
        if len(chain) < 2:
            continue
        protected.update((m.start(), m.end()) for m in chain)
        # The lead-in of an inline list stays with its first item ("Demands: 1) a truce; 2) ...").
        first = 1 if _prev_char(chunk, chain[0].start()) == ":" else 0
        cuts.extend(_item_start(chunk, m.start()) for m in chain[first:])
    return cuts, sorted(protected)


def _marker_value(m: re.Match) -> int:
    label = m.group("label")
    return int(label) if label.isdigit() else ord(label)


def _prev_char(chunk: str, i: int) -> str:
    i -= 1
    while i >= 0 and chunk[i].isspace():
        i -= 1
    return chunk[i] if i >= 0 else ""


def _opens_list(chunk: str, i: int) -> bool:
    prev = _prev_char(chunk, i)
    return prev == "" or prev in ":.!?" or prev in BULLETS


def _item_start(chunk: str, i: int) -> int:
    """Start of a list item: its marker, or the bullet written just before it."""
    j = i - 1
    while j >= 0 and chunk[j] == " ":
        j -= 1
    return j if j >= 0 and chunk[j] in BULLETS else i


def _bullet_cuts(chunk: str) -> set[int]:
    if not any(b in chunk for b in BULLETS):
        return set()
    return {i for i, c in enumerate(chunk) if c in BULLETS and i > 0 and chunk[i - 1].isspace()}


class _Veto:
    """Decides whether a proposed boundary may stand (see the module docstring)."""

    def __init__(self, chunk: str, marker_spans: list[tuple[int, int]]):
        self.chunk = chunk
        self.bracketed = _merged(_bracket_spans(chunk))
        self.after_markers = _positions_after_markers(chunk, marker_spans)

    def allows(self, cut: int) -> bool:
        return not (self._next_is_continuation(cut) or self._inside_brackets(cut)
                    or cut in self.after_markers)

    def _next_is_continuation(self, cut: int) -> bool:
        chunk, i, n = self.chunk, cut, len(self.chunk)
        while i < n and chunk[i].isspace():
            i += 1
        if i < n and chunk[i] in _NOT_SENTENCE_START:
            return True
        while i < n and chunk[i] in _OPENERS:
            i += 1
        return i < n and chunk[i].islower()

    def _inside_brackets(self, cut: int) -> bool:
        """After the opening bracket of a short (...) or [...], up to and including its closing one."""
        opens = self.bracketed[0]
        i = bisect_left(opens, cut) - 1
        return i >= 0 and cut <= self.bracketed[1][i]



def _positions_after_markers(chunk: str, marker_spans: list[tuple[int, int]]) -> set[int]:
    """Cut positions inside a list marker or in the space after it ("1. | The first item")."""
    out: set[int] = set()
    for start, end in marker_spans:
        while end < len(chunk) and chunk[end].isspace():
            end += 1
        out.update(range(start + 1, end + 1))
    return out


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Disjoint (starts, ends) covering ``spans``, sorted, for bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _bracket_spans(chunk: str) -> list[tuple[int, int]]:
    """(open, close) of matched short (...) and [...] in ``chunk``."""
    if "(" not in chunk and "[" not in chunk:
        return []
    pairs = {")": "(", "]": "["}
    stack: list[tuple[str, int]] = []
    spans = []
    for i, c in enumerate(chunk):
        if c in "([":
            stack.append((c, i))
        elif c in pairs:
            while stack and stack[-1][0] != pairs[c]:
                stack.pop()                     # an unclosed bracket of the other kind
            if stack:
                _, open_ = stack.pop()
                if i - open_ <= MAX_PARENTHETICAL_CHARS:
                    spans.append((open_, i))
    return spans


# Over-long runs.

_CLAUSE_MARKS = (", ", "; ", ": ", " — ", " – ", " - ")


def _cap_length(chunk: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span longer than MAX_SENTENCE_CHARS, preferring clause marks, then spaces."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = _long_run_cut(chunk, start, start + MAX_SENTENCE_CHARS)
        s, e = strip_span(chunk, start, cut)
        if e > s:
            out.append((s, e))
        start, _ = strip_span(chunk, cut, end)
    if end > start:
        out.append((start, end))
    return out


def _long_run_cut(chunk: str, lo: int, hi: int) -> int:
    """A cut in (lo, hi]: after the last clause mark past MIN_SPLIT_PIECE_CHARS, else at the last
    space, else (no space at all) at ``hi``, never before a combining mark."""
    best = -1
    for mark in _CLAUSE_MARKS:
        i = chunk.rfind(mark, lo + MIN_SPLIT_PIECE_CHARS, hi)
        if i >= 0:
            best = max(best, i + len(mark.rstrip()))
    if best > lo:
        return best
    i = chunk.rfind(" ", lo + 1, hi + 1)
    if i > lo:
        return i
    for i in range(hi, lo, -1):
        if chunk[i].isspace():
            return i
    cut = hi
    while cut > lo + 1 and unicodedata.combining(chunk[cut]):
        cut -= 1
    return cut
