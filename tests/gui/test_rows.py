"""Side-by-side rows: every sentence of both articles appears once per row, aligned by fact."""
from __future__ import annotations

from gui.rows import build_rows


def test_rows_cover_every_sentence(fake_comparison):
    comp = fake_comparison
    a, b = comp.articles[0], comp.articles[1]
    rows = build_rows(comp, a.id, b.id)
    left = [s.id for r in rows for s in r.left]
    right = [s.id for r in rows for s in r.right]
    assert set(left) == {s.id for s in a.sentences}
    assert set(right) == {s.id for s in b.sentences}
    # Matches keep text order on both sides (that is what makes it read like a diff).
    matches = [r for r in rows if r.kind == "match"]
    assert [r.left[0].index for r in matches] == sorted(r.left[0].index for r in matches)
    assert [r.right[0].index for r in matches] == sorted(r.right[0].index for r in matches)
    assert any(r.kind == "left" for r in rows) and any(r.kind == "right" for r in rows)


def test_gaps_are_one_sided(fake_comparison):
    comp = fake_comparison
    for row in build_rows(comp, comp.articles[0].id, comp.articles[2].id):
        if row.kind == "left":
            assert row.left and not row.right
        if row.kind == "right":
            assert row.right and not row.left
        if row.kind in ("match", "moved"):
            assert row.left and row.right
