"""Framing differences on aligned facts: how two outlets tell the same fact differently.

``framing_findings(facts, articles)`` compares, for every fact carried by two or more outlets, each
pair of versions (the fact's member sentences of each article, joined) and returns typed ``Finding``
records, strongest first.  Each finding has exact spans into ``Article.text`` for the words that
differ, one sentence of evidence naming the rule or lexicon entry, a score 0-1, the rule id and data.

Kinds (docs/FINDINGS.md documents each with its rule and a seed example):
``attribution_verb``, ``hedge``, ``booster``, ``intensifier``, ``loaded_word`` (lexical.py);
``quote_vs_paraphrase``, ``passive_agent`` (structure.py); ``naming`` (naming.py);
``sentiment_shift`` (shift.py); ``contradiction`` and ``stance`` (contradictions.py); over whole
articles rather than pairs of versions: ``spelling`` (spelling.py).

One outlet's hedge, booster or graded attribution verb met in several pairs is one finding listing
the other outlets, one article's agentless passives are one finding, and one outlet's charged words
read against several outlets are one sentiment row (grouping.py); a passive no
outlet tells with an actor, of a kind of happening the event calls for ("had been destroyed" in a
quake), is dropped.

Ids are ``stable_id(kind, rule, <each side's article digest, version text and term>)`` with the sides
in digest order, so the same texts give the same ids whatever the input order; a finding raised twice
(the same pair of versions in two facts) is kept once.  Two versions with identical text and date
are not compared (no rule can fire on them).  Articles whose text does not read as English
are skipped: the lexicons are English.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import Iterator, Mapping, Sequence

from analysis.constants import FRAMING_MIN_VERSION_WORDS
from analysis.model import Article, Fact, Finding
from analysis.signals.common import language_note
from analysis.signals.framing.common import Candidate, to_finding
from analysis.signals.framing.contradictions import contradiction_candidates
from analysis.signals.framing.event_words import event_senses, senses_of
from analysis.signals.framing.grouping import group_passives, merge_choices, merge_quoters, merge_shifts
from analysis.signals.framing.lexical import lexical_candidates
from analysis.signals.framing.naming import naming_candidates
from analysis.signals.framing.shift import shift_candidates
from analysis.signals.framing.spelling import spelling_findings
from analysis.signals.framing.structure import passive_candidates, passives, quote_candidates
from analysis.signals.framing.uses import lemma
from analysis.signals.framing.versions import Pair, Version, article_speakers, build_version, speakers
from analysis.signals.framing.wording import word_choice_findings

__all__ = ["KINDS", "article_findings", "clear_caches", "framing_findings", "joined_findings", "pair_findings",
           "version_findings"]

KINDS = ("attribution_verb", "hedge", "booster", "intensifier", "loaded_word", "quote_vs_paraphrase",
         "passive_agent", "naming", "sentiment_shift", "contradiction", "stance", "spelling")

_RULES = (contradiction_candidates, lexical_candidates, quote_candidates, passive_candidates,
          naming_candidates, shift_candidates)


def framing_findings(facts: Sequence[Fact], articles: Mapping[str, Article]) -> list[Finding]:
    """Framing findings for every pair of versions of every fact; strongest first."""
    return joined_findings([version_findings(facts, articles)], article_findings(facts, articles), articles)


def version_findings(facts: Sequence[Fact], articles: Mapping[str, Article]) -> dict[str, Finding]:
    """The strongest finding of each id over every pair of versions of ``facts``.  A fact's pairs read
    that fact alone, so the facts may be read in parts (on two cores: ``signals.stage``) and the
    parts joined in order by ``joined_findings``: the same findings as one pass."""
    english = {aid: _is_english(a) for aid, a in articles.items()}
    best: dict[str, Finding] = {}
    worded = _Wordings()
    for fact in facts:
        versions = _versions(fact, articles, english)
        for a, b in combinations(versions, 2):
            if _same_words(a, b):
                continue
            pair = Pair(fact.id, a, b)
            for cand in worded.candidates(pair):
                finding = to_finding(pair, cand)
                kept = best.get(finding.id)
                if kept is None or finding.score > kept.score:
                    best[finding.id] = finding
    return best


def article_findings(facts: Sequence[Fact], articles: Mapping[str, Article]) -> list[Finding]:
    """What is read over whole articles rather than pairs of versions: spellings, word choices."""
    readable = _readable(articles)
    return spelling_findings(readable) + word_choice_findings(facts, readable)


def joined_findings(parts: Sequence[Mapping[str, Finding]], whole: Sequence[Finding],
                    articles: Mapping[str, Article]) -> list[Finding]:
    """The findings of ``version_findings`` over consecutive parts of the facts (the strongest of each
    id, the first of equals) with ``article_findings`` (``whole``), grouped; strongest first."""
    best: dict[str, Finding] = {}
    for part in parts:
        for fid, finding in part.items():
            kept = best.get(fid)
            if kept is None or finding.score > kept.score:
                best[fid] = finding
    for finding in whole:
        best[finding.id] = finding
    unhidden = _without_event_passives(list(best.values()), list(_readable(articles).values()))
    grouped = merge_shifts(group_passives(merge_quoters(merge_choices(unhidden, articles), articles), articles),
                           articles)
    return sorted(grouped, key=lambda f: (-f.score, f.kind, f.id))


def _readable(articles: Mapping[str, Article]) -> dict[str, Article]:
    return {aid: a for aid, a in articles.items() if _is_english(a)}


def _without_event_passives(findings: list[Finding], articles: Sequence[Article]) -> list[Finding]:
    """Agentless passives that no outlet tells with an actor (rule ``passive.agentless``, not
    ``agentless_vs_active``) and whose verb is of a sense class the event calls for ("had been
    destroyed", "are injured" in a quake story, ``event_words.event_senses``): what acted is the event
    itself, and no outlet names anyone else, so nothing is hidden."""
    if len(articles) < 2:
        return findings
    called_for = event_senses(articles)
    return [f for f in findings if not (f.kind == "passive_agent" and f.rule == "passive.agentless"
                                        and senses_of({lemma(f.data.get("participle", ""))}) & called_for)]


def _same_words(a: Version, b: Version) -> bool:
    """Two versions with the same text (outlets running the same wire copy) and the same year, so
    that "Feb. 17" means the same date in both.  Every rule compares the two versions and fires only
    on a difference between them, so such a pair has no finding: skipping it saves most of the work
    when many outlets carry one fact (a fact carried by n outlets has n(n-1)/2 pairs)."""
    return a.text == b.text and a.article.date == b.article.date


def pair_findings(pair: Pair) -> Iterator[Finding]:
    """Every rule's findings on one pair of versions."""
    for cand in _candidates(pair):
        yield to_finding(pair, cand)


def _candidates(pair: Pair) -> Iterator[Candidate]:
    for rule in _RULES:
        yield from rule(pair)


# Stand-in article ids and outlet names of the two sides of a wording (see ``_Wordings``).  A NUL never
# occurs in an article's text after ingest; a text that holds one is simply not shared.
_SIDES = {"a": ("\x00a", "\x00A"), "b": ("\x00b", "\x00B")}


class _Wordings:
    """The rules' candidates for each *wording* of a pair, computed once and reused.

    Many outlets carry a fact in the same words (wire copy), so the same two version texts meet in
    many pairs of articles.  What the rules find depends only on the two texts, their sentence
    pieces and their articles' dates; the outlets enter only as names in the evidence and as ids in
    terms and data.  So the rules run once per wording on stand-in versions (ids and names ``_SIDES``),
    and each real pair gets a copy with the stand-ins replaced by its own versions, ids and names:
    the same candidates, in the same order, as running the rules on the pair itself.
    """

    def __init__(self) -> None:
        self._done: dict[tuple, tuple[Pair, list[Candidate]]] = {}

    def candidates(self, pair: Pair) -> list[Candidate]:
        if "\x00" in pair.a.text or "\x00" in pair.b.text:
            return list(_candidates(pair))
        key: tuple = (_wording(pair.a), _wording(pair.b))
        if passives(pair.a.text) or passives(pair.b.text):
            # Only the passive rules read the articles around the versions (who acts, named before):
            # copies of a sentence with no passive in either text share one wording whatever surrounds
            # them (else every pair of a fact carried by hundreds of outlets is read again).
            key += (pair.a.context, pair.b.context)
        if key not in self._done:
            stand_in = Pair(pair.fact_id, _stand_in(pair.a, "a"), _stand_in(pair.b, "b"))
            self._done[key] = (stand_in, list(_candidates(stand_in)))
        stand_in, found = self._done[key]
        version = {id(stand_in.a): pair.a, id(stand_in.b): pair.b}
        names = {_SIDES["a"][0]: pair.a.id, _SIDES["a"][1]: pair.a.name,
                 _SIDES["b"][0]: pair.b.id, _SIDES["b"][1]: pair.b.name}
        return [replace(c, first=version[id(c.first)], second=version[id(c.second)],
                        terms=_renamed(c.terms, names), evidence=_renamed(c.evidence, names),
                        ranges=[(version[id(v)], s, e) for v, s, e in c.ranges],
                        data=_renamed(c.data, names)) for c in found]


def _wording(v: Version) -> tuple:
    # the quotes too: they are read on the whole article, so one text may sit inside a quote in one
    # article and not in another
    # and the reported speech and the quotes' speakers, read on the whole article too
    return (v.text, tuple((start, length) for start, _, length in v.pieces), v.article.date, tuple(v.quotes),
            tuple(v.reported), speakers(v))


def _stand_in(v: Version, side: str) -> Version:
    # The speakers of a text's quotes are kept per text: read them on the real article, whose quotes
    # are found already (the stand-in's own id would make them found again, for every article).
    article_speakers(v.article)
    article_id, name = _SIDES[side]
    article = replace(v.article, id=article_id, outlet=name)
    return Version(article, v.sentence_ids, v.text, list(v.pieces))


def _renamed(value, names: Mapping[str, str]):
    """``value`` with every stand-in id or name replaced, in strings, keys and nested values."""
    if isinstance(value, str):
        if "\x00" in value:
            for old, new in names.items():
                value = value.replace(old, new)
        return value
    if isinstance(value, Mapping):
        return {_renamed(k, names): _renamed(v, names) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_renamed(v, names) for v in value)
    return value


def clear_caches() -> None:
    """Forget the per-text results the rules keep between comparisons (word diffs, passives,
    lexicon matches): for benchmarks that time a cold run."""
    from analysis.signals.framing.lexical import _TEXT_HITS
    from analysis.signals.framing.structure import passives
    from analysis.signals.framing.versions import _diff
    _TEXT_HITS.clear()
    passives.cache_clear()
    _diff.cache_clear()


def _is_english(article: Article) -> bool:
    return language_note(article) is None      # cached per text by ``language_note``


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
