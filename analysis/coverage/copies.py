"""Copies and versions: articles that are one source, and what changed between them.

Two articles are copies when most of the shorter one's word 5-grams ("shingles") are in the other:
one agency's story printed by several outlets, trimmed or lightly edited, or two versions of one
article (same outlet).  Independently written articles on one event share quotes and names, but
few runs of five words: on the BASIL dev events (three outlets, one event) the highest share is far
below ``COPY_MIN_CONTAINMENT`` (``bench omissions`` measures it, with synthetic copies).

Copies form groups (connected pairs); the group's first article in input order is its *original*,
the source that coverage counts once.  Each group gets a label for editors ("a2 and a4: same AP
copy, 96 % identical": the share of words the two texts share in order).  For every copy that is
not identical, a ``version_diff`` finding lists the sentences changed, added and removed.
"""
from __future__ import annotations

import difflib
import re
from typing import Sequence

from analysis.constants import (
    COPY_MIN_CONTAINMENT,
    COPY_MIN_SHINGLES,
    COPY_SHINGLE_WORDS,
    VERSION_DIFF_MAX_CHANGES_SHOWN,
    VERSION_DIFF_SCORE,
)
from analysis.ingest.furniture import agency_name
from analysis.model import Article, CopyGroup, Finding, Span, article_order, stable_id

_WORD = re.compile(r"\w+")


# A quoted passage: what a speaker said, which independent outlets print word for word.
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|(?<!\w)‘[^’\n]*(?:’(?!\w)|$)", re.MULTILINE)


def shingles(text: str, k: int = COPY_SHINGLE_WORDS) -> set[int]:
    """Hashes of the word ``k``-grams of ``text`` outside quotation marks: two outlets that quote one
    statement at length ("He writes: “My fellow Democrats, …”") share it word for word and are no
    copy of each other; what makes a copy is the reporter's own prose.  A quote cuts the runs."""
    out: set[int] = set()
    for piece in _QUOTED.split(text):
        words = _WORD.findall(piece.casefold())
        out.update(hash(tuple(words[i:i + k])) for i in range(len(words) - k + 1))
    return out


