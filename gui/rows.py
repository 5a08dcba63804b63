"""Rows of the side-by-side view: two articles laid out fact by fact, like a diff tool (pure Python).

Each article is read in text order as a sequence of items: a fact it reports (placed at its first
sentence) or a sentence that belongs to no fact.  Facts both articles report are anchors; the longest
run of anchors in the same order on both sides (an LCS) lines the two texts up, and between anchors
come what only the left has, then what only the right has, each facing a "not covered" gap.  A shared
fact that moved (out of order) is shown at the left article's position, marked as moved.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from analysis.model import Article, Comparison, Fact, Sentence
from analysis.report.diffs import claims_by_fact, elsewhere


@dataclass
class Row:
    kind: str                                  # "match", "moved", "left", "right"
    fact: str | None
    left: list[Sentence] = field(default_factory=list)
    right: list[Sentence] = field(default_factory=list)
    left_elsewhere: tuple[tuple[int, int], ...] = ()    # parts another row's fact holds
    right_elsewhere: tuple[tuple[int, int], ...] = ()

    @property
    def both(self) -> bool:
        return bool(self.left) and bool(self.right)


def _sentences(article: Article, ids: tuple[str, ...]) -> list[Sentence]:
    out = []
    for sid in ids:
        try:
            out.append(article.sentence(sid))
        except (IndexError, ValueError):
            continue
    return sorted(out, key=lambda s: s.index)


def _items(article: Article, facts: tuple[Fact, ...]) -> list[tuple[int, str | None, list[Sentence]]]:
    """(position, fact id or None, sentences) in text order."""
    items: list[tuple[int, str | None, list[Sentence]]] = []
    covered: set[str] = set()
    for f in facts:
        m = f.member(article.id)
        if m is None:
            continue
        sents = _sentences(article, m.sentences)
        if not sents:
            continue
        covered.update(s.id for s in sents)
        items.append((sents[0].index, f.id, sents))
    for s in article.sentences:
        if s.id not in covered:
            items.append((s.index, None, [s]))
    items.sort(key=lambda it: (it[0], it[1] is None))
    return items


def _with_elsewhere(row: Row, lc: dict[str, list[tuple[int, int]]],
                    rc: dict[str, list[tuple[int, int]]]) -> Row:
    row.left_elsewhere = elsewhere(row.fact, row.left, lc)
    row.right_elsewhere = elsewhere(row.fact, row.right, rc)
    return row


def _lcs(a: list[str], b: list[str]) -> list[str]:
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if a[i] == b[j]
                           else max(table[i + 1][j], table[i][j + 1]))
    out, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def build_rows(comparison: Comparison, left_id: str, right_id: str) -> list[Row]:
    left = comparison.article(left_id)
    right = comparison.article(right_id)
    facts = comparison.facts
    li = _items(left, facts)
    ri = _items(right, facts)
    l_facts = {fid for _, fid, _ in li if fid}
    r_facts = {fid for _, fid, _ in ri if fid}
    shared = l_facts & r_facts
    anchors = _lcs([fid for _, fid, _ in li if fid in shared],
                   [fid for _, fid, _ in ri if fid in shared])
    anchor_set = set(anchors)
    r_by_fact = {fid: sents for _, fid, sents in ri if fid}

    rows: list[Row] = []
    rp = 0

    def flush_right(until_fact: str | None) -> None:
        nonlocal rp
        while rp < len(ri):
            _, fid, sents = ri[rp]
            if until_fact is not None and fid == until_fact:
                return
            rp += 1
            if fid in shared:
                continue          # shown with its left twin (match or moved)
            rows.append(Row("right", fid, [], sents))

    pending_left: list[Row] = []
    for _, fid, sents in li:
        if fid in anchor_set:
            rows.extend(pending_left)
            pending_left = []
            flush_right(fid)
            rp += 1
            rows.append(Row("match", fid, sents, r_by_fact[fid]))
        elif fid in shared:
            pending_left.append(Row("moved", fid, sents, r_by_fact[fid]))
        else:
            pending_left.append(Row("left", fid, sents, []))
    rows.extend(pending_left)
    flush_right(None)
    lc, rc = claims_by_fact(left, facts), claims_by_fact(right, facts)
    return [_with_elsewhere(row, lc, rc) for row in rows]
