"""Headless commands behind ``main.py``: load inputs, run the engine, write JSON / Markdown (``compare``)
or a report (``report``).

Every bad input gives one line on stderr and a non-zero exit status; the other inputs still load.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence, TextIO

from analysis import constants as C
from analysis.errors import OutputError, ParallaxError
from analysis.model import Article

EXIT_OK = 0
EXIT_BAD_INPUT = 1          # some inputs could not be used; the rest were processed
EXIT_NOTHING = 2            # no usable input at all, or an output could not be written


def _session_of(sources: Sequence[str]) -> str | None:
    """The review-session file the sources name (it must come alone), or None.  A file named
    ``.parallax`` counts as one whatever it holds, so that a random file or another program's
    database of that name is told "not a Parallax session", not read as an article."""
    from analysis.export.writer import is_session_file  # not analysis.session: SQLite, its schema...
    from analysis.ingest.source import is_regular_file
    sessions = [s for s in sources if is_regular_file(s)
                and (is_session_file(s) or s.lower().endswith(C.SESSION_SUFFIX))]
    if sessions and len(sources) > 1:
        raise ParallaxError("give a session file alone, not with other inputs")
    return sessions[0] if sessions else None


def load_inputs(sources: Sequence[str], err: TextIO = sys.stderr) -> tuple[list[Article], int]:
    """Load each source as an article (ids a1, a2, ... in order); report failures on ``err``.

    A single review-session file stands for the articles it holds."""
    from analysis.ingest import load_article
    from analysis.ingest.budget import RunBudget

    try:
        session = _session_of(sources)
    except ParallaxError as exc:
        print(f"parallax: {exc}", file=err)
        return [], len(sources)
    if session:
        from analysis.session import Session, load_articles  # only for a session: SQLite and its schema
        try:
            with Session.open(session, read_only=True) as s:   # a snapshot: no lock taken
                return load_articles(s), 0
        except ParallaxError as exc:
            print(_message(session, exc), file=err)
            return [], 1
    articles: list[Article] = []
    failures = 0
    budget = RunBudget()
    given = frozenset(sources)
    for src in sources:
        owner = _sidecar_owner(src, given)
        if owner:       # "story.txt.meta" given beside "story.txt" (a glob of the folder): read with it
            print(f"parallax: {src}: the details file of {owner}, read with it (not an article)", file=err)
            continue
        try:
            article = load_article(src, article_id=f"a{len(articles) + 1}")
        except ParallaxError as exc:
            print(_message(src, exc), file=err)
            failures += 1
            continue
        refusal = budget.admit(article)
        if refusal:
            print(f"parallax: {src}: {refusal}", file=err)
            failures += 1
            continue
        for warning in article.warnings:
            print(f"parallax: {src}: {warning}", file=err)
        articles.append(article)
    return articles, failures


def _sidecar_owner(source: str, sources: frozenset[str]) -> str | None:
    """The given article whose sidecar ``source`` is ("a.txt" for "a.txt.meta"), or None."""
    from analysis.ingest.sidecar import SUFFIXES

    for suffix in SUFFIXES:
        if source.endswith(suffix) and source[:-len(suffix)] in sources:
            return source[:-len(suffix)]
    return None


def _message(source: str, exc: Exception) -> str:
    """One line for stderr naming the input once ("parallax: a.txt: is empty"): the engine's
    messages mostly start with the input's name already."""
    text = " ".join(str(exc).split())
    return f"parallax: {text}" if text.startswith(source) else f"parallax: {source}: {text}"


def claim_outputs(sources: Sequence[str], outputs: Sequence[str | None], err: TextIO = sys.stderr):
    """Check every output of a run before any work (see ``analysis.export.writer``).

    Returns (one ``Target`` or None per output, whether all were accepted); each refusal is one line
    on ``err``, and a refused target is left exactly as it was."""
    from analysis.export.writer import Outputs

    run = Outputs(sources)
    targets, ok = [], True
    for path in outputs:
        try:
            targets.append(run.claim(path) if path else None)
        except OutputError as exc:
            print(f"parallax: {exc}", file=err)
            targets.append(None)
            ok = False
    return targets, ok


def _write(write, err: TextIO = sys.stderr) -> bool:
    """Run ``write()`` (it writes to a claimed target: a file, or stdout for "-"); False (and one line
    on ``err``) when it cannot: the file that was there is kept."""
    try:
        write()
    except OutputError as exc:
        print(f"parallax: {exc}", file=err)
        return False
    return True


def session_review(sources: Sequence[str], comparison) -> dict | None:
    """The review (verdicts, notes) of the session the sources name, for this comparison."""
    session = _session_of(sources)
    if not session:
        return None
    from analysis.session import Session, review_export
    with Session.open(session, read_only=True) as s:
        return review_export(s, comparison)


