"""Which words of an article are the outlet's own word choices (for wording.py).

``article_uses`` scans an article with the word-choice lexicons (``WORD_CHOICE``) and keeps each use
that is the outlet's choice: not the speaker's words in a long quote or in reported speech, not after a
negation, not part of a name or a term of the trade, not a literal sense, a thing or an account
(descriptive.py); a judgement ascribed to a subject ("see it as unearned") and a short quoted fragment
are kept and marked.  ``lemma`` and ``family`` give a word's dictionary form and a term's family.
The rules are described in wording.py's docstring.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.constants import FRAMING_ASCRIBED_WINDOW_WORDS, FRAMING_QUOTE_FRAGMENT_MAX_WORDS
from analysis.lexicons import load_lexicon
from analysis.model import Article
from analysis.signals.common import count_words
from analysis.signals.framing.descriptive import (
    describes,
    foreseen,
    in_name,
    literal,
    motion_not_speech,
    names_a_problem,
    names_a_term,
    participle_as_verb,
    spoken_of,
)
from analysis.signals.framing.speech import speech_ranges
from analysis.signals.nouns import noun_of
from analysis.signals.quotemarks import direct_spans
from analysis.signals.voices import find_quotes

# lexicon -> (finding kind, rule prefix, labels flagged (None: all))
WORD_CHOICE: dict[str, tuple[str, str, frozenset[str] | None]] = {
    "loaded": ("loaded_word", "loaded", None),
    "evaluative": ("loaded_word", "loaded", None),
    "metaphors": ("loaded_word", "loaded", None),
    "intensifiers": ("intensifier", "intensifier", frozenset({"adjective"})),
    "attribution_verbs": ("attribution_verb", "attribution", frozenset({"emotive"})),
}
# What a word describes that makes it no word choice (descriptive.py): a thing ("a historic church",
# "a dangerous Category 3 storm"), the account a source gives next ("described the chaos: “...”"), or
# what a private person feels or how they bear themselves ("he sat in shock", "he quietly waited").
NO_CHOICE = frozenset({"object", "account", "felt"})
_REPORTED = 10 ** 6        # stands for the length of a reported clause: never a short fragment
_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_NEGATORS = frozenset({"not", "never", "no", "without", "nor", "cannot"})
# Words that may stand between a verb and the word it governs ("did not reflexively denounce",
# "see it as an unearned concession"): auxiliaries, determiners, pronouns and -ly adverbs.
_BETWEEN = frozenset("be is are was were been being has have had do does did will would could should may "
                     "might must can the a an this that these those it them his her their its our "
                     "him me us".split())
_CLAUSE_END = re.compile(r"[.;:!?\n]")
# Head nouns of bodies, offices and activities: a word-choice noun right before one is part of a name
# or a term of the trade ("disaster officials", "the provincial disaster office", "relief operations"),
# not a word the outlet chose for the event.
_BODY_HEADS = frozenset("""
official officials office offices agency agencies authority authorities council committee ministry
department departments operation operations management response team teams unit units fund funds
zone zones area areas service services centre center centres centers coordinator coordinators
commission board group groups worker workers effort efforts agency's council's
""".split())


@dataclass(frozen=True)
class Use:
    """One occurrence of a word-choice term in an article."""
    start: int
    end: int
    term: str
    label: str
    lexicon: str
    family: str
    in_quote: bool      # inside a short quoted fragment
    ascribed: bool = False  # a judgement an ascribing verb gives its subject ("see it as unearned")
    describes: str = ""     # "state": it describes a person's state, not judges (descriptive.py)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a word ("slammed" -> "slam", "fiercer" -> "fierce"), else the word."""
    from lemminflect import getAllLemmas  # MIT; lemmas from its own shipped tables, offline
    low = word.lower().replace("’", "'")
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        found = getAllLemmas(low, pos)
        if found:
            return found[pos][0]
    return low


def family(term: str) -> str:
    """A term's family: the lemma of each word ("took a swipe" and "taking a swipe" are one)."""
    return " ".join(lemma(w) for w in term.split())


_USES: dict[tuple[str, str], tuple[list[Use], frozenset[str]]] = {}
CACHE_MAX = 512        # articles whose scans are kept (uses here, senses in event_words.py)


def article_uses(article: Article) -> tuple[list[Use], frozenset[str]]:
    """(the article's word-choice uses that are the outlet's own, every family the article uses
    anywhere, quotes included); cached per text."""
    key = (article.id, article.digest)
    if key not in _USES:
        if len(_USES) >= CACHE_MAX:
            _USES.clear()
        _USES[key] = _scan(article)
    return _USES[key]


