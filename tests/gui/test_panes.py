"""Panes that fit at 1366x768 (issue 13, item 3): column widths measured with the window's own font
metrics.  The findings are made here (invented evidence); the articles are the seeds'."""
from __future__ import annotations

import dataclasses

import pytest
from helpers import show_comparison
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from analysis.model import Finding
from analysis.vocabulary.kinds import label as kind_label
from analysis.vocabulary.reviews import Review
from gui.main_window import MainWindow
from gui.models.findings import COLUMNS, FINDING_ROLE
from gui.views.turned_header import TURNED_PAD_PX

KINDS = ("reports_differently", "quote_vs_paraphrase", "version_diff", "loaded_word", "omission")


def _findings(articles) -> tuple[Finding, ...]:
    a, b = articles[0].id, articles[1].id
    return tuple(Finding(f"{kind}-{n}", kind, None, (a, b), (),
                         f"The first outlet and the second differ here ({kind}): the coastal ferry "
                         "timetable was announced on a windy Tuesday by the harbour board.",
                         0.9 - n / 10, "rule", {}) for n, kind in enumerate(KINDS))


def shown_at_1366(qtbot, comparison, **changes) -> MainWindow:
    """A window of 1366x768 showing ``comparison`` with ``changes`` (dataclasses.replace)."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_comparison(w, dataclasses.replace(comparison, **changes))
    w.show()
    qtbot.waitExposed(w)
    return w


def renamed(articles, names) -> tuple:
    return tuple(dataclasses.replace(a, outlet=n) for a, n in zip(articles, names))


@pytest.fixture
def findings_window(qtbot, fake_comparison):
    w = shown_at_1366(qtbot, fake_comparison, findings=_findings(fake_comparison.articles))
    w.tabs.setCurrentWidget(w.findings)
    QApplication.processEvents()
    return w


def _width(w, name: str) -> int:
    return w.findings.table.horizontalHeader().sectionSize(COLUMNS.index(name))


def test_kind_fits_its_labels_and_verdict_its_words(findings_window):
    w = findings_window
    fm = w.findings.table.fontMetrics()
    widest = max(fm.horizontalAdvance(kind_label(k)) for k in KINDS)      # "Changed between versions"
    assert _width(w, "Kind") >= widest + 8
    # Nothing reviewed: the Verdict column is as wide as its header, not 140 px of empty cells.
    assert _width(w, "Verdict") < fm.horizontalAdvance("Verdict") + 40
    first = w.doc.comparison.findings[0]
    w.review.set_verdicts({first.id: Review(key=first.id, verdict="flagged", severity=3, note="ask")})
    QApplication.processEvents()
    text = w.findings.model.review_text(first)
    assert text.startswith("⚑ Flagged") and text.endswith("✎")
    assert _width(w, "Verdict") >= fm.horizontalAdvance(text) + 8
    # The evidence has the stretch: wider than any other column, and nothing scrolls sideways.
    assert _width(w, "Evidence") > max(_width(w, c) for c in COLUMNS if c != "Evidence")
    assert w.findings.table.horizontalScrollBar().maximum() == 0


LONG_NAMES = ("northernharbourgazetteweekly", "The Coastal Evening Chronicle", "CNB")


def _line_breaks(doc, name: str) -> list[tuple[str, list[int]]]:
    """(text, where its lines start) for every block of ``doc`` (table cells too) naming ``name``."""
    out = []
    block = doc.begin()
    while block.isValid():
        text = block.text().replace("\xa0", " ")     # a chip's spaces may be unbreakable ones
        if name in text:
            doc.documentLayout().blockBoundingRect(block)       # laid out now
            layout = block.layout()
            out.append((text, [layout.lineAt(i).textStart() for i in range(layout.lineCount())]))
        block = block.next()
    return out


@pytest.mark.parametrize("names", [
    [LONG_NAMES[i % len(LONG_NAMES)] + ("" if i < 3 else str(i)) for i in range(5)],
    ["The Harbour Evening Post", "Marrowby Daily Courier", "Pellin Point Gazette",
     "Santa Quaranta New Herald", "The Tidewater Times"]])
def test_same_event_chips_break_outlet_names_between_words_only(qtbot, fake_comparison, names):
    w = shown_at_1366(qtbot, fake_comparison, articles=renamed(fake_comparison.articles, names))
    w.tabs.setCurrentWidget(w.overview)
    w.overview.finish_build()
    doc = w.overview.browser.document()
    assert "Same event?" in doc.toPlainText()
    for name in names:
        found = _line_breaks(doc, name)
        assert found, name
        for text, starts in found:
            # every line after the first starts after a space: no word is cut in two
            assert all(text[s - 1] in " \u2028" for s in starts[1:]), (text, starts)
        cells = [starts for text, starts in found if text.strip() == name]
        assert cells and all(len(starts) == 1 for starts in cells), name     # a chip: one line


SIX_NAMES = ("The Harbour Evening Post", "Marrowby Daily Courier", "Pellin Point Gazette",
             "Santa Quaranta New Herald", "Coastal Weekly Observer", "The Tidewater Times")


def test_outlet_headers_wrap_to_their_columns_between_words(qtbot, fake_comparison):
    """Metrics and Voices: each outlet header is its name on as many lines as its column needs,
    every line within the column (two fixed lines were clipped at both ends: "The Denve / Post")."""
    arts = renamed(fake_comparison.articles, SIX_NAMES)
    w = shown_at_1366(qtbot, fake_comparison, articles=arts)
    for view in (w.metrics, w.voices):
        w.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        table, model = view.table, view.table.model()
        header = table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)
        fm = QFontMetrics(bold)
        first = model.columnCount() - len(arts)
        for col in range(first, model.columnCount()):
            text = model.headerData(col, Qt.Orientation.Horizontal)
            name = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            assert name in SIX_NAMES and text.replace("\n", " ") == name       # whole words, in order
            assert all(fm.horizontalAdvance(line) <= header.sectionSize(col) - 8 for line in text.split("\n"))
        assert table.horizontalScrollBar().maximum() == 0
        lines = max(model.headerData(c, Qt.Orientation.Horizontal).count("\n") + 1
                    for c in range(first, model.columnCount()))
        assert header.height() >= lines * fm.height()                  # every line shows


def test_chart_labels_too_wide_to_sit_beside_their_bars_go_above_them_whole(qtbot):
    from PySide6.QtGui import QColor, QImage, QPainter

    from gui.charts import Bar, BarChart
    chart = BarChart("Flesch-Kincaid grade")
    qtbot.addWidget(chart)
    chart.resize(280, 100)                 # the Overview's chart column at 1366x768
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_data([Bar(n, 9.5 + i, QColor("#0072B2")) for i, n in enumerate(SIX_NAMES)])
    fm = QFontMetrics(chart.font())
    assert chart.label_texts(fm, chart.width()) == list(SIX_NAMES)          # every name whole
    beside = fm.height() * 2 + 16 + len(SIX_NAMES) * (fm.height() + 8)
    assert chart.height() > beside                                         # a line more per bar
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    chart.paint(painter, image.rect().toRectF(), chart.palette())
    painter.end()
    chart.resize(900, chart.height())      # wide: the labels sit beside the bars again
    QApplication.processEvents()
    assert chart.label_texts(fm, chart.width()) == list(SIX_NAMES) and chart.height() == beside


def _two_event_panel(qtbot):
    """The Outlets pane at its 1366x768 width, holding two events of two articles each."""
    import sys
    from pathlib import Path

    from analysis import compare, load_article
    from gui.document import Document
    from gui.views.articles_panel import ArticlesPanel
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analysis"))
    from event_texts import BRIDGE, WATER_BILL
    arts = [load_article(t, kind="paste", article_id=f"a{i + 1}")
            for i, t in enumerate([BRIDGE[0], WATER_BILL[0], BRIDGE[1], WATER_BILL[1]])]
    doc = Document()
    panel = ArticlesPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(270, 500)                 # the Outlets pane at 1366x768
    panel.show()
    doc.replace_all(arts)
    doc.set_comparison(compare(arts))
    QApplication.processEvents()
    return panel


def test_event_rows_wrap_to_the_pane_and_show_their_whole_label(qtbot):
    panel = _two_event_panel(qtbot)
    view, model = panel.events, panel.events_model
    fm = view.fontMetrics()
    group = model.index(0, 0)
    rows = [group] + [model.index(r, 0, group) for r in range(model.rowCount(group))]
    head = view.visualRect(group)
    assert fm.horizontalAdvance(group.data()) > head.width()            # too wide for one line
    assert head.height() >= 2 * fm.height(), group.data()               # yet it all shows
    for index in rows[1:]:          # an article: one line, the whole text on hover
        assert view.visualRect(index).height() < 2 * fm.height()
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_metrics_outlets_share_the_width_when_the_charts_go_below(qtbot, fake_comparison):
    w = shown_at_1366(qtbot, fake_comparison, articles=renamed(fake_comparison.articles,
                                                               ["Post", "Courier", "Gazette", "Herald", "Times"]))
    w.tabs.setCurrentWidget(w.metrics)
    QApplication.processEvents()
    table = w.metrics.table
    assert w.metrics.split.orientation() == Qt.Orientation.Vertical       # the chart under the table
    header = table.horizontalHeader()
    last = table.model().columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert table.viewport().width() - 24 <= right <= table.viewport().width()    # no empty strip


NINE_NAMES = SIX_NAMES + ("Morningside Brew", "Local News Wave", "Uplands Exponent")


def test_more_outlets_than_fit_upright_turn_their_names_and_keep_them_whole(qtbot, fake_comparison):
    """Nine outlets at 1366x768 (both panes open): one cap for every outlet column cut the names to
    "m…" in Voices and Metrics; now the headers are turned a quarter and each name shows whole,
    every outlet still in view without sideways scrolling."""
    from helpers import make_article
    extra = [make_article(f"x{i}", name, f"Ferry story {i}", "The harbour board met on Tuesday. "
                          "It announced a new ferry timetable for the coast.")
             for i, name in enumerate(NINE_NAMES[len(fake_comparison.articles):])]
    arts = renamed(fake_comparison.articles, NINE_NAMES) + tuple(extra)
    event = fake_comparison.event + tuple(dataclasses.replace(fake_comparison.event[0], article=a.id)
                                          for a in extra)
    w = shown_at_1366(qtbot, fake_comparison, articles=arts, event=event)
    for view in (w.metrics, w.voices):
        w.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        table, model = view.table, view.table.model()
        header = table.horizontalHeader()
        first = model.columnCount() - len(arts)
        outlets = range(first, model.columnCount())
        assert set(outlets) <= header.turned
        assert table.horizontalScrollBar().maximum() == 0
        for col in outlets:
            assert model.headerData(col, Qt.Orientation.Horizontal) in NINE_NAMES   # whole, one line
        bold = header.font()
        bold.setBold(True)
        for col in outlets:             # each name whole: its full length has room in the header
            name = model.headerData(col, Qt.Orientation.Horizontal)
            assert header.turned_length(col) == QFontMetrics(bold).horizontalAdvance(name)
            assert header.height() >= header.turned_length(col) + 2 * TURNED_PAD_PX
        assert not header.turned & set(range(first))         # "Metric", "Speaker" stay upright


def test_headers_stand_upright_again_when_the_outlets_fit(qtbot, fake_comparison):
    w = shown_at_1366(qtbot, fake_comparison)
    w.tabs.setCurrentWidget(w.voices)
    QApplication.processEvents()
    assert not w.voices.table.horizontalHeader().turned            # five short names: upright


def test_the_outlets_fold_into_the_evidence_where_the_sentences_would_be_cut(findings_window):
    """At 1366x768 with both panes open the Fact column was 80 px (two words) beside a 90-140 px
    Outlets column: the Outlets now fold away there (the evidence names them; so does the row's
    tooltip) and the Fact gets at least a third more room; a wide window shows them again."""
    w = findings_window
    table = w.findings.table
    outlets = COLUMNS.index("Outlets")
    assert table.viewport().width() < 900            # both docks open at 1366
    assert table.isColumnHidden(outlets)
    assert _width(w, "Fact") >= 120
    assert table.horizontalScrollBar().maximum() == 0
    f = w.doc.comparison.findings[0]
    row = next(r for r in range(w.findings.proxy.rowCount())
               if w.findings.proxy.index(r, 0).data(FINDING_ROLE).id == f.id)
    tip = w.findings.proxy.index(row, COLUMNS.index("Evidence")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Outlets: " + w.findings.model.outlet_names(f) in tip
    w.resize(1920, 1080)
    QApplication.processEvents()
    assert not table.isColumnHidden(outlets)
    assert _width(w, "Outlets") > 0 and _width(w, "Fact") >= 120


def test_findings_columns_fit_the_table_as_shown_not_as_it_was_while_hidden(qtbot, fake_comparison):
    """The tab is sized while another is in front; its table is laid out only when shown: the
    columns were fitted to that stale width (Fact 80 px where 140 fit) until the next resize."""
    w = shown_at_1366(qtbot, fake_comparison, findings=_findings(fake_comparison.articles))
    w.tabs.setCurrentWidget(w.overview)
    QApplication.processEvents()
    w.resize(1300, 760)
    QApplication.processEvents()
    w.tabs.setCurrentWidget(w.findings)
    QApplication.processEvents()
    shown = {name: _width(w, name) for name in COLUMNS}
    w.findings._fit_columns()
    assert {name: _width(w, name) for name in COLUMNS} == shown


def test_the_event_count_column_is_as_narrow_as_its_numbers(qtbot):
    """The events pane's count column was as wide as its "Articles" header for a one-digit count;
    the tree has no header now (the labels say "Event 1: …", the tooltip the count in words)."""
    panel = _two_event_panel(qtbot)
    view, model = panel.events, panel.events_model
    fm = view.fontMetrics()
    assert view.header().sectionSize(1) <= fm.horizontalAdvance("00") + 24
    assert "2 articles" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("size", [(1366, 768), (1400, 900), (1500, 900)])
def test_outlet_headers_wrap_further_before_speaker_and_role_are_cut(qtbot, fake_comparison, size):
    """Six outlets at 1400x900 (the first window on a 1920 screen): Role was squeezed to 79 px,
    cutting "U.S. Defense Secretary", beside outlet columns wider than their names' longest words.
    The outlet columns now give way first (their names wrap onto another line)."""
    from helpers import make_article
    extra = make_article("x6", SIX_NAMES[-1], "Ferry story", "The harbour board met on Tuesday. "
                         "It announced a new ferry timetable for the coast.")
    arts = renamed(fake_comparison.articles, SIX_NAMES) + (extra,)
    event = fake_comparison.event + (dataclasses.replace(fake_comparison.event[0], article="x6"),)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    show_comparison(w, dataclasses.replace(fake_comparison, articles=arts, event=event))
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentWidget(w.voices)
    QApplication.processEvents()
    fit = w.voices.split.fit
    header = w.voices.table.horizontalHeader()
    _, least, _ = fit._outlet_widths()
    outlets = [header.sectionSize(c) for c in fit.outlet_columns]
    for col, wanted, _ in fit.first:
        # Cut only when no outlet can give more (turned names take no width: none is cut then).
        if header.sectionSize(col) < wanted:
            assert not header.turned and outlets == least
    assert header.sectionSize(1) >= 100
    assert w.voices.table.horizontalScrollBar().maximum() == 0


def test_a_same_event_reason_reads_across_the_pane_not_down_a_narrow_column(qtbot, fake_comparison):
    """At 1366x768 the reason beside an outlet's name was a column two words wide: 13 lines."""
    reason = ("another event: it names Harriet Lindqvist as harbour master where the others name "
              "Tomas Berg; closest is the second outlet: both name the ferry board, the coastal "
              "timetable and the harbour; 3 identical phrases")
    event = (dataclasses.replace(fake_comparison.event[0], same_event=False, evidence=reason),) \
        + fake_comparison.event[1:]
    w = shown_at_1366(qtbot, fake_comparison, event=event)
    w.tabs.setCurrentWidget(w.overview)
    w.overview.finish_build()
    found = _line_breaks(w.overview.browser.document(), "Harriet Lindqvist")
    assert found and all(len(starts) <= 3 for _, starts in found), found      # 6 lines before


