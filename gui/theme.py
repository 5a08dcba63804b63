"""Light and dark themes, outlet colours and colour-blind-safe diff and flag colours.

Why these colours: outlets use the Okabe-Ito palette (distinguishable by people with the common colour
vision deficiencies) and then golden-angle hues for more than eight outlets.  Word diffs use orange for
text only the left side has and blue for text only the right side has, never red/green alone.  Framing
flags are drawn as underlines whose *style* also differs by kind, so colour is never the only cue.
"""
from __future__ import annotations

import colorsys
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from analysis.vocabulary.kinds import label as kind_label  # noqa: F401  one name per kind, shared with the report

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def outlet_color(index: int) -> QColor:
    """The colour of the outlet at ``index`` (position in the article list); stable across views."""
    if index < len(OKABE_ITO):
        return QColor(OKABE_ITO[index])
    hue = (index * 0.618033988749895) % 1.0
    r, g, b = colorsys.hsv_to_rgb(hue, 0.55, 0.85)
    return QColor.fromRgbF(r, g, b)


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    highlight: str
    highlight_text: str
    border: str
    diff_left: str        # words only the left side has (orange tint)
    diff_right: str       # words only the right side has (blue tint)
    gap: str              # "not covered" cells
    flash: str            # the brief flash when navigating to a finding
    banner: str
    banner_text: str
    link: str

    @property
    def dark(self) -> bool:
        return QColor(self.base).lightness() < 128


LIGHT = Theme("light", window="#f3f3f5", base="#ffffff", alt_base="#f7f7f9", text="#1d1d1f",
              muted="#6b6b73", highlight="#2f6fcf", highlight_text="#ffffff", border="#d0d0d6",
              diff_left="#ffd9a8", diff_right="#bfe0ff", gap="#ececef", flash="#fff2a8",
              banner="#fff4d6", banner_text="#4a3a00", link="#1f5fbf")
DARK = Theme("dark", window="#202124", base="#17181a", alt_base="#1e1f22", text="#e6e6e9",
             muted="#9a9aa3", highlight="#3d7be0", highlight_text="#ffffff", border="#3a3b40",
             diff_left="#6b4514", diff_right="#15466e", gap="#26272b", flash="#5c5420",
             banner="#3d3418", banner_text="#f3e3b0", link="#8ab4f8")
THEMES = {"light": LIGHT, "dark": DARK}


# Framing-flag kinds grouped into families; each family has a colour (Okabe-Ito) and an underline
# style, so the legend can be read without colour.  Unknown kinds fall back to "other".
FLAG_FAMILIES: dict[str, tuple[str, str, QTextCharFormat.UnderlineStyle]] = {
    # family: (legend label, colour, underline style)
    "wording": ("Wording / naming", "#0072B2", QTextCharFormat.UnderlineStyle.SingleUnderline),
    "attribution": ("Attribution verb", "#CC79A7", QTextCharFormat.UnderlineStyle.DashUnderline),
    "hedge": ("Hedge / booster", "#009E73", QTextCharFormat.UnderlineStyle.DotLine),
    "loaded": ("Loaded / intensifier", "#D55E00", QTextCharFormat.UnderlineStyle.WaveUnderline),
    "contradiction": ("Contradiction", "#E69F00", QTextCharFormat.UnderlineStyle.DashDotLine),
    "other": ("Other framing", "#999999", QTextCharFormat.UnderlineStyle.DashDotDotLine),
}


def flag_family(kind: str) -> str:
    """Which legend family a finding kind belongs to (by name, so new kinds land somewhere sane)."""
    k = kind.lower()
    if "contradict" in k or "number" in k or "mismatch" in k:
        return "contradiction"
    if "attribution" in k or "verb" in k or "quote" in k or "paraphrase" in k:
        return "attribution"
    if "hedge" in k or "booster" in k:
        return "hedge"
    if "loaded" in k or "emotive" in k or "intensif" in k or "sentiment" in k:
        return "loaded"
    if "substitut" in k or "naming" in k or "word" in k or "passive" in k or "agent" in k:
        return "wording"
    return "other"


def apply(app: QApplication, theme: Theme) -> None:
    """Fusion style with our palette, so both themes look the same on every platform."""
    app.setStyle("Fusion")
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, QColor(theme.window))
    pal.setColor(role.WindowText, QColor(theme.text))
    pal.setColor(role.Base, QColor(theme.base))
    pal.setColor(role.AlternateBase, QColor(theme.alt_base))
    pal.setColor(role.Text, QColor(theme.text))
    pal.setColor(role.Button, QColor(theme.window))
    pal.setColor(role.ButtonText, QColor(theme.text))
    pal.setColor(role.ToolTipBase, QColor(theme.base))
    pal.setColor(role.ToolTipText, QColor(theme.text))
    pal.setColor(role.Highlight, QColor(theme.highlight))
    pal.setColor(role.HighlightedText, QColor(theme.highlight_text))
    pal.setColor(role.Link, QColor(theme.link))
    pal.setColor(role.PlaceholderText, QColor(theme.muted))
    pal.setColor(role.Mid, QColor(theme.border))
    pal.setColor(role.Midlight, QColor(theme.border))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(theme.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(theme.muted))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(theme.muted))
    app.setPalette(pal)
    # Fusion draws a tick box's frame in the window colour made darker: invisible on a dark
    # window.  A lighter "window" for tick boxes alone (they paint no background) shows the frame.
    boxes = QPalette(pal)
    boxes.setColor(role.Window, QColor(theme.muted if theme.dark else theme.window))
    app.setPalette(boxes, "QCheckBox")
    app.setStyleSheet(stylesheet(theme))


def stylesheet(theme: Theme) -> str:
    """The small style sheet on top of the palette: visible focus, quiet borders, tab spacing."""
    from analysis.resources import resource
    path = resource("styles", "base.qss")
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    # Longest names first, so "@banner_text" is not eaten by "@banner".
    for key, value in sorted(vars(theme).items(), key=lambda kv: -len(kv[0])):
        text = text.replace("@" + key, str(value))
    return text
