"""Word tokens of each sentence, with exact offsets (part of the segment stage).

Tokens
    Treebank-like word tokens from one regular expression, so offsets are exact by construction:
    punctuation is split off; clitics are split as in the Penn Treebank ("Kyiv's" -> "Kyiv" + "'s",
    "don't" -> "do" + "n't", curly apostrophes alike), so that "Kyiv's" and "Kyiv" match as words
    across outlets; a name with an inner apostrophe stays whole ("O'Brien"); initialisms and known
    abbreviations keep their period ("U.S.", "a.m.", "Dr.", "Feb.", also at a sentence end); a number
    keeps its currency sign, separators and percent sign ("$1.5", "2.06%", "1,000", "10:30"), so a
    figure compares as one word; hyphenated words stay whole ("cease-fire", "U.S.-Russia"); URLs and
    e-mail addresses are one token.  Every non-space character is in exactly one token.
"""
from __future__ import annotations

import re

from analysis.model import Sentence, Token
from analysis.regexcache import longest_first
from analysis.segment.sentences import ABBREVIATIONS, NUMBER_ABBREVIATIONS, TITLES

# --- tokens -------------------------------------------------------------------------------------

_URL_TAIL = ".,;:!?)]}'\"’”»"
_KNOWN_ABBREVIATIONS = (TITLES | ABBREVIATIONS) - {"ph.d"}


def _cased_alternation(words) -> str:
    """Regex alternation of ``words`` as written in lower case, Capitalised or in CAPITALS."""
    forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
    return "|".join(longest_first(re.escape(f) for f in forms))


_TOKEN_FORMAT = r"""
    {links}
    (?:[^\W\d_]\.){{2,}}(?:[-‐‑]\w+)*(?![^\W\d_])              # initialism: U.S. a.m. U.S.-led
  | (?=(?:[^\W\d_]|[°º]){{1,6}}\.)(?<![\w.])                    # (cheap guard for the next line)
    (?:(?:{abbrev})\.|(?:{numabbrev})\.(?=\s*\d))                # Dr. Feb. Co. (with period); No. 5
  | [A-Z]\.(?=\s+[A-Z])                                        # initial: J. R. R. Tolkien
  | (?:[$€£¥](?=\d))?\w+                                       # words and numbers: $1.5, 2.06%,
    (?:(?:[-‐‑'’.&]|(?<=\d)[,:/](?=\d))\w+)*(?:(?<=\d)%)?        # cease-fire, O'Brien, 1,000, 10:30
  | \.{{2,}}|[!?]{{2,}}|-{{2,}}|[^\w\s]                          # punctuation; runs ... ?! -- kept
"""
_LINKS = r"""
    (?:https?://|www\.)(?:[^\s{tail}]|[{tail}]++(?=[^\s{tail}]))*+        # URL, without trailing punctuation
  | [\w.+-]+@\w[\w-]*(?:\.\w[\w-]*)+                                       # e-mail address
  |""".format(tail=re.escape(_URL_TAIL))


def _token_regex(links: bool) -> re.Pattern:
    return re.compile(_TOKEN_FORMAT.format(
        links=_LINKS if links else "",
        abbrev=_cased_alternation(_KNOWN_ABBREVIATIONS),
        numabbrev=_cased_alternation(NUMBER_ABBREVIATIONS)), re.VERBOSE)


# Two compiled forms: the URL and e-mail branches cost a scan of every word, so they are only used
# for sentences that can hold a link.
_TOKEN = _token_regex(links=True)
_TOKEN_NO_LINKS = _token_regex(links=False)


def _token_pattern(sentence: str) -> re.Pattern:
    return _TOKEN if ("@" in sentence or "://" in sentence or "www." in sentence) else _TOKEN_NO_LINKS


# Penn Treebank clitics, split off the end of a word: "Kyiv's" -> "Kyiv" + "'s", "don't" -> "do" + "n't".
_CLITIC = re.compile(r"(?i)(?<=\w)(?:n['’]t|['’](?:s|re|ve|ll|d|m))$")


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """Word tokens of each sentence, with offsets into ``text`` (see the module docstring)."""
    tokens: list[Token] = []
    for sent in sentences:
        base, index = sent.start, sent.index
        for m in _token_pattern(sent.text).finditer(sent.text):
            word = m.group()
            s, e = m.start(), m.end()
            if ("'" in word or "’" in word) and (c := _CLITIC.search(word)) and c.start() > 0:
                split = s + c.start()
                tokens.append(Token(base + s, base + split, word[:c.start()], index))
                s = split
                word = word[c.start():]
            tokens.append(Token(base + s, base + e, word, index))
    return tokens
