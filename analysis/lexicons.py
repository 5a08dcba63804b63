"""Loader for the word lists in ``resources/lexicons/``.

File format (one file per lexicon, UTF-8, ``<name>.txt``):

* Header lines start with ``#`` and hold ``key: value`` pairs.  Required keys: ``name``, ``what`` (what
  the list is), ``origin`` (where the category comes from, e.g. "hedges after Hyland 2005") and
  ``licence``.  The methods appendix of the report prints these headers.
* Every other non-blank line is an entry: a lower-case term (one or more words), optionally followed by
  a TAB and a label (a grade or a category, e.g. ``claimed<TAB>loaded``).  Terms are matched on whole
  words, case-insensitively.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache, cached_property
from types import CodeType
from typing import Iterable, Mapping

from analysis.cache import cached_text, compiled, digest
from analysis.resources import lexicon_dir

LEXICON_DIR = lexicon_dir()          # a Traversable: read with ``/`` and ``read_text``
REQUIRED_HEADER_KEYS = ("name", "what", "origin", "licence")


@dataclass(frozen=True)
class Lexicon:
    name: str
    header: Mapping[str, str]
    entries: Mapping[str, str]      # term -> label ("" when the file gives none)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Whole-word, case-insensitive, longest term first; compiled on first use (lists read
        only for their entries, such as the stopwords, never pay for it), the compiler's work kept
        in the start-up cache (``analysis.cache.compiled``)."""
        if not self.entries:
            return re.compile(r"(?!x)x")
        return whole_words_pattern(self.entries)

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every match in ``text`` as (start, end, term, label), offsets into ``text``."""
        out = []
        for m in self.pattern.finditer(text):
            term = _normalise(m.group(0))
            out.append((m.start(), m.end(), term, self.entries.get(term, "")))
        return out


def _normalise(term: str) -> str:
    return re.sub(r"\s+", " ", term.replace("’", "'")).strip().lower()


def parse_lexicon(name: str, raw: str) -> Lexicon:
    header: dict[str, str] = {}
    entries: dict[str, str] = {}
    for line in raw.splitlines():
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                header[key.strip().lower()] = value.strip()
        elif line.strip():
            term, _, label = line.partition("\t")
            entries[_normalise(term)] = label.strip()
    missing = [k for k in REQUIRED_HEADER_KEYS if k not in header]
    if missing:
        raise ValueError(f"lexicon {name}: header lacks {', '.join(missing)}")
    return Lexicon(name, header, entries)


def _units(term: str) -> list[str]:
    """The regex piece of each character: any run of spaces matches any whitespace, ' matches ’."""
    out: list[str] = []
    for ch in term:
        unit = r"\s+" if ch == " " else "['’]" if ch in "'’" else re.escape(ch)
        if not (unit == r"\s+" and out and out[-1] == unit):
            out.append(unit)
    return out


def trie_pattern(terms) -> str:
    """One regex for all terms, shaped as a trie ("say(?:s|ing)?"): the same matches as the plain
    alternation of terms, longest first, but 3-20x faster on lists of hundreds of terms, since the
    engine no longer tries every term at every position.  Longer paths come before a term's end, so
    the longest term that fits is still the one matched."""
    root: dict = {}
    for term in terms:
        node = root
        for unit in _units(term):
            node = node.setdefault(unit, {})
        node[""] = {}               # a term ends here

    def emit(node: dict) -> str:
        ends = "" in node
        alternatives = [unit + emit(child) for unit, child in sorted(node.items()) if unit]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and not ends:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")" + ("?" if ends else "")

    return emit(root)


def whole_words_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """Any of ``terms`` as a whole word (not inside a word or a hyphenated word), case-insensitive,
    the longest that fits: the trie of ``trie_pattern``, built once per set of terms and kept, with
    its compiled code, in the start-up cache (building the text of the tries of every lexicon took
    ~0.04 s of CPU per process, more than compiling them from the cache)."""
    return compiled(rf"(?<![\w-])(?:{cached_trie(terms)})(?![\w-])", re.IGNORECASE)


def cached_trie(terms: Iterable[str]) -> str:
    """``trie_pattern(terms)``, kept in the start-up cache under the sorted terms, the builder's own
    code and the Python version (``re.escape`` is the interpreter's), so any change to either
    builds it afresh."""
    ordered = sorted(set(terms))
    key = f"trie 1 {sys.version} {_TRIE_CODE} {digest(chr(10).join(ordered))}"
    return cached_text("trie", key, lambda: trie_pattern(ordered))


def _code_digest(*functions) -> str:
    """A digest of functions' compiled code (nested functions included), the same in every process
    of one interpreter: it changes whenever what they do does."""
    return digest("\n".join(_code_text(f.__code__) for f in functions))


def _code_text(code: CodeType) -> str:
    consts = []
    for c in code.co_consts:
        if isinstance(c, CodeType):
            consts.append(_code_text(c))
        elif isinstance(c, frozenset):              # its order follows string hashing: sort it
            consts.append("frozenset" + repr(sorted(map(repr, c))))
        else:
            consts.append(repr(c))
    return " ".join([code.co_code.hex(), repr(code.co_names), repr(code.co_varnames), *consts])


@cache
def load_lexicon(name: str) -> Lexicon:
    """The lexicon ``resources/lexicons/<name>.txt`` (cached; files are read once per process)."""
    path = LEXICON_DIR / f"{name}.txt"
    return parse_lexicon(name, path.read_text(encoding="utf-8"))


def available_lexicons() -> list[str]:
    return sorted(p.name.removesuffix(".txt") for p in LEXICON_DIR.iterdir() if p.name.endswith(".txt"))


@cache
def speech_verbs() -> frozenset[str]:
    """Every speech verb form the engine knows: the graded ``attribution_verbs`` and the ungraded
    ``speech_verbs`` lexicons (single words and phrases such as "according to").  The one list the
    segmenter and the attribution of quotes share."""
    return frozenset(load_lexicon("attribution_verbs").entries) | frozenset(load_lexicon("speech_verbs").entries)


_TRIE_CODE = _code_digest(trie_pattern, _units)
