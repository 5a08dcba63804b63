"""One row per choice: pair findings of one outlet's word, and one article's agentless passives, merged.

The pair rules compare two versions at a time, so a hedge that one outlet adds to a fact five others
tell plainly would be five findings, and a quote that four outlets paraphrase four.  ``merge_choices``
makes it one per (kind, outlet, word or quote) listing every other outlet and what it has instead;
``group_passives`` makes the agentless passives of one article one finding, its items listed in
``data["items"]`` (expandable in the window), scored by the strongest item with a little added for
each further one; ``merge_quoters`` makes one quote that several outlets quote, against the same
paraphrase, one row (``data["quoted_by"]``); ``merge_shifts`` makes one outlet's charged words read
against several outlets' words one sentiment row ("devastating" against two outlets' "powerful").
Ids depend on the outlet's text and the word (or "passives"), so a review keeps its verdicts across
runs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Mapping, Sequence

from analysis.constants import PASSIVE_GROUP_ITEM_BONUS, PASSIVE_GROUP_MAX_BONUS, QUOTE_SAME_WORDS_MIN_SHARE
from analysis.model import Article, Finding, stable_id
from analysis.signals.framing.common import names_list, quote
from analysis.signals.framing.uses import family

# Words that do not count when telling whether two outlets quote the same words.
_STOP = frozenset("the and that with this from have has his her their our will would was were are for not "
                  "but its it's they them you".split())
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
            groups[(f.kind, _user(f), _word_key(f))].append(f)
        else:
            out.append(f)
    for (kind, user, _), group in groups.items():
        term = group[0].data.get("term", "")
        out.append(group[0] if len(group) == 1 else _merged(kind, user, term, group, articles))
    return out


def merge_quoters(findings: Sequence[Finding], articles: Mapping[str, Article]) -> list[Finding]:
    """Direct-vs-paraphrase rows of one quote that several outlets quote, against the same
    paraphrasing outlet(s), as one row: the quotes share at least QUOTE_SAME_WORDS_MIN_SHARE of
    their content words ("It is clear that Mr Turnbull and his coalition will form a government" in
    three outlets, paraphrased by a fourth).  The strongest row leads; the other quoting outlets
    are listed in ``data["quoted_by"]`` and their quotes' spans added."""
    rows = sorted((f for f in findings if f.kind == "quote_vs_paraphrase" and f.rule == "quote.direct_vs_paraphrase"),
                  key=lambda f: (-f.score, f.id))
    runs: list[list[Finding]] = []
    for f in rows:
        run = next((r for r in runs if _same_quote(r[0], f, articles)), None)
        if run is None:
            runs.append([f])
        elif _user(f) not in {_user(g) for g in run}:
            run.append(f)
    folded = {run[0].id: _quoted_by(run, articles) for run in runs if len(run) > 1}
    gone = {f.id for run in runs for f in run[1:] if len(run) > 1}
    return [folded.get(f.id, f) for f in findings if f.id not in gone]


def _paraphrasers(f: Finding) -> set[str]:
    return set(f.data.get("others") or [a for a in f.articles if a != _user(f)])


def _same_quote(a: Finding, b: Finding, articles: Mapping[str, Article]) -> bool:
    if not _paraphrasers(a) & _paraphrasers(b):
        return False
    wa, wb = _quote_words(a, articles), _quote_words(b, articles)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= QUOTE_SAME_WORDS_MIN_SHARE


def _quote_words(f: Finding, articles: Mapping[str, Article]) -> set[str]:
    """Content words of the quoting outlet's quotes (its spans; the term is cut short)."""
    user = _user(f)
    text = " ".join(articles[user].text[s.start:s.end] for s in f.spans if s.article == user) \
        if user in articles else f.data.get("term", "")
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) > 2} - _STOP


