"""Side by side: a sentence holding claims of two facts is on both facts' rows; each row mutes the
part that is the other fact's, so the editor reads each part once (it read twice, in full, before)."""
from __future__ import annotations

from helpers import make_article, show_comparison
from PySide6.QtGui import QColor

from analysis.model import Comparison, Fact, FactMember, Span
from gui.main_window import MainWindow
from gui.rows import build_rows

LEFT = ("Officials met in Geneva on Tuesday, as they prepare talks on the grain deal. "
        "The harbour stayed closed all week.")
RIGHT = "Officials met in Geneva on Tuesday. Talks on the grain deal are being prepared by both sides."
FIRST = "Officials met in Geneva on Tuesday,"
SECOND = "as they prepare talks on the grain deal."


def _comparison() -> Comparison:
    a = make_article("a1", "Harbour Post", "Talks", LEFT)
    b = make_article("a2", "Valley Times", "Talks", RIGHT)
    s1 = a.sentences[0]
    cut = LEFT.index(SECOND)
    met = Fact("f-met", "Officials met in Geneva", (
        FactMember("a1", (s1.id,), (Span("a1", 0, cut - 1),)),
        FactMember("a2", (b.sentences[0].id,))))
    talks = Fact("f-talks", "Talks on the grain deal", (
        FactMember("a1", (s1.id,), (Span("a1", cut, s1.end),)),
        FactMember("a2", (b.sentences[1].id,))))
    return Comparison(articles=(a, b), facts=(met, talks))


def test_each_row_marks_the_other_facts_part_of_a_shared_sentence():
    comp = _comparison()
    rows = {r.fact: r for r in build_rows(comp, "a1", "a2")}
    cut = LEFT.index(SECOND)
    end = comp.articles[0].sentences[0].end
    assert rows["f-met"].left_elsewhere == ((cut, end),)
    assert rows["f-talks"].left_elsewhere == ((0, cut - 1),)
    assert rows["f-met"].right_elsewhere == () and rows["f-talks"].right_elsewhere == ()
    assert rows[None].left_elsewhere == ()          # a sentence of no fact is on one row only


def _muted_text(window) -> list[str]:
    """The stretches of the side-by-side text drawn in the theme's muted colour."""
    doc = window.side.browser.document()
    muted = QColor(window.view.theme.muted)
    out: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().foreground().color() == muted and frag.text().strip() != "not covered":
                out.append(frag.text())
            it += 1
        block = block.next()
    return out


def test_side_by_side_mutes_the_part_another_row_shows(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    show_comparison(w, _comparison())
    w.tabs.setCurrentWidget(w.side)
    w.side.set_sides("a1", "a2")
    w.side.finish_build()
    muted = " ".join(_muted_text(w))
    assert SECOND in muted                          # on the "met" row, the talks clause is muted
    assert FIRST.rstrip(",") in muted               # and on the "talks" row, the meeting clause
    # Each clause is drawn in full colour once: on its own fact's row.
    plain = w.side.browser.toPlainText()
    assert plain.count("as they prepare talks on the grain deal.") == 2


def test_a_row_whose_only_difference_is_greyed_reads_as_the_same():
    """The "met" row's left sentence goes on ", as they prepare talks…" (the other fact's, greyed):
    the gutter said "≠" and "Only differences" kept the row, for words that are not this fact's."""
    from gui.views.side_rows import MarkedFindings, own_change, plan_rows
    comp = _comparison()
    plan = plan_rows(comp, "a1", "a2", MarkedFindings(), only_diffs=False)
    met = next((row, ops) for row, ops in plan.shown if row.fact == "f-met")
    assert any(o.tag != "equal" for o in met[1])        # the words differ, in the greyed part only
    assert not own_change(*met)
    kept = plan_rows(comp, "a1", "a2", MarkedFindings(), only_diffs=True)
    assert "f-met" not in {row.fact for row, _ in kept.shown}
