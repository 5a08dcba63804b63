"""The voice table tells unnamed sources ("officials", "critics") apart from named voices."""
from __future__ import annotations

from PySide6.QtCore import Qt

from analysis import load_article
from analysis.model import Article, Comparison, Voice
from gui.models.voices import UNNAMED_ROLE_TEXT, VoicesModel


def _comparison() -> tuple[Comparison, list[Article]]:
    articles = [load_article(b"Mayor Ruth Gale opened the bridge.", kind="paste", article_id="a1",
                             outlet="Tarvo Times"),
                load_article(b"The bridge opened, officials said.", kind="paste", article_id="a2",
                             outlet="Valley Post")]
    voices = (Voice("~european officials", "European officials", "", {"a1": 40, "a2": 0}, {"a1": 0.5, "a2": 0.0},
                    unnamed=True),
              Voice("ruth gale", "Ruth Gale", "Mayor of Tarvo", {"a1": 20, "a2": 10}, {"a1": 0.25, "a2": 1.0}))
    return Comparison(tuple(articles), voices=voices), articles


def test_unnamed_sources_follow_the_named_voices_and_say_what_they_are(qtbot):
    comparison, articles = _comparison()
    model = VoicesModel()
    model.set_comparison(comparison, articles)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Ruth Gale", "European officials"]        # named first, though quoted less
    assert model.index(0, 1).data() == "Mayor of Tarvo"
    assert model.index(1, 1).data() == UNNAMED_ROLE_TEXT == "unnamed source"
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert "unnamed source" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Ruth Gale, Mayor of Tarvo"


def test_the_share_chart_reads_the_same_percent_as_the_table(qtbot):
    """23.46 % was "23%" in the table and "24%" in the chart (rounded to 23.5 first, then to even)."""
    from helpers import show_comparison

    from gui.main_window import MainWindow
    articles = [load_article(b"Mayor Ruth Gale opened the bridge on Monday.", kind="paste", article_id=aid,
                             outlet=name) for aid, name in (("a1", "Tarvo Times"), ("a2", "Valley Post"),
                                                           ("a3", "Hill Gazette"))]
    voice = Voice("ruth gale", "Ruth Gale", "Mayor of Tarvo", {"a1": 38, "a2": 40, "a3": 0},
                  {"a1": 0.2346, "a2": 0.1653, "a3": 0.0})
    w = MainWindow()
    qtbot.addWidget(w)
    show_comparison(w, Comparison(tuple(articles), voices=(voice,)))
    w.tabs.setCurrentWidget(w.voices)
    w.voices.table.selectRow(0)
    table = [w.voices.model.index(0, c).data() for c in range(3, 6)]
    chart = [w.voices.chart.fmt(b.value) for b in w.voices.chart.bars]
    assert table == chart == ["23%", "17%", "—"]          # not quoted: "—" in both, not "0%" in one


def test_the_tooltip_counts_the_quotes_of_a_voice_merged_from_several_name_forms(qtbot):
    """'Justice Alito' in one article and 'Samuel Alito' in another are one voice: its quotes hold the
    article's own key, so counting them by the voice's key gave '0 quote(s)'."""
    from analysis.model import Quote
    articles = [load_article(b"Justice Ruth Gale wrote for the court.", kind="paste", article_id="a1",
                             outlet="Tarvo Times")]
    quote = Quote("a1", "a1.s1", 0, 10, "direct", "justice gale", "Justice Gale", words=20)
    voice = Voice("ruth gale", "Ruth Gale", "justice", {"a1": 20}, {"a1": 1.0}, quotes={"a1": 2})
    model = VoicesModel()
    model.set_comparison(Comparison(tuple(articles), quotes=(quote,), voices=(voice,)), articles)
    tip = model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Tarvo Times quotes Ruth Gale: 20 words in 2 quote(s), 100% of its quoted words"
