"""The PDF report, checked the way a reader would: text extracted with poppler's ``pdftotext``, pages
counted with ``pdfinfo``, images listed with ``pdfimages``; and the pagination rules on the layout."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from analysis.bench.sample_report import (
    HOSTILE,
    handmade_comparison,
    hostile_comparison,
    hostile_reviews,
    sample_reviews,
    seed_articles,
)
from analysis.report import build_report
from analysis.report.model import Heading, Report, Run, Section, Table, cell

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdfimages"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdfinfo, pdfimages) "
                                                       "is not installed: apt-get install poppler-utils")
OUTLETS = ("Roundup blog", "Live blog", "Analytical team", "CNN", "Paris follow-up")


def pdftotext(path, layout: bool = True) -> str:
    """The PDF's text; ``layout=False`` keeps each table cell's lines together (reading order)."""
    args = ["pdftotext"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdfinfo(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture(autouse=True)
def _widgets_app(qapp):
    """pytest-qt's QApplication first: the PDF writer would otherwise create a bare QGuiApplication,
    and every widget test run after this module in the same process would fail to start."""
    return qapp


@pytest.fixture(scope="module")
def seeds():
    comparison = handmade_comparison(seed_articles(use_engine=False))
    reviews = sample_reviews(comparison)
    return comparison, reviews, build_report(comparison, reviews, reviewer="Ann Editor", full=True)


@pytest.fixture(scope="module")
def seeds_pdf(seeds, tmp_path_factory):
    from gui.report_pdf import write_pdf
    path = tmp_path_factory.mktemp("pdf") / "seeds.pdf"
    steps = []
    pages = write_pdf(seeds[2], path, progress=lambda f, m: steps.append((f, m)))
    return path, pages, steps


@needs_poppler
def test_seeds_pdf_text_is_real_and_complete(seeds, seeds_pdf):
    comparison, reviews, _ = seeds
    path, pages, _ = seeds_pdf
    text = pdftotext(path)
    flat = " ".join(pdftotext(path, layout=False).split())
    for outlet in OUTLETS:
        assert outlet in text
    assert "Facts left out" in text and "leaves out F" in flat             # omissions
    omission = next(f for f in comparison.findings if f.kind == "omission")
    assert reviews[omission.id]["note"] in flat                            # a note written in review
    assert "Page 1 of" in text and f"Page {pages} of {pages}" in text
    assert "flagged" in text                                               # no "ﬂ" ligature
    assert "Flesch-Kincaid grade" in text and "Share of voice" in text     # chart titles are text
    assert "PySide6-Essentials" in text and "GRID_MAX_FACTS" in text       # methods appendix


@needs_poppler
def test_seeds_pdf_pages_size_and_no_raster_charts(seeds_pdf):
    path, pages, steps = seeds_pdf
    info = pdfinfo(path)
    assert int(info["Pages"]) == pages > 3
    assert info["Page size"].startswith("595 x 842")                      # A4
    assert info["Creator"] == "Parallax"
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) == 2                          # header lines only: vectors
    assert steps[-1] == (1.0, "done") and all(0 <= f <= 1 for f, _ in steps)


@needs_poppler
def test_untrusted_text_is_printed_literally(tmp_path):
    from gui.report_pdf import write_pdf
    comparison = hostile_comparison()
    report = build_report(comparison, hostile_reviews(comparison), reviewer="R", title=f"T {HOSTILE}", full=True)
    path = tmp_path / "hostile.pdf"
    write_pdf(report, path, page_size="Letter")
    flat = " ".join(pdftotext(path, layout=False).split())
    assert HOSTILE in flat                                 # in the title, evidence, excerpts
    assert f"note {HOSTILE}" in flat                       # the review note
    assert "<b>Evil</b> | Outlet" in flat                  # the outlet name
    assert pdfinfo(path)["Page size"].startswith("612 x 792")


def test_rows_never_split_and_headers_repeat(tmp_path):
    from gui import report_pdf
    report_pdf.ensure_app()
    rows = tuple((cell(f"row {i}"), cell("word " * (5 + (i * 37) % 60))) for i in range(120))
    table = Table((cell("Name"), cell("Text")), rows, widths=(1, 4))
    report = Report("Long table", "", "2025-02-19T09:00", "", (),
                    (Section("long", "Long", (Heading(1, "Long table"), table)),))
    writer = report_pdf._writer(str(tmp_path / "x.pdf"), report, "A4")
    g = report_pdf.page_geometry(writer)
    pages = report_pdf.layout(report, writer, g, lambda f, m: None)
    assert len(pages) > 3
    for number, page in enumerate(pages):
        placed = [(piece, y, clip_h) for piece, y, _top, clip_h in page.placed if piece.height > 1]
        for piece, y, clip_h in placed:
            assert clip_h is None                          # never cut
            assert g.top <= y and y + piece.height <= g.bottom + 0.5
        if number:                                          # the header row opens each later page
            assert placed[1][0].repeat is placed[0][0]
    del pages, writer


def test_cancel_leaves_no_file_and_keeps_the_old_one(seeds, tmp_path):
    from gui.report_pdf import write_pdf
    path = tmp_path / "old.pdf"
    path.write_bytes(b"previous report")

    def cancel(fraction, message):
        if fraction > 0.3:
            raise RuntimeError("cancelled")
    with pytest.raises(RuntimeError):
        write_pdf(seeds[2], path, progress=cancel)
    assert path.read_bytes() == b"previous report"
    assert list(tmp_path.iterdir()) == [path]


def test_unknown_page_size_is_refused(seeds, tmp_path):
    from gui.report_pdf import write_pdf
    with pytest.raises(ValueError, match="A4 or Letter"):
        write_pdf(seeds[2], tmp_path / "x.pdf", page_size="A3")


@needs_poppler
def test_main_report_command_writes_a_pdf_headless(tmp_path, seed_paths):
    """``python main.py report`` with no display and no QT_QPA_PLATFORM: the writer goes offscreen."""
    import os
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "seeds.pdf"
    proc = subprocess.run([sys.executable, "main.py", "report", *map(str, seed_paths), "--pdf", str(out),
                           "--markdown", str(tmp_path / "seeds.md")], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert int(pdfinfo(out)["Pages"]) > 3
    assert "Page 1 of" in pdftotext(out) and (tmp_path / "seeds.md").stat().st_size > 1000


def _layout(report, tmp_path):
    from gui import report_pdf
    writer = report_pdf._writer(str(tmp_path / "x.pdf"), report, "A4")
    g = report_pdf.page_geometry(writer)
    return report_pdf.layout(report, writer, g, lambda f, m: None), writer


def _rows_per_page(tmp_path, lead_rows: int, count: int, words: int) -> list[list[int]]:
    """For each table of a page-filling lead table then a table of ``count`` rows: its rows per page."""
    lead = Table((cell("Lead"),), tuple((cell("line " * 80),) for _ in range(lead_rows)))
    rows = tuple((cell(f"row {i}"), cell("word " * words)) for i in range(count))
    table = Table((cell("Name"), cell("Text")), rows, widths=(1, 4))
    report = Report("Rows", "", "2025-02-19T09:00", "", (),
                    (Section("rows", "Rows", (Heading(1, "Rows"), lead, Heading(2, "The table"), table)),))
    pages, writer = _layout(report, tmp_path)
    per_page = []
    for page in pages:
        counts: dict[int, int] = {}
        for piece, *_ in page.placed:
            if piece.repeat is not None:
                counts[id(piece.repeat)] = counts.get(id(piece.repeat), 0) + 1
        per_page.append(counts)
    del pages, writer
    keys = list(dict.fromkeys(k for counts in per_page for k in counts))
    return [[counts[k] for counts in per_page if k in counts] for k in keys]


CASES = [(lead, count, words) for lead in (3, 6, 7, 8) for count in (4, 5, 8, 12) for words in (40, 120)]


def test_no_page_holds_only_one_or_two_rows_of_a_table(tmp_path, monkeypatch):
    def widows() -> list:
        return [(case, placed) for case in CASES for placed in _rows_per_page(tmp_path, *case)
                if sum(placed) >= 3 and min(placed) < 3]
    assert widows() == []
    from gui.pdf import build
    monkeypatch.setattr(build, "TABLE_MIN_ROWS", 1)
    assert widows(), "these cases do not reach a page break near a table's start or end"


def test_columns_never_narrower_than_their_longest_word(tmp_path):
    from gui import report_pdf
    from gui.pdf import text
    writer = report_pdf._writer(str(tmp_path / "x.pdf"), Report("t", "", "", "", (), ()), "A4")
    g = report_pdf.page_geometry(writer)
    builder = report_pdf.Builder(writer, g.content, g.bottom - g.top)
    names = ("“Momentum Builds…”", "Internationalisation", "CNN")
    table = Table((cell("Fact"),) + tuple(cell(n) for n in names),
                  ((cell("word " * 30),) + tuple(cell("¶3") for _ in names),), widths=(7, 0.3, 0.3, 0.3),
                  kind="grid")
    widths = builder.columns(table, text.TABLE_PT * 0.88)
    assert abs(sum(widths) - g.content) < 1
    for i, name in enumerate(names, 1):
        word = max(name.split(), key=len)
        needed = builder.metrics(text.font(text.TABLE_PT * 0.88, True)).horizontalAdvance(word)
        assert widths[i] >= needed + 2 * text.pt(text.CELL_PAD_X)
    assert widths[0] > widths[1]                       # the fact column gave way, and is still widest
    del writer


def test_fit_columns():
    from gui.pdf.text import fit_columns
    assert fit_columns([50, 25, 25], [10, 10, 10], 100) == [50, 25, 25]
    # The second column gets its least width; the third then falls below its own and gets it too.
    assert fit_columns([80, 10, 10], [10, 30, 10], 100) == pytest.approx([60, 30, 10])
    assert fit_columns([60, 20, 20], [10, 30, 10], 100) == pytest.approx([70 * 60 / 80, 30, 70 * 20 / 80])
    assert sum(fit_columns([1, 1], [80, 80], 100)) == pytest.approx(100)   # too wide: scaled together


@needs_poppler
def test_the_seeds_brief_is_six_to_eight_pages_and_names_stay_whole(tmp_path):
    from gui.report_pdf import write_pdf
    comparison = handmade_comparison(seed_articles(use_engine=False))
    report = build_report(comparison, sample_reviews(comparison), reviewer="Ann Editor")
    path = tmp_path / "brief.pdf"
    pages = write_pdf(report, path)
    assert 5 <= pages <= 8
    text = pdftotext(path)
    assert "Editor's brief" in text and "At a glance" in text and "Verified omissions" in text
    assert "Strongest framing findings" in text and "Metrics at a glance" in text
    assert "Methods" not in text.split("Metrics at a glance")[1]
    words = set(text.split())
    for outlet in OUTLETS:                                 # each word of each name is printed whole
        assert all(w in words or any(w in x for x in words) for w in outlet.split())
    for broken in ("Analyt", "Roun", "follo"):
        assert not any(x == broken or x == broken + "-" for x in words)


def test_the_briefs_two_metric_charts_share_a_line_so_metrics_fit_one_page(tmp_path):
    from analysis.report.model import Chart
    from gui import report_pdf
    comparison = handmade_comparison(seed_articles(use_engine=False))
    report = build_report(comparison, sample_reviews(comparison), reviewer="Ann Editor")
    metrics = report.section("metrics")
    charts = [b for b in metrics.blocks if isinstance(b, Chart)]
    assert len(charts) == 2
    pages, writer = _layout(Report(report.title, "", report.generated, "", (), (metrics,)), tmp_path)
    assert len(pages) == 1
    g = report_pdf.page_geometry(writer)
    builder = report_pdf.Builder(writer, g.content, g.bottom - g.top)
    stacked = [p.height for c in charts for p in builder.block(c, False)]
    paired = builder.blocks(tuple(charts), False)
    assert len(paired) == 1 and paired[0].height <= max(stacked) + 1
    del pages, writer


def test_a_chip_and_a_long_outlet_name_are_one_unbreakable_stretch(tmp_path):
    # "■ localnewswave" was measured as two words, so its column was one chip too narrow and the
    # name broke as "localnewswav|e" in the omissions table.
    from gui import report_pdf
    from gui.pdf import text
    writer = report_pdf._writer(str(tmp_path / "x.pdf"), Report("t", "", "", "", (), ()), "A4")
    g = report_pdf.page_geometry(writer)
    builder = report_pdf.Builder(writer, g.content, g.bottom - g.top)
    chip_name = cell(Run("■\u00a0", "chip", "#123456"), Run("Internationalnewswave", "b"))
    table = Table((cell("Left out by"), cell("Fact")), ((chip_name, cell("word " * 60)),), widths=(1.5, 8.4))
    widths = builder.columns(table)
    bold = builder.metrics(text.font(text.TABLE_PT, True))
    needed = (builder.metrics(text.font(text.TABLE_PT)).horizontalAdvance("■\u00a0")
              + bold.horizontalAdvance("Internationalnewswave"))
    assert widths[0] >= needed + 2 * text.pt(text.CELL_PAD_X)
    del writer


@pytest.mark.parametrize("lead_lines", range(28, 44, 2))
def test_a_note_that_closes_a_list_stays_on_the_list_s_page(tmp_path, lead_lines):
    """Page 2 of the louvre brief opened with "1 more omitted fact under “Verified omissions”." alone:
    the note had gone to the next page with the heading after it."""
    from analysis.report.model import Bullets, para
    lead = Bullets(tuple((Run("line " * 14),) for _ in range(lead_lines)))
    items = Bullets(tuple((Run(f"item {i} " + "word " * 12),) for i in range(4)))
    more = para("3 more items under “Items”.", kind="note")
    after = Bullets(tuple((Run(f"next {i} " + "word " * 12),) for i in range(4)))
    report = Report("Notes", "", "2025-02-19T09:00", "", (), (Section("notes", "Notes", (
        Heading(1, "Notes"), lead, Heading(2, "Items"), items, more, Heading(2, "Next"), after)),))
    pages, writer = _layout(report, tmp_path)
    texts = []
    for page in pages:
        texts.append(" ".join(piece.doc.doc.toPlainText() for piece, *_ in page.placed if piece.doc is not None))
    del pages, writer
    note = next(i for i, t in enumerate(texts) if "3 more items" in t)
    assert "item 3 " in texts[note]                  # with the list's last item
    assert not texts[note].lstrip().startswith("3 more items")


def test_a_short_section_joins_a_mostly_empty_page_and_a_long_one_does_not(tmp_path):
    """cebu's brief: three framing findings left page 5 three quarters empty and the metrics, which
    fit below whole, took page 6 alone (6 pages -> 5)."""
    from analysis.report.model import Bullets
    def items(n):
        return Bullets(tuple((Run(f"item {i} " + "word " * 12),) for i in range(n)))
    def pages_of(second: int) -> list[list[str]]:
        report = Report("Short", "", "2025-02-19T09:00", "", (), (
            Section("a", "First", (Heading(1, "First"), items(4))),
            Section("b", "Second", (Heading(1, "Second"), items(second)))))
        pages, writer = _layout(report, tmp_path)
        out = [[page.section] for page in pages]
        del pages, writer
        return out
    assert pages_of(4) == [["First"]]                          # the short one joins the first page
    assert len(pages_of(60)) >= 2 and pages_of(60)[1] == ["Second"]   # a long one starts its own
