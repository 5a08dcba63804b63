"""Word-level diff: exact ops on seed sentence pairs, and properties that hold for any two texts."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.signals.worddiff import DiffOp, fold, tokens, word_diff
from seeds import framing_seeds


def _sentence(sid: str):
    article = framing_seeds()[sid.split(".")[0]]
    return article, article.sentence(sid)


def _shown(sa: str, sb: str) -> list[tuple[str, str, str]]:
    (art_a, a), (art_b, b) = _sentence(sa), _sentence(sb)
    ops = word_diff(a.text, b.text, a.start, b.start)
    return [(op.tag, art_a.text[op.a_start:op.a_end], art_b.text[op.b_start:op.b_end]) for op in ops]


def test_seed_pair_kyiv_leadership_vs_ukraine():
    assert _shown("000.s31", "001.s21") == [
        ("replace", "He previously had said Ukraine would", "Kyiv’s leadership has warned that it will"),
        ("equal", " not agree to any peace deal that ", " not agree to any peace deal that "),
        ("replace", "the country is not involved in",
         "goes against its interests, while European leaders warned at the Munich Security Conference "
         "last weekend that any agreement made without its involvement would not work"),
        ("equal", ".", "."),
    ]


def test_seed_pair_paris_meeting_keeps_shared_words_and_merges_islands():
    assert _shown("001.s22", "003.s4") == [
        ("insert", "", "Reeling from shocks delivered by the Trump administration last week,"),
        ("equal", "European leaders held ", " European leaders held "),
        ("delete", "an", ""),
        ("equal", " emergency ", "emergency "),
        ("replace", "meeting", "talks"),
        ("equal", " in Paris on Monday ", " in Paris on Monday "),
        ("replace",
         "where they agreed on the need to sharply increase defense spending but could not agree on "
         "whether to send peacekeeping troops to Ukraine as part of a post-war plan",
         "as US and Russian officials prepare to meet in Saudi Arabia to discuss ending the war in "
         "Ukraine – without European or Ukrainian involvement"),
        ("equal", ".", "."),
    ]


def test_seed_pair_scholz_quotes():
    # "calling it" and "about the" are too small to keep the two quotes apart: one change
    assert _shown("000.s19", "001.s27") == [
        ("equal", "German Chancellor Olaf Scholz ", "German Chancellor Olaf Scholz "),
        ("replace",
         "bluntly panned the meeting, calling it “an inappropriate debate at the wrong time about the wrong topic.”",
         "was openly critical of the idea, calling it “completely premature” and “highly inappropriate” while "
         "the leaders of Italy, Spain and Norway appeared to be more cynical about the idea."),
    ]


def test_case_and_quote_style_do_not_count():
    a = "Europe’s “leaders” — said"
    b = "europe's \"LEADERS\" - said"
    assert [op.tag for op in word_diff(a, b)] == ["equal"]


def test_small_function_word_islands_do_not_splinter():
    ops = word_diff("Ukraine rejected the deal outright", "Kyiv resisted the plan firmly")
    assert [op.tag for op in ops] == ["replace"]


def test_a_shared_name_between_two_changes_stays_visible():
    a, b = "Russia’s Foreign Minister Sergei Lavrov", "Russian Foreign Minister Sergey Lavrov, who said"
    shown = [(op.tag, a[op.a_start:op.a_end], b[op.b_start:op.b_end]) for op in word_diff(a, b)]
    assert shown == [("replace", "Russia’s", "Russian"), ("equal", " Foreign Minister ", " Foreign Minister "),
                     ("replace", "Sergei", "Sergey"), ("equal", " Lavrov", " Lavrov"),
                     ("insert", "", ", who said")]


def test_offsets_shift_every_range():
    plain = word_diff("a b c", "a x c")
    shifted = word_diff("a b c", "a x c", 100, 7)
    assert [(o.a_start + 100, o.a_end + 100, o.b_start + 7, o.b_end + 7) for o in plain] == \
        [(o.a_start, o.a_end, o.b_start, o.b_end) for o in shifted]


def test_empty_and_blank_texts():
    assert word_diff("", "") == ()
    assert word_diff("", "new words") == (DiffOp("insert", 0, 0, 0, 9),)
    assert word_diff("old", "") == (DiffOp("delete", 0, 3, 0, 0),)
    assert [op.tag for op in word_diff("  ", "   ")] == ["equal"]


def test_trimmed_drops_outer_whitespace_only():
    a, b = "  alpha beta", "gamma beta"
    first = word_diff(a, b)[0]
    assert first.tag == "replace" and a[first.a_start:first.a_end] == "  alpha"
    assert first.trimmed(a, b) == ((2, 7), (0, 5))


# --- properties -------------------------------------------------------------------------------------

_WORDS = ["the", "The", "said", "claimed", "Kyiv", "Kyiv’s", "Kyiv's", "U.S.", "cease-fire", "3%", "$300",
          "billion", ",", ".", "“", "”", "\"", "—", "–", "-", "Zelensky", "Zelenskyy", "a", "of", "war", "é"]
_SPACES = [" ", " ", " ", "  ", "\n", "\t", ""]
_text = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SPACES)), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))
_WORDCHAR = re.compile(r"\w")


def _check_tiling(ops, text, offset, side):
    pos = offset
    for op in ops:
        start, end = (op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)
        assert start == pos and end >= start
        pos = end
    assert pos == offset + len(text)


def _boundaries_whole_words(ops, text, offset, side):
    for op in ops:
        for p in ((op.a_start, op.a_end) if side == "a" else (op.b_start, op.b_end)):
            p -= offset
            if 0 < p < len(text):
                # a boundary never falls inside a token (word characters joined by ’ ' . -)
                inside = any(s < p < e for s, e in tokens(text))
                assert not inside, (text, p)


@settings(max_examples=120, deadline=None)
@given(_text, _text, st.integers(0, 50), st.integers(0, 50))
def test_ops_tile_and_reconstruct_both_texts(a, b, oa, ob):
    ops = word_diff(a, b, oa, ob)
    if not a and not b:
        assert ops == ()
        return
    _check_tiling(ops, a, oa, "a")
    _check_tiling(ops, b, ob, "b")
    assert "".join(a[o.a_start - oa:o.a_end - oa] for o in ops) == a
    assert "".join(b[o.b_start - ob:o.b_end - ob] for o in ops) == b


@settings(max_examples=120, deadline=None)
@given(_text, _text)
def test_spans_never_split_a_word_and_tags_are_consistent(a, b):
    ops = word_diff(a, b)
    _boundaries_whole_words(ops, a, 0, "a")
    _boundaries_whole_words(ops, b, 0, "b")
    for prev, op in zip(ops, ops[1:]):
        assert not (prev.tag != "equal" and op.tag != "equal"), "two changes in a row"
    for op in ops:
        xa, xb = a[op.a_start:op.a_end], b[op.b_start:op.b_end]
        ta = [fold(xa[s:e]) for s, e in tokens(xa)]
        tb = [fold(xb[s:e]) for s, e in tokens(xb)]
        if op.tag == "equal":
            assert ta == tb
        elif op.tag == "insert":
            assert op.a_start == op.a_end and tb
        elif op.tag == "delete":
            assert op.b_start == op.b_end and ta
        else:
            assert op.tag == "replace" and op.a_end > op.a_start and op.b_end > op.b_start


@settings(max_examples=80, deadline=None)
@given(_text)
def test_identical_texts_are_one_equal_op(a):
    ops = word_diff(a, a)
    if a:
        assert [op.tag for op in ops] == ["equal"]


@settings(max_examples=80, deadline=None)
@given(_text, _text)
def test_changed_ranges_start_and_end_on_words_inside_the_text(a, b):
    for op in word_diff(a, b):
        if op.tag == "equal":
            continue
        for text, s, e in ((a, op.a_start, op.a_end), (b, op.b_start, op.b_end)):
            if e > s:
                if s > 0:
                    assert not text[s].isspace()
                if e < len(text):
                    assert not text[e - 1].isspace()
