"""Colours of the report: the outlets' colours (the same as the window's) and the neutral tones.

Why these: outlets use the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies,
then golden-angle hues for more than eight outlets.  This is the one place of that rule: the window
(``gui/theme.py``) turns these into QColors, so a report and the window show an outlet in the same
colour.  Highlights are light tints of the outlet colour so black text stays readable on them, in print
as on screen.
"""
from __future__ import annotations

import colorsys
import re

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")

TEXT = "#1d1d1f"
MUTED = "#6b6b73"
RULE = "#d0d0d6"
HEADER_FILL = "#eef0f4"
GAP_FILL = "#f4f4f6"
ACCENT = "#1f4e8c"
WARN = "#b35900"        # omissions and contradictions: orange, never red/green alone
VERDICT_COLOURS = {"confirmed": "#1f6f43", "flagged": "#b35900", "dismissed": "#6b6b73"}

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def outlet_colour(index: int) -> str:
    """Colour of the outlet at ``index`` in the article list."""
    if index < len(OKABE_ITO):
        return OKABE_ITO[index]
    hue = (index * 0.618033988749895) % 1.0
    r, g, b = colorsys.hsv_to_rgb(hue, 0.55, 0.85)
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (r, g, b)))


def tint(colour: str, amount: float = 0.72) -> str:
    """``colour`` mixed with white (``amount`` of white): a background that keeps black text legible."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def safe_colour(colour: str | None, default: str = TEXT) -> str:
    """``colour`` if it is a plain ``#rrggbb``, else ``default``: renderers put colours into CSS."""
    return colour if colour and _HEX.match(colour) else default
