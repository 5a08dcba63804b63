"""Light and dark themes, outlet colours and colour-blind-safe diff and flag colours.

Why these colours: outlets use the Okabe-Ito palette (distinguishable by people with the common colour
vision deficiencies) and then golden-angle hues for more than eight outlets; that rule is the engine's
(``analysis.report.colours``), so a report shows every outlet in the window's colour.  Word diffs use orange for
text only the left side has and blue for text only the right side has, never red/green alone.  Framing
flags are drawn as underlines whose *style* also differs by family, so colour is never the only cue;
the families, their colour roles and mark styles are the engine's (``analysis.vocabulary.kinds``), this
module only says which colour a role has and how a mark is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from analysis.report.colours import outlet_colour
from analysis.vocabulary import kinds


def outlet_color(index: int) -> QColor:
    """The colour of the outlet at ``index`` (position in the article list); stable across views and
    the same as in a report: the rule is the engine's (``analysis.report.colours.outlet_colour``)."""
    return QColor(outlet_colour(index))


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
    loaded_text: str      # loaded and evaluative words in side by side (with a wave underline, italic)

    @property
    def dark(self) -> bool:
        return QColor(self.base).lightness() < 128


LIGHT = Theme("light", window="#f3f3f5", base="#ffffff", alt_base="#f7f7f9", text="#1d1d1f",
              muted="#6b6b73", highlight="#2f6fcf", highlight_text="#ffffff", border="#d0d0d6",
              diff_left="#ffd9a8", diff_right="#bfe0ff", gap="#ececef", flash="#fff2a8",
              banner="#fff4d6", banner_text="#4a3a00", link="#1f5fbf", loaded_text="#a33a00")
DARK = Theme("dark", window="#202124", base="#17181a", alt_base="#1e1f22", text="#e6e6e9",
             muted="#9a9aa3", highlight="#3d7be0", highlight_text="#ffffff", border="#3a3b40",
             diff_left="#6b4514", diff_right="#15466e", gap="#26272b", flash="#5c5420",
             banner="#3d3418", banner_text="#f3e3b0", link="#8ab4f8", loaded_text="#ffb37e")
THEMES = {"light": LIGHT, "dark": DARK}


# The colour of each finding family's role (``analysis.vocabulary.kinds.Family.colour_role``): Okabe-Ito,
# the same in both themes (they are drawn as thin underlines and chips, legible on either base).
ROLE_COLOURS: dict[str, str] = {
    "flag.wording": "#0072B2",
    "flag.attribution": "#CC79A7",
    "flag.hedge": "#009E73",
    "flag.loaded": "#D55E00",
    "flag.contradiction": "#E69F00",
    "flag.coverage": "#999999",
    "flag.voice": "#56B4E9",
}
# How a family's mark style (``Family.mark``) is drawn on text: the shape differs, not only the colour.
UNDERLINES: dict[str, QTextCharFormat.UnderlineStyle] = {
    "single": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
    "wave": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dashdot": QTextCharFormat.UnderlineStyle.DashDotLine,
    "none": QTextCharFormat.UnderlineStyle.NoUnderline,
}


def role_colour(role: str) -> str:
    """The colour of a vocabulary colour role ("flag.hedge")."""
    return ROLE_COLOURS[role]


def marked_on_text(kind: str) -> bool:
    """Whether findings of ``kind`` are drawn on the article text (framing) or are structural
    (coverage, voices: listed, never underlined), as the kind's family says."""
    return kinds.family(kind).mark != "none"


def flag_style(kind: str) -> tuple[str, QTextCharFormat.UnderlineStyle]:
    """(colour, underline style) of a finding drawn on text, from its family in the vocabulary."""
    fam = kinds.family(kind)
    return role_colour(fam.colour_role), UNDERLINES[fam.mark]


STRONG_MARK_FAMILIES = ("loaded",)     # drawn strongly on text: coloured, italic, wave-underlined
STRONG_MARK_MAX_WORDS = 6               # longer spans (a sentence's tone) keep the underline only


def strong_mark(kind: str) -> bool:
    """Whether a finding's words are marked strongly in side by side (loaded and evaluative words:
    what an editor must spot at a glance, distinct from the word-diff tint in colour *and* shape)."""
    return kinds.family(kind).name in STRONG_MARK_FAMILIES


def legend_families() -> list[kinds.Family]:
    """The families drawn on text, in the vocabulary's order: the side-by-side legend's entries."""
    return [f for f in kinds.FAMILIES.values() if f.mark != "none"]


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
