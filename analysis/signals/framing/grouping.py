"""One row per choice: pair findings of one outlet's word, and one article's agentless passives, merged.

The pair rules compare two versions at a time, so a hedge that one outlet adds to a fact five others
tell plainly would be five findings, and a quote that four outlets paraphrase four.  ``merge_choices``
makes it one per (kind, outlet, word or quote) listing every other outlet and what it has instead;
``group_passives`` makes the agentless passives of one article one finding, its items listed in
``data["items"]`` (expandable in the window), scored by the strongest item with a little added for
each further one.  Ids depend on the outlet's text and the word (or "passives"), so a review keeps
its verdicts across runs.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Mapping, Sequence

from analysis.constants import PASSIVE_GROUP_ITEM_BONUS, PASSIVE_GROUP_MAX_BONUS
from analysis.model import Article, Finding, stable_id
from analysis.signals.framing.common import names_list, quote

MERGED_KINDS = ("hedge", "booster", "attribution_verb", "quote_vs_paraphrase")
_VERBS = {"hedge": "hedges with", "booster": "boosts with", "attribution_verb": "attributes with",
          "quote_vs_paraphrase": "quotes directly"}


def _user(f: Finding) -> str:
    return f.data.get("used_by") or f.articles[0]


def merge_choices(findings: Sequence[Finding], articles: Mapping[str, Article]) -> list[Finding]:
    """Pair findings of one outlet's word merged into one finding per (kind, outlet, word); every
    other finding is returned as it is."""
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    out = []
    for f in findings:
        # word-choice findings are whole; two outlets quoting different words are one pair's row
        if f.kind in MERGED_KINDS and "occurrences" not in f.data and f.rule != "quote.different_words":
            groups[(f.kind, _user(f), f.data.get("term", ""))].append(f)
        else:
            out.append(f)
    for (kind, user, term), group in groups.items():
        out.append(group[0] if len(group) == 1 else _merged(kind, user, term, group, articles))
    return out


def _merged(kind: str, user: str, term: str, group: list[Finding], articles: Mapping[str, Article]) -> Finding:
    group = sorted(group, key=lambda f: (-f.score, f.id))
    name = lambda aid: articles[aid].outlet if aid in articles and articles[aid].outlet else aid
    others: dict[str, str] = {}
    for f in group:
        other = next(a for a in f.articles if a != user)
        others.setdefault(other, f.data.get("other_term") or f.data.get("other_text") or "")
    told = [f"{name(a)} has {quote(t)}" for a, t in others.items() if t]
    plain = [name(a) for a, t in others.items() if not t]
    if plain:
        told.append(names_list(plain) + (" tells it without it" if len(plain) == 1 else " tell it without it"))
    label = group[0].data.get("grade") or group[0].data.get("label") or ""
    spans = sorted({s for f in group for s in f.spans}, key=lambda s: (s.article != user, s.article, s.start))
    data = dict(group[0].data)
    # a quote's terms say how each side tells it ("direct", "paraphrase"); a word's, the words
    terms = {user: "direct", **{a: "paraphrase" for a in others}} if kind == "quote_vs_paraphrase" \
        else {user: term, **others}
    data.update({"used_by": user, "others": others, "facts": sorted({f.fact for f in group if f.fact}),
                 "terms": terms, "merged": len(group)})
    digest = articles[user].digest if user in articles else user
    return Finding(
        id=stable_id(kind, "merged", digest, term), kind=kind, fact=group[0].fact,
        articles=(user, *others), spans=tuple(spans),
        evidence=f"{name(user)} {_VERBS[kind]} {quote(term)} ({label}): {'; '.join(told)}.",
        score=group[0].score, rule=group[0].rule, data=data)


def group_passives(findings: Sequence[Finding], articles: Mapping[str, Article]) -> list[Finding]:
    """The agentless-passive findings of each article as one finding per article."""
    passives: dict[str, list[Finding]] = defaultdict(list)
    out = []
    for f in findings:
        if f.kind == "passive_agent":
            passives[f.articles[0]].append(f)
        else:
            out.append(f)
    for aid, group in passives.items():
        out.append(_passive_group(aid, group, articles))
    return out


def _passive_group(aid: str, group: list[Finding], articles: Mapping[str, Article]) -> Finding:
    group = sorted(group, key=lambda f: (-f.score, f.id))
    by_phrase: dict[str, Finding] = {}
    for f in group:
        by_phrase.setdefault(f.data.get("phrase", "").lower(), f)
    items = [{"phrase": f.data.get("phrase", ""), "fact": f.fact, "evidence": f.evidence, "rule": f.rule,
              "score": f.score, "spans": [[s.article, s.start, s.end] for s in f.spans]}
             for f in by_phrase.values()]
    bonus = min(PASSIVE_GROUP_MAX_BONUS, PASSIVE_GROUP_ITEM_BONUS * (len(items) - 1))
    name = articles[aid].outlet if aid in articles and articles[aid].outlet else aid
    shown = ", ".join(quote(i["phrase"]) for i in items[:4]) + (" …" if len(items) > 4 else "")
    others = sorted({a for f in group for a in f.articles if a != aid})
    spans = sorted({s for f in by_phrase.values() for s in f.spans},
                   key=lambda s: (s.article != aid, s.article, s.start))
    digest = articles[aid].digest if aid in articles else aid
    count = (f"{len(items)} agentless passives that do not" if len(items) > 1
             else "an agentless passive that does not")
    return Finding(
        id=stable_id("passive_agent", "article", digest), kind="passive_agent", fact=group[0].fact,
        articles=(aid, *others), spans=tuple(spans),
        evidence=f"{name} uses {count} say who acts, where other outlets tell the same facts: {shown}.",
        score=round(min(1.0, group[0].score + bonus), 4), rule=group[0].rule,
        data={"items": items, "count": len(items), "used_by": aid,
              "terms": {aid: items[0]["phrase"].lower()}, "participle": group[0].data.get("participle", "")})
