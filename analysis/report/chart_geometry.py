"""Chart layout shared by the SVG (HTML) and QPainter (PDF) renderers: the same chart, drawn twice.

``layout(chart, width)`` turns a ``Chart`` into drawing primitives (rectangles, lines, texts) in abstract
units (1 unit = 1 CSS px = 0.75 pt), so both renderers only translate primitives, and a chart looks the
same in the browser and on paper.  Text widths are estimated (0.56 em per character): good enough to
leave room for labels, which are clipped with an ellipsis when long.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from analysis.report.model import Chart
from analysis.report.text import ELLIPSIS

FONT = 11.0             # label size, units
TITLE_FONT = 12.5
CHAR_EM = 0.56          # average glyph width of the sans font, in em
AXIS = "#6b6b73"
GRID = "#e3e3e8"
TEXT = "#1d1d1f"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float                # baseline
    text: str
    size: float = FONT
    anchor: str = "start"   # "start", "middle" or "end"
    bold: bool = False
    colour: str = TEXT


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    items: tuple


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR_EM


def fit(text: str, width: float, size: float = FONT) -> str:
    """``text`` clipped with an ellipsis to about ``width`` units, after a whole word when the kept
    part has one (a bar's label read "“Momentum Build…" for "“Momentum Builds…”")."""
    chars = max(int(width / (size * CHAR_EM)), 2)
    if len(text) <= chars:
        return text
    cut = text[:chars - 1]
    if not text[chars - 1].isspace() and not cut[-1].isspace() and " " in cut.strip():
        cut = cut[:cut.rfind(" ")]          # the word cut through is dropped whole
    return cut.rstrip() + ELLIPSIS


LINE = FONT * 1.15          # baseline to baseline of a category name on two lines


def label_lines(name: str, width: float) -> list[str]:
    """A category's name in ``width`` units: whole on one line, else on two lines broken between
    words (the brief's paired metric charts read "Business…" for "Business Insider India"), the
    second clipped after a whole word if it is still too long."""
    if text_width(name) <= width or " " not in name.strip():
        return [fit(name, width)]
    words = name.split()
    head = words[0]
    k = 1
    while k < len(words) and text_width(head + " " + words[k]) <= width:
        head += " " + words[k]
        k += 1
    rest = " ".join(words[k:])
    return [fit(head, width), fit(rest, width)] if rest else [fit(head, width)]


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` intervals."""
    raw = span / max(ticks, 1)
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def _domain(chart: Chart) -> tuple[float, float]:
    if chart.domain:
        return chart.domain
    if chart.kind == "stacked":
        totals = [sum(s.values[i] or 0 for s in chart.series) for i in range(len(chart.categories))]
        values = totals or [0.0]
    else:
        values = [v for s in chart.series for v in s.values if v is not None] or [0.0]
    lo, hi = min(0.0, min(values)), max(0.0, max(values))
    if hi == lo:
        hi = lo + 1
    step = nice_step(hi - lo)
    return (math.floor(lo / step) * step, math.ceil(hi / step) * step)


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _legend(chart: Chart, width: float, y: float) -> tuple[list, float]:
    items, x = [], 0.0
    for s in chart.series:
        w = 14 + text_width(s.name) + 14
        if x and x + w > width:
            x, y = 0.0, y + FONT + 6
        items += [Rect(x, y - FONT + 2, 10, 10, s.colour), Text(x + 14, y, s.name)]
        x += w
    return items, y + FONT + 4


def layout(chart: Chart, width: float = 640.0) -> Drawing:
    """Primitives of ``chart`` laid out ``width`` units wide (the height follows the categories)."""
    n = max(len(chart.categories), 1)
    items: list = [Text(0, TITLE_FONT, chart.title, TITLE_FONT, bold=True)]
    y = TITLE_FONT + 10
    if chart.kind == "stacked" and chart.series:
        legend, y = _legend(chart, width, y + FONT)
        items += legend
    label_w = min(max(text_width(c) for c in chart.categories) + 16 if chart.categories else 40, width * 0.34)
    value_w = 20.0 if chart.kind == "stacked" else 46.0      # room for the last tick or bar label
    x0, x1 = label_w, width - value_w
    lo, hi = _domain(chart)
    scale = (x1 - x0) / (hi - lo)

    def xpos(v: float) -> float:
        return x0 + (min(max(v, lo), hi) - lo) * scale

    bar_h = max(7.0, min(16.0, 420.0 / n))
    pitch = bar_h + max(3.0, bar_h * 0.45)
    labels = [label_lines(c, label_w - 10) for c in chart.categories]
    if any(len(lines) > 1 for lines in labels):
        pitch = max(pitch, 2 * LINE + 3)       # two lines of a name fit beside their bar
    top = y + 4
    step = nice_step(hi - lo)
    bottom = top + n * pitch
    k = 0
    while lo + k * step <= hi + step * 1e-6:
        # Counted, not summed, and snapped: adding 0.1 three times to -0.3 printed "-2.8e-17" for 0.
        tick = lo + k * step
        tick = 0.0 if abs(tick) < step * 1e-6 else tick
        x = xpos(tick)
        items += [Line(x, top - 2, x, bottom, GRID, 0.75),
                  Text(x, bottom + FONT + 3, _tick(tick, chart.unit), FONT - 1.5, "middle", colour=AXIS)]
        k += 1
    for i, lines in enumerate(labels):
        cy = top + i * pitch
        first = cy + bar_h * 0.5 + FONT * 0.36 - (len(lines) - 1) * LINE / 2
        items += [Text(label_w - 8, first + k * LINE, line, FONT, "end") for k, line in enumerate(lines)]
        items += _bars(chart, i, cy, bar_h, xpos, label_w)
    items.append(Line(xpos(0.0), top - 2, xpos(0.0), bottom, AXIS, 1.0))
    height = bottom + FONT + 8
    if chart.caption:
        height += 4
        items.append(Text(0, height + FONT - 2, chart.caption, FONT - 1, colour=AXIS))
        height += FONT + 2
    return Drawing(width, height, tuple(items))


def _tick(value: float, unit: str) -> str:
    text = f"{value:g}" if abs(value) >= 1 or value == 0 else f"{value:.2g}"
    return text + ("%" if unit == "%" else "")


def _bars(chart: Chart, i: int, cy: float, bar_h: float, xpos, label_w: float) -> list:
    if chart.kind == "stacked":
        return _stack(chart, i, cy, bar_h, xpos)
    value = chart.series[0].values[i] if chart.series else None
    if value is None:
        return [Text(xpos(0.0) + 4, cy + bar_h * 0.5 + FONT * 0.36, "n/a", FONT - 1, colour=AXIS)]
    colour = chart.category_colours[i] if i < len(chart.category_colours) else chart.series[0].colour
    a, b = sorted((xpos(0.0), xpos(value)))
    label = chart.value_format.format(value) + ("%" if chart.unit == "%" else "")
    lx, anchor = (b + 4, "start") if value >= 0 else (a - 4, "end")
    if value < 0 and a - 4 - text_width(label, FONT - 1) < label_w:
        # A bar reaching the left edge would print its value over the outlet's name ("IBTimes…-0.29"):
        # the value goes beside the zero line instead, where this row has no bar.
        lx, anchor = b + 4, "start"
    return [Rect(a, cy, max(b - a, 0.75), bar_h, colour),
            Text(lx, cy + bar_h * 0.5 + FONT * 0.36, label, FONT - 1, anchor)]


def _stack(chart: Chart, i: int, cy: float, bar_h: float, xpos) -> list[Rect | Text]:
    out: list[Rect | Text] = []
    start = 0.0
    for s in chart.series:
        v = s.values[i] or 0.0
        if v <= 0:
            continue
        a, b = xpos(start), xpos(start + v)
        out.append(Rect(a, cy, b - a, bar_h, s.colour))
        label = chart.value_format.format(v)
        if b - a > text_width(label, FONT - 2) + 6 and bar_h >= 9:
            ink = "#ffffff" if luminance(s.colour) < 0.5 else TEXT
            out.append(Text((a + b) / 2, cy + bar_h * 0.5 + (FONT - 2) * 0.36, label, FONT - 2, "middle",
                            colour=ink))
        start += v
    if not out:
        out.append(Text(xpos(0.0) + 4, cy + bar_h * 0.5 + FONT * 0.36, "no quotes", FONT - 1, colour=AXIS))
    return out
