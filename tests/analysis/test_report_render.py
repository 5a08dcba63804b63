"""HTML, Markdown and JSON renderers: content, self-containment and escaping of untrusted text."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from analysis.bench.sample_report import (
    HOSTILE,
    handmade_comparison,
    hostile_comparison,
    hostile_reviews,
    sample_reviews,
    seed_articles,
)
from analysis.report import build_report, render_html, render_json, render_markdown
from analysis.report.chart_geometry import Rect, Text, layout, nice_step
from analysis.report.model import Chart, Series, Table, cell
from analysis.report.to_markdown import md_escape, table_md

# The only tags the HTML report may contain: no script, img, iframe, link, object or event handlers.
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "section", "footer", "h1", "h2",
                "h3", "p", "ul", "li", "table", "caption", "colgroup", "col", "thead", "tbody", "tr", "th",
                "td", "b", "strong", "em", "span", "mark", "small", "code", "br", "div", "figure", "svg", "rect",
                "line", "text"}


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(k, v or "") for k, v in attrs]

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(html)
    return collector


@pytest.fixture(scope="module")
def seeds_report():
    comparison = handmade_comparison(seed_articles(use_engine=False))
    reviews = sample_reviews(comparison)
    return build_report(comparison, reviews, reviewer="Ann Editor", full=True), reviews


@pytest.fixture(scope="module")
def hostile_report():
    comparison = hostile_comparison()
    return build_report(comparison, hostile_reviews(comparison), reviewer=HOSTILE, title=f"T {HOSTILE}", full=True)


def test_html_is_one_self_contained_file(seeds_report):
    html = render_html(seeds_report[0])
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "<svg" in html and "<style>" in html and "@media print" in html
    assert "break-inside: avoid" in html and "table-header-group" in html


def test_html_carries_the_content(seeds_report):
    report, reviews = seeds_report
    html = render_html(report)
    text = " ".join(parse(html).text)
    for outlet in ("Roundup blog", "Live blog", "Analytical team", "CNN", "Paris follow-up"):
        assert outlet in text
    assert "Facts across outlets" in text and "Omissions and exclusives" in text
    assert "Real gap: our copy should carry this fact too." in text
    assert "Share of voice" in text and "Methods" in text
    assert "<mark style=\"background:#" in html                   # word-level highlights


def test_html_escapes_untrusted_text_everywhere(hostile_report):
    html = render_html(hostile_report)
    parsed = parse(html)
    assert parsed.tags <= ALLOWED_TAGS, parsed.tags - ALLOWED_TAGS
    assert not any(k.startswith("on") for k, _ in parsed.attrs)
    assert "<script" not in html.lower() and "<img" not in html.lower() and "<b>Evil" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=y&gt;" in html
    assert "&amp;amp; &amp;" in html                      # "&amp; &" shown literally, not as "& &"
    text = "".join(parsed.text)
    assert HOSTILE in text                                  # read back as text: shown, not run
    assert "<b>Evil</b> | Outlet" in text                   # the outlet name too
    assert f"note {HOSTILE}" in text                        # the reviewer's note


def test_svg_chart_labels_are_escaped(hostile_report):
    html = render_html(hostile_report)
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert svgs and any("&lt;b&gt;Evil&lt;/b&gt;" in s for s in svgs)
    assert not any("<b>" in s for s in svgs)


def test_markdown_escapes_markup_and_table_pipes(hostile_report):
    md = render_markdown(hostile_report)
    assert not re.search(r"(?<!\\)<", md.replace("<br>", ""))     # every "<" of the text is escaped
    assert r"\<script\>alert(1)\</script\>" in md
    assert r"\&amp; \&" in md
    for line in md.splitlines():
        if line.startswith("|") and "Evil" in line:
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            assert any(r"\<b\>Evil\</b\> \| Outlet" in c for c in cells)


def test_markdown_table_pipes_and_newlines():
    table = Table((cell("a|b"), cell("c")), ((cell("x | y"), cell("line1\nline2")),))
    md = table_md(table)
    assert md.splitlines()[0] == r"| a\|b | c |"
    assert md.splitlines()[2] == r"| x \| y | line1<br>line2 |"
    assert md_escape("*bold* _u_ [l](x) #h") == r"\*bold\* \_u\_ \[l\](x) \#h"


def test_markdown_has_the_sections_and_notes(seeds_report):
    report, reviews = seeds_report
    md = render_markdown(report)
    for heading in ("# Summary", "# Facts across outlets", "# Omissions and exclusives",
                    "# Framing findings and review", "# Key facts, side by side",
                    "# Tone, sentiment and readability", "# Methods"):
        assert heading in md
    assert "Real gap: our copy should carry this fact too." in md
    assert "| Fact | " in md


def test_json_round_trips_and_stays_inert(hostile_report, seeds_report):
    text = render_json(hostile_report)
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["schema"] == "parallax.report/1"
    assert [s["id"] for s in data["sections"]][:2] == ["cover", "summary"]
    assert HOSTILE in json.dumps(data, ensure_ascii=False)
    types = {b["type"] for s in json.loads(render_json(seeds_report[0]))["sections"] for b in s["blocks"]}
    assert types == {"heading", "paragraph", "bullets", "table", "excerpt", "chart"}


def test_chart_geometry():
    assert nice_step(17) == 5 and nice_step(0.9) == 0.2
    chart = Chart("bar", "Sentiment", ("A", "B"), (Series("s", (-0.3, 0.6), "#000000"),),
                  ("#0072B2", "#E69F00"))
    drawing = layout(chart, 600)
    bars = [i for i in drawing.items if isinstance(i, Rect)]
    assert len(bars) == 2
    zero = next(i for i in drawing.items if getattr(i, "colour", "") == "#6b6b73" and hasattr(i, "x1")
                and i.x1 == i.x2 and i.width == 1.0)
    assert bars[0].x + bars[0].w == pytest.approx(zero.x1)        # the negative bar ends at zero
    assert bars[1].x == pytest.approx(zero.x1)
    labels = [i.text for i in drawing.items if isinstance(i, Text)]
    assert "-0.3" in labels[-4:] or any(t.startswith("-0.3") for t in labels)
    assert drawing.height > 40 and all(i.x <= 600 for i in bars)


def test_a_bar_label_too_long_is_cut_after_a_whole_word():
    """Chart labels read "“Momentum Build…" (a word cut through) in the seeds' PDF."""
    from analysis.report.chart_geometry import FONT, fit, text_width
    name = "“Momentum Builds…”"
    width = text_width("“Momentum Build…", FONT)
    assert fit(name, width) == "“Momentum…"
    assert fit("Ab Cd Efgh", text_width("Ab Cd E", FONT)) == "Ab Cd…"      # the space kept, not a word dropped
    assert fit("Supercalifragilistic", text_width("Supercal", FONT)) == "Superca…"   # one word: cut inside
    assert fit("CNN", width) == "CNN"


