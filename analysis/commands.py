"""Headless commands behind ``main.py``: load inputs, run the engine, write JSON / Markdown (``compare``)
or a report (``report``).

Every bad input gives one line on stderr and a non-zero exit status; the other inputs still load.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence, TextIO

from analysis.errors import ParallaxError
from analysis.model import Article

EXIT_OK = 0
EXIT_BAD_INPUT = 1          # some inputs could not be used; the rest were processed
EXIT_NOTHING = 2            # no usable input at all, or an output could not be written


def _session_of(sources: Sequence[str]) -> str | None:
    """The review-session file the sources name (it must come alone), or None."""
    from analysis.session import is_session_file
    sessions = [s for s in sources if Path(s).is_file() and is_session_file(s)]
    if sessions and len(sources) > 1:
        raise ParallaxError("give a session file alone, not with other inputs")
    return sessions[0] if sessions else None


def load_inputs(sources: Sequence[str], err: TextIO = sys.stderr) -> tuple[list[Article], int]:
    """Load each source as an article (ids a1, a2, ... in order); report failures on ``err``.

    A single review-session file stands for the articles it holds."""
    from analysis.ingest import load_article
    from analysis.session import Session, load_articles

    try:
        session = _session_of(sources)
    except ParallaxError as exc:
        print(f"parallax: {exc}", file=err)
        return [], len(sources)
    if session:
        try:
            with Session.open(session, read_only=True) as s:   # a snapshot: no lock taken
                return load_articles(s), 0
        except ParallaxError as exc:
            print(_message(session, exc), file=err)
            return [], 1
    articles: list[Article] = []
    failures = 0
    for src in sources:
        try:
            article = load_article(src, article_id=f"a{len(articles) + 1}")
        except ParallaxError as exc:
            print(_message(src, exc), file=err)
            failures += 1
            continue
        for warning in article.warnings:
            print(f"parallax: {src}: {warning}", file=err)
        articles.append(article)
    return articles, failures


def _message(source: str, exc: Exception) -> str:
    """One line for stderr naming the input once ("parallax: a.txt: is empty"): the engine's
    messages mostly start with the input's name already."""
    text = " ".join(str(exc).split())
    return f"parallax: {text}" if text.startswith(source) else f"parallax: {source}: {text}"


def _write(text: str, target: str, err: TextIO = sys.stderr) -> bool:
    """Write to a file, or stdout for "-"; False (and one line on ``err``) when it cannot."""
    try:
        if target == "-":
            sys.stdout.write(text)
        else:
            Path(target).write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"parallax: cannot write {target}: {reason}", file=err)
        return False
    return True


def session_review(sources: Sequence[str], comparison) -> dict | None:
    """The review (verdicts, notes) of the session the sources name, for this comparison."""
    from analysis.session import Session, review_export

    session = _session_of(sources)
    if not session:
        return None
    with Session.open(session, read_only=True) as s:
        return review_export(s, comparison)


def session_reviews(sources: Sequence[str]) -> dict:
    """Finding id -> review record of the session the sources name ({} for article files)."""
    from analysis.session import Session

    session = _session_of(sources)
    if not session:
        return {}
    with Session.open(session, read_only=True) as s:
        return dict(s.reviews())


def analyse(sources: Sequence[str], err: TextIO = sys.stderr):
    """Load the sources, compare them and print the engine's notes on ``err``.

    Returns (comparison or None when nothing could be loaded, number of inputs that failed)."""
    from analysis.pipeline import compare

    articles, failures = load_inputs(sources, err)
    if not articles:
        print("parallax: no article could be loaded", file=err)
        return None, failures
    comparison = compare(articles)
    for note in comparison.notes:
        print(f"parallax: {note}", file=err)
    return comparison, failures


def compare_command(sources: Sequence[str], json_out: str | None, markdown_out: str | None,
                    err: TextIO = sys.stderr) -> int:
    from analysis.export import json_contract as export_json
    from analysis.export import markdown as export_md

    comparison, failures = analyse(sources, err)
    if comparison is None:
        return EXIT_NOTHING
    written = True
    if json_out:
        written &= _write(export_json.dumps(comparison, session_review(sources, comparison)) + "\n",
                          json_out, err)
    if markdown_out:
        written &= _write(export_md.summary(comparison), markdown_out, err)
    if not json_out and not markdown_out:
        written &= _write(export_md.summary(comparison), "-", err)
    if not written:
        return EXIT_NOTHING         # an output could not be written: nothing usable came out of it
    return EXIT_BAD_INPUT if failures else EXIT_OK


def report_command(sources: Sequence[str], pdf: str | None = None, html: str | None = None,
                   markdown: str | None = None, json_out: str | None = None, *, page_size: str = "A4",
                   reviewer: str = "", include_dismissed: bool = False, title: str | None = None,
                   err: TextIO = sys.stderr, pdf_writer=None) -> int:
    """``python main.py report (FILE... | SESSION.parallax) --pdf OUT [--html OUT] [--markdown OUT]
    [--json OUT]``: 0 when every output was written from every input, 1 when some inputs could not be
    read (the report covers the rest), 2 when nothing could be written.  A session file brings the
    editor's verdicts and notes; ``-`` writes a text format to stdout.  ``pdf_writer`` is the PDF
    renderer the application layer passes in (``analysis.report.write.PdfWriter``)."""
    from analysis.report.build import build_report
    from analysis.report.write import write_report

    outputs = [(p, f) for p, f in ((pdf, "pdf"), (html, "html"), (markdown, "markdown"),
                                   (json_out, "json")) if p]
    if not outputs:
        print("parallax: report: choose at least one of --pdf, --html, --markdown, --json", file=err)
        return EXIT_NOTHING
    comparison, failures = analyse(sources, err)
    if comparison is None:
        return EXIT_NOTHING
    reviews = session_reviews(sources)
    report = build_report(comparison, reviews, include_dismissed=include_dismissed, reviewer=reviewer,
                          title=title)
    status = EXIT_BAD_INPUT if failures else EXIT_OK
    for path, fmt in outputs:
        try:
            write_report(report, path, fmt, page_size=page_size, pdf_writer=pdf_writer)
        except (OSError, ValueError) as exc:
            print(f"parallax: cannot write {path}: {exc}", file=err)
            status = EXIT_NOTHING
    return status
