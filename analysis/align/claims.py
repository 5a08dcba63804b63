"""Claims: the units the aligner matches.  A sentence states one claim or several.

A compound sentence reports several facts ("X did A; Y did B", "A, while B", a lede with two events:
"Leaders met in Paris on Monday as officials prepare to meet in Riyadh"), so the aligner works on
claims, not sentences: one sentence may then join several facts.  Rules (no parser works offline, so
they are about words and punctuation, DESIGN.md section 4):

1. **Cuts.**  A sentence is cut at a semicolon, and before a clause connector (", and", ", but",
   ", while", "as", "after", "whereas", ...) when both sides are clauses: each side has a finite verb
   (an auxiliary, or a lower-case word that can only be a verb: "met", "held", "urged") within its
   first few words after the subject, and at least ``CLAIM_MIN_WORDS`` words.  After "after", "before",
   "while", "since" and "by" a participle opens a clause too ("...on Friday after declaring that ...").
   Nothing is cut inside quotation marks or brackets: a quote is one speaker's claim.
2. **Attribution.**  The frame that says who said it ("officials said", "Rutte told CNN that",
   "according to the ministry", "“...,” Mr. Smith said") stays on the claim, so framing still sees
   it, but the claim's *core* leaves it out: the core decides the match, so two outlets crediting one
   fact to different sources still align, and a shared "he said" never makes two facts one.

Every claim has offsets into ``Article.text``: ``text[start:end]`` is the whole claim and
``text[core_start:core_end]`` its core (inside it).  A sentence's claims are in text order, do not
overlap, and together cover the sentence but for the connectors and punctuation between them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Sequence

from analysis.align.features.words import stopwords
from analysis.constants import CLAIM_MIN_CORE_WORDS, CLAIM_MIN_WORDS, CLAIM_SUBJECT_MAX_WORDS
from analysis.lexicons import load_lexicon
from analysis.model import Article, Span
from analysis.regexcache import longest_first
from analysis.segment import strip_span

_WORD = re.compile(r"[\w’'][\w’'.\-]*")
_OPEN_QUOTES, _CLOSE_QUOTES = "“«", "”»"

# Connectors that may open a second clause.  Those in _BARE may do so without a comma before them.
_CONNECTORS = ("and", "but", "while", "whereas", "although", "though", "even as", "as", "after",
               "before", "because", "since", "yet", "so", "meanwhile", "until", "when", "where")
_BARE = frozenset(("while", "whereas", "as", "after", "before", "because", "when", "where"))
_PARTICIPLE_CONNECTORS = frozenset(("after", "before", "while", "since", "by"))
# Connectors that subordinate: the clause after them needs its own subject, so a verb right after one
# is a reduced phrase of the clause before ("as expected", "when asked", "as overwhelmed" in a page
# that dropped "were"), never a claim of its own.
_SUBORDINATORS = frozenset(("while", "whereas", "although", "though", "even as", "as", "after", "before",
                            "because", "since", "until", "when", "where"))
# Words that bind with a bare connector after them into one phrase ("such as", "as well as", "even
# before", "shortly after", "long before", "only after"): what follows modifies the clause before it
# (an example, an addition, a time) and is not a claim of its own.
_BOUND_BEFORE = frozenset("""
such well even just only shortly soon long right immediately ever
""".split())
_CONNECTOR = re.compile(r"(?P<comma>(?:,[”\"]?|[–—-])\s+)?\b(?P<word>%s)\s+" % "|".join(  # noqa: UP031 (regex braces)
    sorted((re.escape(c).replace(r"\ ", r"\s+") for c in _CONNECTORS), key=len, reverse=True)), re.IGNORECASE)
_SEMICOLON = re.compile(r";\s+")
# A comment on what came before: "..., comments that have been widely condemned", "..., which ...".
_RELATIVE = re.compile(r",[”\"]?\s+(?=(?:(?:the|a|an|his|her|its|their|these|those)\s+)?(?P<noun>[a-z]+\s+)?"
                       r"(?:that|which|who)\s)")

AUXILIARIES = frozenset("""
is are was were be been has have had will would could can may might must should shall did does do
isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't couldn't can't didn't doesn't don't
""".split())
# Words that never start a clause's subject: "as well as", "such as", "as part of", "as soon as".
_NOT_SUBJECT = frozenset("""
well much many soon long far part of a an if though to for in on at with by from result such same
""".split())


@dataclass(frozen=True)
class Claim:
    """One claim of one sentence.  ``index`` counts the article's claims from 0, in text order."""
    article: str
    sentence: int                   # 0-based index of the sentence that holds it
    index: int
    start: int                      # the whole claim, attribution included
    end: int
    core_start: int                 # what decides a match: the claim without its attribution
    core_end: int

    @property
    def span(self) -> Span:
        return Span(self.article, self.start, self.end)

    def text(self, article: Article) -> str:
        return article.text[self.start:self.end]

    def core(self, article: Article) -> str:
        return article.text[self.core_start:self.core_end]