def _quoted_by(run: list[Finding], articles: Mapping[str, Article]) -> Finding:
    lead = run[0]
    users = [_user(f) for f in run]
    name = lambda aid: articles[aid].outlet if aid in articles and articles[aid].outlet else aid
    paraphrasers = sorted(set().union(*(_paraphrasers(f) for f in run)) - set(users))
    spans = sorted({s for f in run for s in f.spans}, key=lambda s: (s.article != users[0], s.article, s.start))
    terms = {**{u: "direct" for u in users}, **{a: "paraphrase" for a in paraphrasers}}
    others = names_list([name(u) for u in users[1:]])
    evidence = lead.evidence.rstrip(".") + f"; {others} {'quotes' if len(users) == 2 else 'quote'} it too."
    return replace(lead, articles=(*users, *paraphrasers), spans=tuple(spans), evidence=evidence,
                   data={**lead.data, "quoted_by": users, "terms": terms})


def _word_key(f: Finding) -> str:
    """What makes one choice: a word's family for a verb, a hedge or a booster ("declares" and
    "declared" are one word in two forms), the quoted words for a quote."""
    term = f.data.get("term", "")
    return term if f.kind == "quote_vs_paraphrase" else family(term)


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


def merge_shifts(findings: Sequence[Finding], articles: Mapping[str, Article]) -> list[Finding]:
    """Sentiment shifts that share one side, the same outlet with the same words, as one row per
    side: the side shared by the most rows first, its rows merged, then the rest.  The lead is the
    strongest row; the other outlets, their compounds and words are listed."""
    shifts = [f for f in findings if f.kind == "sentiment_shift"]
    out = [f for f in findings if f.kind != "sentiment_shift"]
    by_side: dict[tuple[str, tuple[str, ...]], list[Finding]] = defaultdict(list)
    for f in shifts:
        for aid in f.articles:
            by_side[(aid, _side_words(f, aid, articles))].append(f)
    done: set[str] = set()
    for side, group in sorted(by_side.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        group = [f for f in group if f.id not in done]
        if not group:
            continue
        done.update(f.id for f in group)
        out.append(group[0] if len(group) == 1 else _merged_shift(side, group, articles))
    return out


def _side_words(f: Finding, aid: str, articles: Mapping[str, Article]) -> tuple[str, ...]:
    text = articles[aid].text if aid in articles else ""
    return tuple(sorted({text[s.start:s.end].lower() for s in f.spans if s.article == aid}))


def _merged_shift(side: tuple[str, tuple[str, ...]], group: list[Finding],
                  articles: Mapping[str, Article]) -> Finding:
    user, words = side
    group = sorted(group, key=lambda f: (-f.score, f.id))
    name = lambda aid: articles[aid].outlet if aid in articles and articles[aid].outlet else aid
    compound = {a: c for f in group for a, c in f.data.get("compound", {}).items()}
    others = [next(a for a in f.articles if a != user) for f in group]
    negative = all(compound.get(user, 0.0) <= compound.get(o, 0.0) for o in others)
    theirs = sorted({w for f in group for o in others for w in _side_words(f, o, articles)})
    told = names_list([f"{name(o)} ({compound.get(o, 0.0):+.2f})" for o in others])
    spans = sorted({s for f in group for s in f.spans}, key=lambda s: (s.article != user, s.article, s.start))
    digest = articles[user].digest if user in articles else user
    data = dict(group[0].data)
    data.update({"used_by": user, "others": others, "compound": compound, "merged": len(group),
                 "facts": sorted({f.fact for f in group if f.fact})})
    return Finding(
        id=stable_id("sentiment_shift", "merged", digest, *words), kind="sentiment_shift", fact=group[0].fact,
        articles=(user, *others), spans=tuple(spans),
        evidence=(f"{name(user)} reads more {'negative' if negative else 'positive'} (VADER compound "
                  f"{compound.get(user, 0.0):+.2f}) than {told}; words: {', '.join(quote(w) for w in words)} "
                  f"vs {', '.join(quote(w) for w in theirs)}."),
        score=group[0].score, rule=group[0].rule, data=data)
