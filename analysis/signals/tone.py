"""Tone of an article or of a group of its sentences (an aligned fact): lexicon rates, passive voice,
quotation and the frame profile.

Every rate is "per 1,000 words" of the sentences measured (words as ``Article.word_count`` counts
them), so outlets of different length compare.  Categories and their lexicons (resources/lexicons/,
each file's header names its origin and licence):

* loaded, hedges, boosters, intensifiers, modals -- every whole-word match of the lexicon, anywhere
  (``rates_per_1k``) and outside direct quotes only (``own_rates_per_1k``: the outlet's own words,
  not its sources');
* attribution verbs by grade (neutral, assertive, doubt, concession, tentative, emotive) -- outside
  direct quotes only, because only there the verb is the outlet's choice;
* passive voice -- a heuristic, no tagger: a form of "be" (is, was, been, being...), at most
  PASSIVE_MAX_GAP_WORDS adverbs, then a past participle (a word in -ed or an irregular participle);
  "agentless" when no "by" follows within PASSIVE_AGENT_WINDOW_WORDS words of the same clause.  It
  misses reduced passives ("a deal negotiated without Kyiv") and get-passives and counts adjectival
  ones ("were concerned");
* quote share -- words inside direct quotes / words; reported share -- words of reported speech
  (when quotes are given); unnamed sources -- quotes given to an unnamed source ("a senior
  official", "residents", not a newspaper) and their share of all attributed words;
* frame profile -- matches of frames.txt per Media Frames dimension, as shares of all frame cues.

A lexicon that is missing is skipped with a note rather than failing the whole metric group.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from analysis.constants import PASSIVE_AGENT_WINDOW_WORDS, PASSIVE_MAX_GAP_WORDS, TOP_TERMS_SHOWN
from analysis.lexicons import Lexicon, load_lexicon
from analysis.model import Article, Quote, Sentence
from analysis.signals.actors import is_media
from analysis.signals.common import language_note, per_thousand, sentences_by_ids, span_cover, tokens_by_sentence

RATE_LEXICONS = ("loaded", "hedges", "boosters", "intensifiers", "modals")
ATTRIBUTION_LEXICON = "attribution_verbs"
FRAMES_LEXICON = "frames"

_BE = frozenset("be am is are was were been being isn't aren't wasn't weren't".split())
_GAP_OK = frozenset("not never also already still just being been further now often reportedly "
                    "repeatedly widely largely".split())
_IRREGULAR_PARTICIPLES = frozenset("""
arisen awoken beaten become begun bent bet bidden bitten bled blown broken bred brought built burnt
bought caught chosen clung come cost crept cut dealt done drawn dreamt driven drunk eaten fallen fed
felt fought found fled flung flown forbidden forgotten forgiven frozen got gotten given gone ground
grown hung had heard hidden hit held hurt kept known laid led leant left lent let lain lit lost made
meant met paid put quit read rid ridden rung risen run said seen sought sold sent set sewn shaken
shed shone shot shown shrunk shut sung sunk sat slain slept slid slung spoken sped spent spun split
spread sprung stood stolen stuck stung struck strung sworn swept swollen swum taken taught torn told
thought thrown thrust trodden understood undertaken undone upset woken worn woven wed wept won wound
withdrawn written overseen overtaken overthrown undermined
""".split())
_NOT_PARTICIPLES = frozenset("""
need seed speed feed indeed hundred naked wicked sacred creed greed steed breed proceed exceed
succeed embed shred sled bred wed
""".split())
_CLAUSE_BREAK = frozenset(",;:—–()")


def _lexicon(name: str) -> Lexicon | None:
    try:
        return load_lexicon(name)
    except (OSError, ValueError):
        return None


def _is_participle(word: str) -> bool:
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR_PARTICIPLES:
        return True
    return len(w) > 4 and w.endswith("ed") and w not in _NOT_PARTICIPLES


def passives(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, has_agent) of each passive construction in ``text`` (offsets into text)."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[\w’'\-]+|[^\w\s]", text)]
    out = []
    for i, (start, _, word) in enumerate(tokens):
        if word.lower().replace("’", "'") not in _BE:
            continue
        j = i + 1
        while j < len(tokens) and j - i - 1 < PASSIVE_MAX_GAP_WORDS and \
                (tokens[j][2].lower() in _GAP_OK or tokens[j][2].lower().endswith("ly")):
            j += 1
        if j < len(tokens) and _is_participle(tokens[j][2]):
            out.append((start, tokens[j][1], _has_agent(tokens, j + 1)))
    return out


def _has_agent(tokens, k: int) -> bool:
    for _, _, word in tokens[k:k + PASSIVE_AGENT_WINDOW_WORDS]:
        if word in _CLAUSE_BREAK or word == ".":
            return False
        if word.lower() == "by":
            return True
    return False


def _quote_spans(article: Article) -> list[tuple[int, int]]:
    from analysis.signals.quotemarks import direct_spans
    return [(q.outer_start, q.outer_end) for q in direct_spans(article)]


def _matches(lex: Lexicon, sentences: Sequence[Sentence]) -> list[tuple[int, int, str, str]]:
    """Lexicon matches with offsets into the article text."""
    return [(s.start + a, s.start + b, term, label) for s in sentences
            for a, b, term, label in lex.find(s.text)]




def _top(matches: Sequence[tuple[int, int, str, str]]) -> list[list]:
    counts = Counter(term for _, _, term, _ in matches)
    return [[t, n] for t, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:TOP_TERMS_SHOWN]]


def tone(article: Article, sentence_ids: Sequence[str] | None = None,
         quotes: Sequence[Quote] | None = None) -> dict:
    """Tone metrics of the article (or of the sentences ``sentence_ids``), JSON-able; {} if no words."""
    sentences = sentences_by_ids(article, sentence_ids)
    by_sentence = tokens_by_sentence(article)
    tokens = [t for s in sentences for t in by_sentence[s.index]]
    words = len(tokens)
    if not words:
        return {}
    in_quote = span_cover(_quote_spans(article))
    quoted = sum(1 for t in tokens if in_quote(t.start, t.end))
    own_words = words - quoted
    out: dict = {"words": words, **_quotation(sentences, quoted, words, quotes)}
    note = language_note(article)
    if note:
        return {**out, "note": note}
    out.update(_lexicon_rates(sentences, in_quote, words, own_words))
    out.update(_attribution(sentences, in_quote, words))
    out["passive"] = _passive(sentences, words)
    out.update(_frames(sentences, words))
    missing = [n for n in RATE_LEXICONS + (ATTRIBUTION_LEXICON, FRAMES_LEXICON) if _lexicon(n) is None]
    if missing:
        out["note"] = "lexicons missing, their rates are absent: " + ", ".join(missing)
    return out


def _quotation(sentences: Sequence[Sentence], quoted: int, words: int,
               quotes: Sequence[Quote] | None) -> dict:
    out = {"quote_share": round(quoted / words, 4)}
    if quotes is not None:
        ids = {s.id for s in sentences}
        reported = sum(q.words for q in quotes if q.kind == "reported" and q.sentence in ids)
        out["reported_share"] = round(min(1.0, reported / words), 4)
        out.update(_unnamed_sources([q for q in quotes if q.sentence in ids]))
    return out


def _unnamed_sources(quotes: Sequence[Quote]) -> dict:
    """How much of what the outlet attributes it gives to unnamed sources ("officials said"): the
    quotes (direct and reported) and their share of all attributed words.  A newspaper cited as
    where words appeared is named, not an unnamed source."""
    attributed = [q for q in quotes if q.speaker]
    unnamed = [q for q in attributed if q.unnamed and not is_media(q.speaker.lstrip("~"))]
    out: dict = {"unnamed_quotes": len(unnamed)}
    total = sum(q.words for q in attributed)
    if total:
        out["unnamed_share"] = round(sum(q.words for q in unnamed) / total, 4)
    return out


def _lexicon_rates(sentences, in_quote, words: int, own_words: int) -> dict:
    rates, own, counts, top, labels = {}, {}, {}, {}, {}
    for name in RATE_LEXICONS:
        lex = _lexicon(name)
        if lex is None:
            continue
        found = _matches(lex, sentences)
        outside = [m for m in found if not in_quote(m[0], m[1])]
        counts[name] = len(found)
        rates[name] = per_thousand(len(found), words)
        own[name] = per_thousand(len(outside), own_words)
        top[name] = _top(found)
        labels[name] = dict(Counter(label for *_, label in found if label))
    return {"rates_per_1k": rates, "own_rates_per_1k": own, "counts": counts,
            "labels": labels, "top_terms": top, "own_words": own_words}


def _attribution(sentences, in_quote, words: int) -> dict:
    lex = _lexicon(ATTRIBUTION_LEXICON)
    if lex is None:
        return {}
    grades = sorted({g for g in lex.entries.values() if g})
    found = [m for m in _matches(lex, sentences) if not in_quote(m[0], m[1])]
    by_grade = Counter(label for *_, label in found)
    return {"attribution_counts": {g: by_grade.get(g, 0) for g in grades},
            "attribution_per_1k": {g: per_thousand(by_grade.get(g, 0), words) for g in grades},
            "attribution_terms": _top([m for m in found if m[3] != "neutral"])}


def _passive(sentences: Sequence[Sentence], words: int) -> dict:
    found = [(s, p) for s in sentences for p in passives(s.text)]
    agentless = sum(1 for _, p in found if not p[2])
    with_passive = len({s.id for s, _ in found})
    return {"count": len(found), "agentless": agentless,
            "per_1k": per_thousand(len(found), words),
            "agentless_per_1k": per_thousand(agentless, words),
            "sentence_share": round(with_passive / len(sentences), 4) if sentences else None,
            "agentless_share": round(agentless / len(found), 4) if found else None,
            "examples": [{"sentence": s.id, "text": s.text[p[0]:p[1]], "agent": p[2]}
                         for s, p in found[:TOP_TERMS_SHOWN]]}


def _frames(sentences: Sequence[Sentence], words: int) -> dict:
    lex = _lexicon(FRAMES_LEXICON)
    if lex is None:
        return {}
    found = _matches(lex, sentences)
    by_dim = Counter(label for *_, label in found if label)
    total = sum(by_dim.values())
    profile = {d: round(n / total, 4) for d, n in sorted(by_dim.items(), key=lambda p: (-p[1], p[0]))}
    return {"frames": profile, "frame_cues": total, "frame_cues_per_1k": per_thousand(total, words),
            "frame_terms": _top(found)}

