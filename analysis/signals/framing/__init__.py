"""Framing differences on aligned facts: how two outlets tell the same fact differently.

``framing_findings(facts, articles)`` compares, for every fact carried by two or more outlets, each
pair of versions (the fact's member sentences of each article, joined) and returns typed ``Finding``
records, strongest first.  Each finding has exact spans into ``Article.text`` for the words that
differ, one sentence of evidence naming the rule or lexicon entry, a score 0-1, the rule id and data.

Kinds (docs/FINDINGS.md documents each with its rule and a seed example):
``attribution_verb``, ``hedge``, ``booster``, ``intensifier``, ``loaded_word`` (lexical.py);
``quote_vs_paraphrase``, ``passive_agent`` (structure.py); ``naming`` (naming.py);
``sentiment_shift`` (shift.py); ``contradiction`` and ``stance`` (contradictions.py).

Ids are ``stable_id(kind, rule, <each side's article digest, version text and term>)`` with the sides
in digest order, so the same texts give the same ids whatever the input order; a finding raised twice
(the same pair of versions in two facts) is kept once.  Articles whose text does not read as English
are skipped: the lexicons are English.
"""
from __future__ import annotations

from itertools import combinations
from typing import Iterator, Mapping, Sequence

from ...constants import FRAMING_MIN_VERSION_WORDS
from ...model import Article, Fact, Finding
from ..common import language_note
from .common import to_finding
from .contradictions import contradiction_candidates
from .lexical import lexical_candidates
from .naming import naming_candidates
from .shift import shift_candidates
from .structure import passive_candidates, quote_candidates
from .versions import Pair, Version, build_version

__all__ = ["KINDS", "framing_findings", "pair_findings"]

KINDS = ("attribution_verb", "hedge", "booster", "intensifier", "loaded_word", "quote_vs_paraphrase",
         "passive_agent", "naming", "sentiment_shift", "contradiction", "stance")

_RULES = (contradiction_candidates, lexical_candidates, quote_candidates, passive_candidates,
          naming_candidates, shift_candidates)


def framing_findings(facts: Sequence[Fact], articles: Mapping[str, Article]) -> list[Finding]:
    """Framing findings for every pair of versions of every fact; strongest first."""
    english = {aid: _is_english(a) for aid, a in articles.items()}
    best: dict[str, Finding] = {}
    for fact in facts:
        versions = _versions(fact, articles, english)
        for a, b in combinations(versions, 2):
            for finding in pair_findings(Pair(fact.id, a, b)):
                kept = best.get(finding.id)
                if kept is None or finding.score > kept.score:
                    best[finding.id] = finding
    return sorted(best.values(), key=lambda f: (-f.score, f.kind, f.id))


def pair_findings(pair: Pair) -> Iterator[Finding]:
    """Every rule's findings on one pair of versions."""
    for rule in _RULES:
        for cand in rule(pair):
            yield to_finding(pair, cand)


_ENGLISH: dict[str, bool] = {}      # article digest -> reads as English (the check scans every token)


def _is_english(article: Article) -> bool:
    key = f"{article.language}:{article.digest}"
    if key not in _ENGLISH:
        if len(_ENGLISH) > 10_000:
            _ENGLISH.clear()
        _ENGLISH[key] = language_note(article) is None
    return _ENGLISH[key]


def _versions(fact: Fact, articles: Mapping[str, Article], english: Mapping[str, bool]) -> list[Version]:
    out: list[Version] = []
    seen: set[str] = set()
    for member in fact.members:
        article = articles.get(member.article)
        if article is None or member.article in seen or not english.get(member.article, False):
            continue
        version = build_version(article, member)
        if version is not None and version.words >= FRAMING_MIN_VERSION_WORDS:
            out.append(version)
            seen.add(member.article)
    return out
