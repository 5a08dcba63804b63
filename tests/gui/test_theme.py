"""The theme reads the engine's vocabulary: families, colour roles, mark styles, outlet colours."""
from __future__ import annotations

from analysis.report import colours
from analysis.vocabulary import kinds
from gui import theme


def test_flag_styles_come_from_the_kind_families():
    for family in kinds.FAMILIES.values():
        assert family.colour_role in theme.ROLE_COLOURS and family.mark in theme.UNDERLINES
    # A stance difference is drawn as the contradictions are (its family), not as "other".
    assert theme.flag_style("stance") == theme.flag_style("contradiction")
    assert not theme.marked_on_text("omission") and not theme.marked_on_text("voice")
    assert theme.marked_on_text("hedge")
    assert [f.name for f in theme.legend_families()] == [
        "wording", "attribution", "hedge", "loaded", "contradiction"]


def test_outlet_colours_are_the_reports():
    # One rule (the engine's): past the eight Okabe-Ito colours too, where rounding could differ.
    for index in range(40):
        assert theme.outlet_color(index).name().upper() == colours.outlet_colour(index).upper(), index


def test_a_window_opened_in_the_dark_theme_draws_every_view_in_it(qtbot, fake_comparison):
    """With the dark theme saved, the window opened dark but the Overview, Inspector and Findings
    kept the light theme's colours: "⚠ other event?" was dark brown (#4a3a00) on the dark pane."""
    import dataclasses

    from helpers import show_comparison

    from gui import settings
    from gui.main_window import MainWindow
    settings.set_theme_name("dark")
    w = MainWindow()
    qtbot.addWidget(w)
    for view in (w.overview, w.side, w.inspector, w.findings.model):
        assert view.theme is theme.DARK, view
    event = (dataclasses.replace(fake_comparison.event[0], same_event=False),) + fake_comparison.event[1:]
    show_comparison(w, dataclasses.replace(fake_comparison, event=event))
    html = w.overview.render(w.doc.comparison)
    assert f"color:{theme.DARK.banner_text}\">⚠" in html and theme.LIGHT.banner_text not in html