def _scan(article: Article) -> tuple[list[Use], frozenset[str]]:
    quotes = [(q.start, q.end, count_words(article.text[q.start:q.end])) for q in direct_spans(article)]
    # reported speech ("X said the plan was reckless") is the source's wording, told by the outlet
    quotes += [(q.start, q.end, _REPORTED) for q in find_quotes(article) if q.kind == "reported"]
    # and speech told by a participle or "claimed to be" (", saying he was the victim of ...")
    quotes += [(s, e, _REPORTED) for s, e in speech_ranges(article.text)]
    families = {lemma(w) for w in _WORD.findall(article.text)}
    uses = []
    for name, (_, _, labels) in WORD_CHOICE.items():
        for start, end, term, label in load_lexicon(name).find(article.text):
            fam = family(term)
            families.add(fam)
            if labels is not None and label not in labels:
                continue
            inside = [n for s, e, n in quotes if s <= start and end <= e]
            if inside and inside[0] > FRAMING_QUOTE_FRAGMENT_MAX_WORDS:
                continue        # the speaker's word, not the outlet's
            if (named_body(article.text, end) and not _adjective(term)) or negated(article.text, start) \
                    or literal(article.text, start, end) or participle_as_verb(article.text, end, term, label) \
                    or in_name(article.text, start, end) \
                    or (name == "attribution_verbs" and (motion_not_speech(article.text, start, end)
                                                         or spoken_of(article.text, start, end))) \
                    or (name != "attribution_verbs" and foreseen(article.text, start)) \
                    or names_a_term(article.text, start, end) \
                    or (name != "attribution_verbs" and names_a_problem(article.text, start, end)):
                continue        # a name or a term of the trade, nobody is said to do it, or a device
            # a subject's view told by the outlet counts low, as a quoted fragment does (which
            # views the outlet reports, and in which words, is still its choice)
            described = describes(article.text, start, end, label)
            if described in NO_CHOICE:
                continue        # it describes a thing, or names what a source is about to tell
            uses.append(Use(start, end, term, label, name, fam, bool(inside),
                            not inside and ascribed(article.text, start), described))
    return _without_overlaps(uses), frozenset(families)


def _without_overlaps(uses: list[Use]) -> list[Use]:
    """One use per stretch of text: the longest term wins ("lashed out at" over "lashed")."""
    out: list[Use] = []
    for u in sorted(uses, key=lambda u: (u.start, -(u.end - u.start))):
        if out and u.start < out[-1].end:
            continue
        out.append(u)
    return out


def _words_before(text: str, pos: int) -> list[str]:
    """The words of ``pos``'s clause before it, nearest first, lower case."""
    start = max(0, pos - 120)
    stop = max((m.end() for m in _CLAUSE_END.finditer(text, start, pos)), default=start)
    return [w.lower() for w in reversed(_WORD.findall(text, stop, pos))]


def _skip_between(words: list[str], i: int = 0, pronouns: bool = False) -> int:
    """Index of the first word from ``i`` on that is not an auxiliary or -ly adverb (nor, when
    ``pronouns``, a determiner or pronoun)."""
    aux = {"be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "do", "does", "did"}
    while i < len(words) and ((words[i].endswith("ly") and len(words[i]) > 4)
                              or words[i] in (_BETWEEN if pronouns else aux)):
        i += 1
    return i


@lru_cache(maxsize=4096)
def _adjective(term: str) -> bool:
    """A one-word term that can be an adjective ("corrupt", "anxious", "panicked"): before a person
    noun it judges or describes the people ("corrupt officials"), not a noun naming a body
    ("disaster officials")."""
    from lemminflect import getAllLemmas
    return " " not in term and bool(getAllLemmas(term, "ADJ") or term.endswith("ed"))


def named_body(text: str, end: int) -> bool:
    """The word ending at ``end`` modifies a head noun of a body, an activity or a person's role
    ("disaster officials", "relief operations", "disaster officer"): a name or a term of the trade."""
    m = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if m is None:
        return False
    word = m.group(0).lower()
    return word in _BODY_HEADS or bool(noun_of(word) or (word.endswith("s") and noun_of(word[:-1])))


def negated(text: str, pos: int) -> bool:
    """The word at ``pos`` follows a negation, past auxiliaries, -ly adverbs and "to" ("did not
    reflexively denounce", "was never condemned", "didn't slam", "urged people not to panic")."""
    words = _words_before(text, pos)
    i = _skip_between(words)
    if i < len(words) and words[i] == "to":
        i += 1                  # "advising people not to panic": the negation before "to"
    return i < len(words) and (words[i] in _NEGATORS or words[i].endswith("n't"))


def ascribed(text: str, pos: int) -> bool:
    """The word at ``pos`` is a judgement a verb of the ``ascribing_verbs`` lexicon ascribes to its
    subject: after "as" ("see it as an unearned concession", "dismissed his remarks as alarmist") or,
    for the label verbs, as the verb's complement ("branded the plan reckless"), within
    FRAMING_ASCRIBED_WINDOW_WORDS words."""
    verbs = load_lexicon("ascribing_verbs").entries
    words = _words_before(text, pos)[:FRAMING_ASCRIBED_WINDOW_WORDS + 1]
    if "as" in words:
        after_as = words[words.index("as") + 1:]
        if any(verbs.get(lemma(w)) in ("as", "label") for w in after_as):
            return True
    i = _skip_between(words, pronouns=True)
    # "called the plan reckless": the verb, its object (a determiner and up to two words), the word
    for j in range(i, min(len(words), i + 3)):
        if verbs.get(lemma(words[j])) == "label":
            return True
    return False