def containment(a: set[int], b: set[int]) -> float:
    """Share 0-1 of the smaller set found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def word_similarity(a: Article, b: Article) -> float:
    """Share 0-1 of words the two texts share in order (Indel similarity on word lists)."""
    from rapidfuzz.distance import Indel
    return round(Indel.normalized_similarity(_WORD.findall(a.text.casefold()),
                                             _WORD.findall(b.text.casefold())), 4)


def copy_pairs(articles: Sequence[Article]) -> list[tuple[str, str, float]]:
    """(first id, second id, containment) for every pair of copies, via an index of shingles (no
    all-pairs comparison of texts)."""
    sets = {a.id: shingles(a.text) for a in articles}
    sets = {k: v for k, v in sets.items() if len(v) >= COPY_MIN_SHINGLES}
    order = {a.id: i for i, a in enumerate(articles)}
    holders: dict[int, list[str]] = {}
    for aid, s in sets.items():
        for h in s:
            holders.setdefault(h, []).append(aid)
    # Shingles held by the same articles (the runs of words of one sentence that many outlets
    # print) are counted together: pairs are walked once per distinct set of holders, not once per
    # shingle, so the cost does not grow as shingles x outlets squared.
    weight: dict[tuple[str, ...], int] = {}
    for ids in holders.values():
        if len(ids) >= 2:
            key = tuple(ids)
            weight[key] = weight.get(key, 0) + 1
    shared: dict[tuple[str, str], int] = {}
    for holding, n in weight.items():
        ids = sorted(holding, key=order.__getitem__)
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                shared[(x, y)] = shared.get((x, y), 0) + n
    first_of: dict[str, str] = {}
    for a in articles:                  # identical texts, however short
        if a.digest in first_of:
            shared[(first_of[a.digest], a.id)] = -1
        elif a.text.strip():
            first_of[a.digest] = a.id
    out = []
    for (x, y), n in shared.items():
        if n < 0:
            out.append((x, y, 1.0))
            continue
        share = n / min(len(sets[x]), len(sets[y]))
        if share >= COPY_MIN_CONTAINMENT:
            out.append((x, y, round(share, 4)))
    return sorted(out, key=lambda p: (order[p[0]], order[p[1]]))


def find_copies(articles: Sequence[Article]) -> tuple[CopyGroup, ...]:
    """Groups of copies among ``articles``, in input order of their originals."""
    # Article ids follow the input order ("a1", "a2", ...): ordering by id keeps groups and their
    # originals the same whatever order the articles are passed in.
    articles = sorted(articles, key=lambda a: article_order(a.id))
    by_id = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y, _ in copy_pairs(articles):
        rx, ry = root(x), root(y)
        if rx != ry:
            first, second = sorted((rx, ry), key=order.__getitem__)
            parent[second] = first
    members: dict[str, list[str]] = {}
    for a in articles:
        members.setdefault(root(a.id), []).append(a.id)
    return tuple(_group([by_id[i] for i in ids]) for ids in members.values() if len(ids) > 1)


def _group(arts: list[Article]) -> CopyGroup:
    original, copies = arts[0], arts[1:]
    similarity = {c.id: 1.0 if c.digest == original.digest else word_similarity(original, c)
                  for c in copies}
    if all(c.digest == original.digest for c in copies):
        kind = "identical"
    elif all(c.outlet.casefold() == original.outlet.casefold() for c in copies):
        kind = "version"
    else:
        kind = "copy"
    agencies = {agency_name(a) for a in arts} - {""}
    agency = agencies.pop() if len(agencies) == 1 else ""
    return CopyGroup(original.id, tuple(c.id for c in copies), similarity, kind, agency,
                     _label([a.id for a in arts], similarity, kind, agency, original.outlet))


def _label(ids: list[str], similarity: dict[str, float], kind: str, agency: str, outlet: str) -> str:
    who = ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
    shares = sorted(round(100 * v) for v in similarity.values())
    share = f"{shares[0]} %" if shares[0] == shares[-1] else f"{shares[0]}–{shares[-1]} %"
    if kind == "identical":
        return f"{who}: identical text"
    if kind == "version":
        return f"{who}: versions of one {outlet} article, {share} identical"
    return f"{who}: same {agency + ' ' if agency else ''}copy, {share} identical"


def source_map(groups: Sequence[CopyGroup]) -> dict[str, str]:
    """Article id -> the original of its group, for every article in a group."""
    return {a: g.original for g in groups for a in g.articles}


def group_note(group: CopyGroup) -> str:
    return f"{group.label}; they count as one source for omissions and exclusives."


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def version_diffs(groups: Sequence[CopyGroup], articles: Sequence[Article]) -> list[Finding]:
    """One ``version_diff`` finding per copy that is not identical to its group's original."""
    by_id = {a.id: a for a in articles}
    out = []
    for g in groups:
        original = by_id[g.original]
        for cid in g.copies:
            finding = _diff(original, by_id[cid], g.similarity[cid])
            if finding is not None:
                out.append(finding)
    return out


def _diff(original: Article, copy: Article, similarity: float) -> Finding | None:
    a = [_key(s.text) for s in original.sentences]
    b = [_key(s.text) for s in copy.sentences]
    changes: list[str] = []
    spans: list[Span] = []
    counts = {"changed": 0, "added": 0, "removed": 0}
    first = ""
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = original.sentences[i1:i2], copy.sentences[j1:j2]
        spans += [Span(copy.id, s.start, s.end) for s in new] + [Span(original.id, s.start, s.end) for s in old]
        paired = min(len(old), len(new))
        counts["changed"] += paired
        counts["added"] += len(new) - paired
        counts["removed"] += len(old) - paired
        changes += [f"{o.id} → {n.id}" for o, n in zip(old, new)]
        changes += [f"+ {n.id}" for n in new[paired:]] + [f"− {o.id}" for o in old[paired:]]
        if not first:
            first = (f"“{_clip(old[0].text)}” became “{_clip(new[0].text)}”" if old and new else
                     f"added “{_clip(new[0].text)}”" if new else f"removed “{_clip(old[0].text)}”")
    if not changes:
        return None
    parts = [f"{n} sentence{'s' if n != 1 else ''} {what}" for what, n in counts.items() if n]
    evidence = (f"{copy.outlet} ({copy.id}) is a version of {original.outlet} ({original.id}), "
                f"{round(100 * similarity)} % identical: {', '.join(parts)}. First: {first}.")
    return Finding(
        id=stable_id("version_diff", original.digest, copy.digest), kind="version_diff", fact=None,
        articles=(copy.id, original.id), spans=tuple(spans), evidence=evidence,
        score=VERSION_DIFF_SCORE, rule="version diff: sentences that differ between copies of one text",
        data={"similarity": similarity, **counts, "changes": changes[:VERSION_DIFF_MAX_CHANGES_SHOWN]})


def _clip(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