def article_claims(article: Article) -> tuple[Claim, ...]:
    """Every claim of ``article``, sentence by sentence (each sentence gives at least one)."""
    out: list[Claim] = []
    for s in article.sentences:
        for start, end, core_start, core_end in _sentence_claims(s.text):
            out.append(Claim(article.id, s.index, len(out), s.start + start, s.start + end,
                             s.start + core_start, s.start + core_end))
    return tuple(out)


def sentence_claims(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, core start, core end) of each claim of one sentence, offsets into ``text``."""
    return list(_sentence_claims(text))


@lru_cache(maxsize=50_000)
def _sentence_claims(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """``sentence_claims``, cut once per sentence text: a sentence that many outlets print (agency
    copy) is cut the same way in each, as it reads nothing but its text."""
    pieces = [strip_span(text, s, e) for s, e in _pieces(text)]
    out = []
    for s, e in pieces:
        s, e = _trim_punctuation(text, s, e)
        if e <= s:
            continue
        cs, ce = core_span(text, s, e)
        out.append((s, e, cs, ce))
    if not out:
        s, e = strip_span(text, 0, len(text))
        out.append((s, e, s, e))
    return tuple(out)


# --- cuts -----------------------------------------------------------------------------------------

def _pieces(text: str) -> list[tuple[int, int]]:
    """The sentence cut into clauses: [(start, end)] covering it, the connectors left out."""
    guarded = protected_ranges(text) + _asides(text)
    cuts: list[tuple[int, int]] = []            # (end of the left piece, start of the right piece)
    for m in _SEMICOLON.finditer(text):
        if not _inside(m.start(), guarded):
            cuts.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(text):
        noun = m.group("noun")
        if not _inside(m.end() - 1, guarded) and not (noun and is_finite_verb(noun.strip())):
            cuts.append((_after_quote(text, m.start()), m.end()))
    for m in _CONNECTOR.finditer(text):
        if _inside(m.start("word"), guarded) or m.start() == 0:
            continue
        word = " ".join(m.group("word").lower().split())
        if not m.group("comma") and word not in _BARE:
            continue
        if not m.group("comma") and text[m.start() - 1:m.start()] in ",;":
            continue                              # the comma form matched at the comma already
        if not m.group("comma") and _word_before(text, m.start("word")) in _BOUND_BEFORE:
            continue
        cuts.append((_after_quote(text, m.start()), m.end()))
    cuts.sort()
    pieces, start = [], 0
    for left_end, right_start in cuts:
        if left_end <= start:
            continue
        following = _next_cut(cuts, right_start, len(text))
        if _is_clause(text, start, left_end, None) and \
                _is_clause(text, right_start, following, _connector_word(text, left_end, right_start)):
            pieces.append((start, left_end))
            start = right_start
    pieces.append((start, len(text)))
    return pieces


def _word_before(text: str, pos: int) -> str:
    """The word just before ``pos`` in lower case ("" at the start)."""
    words = _WORD.findall(text[max(0, pos - 30):pos])
    return words[-1].lower() if words else ""


def _after_quote(text: str, comma: int) -> int:
    """Where the left piece ends: after a closing quote written after the comma (“...,” ...)."""
    return comma + 2 if text[comma:comma + 1] == "," and text[comma + 1:comma + 2] in _CLOSE_QUOTES + '"' \
        else comma


def _next_cut(cuts: Sequence[tuple[int, int]], after: int, default: int) -> int:
    for left_end, _ in cuts:
        if left_end > after:
            return left_end
    return default


def _connector_word(text: str, left_end: int, right_start: int) -> str | None:
    """The connector between two pieces: "and", "while"...; "," before a relative clause; None
    after a semicolon (the right piece must then be a clause anywhere, not just early on)."""
    words = _WORD.findall(text[left_end:right_start])
    if words:
        return " ".join(w.lower() for w in words)
    return "," if "," in text[left_end:right_start] else None


def _is_clause(text: str, start: int, end: int, connector: str | None) -> bool:
    """Whether ``text[start:end]`` reads as a clause: enough words and a finite verb early on (a
    participle right after "after"/"before"/"while"/"since"/"by")."""
    words = [w for w in _WORD.findall(text[start:end]) if any(c.isalnum() for c in w)]
    if len(words) < CLAIM_MIN_WORDS:
        return False
    if connector in _PARTICIPLE_CONNECTORS and is_participle(words[0]):
        return True
    if connector is not None and words[0].lower() in _NOT_SUBJECT:
        return False
    if connector in _SUBORDINATORS and _reduced(words):
        return False
    limit = len(words) if connector is None else CLAIM_SUBJECT_MAX_WORDS + 1
    return any(is_finite_verb(w) for w in words[:limit])


def _reduced(words: Sequence[str]) -> bool:
    """Whether words after a subordinator open with a lexical verb, not a subject ("when asked
    whether", "as predicted by"): a verb form followed by a content word and then a finite verb is an
    adjective of the subject instead ("after leaked documents revealed ...").  An auxiliary first
    still opens a claim: an inverted subject ("as did the mayor") or a comment with content of its
    own ("as was expected after the leak")."""
    first = words[0]
    if not is_finite_verb(first) or first.lower() in AUXILIARIES:
        return False
    if len(words) < 3 or words[1].lower() in stopwords() or is_participle(words[1]):
        return True
    return not any(is_finite_verb(w) for w in words[2:CLAIM_SUBJECT_MAX_WORDS + 1])


@lru_cache(maxsize=50_000)
def is_finite_verb(word: str) -> bool:
    """An auxiliary; a lower-case word that can only be a verb ("met", "urged", "prepare"); or the
    past form of a verb that differs from its base ("rose", "fell", "led"), even if also a noun."""
    low = word.lower().replace("’", "'")
    if low in AUXILIARIES:
        return True
    if not word.islower() or low.endswith("ing"):
        return False
    lemmas = _lemmas(low)
    if lemmas and set(lemmas) <= {"VERB", "AUX"}:
        return True
    return any(low != base and low in _past_forms(base) for base in lemmas.get("VERB", ()))


@lru_cache(maxsize=20_000)
def _past_forms(base: str) -> tuple[str, ...]:
    from lemminflect import getInflection
    return getInflection(base, "VBD") + getInflection(base, "VBN")


@lru_cache(maxsize=50_000)
def is_participle(word: str) -> bool:
    low = word.lower()
    return low.endswith("ing") and "VERB" in _lemmas(low)


def _lemmas(word: str) -> dict:
    from lemminflect import getAllLemmas  # lazy: its tables load on first use (about 0.2 s)
    return getAllLemmas(word)


def protected_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges inside quotation marks or brackets, where no claim is cut (a quote left open runs to
    the end of the sentence)."""
    out: list[tuple[int, int]] = []
    quote_start = -1
    depth, bracket_start = 0, -1
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES or (ch == '"' and quote_start < 0):
            quote_start = i
        elif (ch in _CLOSE_QUOTES or ch == '"') and quote_start >= 0:
            out.append((quote_start, i + 1))
            quote_start = -1
        elif ch in "([":
            depth += 1
            bracket_start = i if depth == 1 else bracket_start
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                out.append((bracket_start, i + 1))
    if quote_start >= 0:
        out.append((quote_start, len(text)))
    opened_before = _continued_quote(text)
    if opened_before:
        out.append((0, opened_before))
    return out


def _continued_quote(text: str) -> int:
    """Where a quote opened in an earlier sentence closes in this one (the end of its closing mark), 0
    when none does: a closing mark with no opening one before it ("The deal is the best path forward. »"
    after "« The board met …"; curly and angle marks only, a straight mark could open or close)."""
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES or ch == '"':
            return 0
        if ch in _CLOSE_QUOTES:
            return i + 1
    return 0


_DASH = re.compile(r"—|(?<=\s)(?:–|--)(?=\s)|(?<=\w)--(?=\w)")


def _asides(text: str) -> list[tuple[int, int]]:
    """Ranges between two dashes: an aside ("the thieves—hooded, masked and dressed as workers—pulled
    a lift up"), no more a claim of its own than words in brackets.  A dash left unpaired opens none."""
    dashes = [m.start() for m in _DASH.finditer(text)]
    return [(dashes[i], dashes[i + 1] + 1) for i in range(0, len(dashes) - 1, 2)]


def _inside(pos: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in ranges)


def _trim_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing comma or dash left by a cut (a sentence's final period stays)."""
    while end > start and text[end - 1] in ",;–—-":
        end -= 1
    return strip_span(text, start, end)


# --- attribution ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _speech_verbs() -> str:
    """Single-word speech verbs of the attribution lexicon, as a regex alternation."""
    words = {t for t in load_lexicon("attribution_verbs").entries if " " not in t and t.isalpha()}
    words |= {"said", "says", "told", "added", "wrote", "called"}
    return "|".join(longest_first(words))


@lru_cache(maxsize=1)
def _frames() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    verbs = _speech_verbs()
    speaker = r"(?:[\w’'.\-]+\s+){0,%d}?[\w’'.\-]+" % CLAIM_SUBJECT_MAX_WORDS  # noqa: UP031
    hearer = r"(?:\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})?"
    when = r"(?:\s+(?:on|in|at|over|during|late|early|last|this|to)\b[^,;“”\"]{0,40}?)?"
    # "Rutte told CNN that ...", "The ministry said on Monday that ...", "He told reporters that ..."
    opener = r"(?P<opener>[^,;“”\"]{1,60},\s+)?"           # "Prior to the meeting, ..."
    aux = r"(?:\s+(?:has|have|had))?"                       # "The ministry has said ..."
    with_that = re.compile(r"%s%s%s\s+(?:%s)(?:\s+[^\s,;“”\"]+){0,6}?,?\s+that\s+"  # noqa: UP031
                           % (opener, speaker, aux, verbs))
    # "He said the talks ..." (checked: a clause must follow)
    bare = re.compile(r"%s%s%s\s+(?:said|says|say|added|adds|told%s)\s+" % (opener, speaker, aux, hearer))  # noqa: UP031
    # "..., officials said.", "...,” Mr. Smith said in a statement.", "..., said Peskov."
    trailing = re.compile(r"(?:,\s*|(?<=[”\"])\s*)(?:%s\s+(?:%s)|(?:%s)\s+%s)%s"  # noqa: UP031
                          r"(?:\s+[\w’'.\-]+){0,6}?\s*[.!?]?\Z" % (speaker, verbs, verbs, speaker, when))
    according = re.compile(r"(?P<lead>\A[Aa]ccording\s+to\s+[^,;]{1,80},\s+)|"
                           r"(?P<trail>,?\s+according\s+to\s+[^,;]{1,80}?[.!?]?\Z)")
    return with_that, bare, trailing, according


def core_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without its attribution frame, when what remains still states a claim."""
    with_that, bare, trailing, according = _frames()
    piece = text[start:end]
    cs, ce = 0, len(piece)
    m = according.search(piece)
    t = trailing.search(piece)
    if m and m.group("lead"):
        cs = m.end("lead")
    elif m and m.group("trail"):
        ce = m.start("trail")
    elif t and _enough(piece[:t.start()]):
        ce = t.start()
    else:
        lead = with_that.match(piece) or bare.match(piece)
        if lead and not _verb_in(_speaker_words(piece[lead.end("opener") if lead.group("opener") else 0:lead.end()])) \
                and not (lead.group("opener") and _verb_in(lead.group("opener"))) and (
                lead.re is with_that or _is_clause(piece, lead.end(), len(piece), "that")):
            cs = lead.end()
    s, e = _strip_quotes(piece, cs, ce)
    s, e = strip_span(piece, s, e)
    if not _enough(piece[s:e]):
        return start, end
    return start + s, start + e


def _speaker_words(frame: str) -> str:
    """The words of a leading frame before its speech verb (the speaker), for the no-verb check."""
    words = _WORD.findall(frame)
    verbs = set(_speech_verbs().split("|"))
    for i, w in enumerate(words):
        if w.lower() in verbs:
            while i and words[i - 1].lower() in ("has", "have", "had"):
                i -= 1                       # "The ministry has said": the auxiliary is the verb's
            return " ".join(words[:i])
    return frame


def _strip_quotes(piece: str, start: int, end: int) -> tuple[int, int]:
    """A core that is exactly one quotation loses its marks (and a comma left inside them)."""
    s, e = strip_span(piece, start, end)
    if e - s > 2 and piece[s] in _OPEN_QUOTES + '"' and piece[e - 1] in _CLOSE_QUOTES + '"':
        inner_s, inner_e = s + 1, e - 1
        while inner_e > inner_s and piece[inner_e - 1] in ",":
            inner_e -= 1
        if not any(c in _OPEN_QUOTES + _CLOSE_QUOTES + '"' for c in piece[inner_s:inner_e]):
            return inner_s, inner_e
    return s, e


def _enough(text: str) -> bool:
    return len(_WORD.findall(text)) >= CLAIM_MIN_CORE_WORDS


def _verb_in(text: str) -> bool:
    return any(is_finite_verb(w) for w in _WORD.findall(text))


def claims_of(articles: Sequence[Article]) -> Iterator[tuple[Article, tuple[Claim, ...]]]:
    for a in articles:
        yield a, article_claims(a)