def session_reviews(sources: Sequence[str]) -> dict:
    """Finding id -> review record of the session the sources name ({} for article files)."""
    session = _session_of(sources)
    if not session:
        return {}
    from analysis.session import Session
    with Session.open(session, read_only=True) as s:
        return dict(s.reviews())


class Progress:
    """The analysis's progress on stderr, for people: shown when stderr is a terminal (one line,
    redrawn) or the input is long (``LONG_INPUT_WORDS``: one line per stage, for logs)."""

    def __init__(self, err: TextIO, words: int):
        self.err = err
        self.tty = _is_tty(err)
        self.shown = self.tty or words > C.LONG_INPUT_WORDS
        self.words = words
        self._last = ""

    def __call__(self, fraction: float, stage: str) -> None:
        if not self.shown or stage == self._last:
            return
        self._last = stage
        line = f"parallax: analysing {self.words:,} words: {fraction:4.0%} {stage}"
        if self.tty:
            self.err.write("\r" + line.ljust(72))
        else:
            self.err.write(line + "\n")
        self.err.flush()

    def close(self) -> None:
        if self.shown and self.tty and self._last:
            self.err.write("\n")
            self.err.flush()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def analyse(sources: Sequence[str], err: TextIO = sys.stderr, event: int | None = None):
    """Load the sources, compare them (event group ``event``, default the largest) and print the
    engine's notes on ``err``.

    Returns (comparison or None when nothing could be loaded or the event group does not exist,
    number of inputs that failed)."""
    from analysis import regexcache
    from analysis.pipeline import compare

    regexcache.prefill()                # before the stages' modules compile their patterns
    articles, failures = load_inputs(sources, err)
    if not articles:
        print("parallax: no article could be loaded", file=err)
        return None, failures
    progress = Progress(err, sum(a.word_count for a in articles))
    try:
        comparison = compare(articles, progress, event=event)
    except ParallaxError as exc:        # --event names a group that is not there
        print(f"parallax: --event {event}: {exc}", file=err)
        return None, failures
    finally:
        progress.close()
    for note in comparison.notes:
        print(f"parallax: {note}", file=err)
    compared = comparison.compared_group()
    if compared is not None and len(comparison.groups) > 1:
        print(f"parallax: comparing event {compared.id[1:]} of {len(comparison.groups)} "
              f"(“{compared.label}”); --event N compares another", file=err)
    return comparison, failures


def compare_command(sources: Sequence[str], json_out: str | None, markdown_out: str | None,
                    err: TextIO = sys.stderr, pretty: bool = False, event: int | None = None) -> int:
    """``python main.py compare FILE... [--json OUT] [--markdown OUT] [--pretty] [--event N]``: the
    JSON contract is compact unless ``pretty`` (indented); it is streamed to its file.  ``event``: the
    event group compared (default the largest)."""
    from analysis.export import json_contract as export_json
    from analysis.export import markdown as export_md

    if not json_out and not markdown_out:
        markdown_out = "-"
    (json_target, md_target), all_ok = claim_outputs(sources, (json_out, markdown_out), err)
    if json_target is None and md_target is None:
        return EXIT_NOTHING         # every output was refused: nothing to analyse for
    comparison, failures = analyse(sources, err, event)
    if comparison is None:
        return EXIT_NOTHING
    written = all_ok
    if json_target is not None:
        written &= _write(lambda: export_json.write(comparison, json_target,
                                                    session_review(sources, comparison), pretty), err)
    if md_target is not None:
        written &= _write(lambda: md_target.write_text(export_md.summary(comparison)), err)
    if not written:
        return EXIT_NOTHING         # an output could not be written: nothing usable came out of it
    return EXIT_BAD_INPUT if failures else EXIT_OK


