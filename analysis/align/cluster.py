"""Fact alignment: group claims of different articles that report the same fact.

Input is a list of links between claims of *different* articles, each with its probability of
reporting one fact (``evidence``), and a scoring function for any pair of claims.  Output is a list of
clusters, each a set of claim keys ``(article id, claim index)``.

The method is constrained average-linkage agglomeration over the links, strongest first:

* two clusters merge only if the link between them is at least ``LINK_MIN_PROBABILITY`` and the mean
  link probability over all their cross-article member pairs is at least
  ``MERGE_MIN_MEAN_PROBABILITY`` (a pair with no candidate link counts 0), so a chain of near-misses
  cannot drift into one giant "fact";
* a cluster holds at most ``MAX_CLAIMS_PER_OUTLET`` claims of one article (one long claim may
  match two short ones elsewhere); pairs within one article are not scored, so two claims of one
  article join only through claims of other articles that match both.

A claim that no merge took in (a leftover) then joins the fact of its strongest link of at least
``LINK_MIN_PROBABILITY`` without the mean check (``attach_leftovers``).  The mean check is there so
that a chain of near-misses cannot drift when two clusters merge; it also refused one claim told in
other words than one of the fact's tellings (with no candidate link to it, its mean with a pair is
half its one link: "The mayor admitted the charge in court" meets "She pleaded guilty to bribery" but
not "The plea came on Tuesday, ending a two-year inquiry").  One claim added to one fact is no chain:
it joins through a claim the merges placed, never through another one attached, so it draws nothing
after it.

Cost: one union-find pass over the links, sorted — O(L log L) for L links; the mean-similarity check
only looks at the small clusters involved.  With a candidate index L grows linearly with sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from analysis.constants import (
    LINK_MIN_PROBABILITY,
    MAX_CLAIMS_PER_OUTLET,
    MAX_FACT_MEMBERS_CHECKED,
    MERGE_MIN_MEAN_PROBABILITY,
    MUTUAL_RANK,
)

Key = tuple[str, int]                       # (article id, claim index)
Link = tuple[Key, Key, float]               # two claims of different articles, probability 0-1


@dataclass
class _Cluster:
    members: list[Key] = field(default_factory=list)
    per_article: dict[str, int] = field(default_factory=dict)      # article -> members of it

    @classmethod
    def of(cls, key: Key) -> _Cluster:
        return cls([key], {key[0]: 1})

    def count(self, article: str) -> int:
        return self.per_article.get(article, 0)

    def absorb(self, other: _Cluster) -> None:
        self.members.extend(other.members)
        for art, n in other.per_article.items():
            self.per_article[art] = self.per_article.get(art, 0) + n


def mutual_links(links: Iterable[Link], rank: int = MUTUAL_RANK) -> list[Link]:
    """Links whose two sentences are each among the other's ``rank`` best matches *in that
    article*.  This is what a reader does when pairing two stories: a generic sentence ("the war
    in Ukraine ...") resembles many sentences of the other article but is the best match of none,
    so it stops linking everything to everything (the "hub" problem of nearest-neighbour search)."""
    links = list(links)
    best: dict[tuple[Key, str], list[float]] = {}
    for ka, kb, s in links:
        best.setdefault((ka, kb[0]), []).append(s)
        best.setdefault((kb, ka[0]), []).append(s)
    cutoff = {k: sorted(v, reverse=True)[:rank][-1] for k, v in best.items()}
    return [(ka, kb, s) for ka, kb, s in links
            if s >= cutoff[(ka, kb[0])] and s >= cutoff[(kb, ka[0])]]


def _mean_cross_similarity(a: _Cluster, b: _Cluster, score: Callable[[Key, Key], float],
                           cache: dict[tuple[Key, Key], float]) -> float:
    total, n = 0.0, 0
    for ka in a.members[:MAX_FACT_MEMBERS_CHECKED]:
        for kb in b.members[:MAX_FACT_MEMBERS_CHECKED]:
            if ka[0] == kb[0]:
                continue
            pair = (ka, kb) if ka <= kb else (kb, ka)
            if pair not in cache:
                cache[pair] = score(*pair)
            total += cache[pair]
            n += 1
    return total / n if n else 0.0


def _fits(a: _Cluster, b: _Cluster) -> bool:
    # Only articles in both can break the limit: each cluster already respects it on its own.
    small, large = (a, b) if len(a.per_article) <= len(b.per_article) else (b, a)
    return all(n + large.count(art) <= MAX_CLAIMS_PER_OUTLET for art, n in small.per_article.items())


def cluster_links(links: Iterable[Link], score: Callable[[Key, Key], float],
                  min_link: float = LINK_MIN_PROBABILITY) -> list[list[Key]]:
    """Clusters (each with members from 2+ articles) built from ``links``, strongest first;
    links below ``min_link`` join nothing."""
    cache: dict[tuple[Key, Key], float] = {}
    owner: dict[Key, _Cluster] = {}
    for ka, kb, s in sorted(links, key=lambda link: (-link[2], link[0], link[1])):
        if s < min_link:
            break
        pair = (ka, kb) if ka <= kb else (kb, ka)
        cache[pair] = s
        ca = owner.get(ka) or _Cluster.of(ka)
        cb = owner.get(kb) or _Cluster.of(kb)
        if ca is cb or not _fits(ca, cb):
            continue
        if len(ca.members) + len(cb.members) > 2 and \
                _mean_cross_similarity(ca, cb, score, cache) < MERGE_MIN_MEAN_PROBABILITY:
            continue
        ca.absorb(cb)
        for k in (ka, *cb.members):
            owner[k] = ca
    seen: set[int] = set()
    clusters = []
    for c in owner.values():
        if id(c) not in seen:
            seen.add(id(c))
            clusters.append(sorted(c.members))
    return clusters


def attach_leftovers(clusters: list[list[Key]], links: Iterable[Link],
                     min_link: float = LINK_MIN_PROBABILITY) -> list[list[Key]]:
    """``clusters`` with each claim no merge took in added to the cluster of its strongest link of at
    least ``min_link`` to a claim the merges placed (module docstring); a cluster never holds more
    than ``MAX_CLAIMS_PER_OUTLET`` claims of one article."""
    out = [list(c) for c in clusters]
    owner = {k: i for i, c in enumerate(out) for k in c}
    placed = set(owner)                      # the merges' members: only they draw a claim in
    for ka, kb, s in sorted(links, key=lambda link: (-link[2], link[0], link[1])):
        if s < min_link:
            break
        for key, anchor in ((ka, kb), (kb, ka)):
            if key in owner or anchor not in placed:
                continue
            fact = owner[anchor]
            if sum(1 for k in out[fact] if k[0] == key[0]) < MAX_CLAIMS_PER_OUTLET:
                out[fact].append(key)
                owner[key] = fact
    for c in out:
        c.sort()
    return out
