"""The events stage: profiles -> pair probabilities -> groups -> the compared group, with evidence.

``run(articles, features, copies, choose)`` groups the articles into events (``groups``) and picks
the group to compare: the largest (ties: see ``groups.ranked``), or the ``choose``-th (1-based) when
the editor asks for another, or the one holding article ``choose`` when that is an article id (the
window remembers the editor's choice by an article, since group numbers change with the inputs).
Identical copies (``copies``: copy id -> original id) join their original's group but are left out
of alignment.  When the picked group holds one article, nothing is compared: every
``EventMatch.same_event`` is False and a note says why.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from analysis.constants import EVENTS_PARALLEL_MIN_ARTICLES
from analysis.errors import ParallaxError
from analysis.events import explain
from analysis.events.evidence import PairEvidence, pair_evidence
from analysis.events.groups import cohesion, ranked
from analysis.events.profile import profile
from analysis.model import Article, EventGroup, EventMatch
from analysis.workers import split_map


@dataclass(frozen=True)
class Events:
    groups: tuple[EventGroup, ...]
    matches: tuple[EventMatch, ...]     # one per grouped (non-copy) article, in input order
    notes: tuple[str, ...]
    compared: frozenset[str]            # article ids aligned together (empty: nothing to compare)


class NoSuchEvent(ParallaxError):
    """The editor asked for an event group that does not exist."""


def _order(articles: Sequence[Article]) -> list[Article]:
    """The articles by text digest: the order every decision is made in (input order never counts)."""
    return sorted(articles, key=lambda a: (a.digest, a.id))


def run(articles: Sequence[Article], features: Mapping[str, Sequence],
        copies: Mapping[str, str] | None = None, choose: int | str | None = None,
        all_articles: Sequence[Article] | None = None) -> Events:
    """Group ``articles`` into events and pick the one to compare (see the module docstring).
    ``all_articles``: every input, in input order (for ids and names); default ``articles``."""
    copies = dict(copies or {})
    everyone = list(all_articles or articles)
    ordered = _order(articles)
    # A profile reads its own article alone: they are split over the cores (``analysis.workers``).
    profiles = [p for part in split_map(lambda start, stop: [profile(a, features.get(a.id, ()))
                                                             for a in ordered[start:stop]],
                                        len(ordered), EVENTS_PARALLEL_MIN_ARTICLES) for p in part]
    evidence = pair_evidence(profiles)
    rows = ranked(evidence.probability, [a.digest for a in ordered], evidence.follow_ups,
                  evidence.dated_apart) if ordered else []
    position = {a.id: i for i, a in enumerate(everyone)}
    groups = [sorted((ordered[r].id for r in g), key=position.__getitem__) for g in rows]
    grouped = {a for g in groups for a in g}
    # Inputs that took no part (no sentences) are events of their own: none is dropped silently.
    groups += [[a.id] for a in everyone if a.id not in grouped and a.id not in copies]
    if isinstance(choose, str):         # an article id: the group that holds it
        holder = [k for k, g in enumerate(groups) if choose in g or copies.get(choose) in g]
        if not holder:
            raise NoSuchEvent(f"there is no article {choose} among the inputs")
        choose = holder[0] + 1
    if choose is not None and not 1 <= choose <= len(groups):
        raise NoSuchEvent(explain.no_such_event(choose, len(groups)))
    picked = (choose or 1) - 1
    lone_input = len(groups) == 1          # one article in all: it is "compared" with nothing
    compared = frozenset(groups[picked]) if groups and (len(groups[picked]) > 1 or lone_input) \
        else frozenset()
    index = {a.id: i for i, a in enumerate(ordered)}
    records = tuple(_group(k, g, picked, compared, evidence, index, copies, everyone)
                    for k, g in enumerate(groups))
    matches = tuple(_match(a, records, compared, evidence, index, everyone)
                    for a in everyone if a.id in index)
    notes = explain.notes(records, compared, choose, {a.id: a for a in everyone})
    return Events(records, matches, tuple(notes), compared)


def _group(k: int, ids: list[str], picked: int, compared: frozenset[str], evidence: PairEvidence,
           index: Mapping[str, int], copies: Mapping[str, str], everyone: Sequence[Article]
           ) -> EventGroup:
    rows = [index[a] for a in ids if a in index]
    with_copies = [a.id for a in everyone if a.id in ids or copies.get(a.id) in ids]
    central = max(rows, key=lambda r: (evidence.probability[r, rows].sum(), -r)) if rows else None
    by_id = {a.id: a for a in everyone}
    label = explain.label(by_id[ids[0]] if central is None else by_id[evidence.profiles[central].article])
    return EventGroup(id=f"e{k + 1}", articles=tuple(with_copies), label=label,
                      compared=k == picked and bool(compared),
                      cohesion=round(cohesion(evidence.probability, rows), 4),
                      evidence=explain.group_evidence(evidence, rows),
                      copies=tuple(a for a in with_copies if a in copies))


def _match(article: Article, groups: Sequence[EventGroup], compared: frozenset[str],
           evidence: PairEvidence, index: Mapping[str, int], everyone: Sequence[Article]) -> EventMatch:
    own = next(g for g in groups if article.id in g.articles)
    row = index[article.id]
    # In input order: ``compared`` is a set, whose order changes with the process's hash seed.
    peers = [index[a.id] for a in everyone if a.id in compared and a.id != article.id and a.id in index]
    if not peers:           # nothing compared: measure against the closest article instead
        peers = [r for r in range(len(index)) if r != row]
        peers = sorted(peers, key=lambda r: (-evidence.probability[row, r], r))[:1]
    score = float(evidence.probability[row, peers].mean()) if peers else 0.0
    by_id = {a.id: a for a in everyone}
    text = explain.match_evidence(evidence, row, peers, article.id in compared, by_id)
    return EventMatch(article.id, round(score, 4), article.id in compared, text, own.id)
