"""Bisection over a text of sorted lines (analysis/sortedtext.py): the line bisect_left finds."""
from __future__ import annotations

from bisect import bisect_left

import pytest

from analysis.sortedtext import first_line_at_least, line_end, whole_line

LINES = ["abide\t3", "walk\t1", "walk-in\t9", "walked\t2", "walker\t7", "zoo\t5"]


@pytest.mark.parametrize("target", ["", "a", "abide\t", "walk\t", "walk", "walk-", "walked\t", "walkers",
                                    "zoo\t", "zz"])
@pytest.mark.parametrize("trailing", ["", "\n"])
def test_it_finds_the_line_bisect_left_finds(target, trailing):
    text = "\n".join(LINES) + trailing
    starts = [sum(len(x) + 1 for x in LINES[:i]) for i in range(len(LINES))] + [len(text)]
    at = first_line_at_least(text, target, whole_line)
    assert at == min(starts[bisect_left(LINES, target)], len(text))


def test_a_line_ends_at_its_break_or_the_text_end():
    assert line_end("ab\ncd", 0) == 2 and line_end("ab\ncd", 3) == 5
    assert first_line_at_least("", "x", whole_line) == 0
