"""Small helpers for rich text: every piece of article or engine text goes through ``esc``.

Why: article text is untrusted (pasted, fetched from the web).  Qt's rich text would render
``<img src=x>`` or a ``<a href>``; escaping everything we did not write ourselves keeps the window
showing exactly the characters of the article.
"""
from __future__ import annotations

import html

from PySide6.QtGui import QColor


def esc(text: object) -> str:
    """Escape any value for Qt rich text (quotes too, since we put some text in attributes)."""
    return html.escape(str(text), quote=True)


def chip(color: QColor | str, text: str, fg: str | None = None, whole: bool = False) -> str:
    """A coloured outlet label, e.g. for the inspector and the overview (``whole``: never broken
    over lines, for a table column as wide as its widest name)."""
    c = QColor(color)
    fg = fg or ("#000000" if c.lightness() > 140 else "#ffffff")
    name = esc(text).replace(" ", "&nbsp;") if whole else esc(text)
    return (f'<span style="background:{c.name()}; color:{fg}; font-weight:600;">'
            f'&nbsp;{name}&nbsp;</span>')


def highlight_spans(text: str, spans: list[tuple[int, int]], style: str) -> str:
    """Escape ``text`` and wrap each (start, end) offset range in a styled span."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(esc(text[pos:start]))
        out.append(f'<span style="{style}">{esc(text[start:end])}</span>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def fmt_num(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    return str(value)


def fmt_percent(points: float) -> str:
    """A share in percentage points (0-100) as an editor reads it: "22%", "<1%" for a sliver."""
    if points == 0:
        return "0%"
    return "<1%" if abs(points) < 1 else f"{points:.0f}%"


def fmt_share(share: float) -> str:
    """A share 0-1 as a percentage: "22%" (a table of 0.22 and 0.09 read as grades)."""
    return fmt_percent(100 * share)


def wrap_words(name: str, room: float, width, max_lines: int = 3) -> str:
    """``name`` on lines of at most ``room`` (in the units of ``width(text)``), broken between words;
    a word wider than the room is cut in its middle ("localn…wave2"), and what does not fit on
    ``max_lines`` lines is cut at the end of the last one.  For headers whose column is narrower
    than their words: Qt would clip each line at both ends ("The Denve / Post")."""
    lines: list[str] = []
    for word in name.split():
        if lines and width(lines[-1] + " " + word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word if width(word) <= room else _cut_middle(word, room, width))
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines[max_lines - 1:] = [_cut_end(rest, room, width)]
    return "\n".join(lines)


def _cut_middle(word: str, room: float, width) -> str:
    """``word`` with letters left out of its middle to fit ``room`` ("…" where they were)."""
    keep = len(word)
    while keep > 1 and width(word[:(keep + 1) // 2] + "…" + word[len(word) - keep // 2:]) > room:
        keep -= 1
    return word[:(keep + 1) // 2] + "…" + word[len(word) - keep // 2:]


def _cut_end(text: str, room: float, width) -> str:
    """``text`` cut at its end to fit ``room``, with "…"."""
    keep = len(text)
    while keep > 1 and width(text[:keep].rstrip() + "…") > room:
        keep -= 1
    return text[:keep].rstrip() + "…"


def two_lines(name: str) -> str:
    """A header's outlet name on at most two lines, broken at the space nearest its middle (never
    inside a word), so outlet columns can be narrow and still show whole words."""
    if " " not in name.strip():
        return name
    middle = len(name) / 2
    cut = min((i for i, ch in enumerate(name) if ch == " "), key=lambda i: abs(i - middle))
    return name[:cut] + "\n" + name[cut + 1:]