def report_command(sources: Sequence[str], pdf: str | None = None, html: str | None = None,
                   markdown: str | None = None, json_out: str | None = None, *, page_size: str = "A4",
                   reviewer: str = "", include_dismissed: bool = False, title: str | None = None,
                   err: TextIO = sys.stderr, pdf_writer=None, event: int | None = None,
                   full: bool = False) -> int:
    """``python main.py report (FILE... | SESSION.parallax) --pdf OUT [--html OUT] [--markdown OUT]
    [--json OUT] [--event N] [--full]`` (``event``: the event group reported, default the largest;
    ``full``: every list and the methods, not the editor's brief): 0 when
    every output was written from every input, 1 when some inputs could not be
    read (the report covers the rest), 2 when nothing could be written.  A session file brings the
    editor's verdicts and notes; ``-`` writes a text format to stdout.  ``pdf_writer`` is the PDF
    renderer the application layer passes in (``analysis.report.write.PdfWriter``)."""
    from analysis.report.build import build_report
    from analysis.report.write import format_of, write_report

    outputs = [(p, f) for p, f in ((pdf, "pdf"), (html, "html"), (markdown, "markdown"),
                                   (json_out, "json")) if p]
    if not outputs:
        print("parallax: report: choose at least one of --pdf, --html, --markdown, --json", file=err)
        return EXIT_NOTHING
    for path, fmt in outputs:
        try:
            format_of(path, fmt)
        except ValueError as exc:
            print(f"parallax: cannot write {path}: {exc}", file=err)
            return EXIT_NOTHING
    targets, all_ok = claim_outputs(sources, [p for p, _ in outputs], err)
    if not any(targets):
        return EXIT_NOTHING         # every output was refused: nothing to analyse for
    comparison, failures = analyse(sources, err, event)
    if comparison is None:
        return EXIT_NOTHING
    reviews = session_reviews(sources)
    report = build_report(comparison, reviews, include_dismissed=include_dismissed, reviewer=reviewer,
                          title=title, full=full)
    status = EXIT_NOTHING if not all_ok else EXIT_BAD_INPUT if failures else EXIT_OK
    for target, (_, fmt) in zip(targets, outputs):
        if target is None:
            continue
        try:
            write_report(report, target, fmt, page_size=page_size, pdf_writer=pdf_writer)
        except ParallaxError as exc:
            print(f"parallax: {exc}", file=err)
            status = EXIT_NOTHING
        except ValueError as exc:
            print(f"parallax: cannot write {target}: {exc}", file=err)
            status = EXIT_NOTHING
    return status


def review_command(sources: Sequence[str], session: str, *, open_window, err: TextIO = sys.stderr) -> int:
    """``python main.py review FILE... --session S.parallax``: make the review session from the
    articles (as given, through the output writer) and open the window on it.  An existing session
    is opened as it is, and the FILEs are added to it in the window.  ``open_window(paths) -> int``
    is the window's entry point (``gui.app.run``), passed in: the engine has no Qt."""
    from analysis.export.writer import is_session_file
    from analysis.session import Session

    if os.path.lexists(session) and is_session_file(session):
        return open_window([session, *sources])
    if not sources:
        print(f"parallax: {session} does not exist yet: give the articles to start it with "
              f"(python main.py review FILE... --session {session})", file=err)
        return EXIT_NOTHING
    articles, failures = load_inputs(sources, err)
    if not articles:
        print("parallax: no article could be loaded", file=err)
        return EXIT_NOTHING
    try:
        Session.create(session, articles, overwrite=False).close()
    except ParallaxError as exc:
        print(f"parallax: {exc}", file=err)
        return EXIT_NOTHING
    print(f"parallax: started the review session {session} with {len(articles)} article"
          f"{'' if len(articles) == 1 else 's'}", file=err)
    return open_window([session])


def batch_command(folder: str, out: str, *, jobs: int | None = None, dask: str | None = None,
                  pdf: bool = False, page_size: str = "A4", err: TextIO = sys.stderr, pdf_writer=None) -> int:
    """``python main.py batch FOLDER --out DIR [--pdf] [--jobs N] [--dask tcp://HOST:PORT]``: every
    event of the folder compared into DIR (``analysis.batch``).  0 when every file was read and every
    event compared, 1 when some could not be (the rest are in the index), 2 when nothing came out;
    interrupted, it says how far it got (run it again to go on)."""
    from analysis.batch.runner import run_batch

    if pdf and pdf_writer is None:
        print("parallax: batch: PDF briefs need the desktop part of Parallax (Qt)", file=err)
        return EXIT_NOTHING
    try:
        outcome = run_batch(folder, out, jobs=jobs, dask=dask, pdf_writer=pdf_writer if pdf else None,
                            page_size=page_size, err=err)
    except ParallaxError as exc:
        print(f"parallax: {exc}", file=err)
        return EXIT_NOTHING
    except KeyboardInterrupt:
        print(f"\nparallax: batch interrupted; the events already compared are kept in {out}: run the "
              "same command again to go on", file=err)
        return 130
    for path, reason in outcome.plan.skipped:
        print(f"parallax: {path}: {reason}" if not reason.startswith(path) else f"parallax: {reason}",
              file=err)
    done = sum(1 for s in outcome.status.values() if s == "done")
    print(f"parallax: batch: {outcome.plan.articles} articles, {len(outcome.plan.events)} events, {done} "
          f"compared ({outcome.reused} from an earlier run); index: {outcome.index_html}", file=err)
    if not outcome.plan.articles:
        return EXIT_NOTHING
    return EXIT_BAD_INPUT if outcome.plan.skipped or outcome.failed else EXIT_OK
