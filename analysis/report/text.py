"""Small text helpers shared by the section builders: clipping, number formats, styled runs."""
from __future__ import annotations

import math
from typing import Iterable, Sequence

from analysis.report.model import Run
from analysis.vocabulary import wording

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + ELLIPSIS


def number(value: object, digits: int = 1) -> str:
    """A metric value for a table: ints as is, floats rounded, missing as an en dash."""
    if value is None or isinstance(value, bool):
        return "–" if value is None else ("yes" if value else "no")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "–"
        if abs(value) < 10 and digits < 2:
            return f"{value:.2f}"
        return f"{value:,.{digits}f}"
    return str(value)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def signed(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:+.{digits}f}"


def join_names(names: Sequence[str], limit: int = 6) -> str:
    """"A, B and C"; long lists end with "and N more" (``analysis.vocabulary.wording``)."""
    return wording.join_names(names, limit)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def marked_runs(text: str, segments: Sequence[tuple[int, int]],
                marks: Iterable[tuple[int, int, str, str | None]]) -> tuple[Run, ...]:
    """Runs showing ``text[start:end]`` for each segment, with ``marks`` (start, end, style, colour).

    Offsets are into ``text`` (an article's text).  Segments that do not touch are joined by a muted
    ellipsis; where marks overlap, the later mark wins (callers pass flags after diff highlights).
    """
    marks = sorted(marks, key=lambda m: m[0])
    out: list[Run] = []
    previous_end = None
    for start, end in segments:
        if previous_end is not None:
            gap = text[previous_end:start]
            out.append(Run(" ") if gap.strip() == "" else Run(f" {ELLIPSIS} ", "muted"))
        out.extend(_segment_runs(text, start, end, marks))
        previous_end = end
    return _merge(out)


def _segment_runs(text: str, start: int, end: int, marks) -> list[Run]:
    # One style per character (last mark wins), then grouped into runs: simple and exact.
    styles: list[tuple[str, str | None]] = [("", None)] * (end - start)
    for m_start, m_end, style, colour in marks:
        for i in range(max(m_start, start), min(m_end, end)):
            styles[i - start] = (style, colour)
    out: list[Run] = []
    i = start
    while i < end:
        j = i
        while j < end and styles[j - start] == styles[i - start]:
            j += 1
        style, colour = styles[i - start]
        out.append(Run(text[i:j], style, colour))
        i = j
    return out


def _merge(items: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in items:
        if out and out[-1].style == run.style and out[-1].colour == run.colour:
            out[-1] = Run(out[-1].text + run.text, run.style, run.colour)
        elif run.text:
            out.append(run)
    return tuple(out)
