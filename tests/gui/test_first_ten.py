"""An editor's first ten minutes (issue 13): panes that keep their width, every outlet in view,
outlet names instead of ids, and review words that say what was done."""
from __future__ import annotations

import re

import pytest
from helpers import show_comparison
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from analysis.vocabulary.reviews import Review
from gui.main_window import MainWindow
from gui.review import describe
from gui.richtext import two_lines

SCREEN = (1366, 768)          # the smallest screen the issue asks for


@pytest.fixture
def small_window(qtbot, fake_comparison):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    show_comparison(w, fake_comparison)
    w.show()
    qtbot.waitExposed(w)
    return w


def _visit_every_tab(w) -> None:
    for n in range(w.tabs.count()):
        w.tabs.setCurrentIndex(n)
        QApplication.processEvents()


def test_no_pane_collapses_after_visiting_every_tab(qtbot, small_window, fake_comparison):
    w = small_window
    before = (w.articles_dock.width(), w.inspector_dock.width())
    _visit_every_tab(w)
    _visit_every_tab(w)
    after = (w.articles_dock.width(), w.inspector_dock.width())
    for dock, width in zip((w.articles_dock, w.inspector_dock), after):
        assert width >= dock.widget().minimumWidth() > 100
    # Side by side no longer pushes the Outlets pane narrower (it went from about 340 to 160 px).
    assert after[0] >= before[0] - 10 and after[1] >= before[1] - 10
    # Dragged (or saved by an older version) to almost nothing, the pane stays at its least width,
    # and so does the next window, which restores the saved state.
    w.resizeDocks([w.articles_dock], [40], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert w.articles_dock.width() >= w.articles_dock.widget().minimumWidth()
    w.close()
    again = MainWindow()
    qtbot.addWidget(again)
    show_comparison(again, fake_comparison)
    again.show()
    qtbot.waitExposed(again)
    _visit_every_tab(again)
    assert again.articles_dock.width() >= again.articles_dock.widget().minimumWidth()


def test_metrics_and_voices_show_every_outlet_without_sideways_scrolling(small_window):
    w = small_window
    for view in (w.metrics, w.voices):
        w.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        table = view.table
        header = table.horizontalHeader()
        last = table.model().columnCount() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
        assert table.horizontalScrollBar().maximum() == 0


def test_outlet_headers_break_between_words_never_inside_one():
    assert two_lines("Financial Times") == "Financial\nTimes"
    assert two_lines("The Harbour Evening Post") == "The Harbour\nEvening Post"
    assert two_lines("Reuters") == "Reuters"


def test_finding_evidence_names_outlets_not_ids(small_window):
    w = small_window
    model = w.findings.model
    names = {a.outlet for a in w.doc.articles}
    texts = [model.evidence(f) for f in model.findings]
    assert texts and not any(re.search(r"\ba\d+\b", t) for t in texts)
    assert any(name in t for t in texts for name in names)


def test_a_note_only_finding_reads_note_not_reviewed():
    assert describe(Review("k", note="ask the desk")).startswith("Note, not reviewed")
    assert describe(Review("k")).startswith("Not reviewed")


def test_palette_ranks_whole_words_then_starts_of_words_then_substrings():
    from gui.palette import score
    titles = ["Soft wrap", "Swapped copy", "Swap sides"]
    assert sorted(titles, key=lambda t: score("swap", t)) == ["Swap sides", "Swapped copy", "Soft wrap"]
    # A later whole word or start of a word beats the same letters inside an earlier word.
    assert score("port", "Report card") > score("port", "Export, then port")
    assert score("rep", "Prepare report") < score("rep", "Prepare")
    assert score("xyz", "Export") is None


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="og:site_name" content="{outlet}"><title>{title} | {outlet}</title></head>
<body><article><h1>{title}</h1>{body}</article></body></html>"""
STORY = ("The ferry Morning Gull ran aground off Pellin Point on Sunday night with 212 passengers aboard.",
         "Coastguard crews from Harl took everyone off by dawn, and four people were treated for cold.",
         "The operator, Tidewater Lines, said the ship's steering failed in rising wind.",
         "Harbour master Ines Wollaston said the channel would stay closed until the hull was checked.")


def _page(folder, name, outlet, title, sentences):
    body = "".join(f"<p>{s}</p>" for s in sentences)
    path = folder / name
    path.write_text(PAGE.format(outlet=outlet, title=title, body=body), encoding="utf-8")
    return str(path)


def test_outlet_names_come_from_a_saved_pages_metadata_and_a_rename_survives_re_analysis(
        qtbot, tmp_path, monkeypatch):
    from helpers import wait_analysed

    from gui import dialogs
    from gui.app import make_window
    paths = [_page(tmp_path, "page-one.html", "Pellin Coast Gazette", "Ferry aground off Pellin Point",
                   STORY),
             _page(tmp_path, "b7f3.htm", "Harl Evening Wire", "Passengers rescued from stranded ferry",
                   STORY[:2] + ("Tidewater Lines blamed a steering fault.",)),
             _page(tmp_path, "x.html", "The Tidewater Courier", "Channel closed after ferry grounding",
                   STORY[1:])]
    w = make_window(paths)
    qtbot.addWidget(w)
    wait_analysed(qtbot, w, 3)
    names = [a.outlet for a in w.doc.articles]
    assert names == ["Pellin Coast Gazette", "Harl Evening Wire", "The Tidewater Courier"]
    # The names, not the file names or ids, are what the panes show.
    panel = w.articles_panel.model
    shown = [panel.index(r, 0).data().removeprefix("★ ") for r in range(panel.rowCount())]
    assert shown == names                                   # ★ marks the reference
    # Renamed (F2), then re-analysed without the third article: the name stays, everywhere.
    first = w.doc.articles[0].id
    monkeypatch.setattr(dialogs, "ask_outlet_name", lambda parent, current: "Gazette (desk copy)")
    w.articles_panel.select(first)
    w.actions["rename_outlet"].trigger()
    w.doc.set_excluded(w.doc.articles[2].id, True)
    wait_analysed(qtbot, w, 2)
    assert w.doc.comparison.article(first).outlet == "Gazette (desk copy)"
    assert w.doc.articles[0].outlet == "Gazette (desk copy)"
    assert panel.index(0, 0).data().endswith("Gazette (desk copy)")
    w.doc.set_excluded(w.doc.articles[2].id, False)
    wait_analysed(qtbot, w, 3)
    assert w.doc.comparison.article(first).outlet == "Gazette (desk copy)"


def test_inspector_reads_in_words_with_the_raw_data_behind_details(small_window):
    import dataclasses

    from PySide6.QtCore import QUrl
    w = small_window
    arts = w.doc.articles
    base = next(f for f in w.doc.comparison.findings if f.kind == "loaded_word")
    f = dataclasses.replace(base, evidence=f"{arts[1].id} chooses 'panicked'",
                            data={"terms": {arts[1].id: "panicked", arts[2].id: ""},
                                  "used_by": [arts[1].id], "in_quote": False, "plainer": {}})
    w.inspector.show_finding(f)
    text = w.inspector.browser.toPlainText()
    assert f"{arts[1].outlet} chooses 'panicked'" in text
    assert "▸ Details" in text and "panicked" not in text.split("Details")[1]
    assert f.id not in text and "{" not in text                # rule, id and data wait behind Details
    w.inspector._anchor(QUrl("inspector:details"))
    text = " ".join(w.inspector.browser.toPlainText().split())
    assert f"terms {arts[1].outlet}: panicked" in text and f"used by {arts[1].outlet}" in text
    assert "{" not in text and f.id in text


def test_a_note_without_a_verdict_is_not_shown_as_reviewed(small_window):
    w = small_window
    f = w.doc.comparison.findings[0]
    w.inspector.set_reviews({f.id: Review(f.id, note="ask the desk", updated="2026-12-06T10:00:00Z")})
    w.inspector.show_finding(f)
    text = w.inspector.browser.toPlainText()
    assert "note, not reviewed" in text and "Note written" in text and "Reviewed" not in text


def test_findings_evidence_gets_most_of_the_sentence_room(small_window):
    from gui.models.findings import COLUMNS
    w = small_window
    w.tabs.setCurrentWidget(w.findings)
    QApplication.processEvents()
    h = w.findings.table.horizontalHeader()
    evidence, fact = h.sectionSize(COLUMNS.index("Evidence")), h.sectionSize(COLUMNS.index("Fact"))
    assert evidence >= 2 * fact > 0
    assert w.findings.table.horizontalScrollBar().maximum() == 0


def _italic_fragments(doc, colour: str, weight: int = 0) -> list[str]:
    """Texts of ``doc`` drawn italic in ``colour``, at least as heavy as ``weight`` (tables
    included: every block is walked)."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.fontItalic() and fmt.foreground().color().name() == colour and fmt.fontWeight() >= weight:
                out.append(frag.text())
            it += 1
        block = block.next()
    return out


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_loaded_words_are_marked_apart_from_the_diff_tint(small_window, theme_name):
    from gui import theme
    w = small_window
    t = theme.THEMES[theme_name]
    w.view.apply_theme(t)
    loaded = next(f for f in w.doc.comparison.findings if theme.strong_mark(f.kind) and f.spans)
    w.navigation.select_finding(loaded.id)
    w.tabs.setCurrentWidget(w.side)
    w.side.finish_build()
    span = loaded.spans[-1]
    word = w.doc.comparison.article(span.article).text[span.start:span.end]
    assert word in "".join(_italic_fragments(w.side.browser.document(), t.loaded_text))
    # Heavier than the text round it: seen at a glance, whatever the reader makes of the colour.
    from PySide6.QtGui import QFont
    assert word in "".join(_italic_fragments(w.side.browser.document(), t.loaded_text,
                                             QFont.Weight.DemiBold.value))
    # Its colour is neither diff tint: the two never read as one mark.
    assert t.loaded_text not in (t.diff_left, t.diff_right, t.text)


def test_same_event_scores_never_wrap_inside_the_number(small_window):
    w = small_window
    w.tabs.setCurrentWidget(w.overview)
    w.overview.finish_build()
    QApplication.processEvents()
    doc = w.overview.browser.document()
    doc.setTextWidth(w.overview.browser.viewport().width())
    scores, block = [], doc.begin()
    while block.isValid():
        if re.fullmatch(r"\d\.\d\d\s*", block.text()):
            scores.append(block.layout().lineCount())
        block = block.next()
    assert scores and all(n == 1 for n in scores), scores


def test_voices_speaker_and_role_show_in_full_on_hover(small_window):
    model = small_window.voices.model
    v = next(v for v in model.voices if v.role)
    row = model.voices.index(v)
    for col in (0, 1):
        tip = model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
        assert v.role in tip and (v.name or v.speaker) in tip


def test_outlets_named_by_one_long_word_still_fit_their_headers_elide(qtbot, fake_comparison):
    """Outlets named from a file or a domain ("financialexpress") are one long word each: the
    Voices and Metrics tables used to keep every header word whole and so scrolled sideways at
    1366x768; the headers elide now (the whole name on hover) and every outlet stays in view."""
    import dataclasses
    long_names = ["northernharbourgazette", "easterncoastchronicle", "financialexpressdaily",
                  "thesaveratimesonline", "westernplainsobserver"]
    arts = [dataclasses.replace(a, outlet=n) for a, n in zip(fake_comparison.articles, long_names)]
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    show_comparison(w, dataclasses.replace(fake_comparison, articles=tuple(arts)))
    w.show()
    qtbot.waitExposed(w)
    for view in (w.metrics, w.voices):
        w.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        table = view.table
        assert table.horizontalScrollBar().maximum() == 0
        model, first = table.model(), table.model().columnCount() - len(arts)
        shown = {model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                 for c in range(first, model.columnCount())}
        assert shown == set(long_names)                           # the whole name on hover


def test_the_first_window_fits_the_screen(qtbot):
    """With no saved geometry the window never runs off a small screen: it takes the screen's free
    area (at 1366x768 a 1400x900 window put the Inspector off the right edge)."""
    w = MainWindow()
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()
    assert room.width() < 1400 or room.height() < 900      # the offscreen screen is 800x600
    assert w.width() <= room.width() and w.height() <= room.height()


def test_the_first_window_takes_most_of_a_roomy_screen_and_all_of_a_small_one():
    from gui.main_window import first_size
    assert first_size(1920, 1040) == (1728, 936)        # a 1920x1080 desktop less its panel
    assert first_size(2560, 1400) == (2304, 1260)
    assert first_size(1366, 740) == (1366, 740)         # a laptop: every pane needs the room
    assert first_size(1600, 900) == (1600, 900)


def test_a_collapsed_window_is_neither_saved_nor_restored(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from gui import settings
    from gui.main_window import LEAST_SAVED_PX
    tiny = QMainWindow()
    qtbot.addWidget(tiny)
    tiny.setMinimumSize(1, 1)
    tiny.resize(120, 80)
    settings.settings().setValue("window/geometry", tiny.saveGeometry())   # saved by an older version
    w = MainWindow()
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()
    assert w.width() >= min(LEAST_SAVED_PX[0], room.width())
    assert w.height() >= min(LEAST_SAVED_PX[1], room.height())
    # Closed while minimised, the window keeps the size saved before, not the minimised one.
    w.show()
    qtbot.waitExposed(w)
    w.resize(700, 500)
    w.close()
    saved = settings.settings().value("window/geometry")
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    again.showMinimized()
    again.close()
    assert settings.settings().value("window/geometry") == saved


def test_a_long_status_message_is_cut_after_a_whole_word_and_shown_whole_on_hover(small_window):
    """"Voice left out: … Apollo Magazine (13 words), Ara (18 w" was clipped mid-word by the line."""
    from gui.views.elide import ELLIPSIS
    w = small_window
    text = ("Voice left out: Harriet Lindqvist (harbour master) is quoted by 5 of the other 5 outlets "
            + ", ".join(f"(Coastal Gazette {n} ({n * 7} words)" for n in range(1, 12)) + ".")
    w.ui.say(text)
    shown = w.statusBar().currentMessage()
    assert shown.endswith(ELLIPSIS) and len(shown) < len(text)
    head = shown[:-1]
    assert text.startswith(head) and not text[len(head)].isalnum()       # a whole word, then "…"
    assert head[-1] not in " ,("
    assert w.statusBar().toolTip() == text
    room = w.statusBar().width() - w.status.counts_label.width() - w.status.review_label.width()
    assert w.statusBar().fontMetrics().horizontalAdvance(shown) <= room
    w.ui.say("Saved.")                                      # a short one: whole, no tool tip
    assert w.statusBar().currentMessage() == "Saved." and w.statusBar().toolTip() == ""


def test_an_engine_note_is_said_once_in_the_banner_and_back_on_the_overview_when_dismissed(
        qtbot, fake_comparison):
    """At 1366x768 the banner and the Overview's head both said the two notes: eight lines."""
    import dataclasses
    note = "12 possible omissions were not reported (the outlets that carry them agree too little)."
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    w.show()
    qtbot.waitExposed(w)
    show_comparison(w, dataclasses.replace(fake_comparison, notes=(note,)))
    w.overview.finish_build()
    assert note in w.banner.text()
    assert note not in w.overview.browser.toPlainText()
    from PySide6.QtWidgets import QToolButton
    qtbot.mouseClick(w.banner.findChild(QToolButton), Qt.MouseButton.LeftButton)
    assert w.banner.text() == ""
    w.overview.finish_build()
    assert note in w.overview.browser.toPlainText()
    # Dismissed, they stay dismissed when the views redraw (a rename, a verdict, the same result).
    w.doc.rename(w.doc.articles[0].id, "The Harbour Post")
    w.overview.finish_build()
    assert w.banner.text() == "" and note in w.overview.browser.toPlainText()