def test_a_negative_scale_reads_zero_and_keeps_values_off_the_names():
    """keybridge's sentiment chart printed "-2.8e-17" for its zero tick, and the value of a bar
    reaching the left edge over the outlet's name ("IBTimes…-0.29")."""
    from analysis.report.chart_geometry import FONT, text_width
    names = ("Daily Excelsior", "IBTimes Singapore", "CBN News")
    chart = Chart("bar", "Mean sentiment", names, (Series("Mean", (-0.12, -0.29, -0.01), "#0072B2"),),
                  value_format="{:+.2f}")
    texts = [t for t in layout(chart, 300.0).items if isinstance(t, Text)]
    ticks = [t.text for t in texts if t.anchor == "middle"]
    assert ticks[-1] == "0" and not any("e-" in t for t in ticks)
    name_right = max(t.x for t in texts if t.anchor == "end" and t.size == FONT)     # the outlets
    for value in ("-0.29", "-0.12", "-0.01"):
        label = next(t for t in texts if t.text == value)
        left = label.x - (text_width(label.text, FONT - 1) if label.anchor == "end" else 0)
        assert left > name_right, (value, left, name_right)


def test_a_name_too_long_beside_its_bar_goes_on_two_lines_between_words():
    """The brief's paired metric charts read "Business…" and "IBTimes…" (keybridge)."""
    from analysis.report.chart_geometry import FONT, label_lines, text_width
    width = text_width("Business Insider", FONT) + 1
    assert label_lines("Business Insider India", width) == ["Business Insider", "India"]
    assert label_lines("CNN", width) == ["CNN"]
    assert label_lines("Supercalifragilisticexpialidocious", text_width("Supercal", FONT)) == ["Superca…"]
    names = ("Daily Excelsior", "Business Insider India", "IBTimes Singapore")
    chart = Chart("bar", "Reading grade", names, (Series("Grade", (10.0, 9.9, 12.9), "#0072B2"),))
    texts = [t.text for t in layout(chart, 400.0).items if isinstance(t, Text)]
    assert "Business Insider" in texts and "India" in texts        # two lines, each whole words
    narrow = [t.text for t in layout(chart, 200.0).items if isinstance(t, Text)]
    assert "IBTimes" in narrow and "Singapore" in narrow and "Insider…" in narrow
