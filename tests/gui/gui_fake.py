"""A Comparison built by hand from the real seed text, for view tests that must not depend on the
engine's alignment choices: facts from a crude word-overlap match, a few findings of each family."""
from __future__ import annotations

import re

from analysis.model import Comparison, EventMatch, Fact, FactMember, Finding, Omission, Quote, Span, Voice, stable_id

_W = re.compile(r"[a-z0-9]+")
STOP = set("the a an of to in and on for that with is was were be by as at from it its this has "
           "have had he she they their his her said says will would".split())


def _words(text: str) -> set[str]:
    return {w for w in _W.findall(text.lower()) if w not in STOP and len(w) > 2}


def build(articles) -> Comparison:
    articles = tuple(articles)
    ref = articles[0]
    facts: list[Fact] = []
    used: dict[str, set[str]] = {a.id: set() for a in articles}
    for s in ref.sentences:
        ws = _words(s.text)
        if len(ws) < 4:
            continue
        members = [FactMember(ref.id, (s.id,))]
        for other in articles[1:]:
            best, best_j = None, 0.0
            for t in other.sentences:
                if t.id in used[other.id]:
                    continue
                wt = _words(t.text)
                j = len(ws & wt) / max(1, len(ws | wt))
                if j > best_j:
                    best, best_j = t, j
            if best is not None and best_j >= 0.22:
                members.append(FactMember(other.id, (best.id,)))
                used[other.id].add(best.id)
        if len(members) > 1:
            facts.append(Fact(stable_id("f", s.text), s.text[:70], tuple(members), 0.6))
    # One exclusive fact per other article, so "only right" rows exist.
    omissions, findings = [], []
    for f in facts:
        missing = [a.id for a in articles if f.member(a.id) is None]
        for aid in missing:
            if len(f.members) >= 3:
                omissions.append(Omission(f.id, aid, f.articles, len(omissions) + 1, 0.8))
                findings.append(Finding(stable_id("omission", f.id, aid), "omission", f.id, (aid,),
                                        (), f"{aid} leaves out: {f.label}", 0.8, "coverage>=3"))
    kinds = ["naming", "attribution_verb", "hedge", "loaded_word", "contradiction"]
    for n, f in enumerate(facts[:15]):
        if len(f.members) < 2:
            continue
        a, b = f.members[0], f.members[1]
        art_a = next(x for x in articles if x.id == a.article)
        art_b = next(x for x in articles if x.id == b.article)
        sa, sb = art_a.sentence(a.sentences[0]), art_b.sentence(b.sentences[0])
        first_word = re.search(r"\w{5,}", sb.text)
        spans = [Span(a.article, sa.start, min(sa.end, sa.start + 12))]
        if first_word:
            spans.append(Span(b.article, sb.start + first_word.start(), sb.start + first_word.end()))
        kind = kinds[n % len(kinds)]
        findings.append(Finding(stable_id(kind, f.id), kind, f.id, (a.article, b.article),
                                tuple(spans), f"{kind.replace('_', ' ')} between outlets on this fact",
                                round(0.9 - n * 0.04, 2), f"rule:{kind}", {"left": "x", "right": "y"}))
    metrics = {a.id: {"readability": {"flesch_kincaid_grade": 9.0 + i, "flesch_reading_ease": 55.0 - i,
                                      "words": a.word_count},
                      "sentiment": {"compound_mean": -0.3 + 0.15 * i, "by_sentence": {"a1.s1": {"compound": 0.1}}},
                      "tone": {"rates_per_1k": {"loaded": 1.0 + 0.5 * i}, "quote_share": 0.1 * i}}
               for i, a in enumerate(articles)}
    quotes, voices = [], []
    speakers = [("emmanuel macron", "Emmanuel Macron", "French President"),
                ("marco rubio", "Marco Rubio", "U.S. Secretary of State")]
    for k, (key, name, role) in enumerate(speakers):
        words = {a.id: (10 * (i + 1) if (i + k) % 2 == 0 else 0) for i, a in enumerate(articles)}
        share = {aid: (w / 50 if w else 0.0) for aid, w in words.items()}
        voices.append(Voice(key, name, role, words, share))
        for a in articles:
            if words[a.id]:
                s = a.sentences[1]
                quotes.append(Quote(a.id, s.id, s.start, s.end, "direct", key, name, role))
    event = tuple(EventMatch(a.id, 0.9 - 0.05 * i, True, "shared actors and date")
                  for i, a in enumerate(articles))
    return Comparison(articles, event, tuple(facts), tuple(omissions), tuple(findings), metrics,
                      tuple(quotes), tuple(voices), ("Hand-built comparison for tests.",))
