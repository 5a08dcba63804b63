"""Word-level diff of two texts (two aligned sentences, two versions of a fact, or whole articles).

Format (the one place it is documented)
---------------------------------------
``word_diff(a, b, a_offset=0, b_offset=0)`` returns a tuple of ``DiffOp`` in text order.  Each op has a
``tag`` ("equal", "replace", "delete" or "insert") and a character range in each text:
``a[op.a_start - a_offset : op.a_end - a_offset]`` and the same for ``b``.  Pass the offsets of the two
texts inside ``Article.text`` and the ranges point straight into the articles.

* The ops tile both texts: the first op starts at the offset, each op starts where the previous one
  ended, and the last ends at ``offset + len(text)``.  Concatenating the ranges gives back each text.
* "delete" has an empty ``b`` range (``b_start == b_end``), "insert" an empty ``a`` range, at the
  position where the missing words would stand.  "replace" and "equal" have text on both sides.
* Ranges never split a word: every boundary sits between tokens.  A changed op begins at the start
  of its first word and ends at the end of its last one, so its range is exactly what to highlight;
  the whitespace between a change and unchanged text belongs to the unchanged ("equal") op.  Only at
  the very start or end of a text does a changed op also take that text's outer whitespace
  (``DiffOp.trimmed`` strips it).
* "equal" means the same tokens compared case-insensitively, with typographic quotes, apostrophes
  and dashes folded ("’" = "'", "“" = '"', "—" = "-"); whitespace is ignored.

How: the texts are split into word and punctuation tokens; rapidfuzz's ``Indel`` (longest common
subsequence) gives token opcodes, adjacent deletes and inserts become one "replace", and a semantic
clean-up, in the spirit of diff-match-patch's ``cleanupSemantic``, folds small unchanged islands
between two changes into the change ("the", ",", or any run no longer than the changes around it),
so highlights cover whole phrases instead of splintering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from analysis.constants import DIFF_WEAK_ISLAND_MAX_TOKENS
from analysis.segment import strip_span

# A word keeps inner apostrophes, periods and hyphens ("Kyiv’s", "U.S", "cease-fire"); any other
# non-space character is a token of its own.  Same rule as the segmenter's tokens.
_TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*|[^\w\s]", re.UNICODE)

_FOLD = str.maketrans({"’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"',
                       "„": '"', "«": '"', "»": '"', "—": "-", "–": "-", "‒": "-", "−": "-"})

# Function words that may sit between two changes without keeping them apart.
_WEAK_WORDS = frozenset("""
a an the of to in on at by for with and or but as that this these those its it is was are were be
has have had from into than then so if not about over after before between through under up out
off also
""".split())


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff; see the module docstring for the format."""
    tag: str            # "equal", "replace", "delete" or "insert"
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def trimmed(self, a: str, b: str, a_offset: int = 0, b_offset: int = 0
                ) -> tuple[tuple[int, int], tuple[int, int]]:
        """Both ranges without outer whitespace (only ever differs at a text's start or end)."""
        return (_trim(a, self.a_start, self.a_end, a_offset),
                _trim(b, self.b_start, self.b_end, b_offset))


def _trim(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """``strip_span`` for a range given in offsets shifted by ``offset``."""
    s, e = strip_span(text, start - offset, end - offset)
    return s + offset, e + offset


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word or punctuation token of ``text``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65_536)
def fold(token: str) -> str:
    """The comparison key of a token: lower case, typographic quotes and dashes folded."""
    return token.translate(_FOLD).lower()


def word_diff(a: str, b: str, a_offset: int = 0, b_offset: int = 0) -> tuple[DiffOp, ...]:
    """Word-level diff of ``a`` and ``b``; ranges are shifted by the offsets (see module doc)."""
    if not a and not b:
        return ()
    ta, tb = tokens(a), tokens(b)
    ka = [fold(a[s:e]) for s, e in ta]
    kb = [fold(b[s:e]) for s, e in tb]
    ops = _token_ops(ka, kb)
    ops = _cleanup(ops, ka, kb, ta, tb)
    return tuple(_to_chars(ops, ta, tb, len(a), len(b), a_offset, b_offset))


# --- token level ----------------------------------------------------------------------------------

# (tag, i1, i2, j1, j2) over token indices
_Op = tuple[str, int, int, int, int]


