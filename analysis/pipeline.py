"""The engine's entry point: ``compare(articles, progress)`` runs every stage and returns a Comparison.

Stages, in order (DESIGN.md section 3): features -> candidate links -> event groups -> facts of the
compared group -> omissions and exclusives -> per-article metrics -> quotes and voices -> framing
findings.

``progress(fraction, stage)`` is called between stages (fraction 0-1) and may raise ``Cancelled`` to
stop; nothing is returned then.  The inputs are grouped into events (``Comparison.groups``); the
largest group is compared, or the ``event``-th (1-based) when given.  Articles that duplicate an
earlier one, and articles of the other groups, are kept in the Comparison but take no part in
alignment and omissions (a note says why).
"""
from __future__ import annotations

from typing import Callable, Sequence

from analysis.constants import SIGNALS_PARALLEL_MIN_ARTICLES
from analysis.errors import DuplicateArticleIds
from analysis.model import Article, Comparison, EventGroup, Finding
from analysis.workers import side_by_side

Progress = Callable[[float, str], None]


def _noop(fraction: float, stage: str) -> None:
    return None


def _copies(articles: Sequence[Article]) -> tuple[tuple, dict[str, str], list[str]]:
    """Copy groups (``analysis.coverage.copies``), each identical copy mapped to the article it
    copies (identical copies take no part in alignment), and one note per group."""
    from analysis.coverage.copies import find_copies, group_note
    groups = find_copies(articles)
    by_id = articles_by_id(articles)
    dup_of: dict[str, str] = {}
    notes = []
    for g in groups:
        same = [c for c in g.copies if by_id[c].digest == by_id[g.original].digest]
        dup_of.update({c: g.original for c in same})
        notes += [f"{by_id[d].outlet} ({d}) is an identical copy of {by_id[g.original].outlet} "
                  f"({g.original}); it is left out of the alignment." for d in same]
        if g.kind != "identical":
            notes.append(group_note(g))
    return groups, dup_of, notes


def articles_by_id(articles: Sequence[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def _coverage(facts, articles: Sequence[Article], same: set[str], groups,
              agreement=None, vectors=None) -> tuple[list, list[Finding], list[str]]:
    """Verified omissions, "reports it differently", exclusives per article and version diffs;
    ``agreement``: how strongly a fact's carriers agree (``omissions.claim_agreement``);
    ``vectors``: the sentence embeddings the alignment made (article id -> one row per sentence)."""
    from analysis.coverage import copies, exclusives, omissions
    by_id = articles_by_id(articles)
    source_of = copies.source_map(groups)
    assessed = omissions.assess(facts, by_id, same, source_of, agreement, vectors)
    findings = omissions.omission_findings(assessed, facts, by_id)
    findings += omissions.differently_findings(assessed, facts, by_id)
    findings += exclusives.exclusive_findings(facts, by_id, same, source_of)
    findings += copies.version_diffs(groups, articles)
    note = omissions.dropped_note(assessed)
    return assessed.omissions, findings, [note] if note else []


def _sentence_vectors(features, ids: set[str]) -> dict:
    """Article id -> the embeddings of its sentences, read off the alignment's sentence features."""
    import numpy as np
    return {aid: np.stack([f.vector for f in feats]) for aid, feats in features.items() if aid in ids and feats}


def group_events(articles: Sequence[Article]) -> tuple[EventGroup, ...]:
    """The event groups ``compare`` would form from ``articles``, without comparing anything: copies,
    sentence features and the events stage only (what a batch over a folder needs first)."""
    from analysis.align.features import featurize
    from analysis.events import stage as events_stage

    articles = tuple(articles)
    _, dup_of, _ = _copies(articles)
    active = [a for a in articles if a.id not in dup_of and a.sentences]
    return events_stage.run(active, featurize(active), dup_of, None, articles).groups


def _check_ids(articles: Sequence[Article]) -> None:
    """Every finding names its articles by id: two articles with one id cannot be told apart."""
    seen: dict[str, Article] = {}
    for a in articles:
        if a.id in seen:
            raise DuplicateArticleIds(
                f"Two articles have the same id {a.id!r} ({_label(seen[a.id])} and {_label(a)}): give "
                "each its own id (load_article(..., article_id='a2')).")
        seen[a.id] = a


def _label(a: Article) -> str:
    return repr(a.outlet or a.title or a.id)


def compare(articles: Sequence[Article], progress: Progress | None = None,
            event: int | str | None = None) -> Comparison:
    """Analyse ``articles`` (already loaded) and return the whole Comparison; ``event``: the event
    group to compare (1-based, as numbered in ``Comparison.groups``, or the id of an article in
    it), default the largest.  Raises
    ``NoSuchEvent`` (a ``ParallaxError``) for a group that does not exist, and
    ``DuplicateArticleIds`` when two articles share an id."""
    from analysis import garbage
    with garbage.paused():      # a comparison makes no reference cycles: no collector passes (0.1 s)
        return _compare(articles, progress, event)


def _compare(articles: Sequence[Article], progress: Progress | None, event: int | str | None) -> Comparison:
    from analysis import regexcache
    regexcache.prefill()    # before the stages' modules compile their patterns (once per process)
    from analysis.align import stage as align_stage
    from analysis.events import stage as events_stage
    from analysis.lemmas import load_tables
    from analysis.signals import stage as signals_stage

    load_tables()           # lemminflect's tables, read only for the words looked up (analysis/lemmas.py)
    report = progress or _noop
    articles = tuple(articles)
    _check_ids(articles)
    notes: list[str] = []
    if len(articles) < 2:
        notes.append("Only one article: nothing to compare. Add another outlet's article.")
    groups, dup_of, copy_notes = _copies(articles)
    notes += copy_notes
    active = [a for a in articles if a.id not in dup_of and a.sentences]

    report(0.05, "features")
    aligned = align_stage.run(active, report)
    report(0.45, "event groups")
    events = events_stage.run(active, aligned.features, dup_of, event, articles)
    notes += events.notes
    same = set(events.compared)
    report(0.55, "facts")
    # Articles of other events are aligned with nothing (not silently merged into facts).  The
    # clustering and the quotes read nothing of each other: a second worker finds every article's
    # quotes meanwhile (``analysis.workers``), for the signals stage.
    facts, quotes = side_by_side(lambda: aligned.facts(same), lambda: signals_stage.article_quotes(articles),
                                 len(articles) >= SIGNALS_PARALLEL_MIN_ARTICLES)
    report(0.6, "omissions")
    from analysis.coverage.omissions import claim_agreement
    agreement = claim_agreement(aligned.claims, aligned.matrix)
    omitted, findings, coverage_notes = _coverage(facts, articles, same, groups, agreement,
                                                  _sentence_vectors(aligned.features, same))
    notes += coverage_notes
    report(0.65, "signals")
    from analysis.coverage.copies import source_map
    signals = signals_stage.run(articles, facts, same, report, source_map(groups), quotes)
    findings += signals.findings
    report(1.0, "done")
    findings.sort(key=lambda f: (-f.score, f.kind, f.id))
    regexcache.remember()   # the patterns this run compiled, for the next process (once per process)
    return Comparison(articles=articles, event=events.matches, groups=events.groups, facts=tuple(facts),
                      omissions=tuple(omitted), findings=tuple(findings), metrics=signals.metrics,
                      quotes=signals.quotes, voices=signals.voices, notes=tuple(notes),
                      copies=tuple(groups))