def test_an_article_put_apart_says_what_clashes_or_what_it_lacks(qtbot, fake_comparison):
    """Under "⚠ other event?" the Overview read "another event; closest is …" (louvre Newser), the
    engine's own note; it now says what the brief says."""
    lacks = "another event; closest is the second outlet: both name the ferry board and the harbour"
    clash = ("another event: it names Harriet Lindqvist as harbour master where the others name Tomas "
             "Berg; closest is the second outlet: both name the ferry board")
    for reason, wanted in (
            (lacks, "it shares too little with the others (the closest is the second outlet: both name "
                    "the ferry board and the harbour)"),
            (clash, "it names Harriet Lindqvist as harbour master where the others name Tomas Berg; the "
                    "closest is the second outlet: both name the ferry board")):
        event = (dataclasses.replace(fake_comparison.event[0], same_event=False, evidence=reason),) \
            + fake_comparison.event[1:]
        w = shown_at_1366(qtbot, fake_comparison, event=event)
        w.tabs.setCurrentWidget(w.overview)
        w.overview.finish_build()
        text = " ".join(w.overview.browser.toPlainText().split())
        assert wanted in text
        assert "another event;" not in text and "another event: it names" not in text


def test_a_fact_several_outlets_leave_out_is_one_line_of_the_top_omissions(qtbot, fake_comparison):
    """keybridge's Overview listed "Literally by being able to stop cars…" three times, once per
    outlet that leaves it out; the brief names them on one line."""
    from analysis.model import Omission
    comp = fake_comparison
    fact = next(f for f in comp.facts if len(f.members) >= 2)
    carriers = tuple(m.article for m in fact.members)
    missing = [a.id for a in comp.articles if a.id not in carriers][:2]
    assert len(missing) == 2
    oms = tuple(Omission(fact.id, a, carriers, i + 1, 0.9) for i, a in enumerate(missing))
    w = shown_at_1366(qtbot, dataclasses.replace(comp, omissions=oms))
    w.tabs.setCurrentWidget(w.overview)
    w.overview.finish_build()
    text = " ".join(w.overview.browser.toPlainText().split())
    names = [w.doc.outlet(a) for a in missing]
    assert f"{names[0]} and {names[1]} leave out {fact.label}" in text
    assert text.count(fact.label) == 1