def _token_ops(ka: list[str], kb: list[str]) -> list[_Op]:
    """LCS opcodes with every run of changes merged into one op."""
    if not ka or not kb:
        if not ka and not kb:
            return [("equal", 0, 0, 0, 0)]
        return [("insert" if not ka else "delete", 0, len(ka), 0, len(kb))]
    out: list[_Op] = []
    for op in Indel.opcodes(ka, kb):
        tag = "equal" if op.tag == "equal" else "change"
        if out and tag == "change" and out[-1][0] == "change":
            prev = out[-1]
            out[-1] = ("change", prev[1], op.src_end, prev[3], op.dest_end)
        else:
            out.append((tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return [_retag(op) for op in out]


def _retag(op: _Op) -> _Op:
    tag, i1, i2, j1, j2 = op
    if tag == "equal":
        return op
    if i1 == i2:
        return ("insert", i1, i2, j1, j2)
    if j1 == j2:
        return ("delete", i1, i2, j1, j2)
    return ("replace", i1, i2, j1, j2)


def _cleanup(ops: list[_Op], ka: list[str], kb: list[str], ta, tb) -> list[_Op]:
    """Fold small unchanged islands between two changes into one change, until none is left."""
    changed = True
    while changed:
        changed = False
        for k in range(1, len(ops) - 1):
            prev, eq, nxt = ops[k - 1], ops[k], ops[k + 1]
            if eq[0] != "equal" or prev[0] == "equal" or nxt[0] == "equal":
                continue
            if _island_is_small(eq, prev, nxt, ka, ta, tb):
                merged = _retag(("change", prev[1], nxt[2], prev[3], nxt[4]))
                ops[k - 1:k + 2] = [merged]
                changed = True
                break
    return ops


def _chars(spans, i1: int, i2: int) -> int:
    return sum(e - s for s, e in spans[i1:i2])


def _island_is_small(eq: _Op, prev: _Op, nxt: _Op, ka: list[str], ta, tb) -> bool:
    words = ka[eq[1]:eq[2]]
    if len(words) <= DIFF_WEAK_ISLAND_MAX_TOKENS and all(
            w in _WEAK_WORDS or not any(c.isalnum() for c in w) for w in words):
        return True
    # diff-match-patch's rule (an equality no longer than the edits on both sides is noise), made
    # stricter for words: an unchanged name or number between two changes usually carries meaning
    size = _chars(ta, eq[1], eq[2])
    before = max(_chars(ta, prev[1], prev[2]), _chars(tb, prev[3], prev[4]))
    after = max(_chars(ta, nxt[1], nxt[2]), _chars(tb, nxt[3], nxt[4]))
    return 2 * size <= before and 2 * size <= after


# --- character level -------------------------------------------------------------------------------

def _to_chars(ops: list[_Op], ta, tb, len_a: int, len_b: int, a_offset: int, b_offset: int):
    a_cuts = _cuts(ops, ta, len_a, side=0)
    b_cuts = _cuts(ops, tb, len_b, side=1)
    for k, op in enumerate(ops):
        tag = op[0]
        if tag != "equal":      # tag by the character ranges (a text of only spaces has no tokens)
            tag = "insert" if a_cuts[k] == a_cuts[k + 1] else (
                "delete" if b_cuts[k] == b_cuts[k + 1] else "replace")
        yield DiffOp(tag, a_offset + a_cuts[k], a_offset + a_cuts[k + 1],
                     b_offset + b_cuts[k], b_offset + b_cuts[k + 1])


def _cuts(ops: list[_Op], spans, length: int, side: int) -> list[int]:
    """Character position of each boundary between ops on one side (len(ops) + 1 positions)."""
    cuts = [0]
    for k in range(len(ops) - 1):
        left, right = ops[k], ops[k + 1]
        t = left[2] if side == 0 else left[4]       # first token index after the boundary
        left_empty = (left[1] == left[2]) if side == 0 else (left[3] == left[4])
        if left_empty:
            cuts.append(cuts[-1])                   # an empty range stays where it began
        elif left[0] == "equal":
            cuts.append(spans[t][0] if t < len(spans) else length)   # gap goes left, to the equal op
        else:
            # left is a change: the gap after its last word goes right (to the equal op)
            cuts.append(spans[t - 1][1] if right[0] == "equal" or t >= len(spans) else spans[t][0])
    cuts.append(length)
    return cuts
