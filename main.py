"""Parallax: compare how several outlets cover one news event.

    python main.py                       open the window on the bundled seeds
    python main.py FILE|URL|SESSION...   open the window on these
    python main.py compare FILE... [--json OUT [--pretty]] [--markdown OUT] [--event N]   (OUT: - for stdout)
    python main.py report (FILE...|SESSION) --pdf OUT [--html OUT] [--markdown OUT] [--json OUT] [--event N]
                                         (--event N: compare event group N, default the largest)
    python main.py review FILE... --session S.parallax   start a review session and open the window on it
    python main.py batch FOLDER --out DIR [--pdf] [--jobs N] [--dask tcp://HOST:PORT]
                                         every event of a folder compared, with an index page
    python main.py bench NAME            run a benchmark (docs/BENCHMARKS.md)
"""
from __future__ import annotations

import argparse
import difflib
import gc
import importlib
import os
import sys

COMMANDS = ("compare", "report", "review", "batch", "bench")


EVENT_HELP = "compare event group N (1 = the largest; the groups are in the JSON and the notes)"


def _event_number(text: str) -> int:
    """``--event N``: a group number from 1."""
    try:
        number = int(text.strip().lstrip("eE"))     # "2" or the group id "e2"
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an event group number (1, 2, ...)")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parallax", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    cmp_ = sub.add_parser("compare", help="analyse articles and write JSON / Markdown")
    cmp_.add_argument("sources", nargs="+", metavar="FILE")
    cmp_.add_argument("--json", metavar="OUT", help="write the JSON contract (- for stdout)")
    cmp_.add_argument("--markdown", metavar="OUT", help="write a Markdown summary (- for stdout)")
    cmp_.add_argument("--pretty", action="store_true", help="indent the JSON (default: compact)")
    cmp_.add_argument("--event", type=_event_number, metavar="N", help=EVENT_HELP)
    rep = sub.add_parser("report", help="write a report (PDF, HTML, Markdown, JSON)")
    rep.add_argument("sources", nargs="+", metavar="FILE")
    for fmt in ("pdf", "html", "markdown", "json"):
        rep.add_argument(f"--{fmt}", metavar="OUT")
    rep.add_argument("--page-size", default="A4", choices=("A4", "Letter"))
    rep.add_argument("--reviewer", default="", help="name printed on the report")
    rep.add_argument("--title", help="the report's title (default: from the articles)")
    rep.add_argument("--include-dismissed", action="store_true", help="keep dismissed findings")
    rep.add_argument("--full", action="store_true",
                     help="the full report (every list, the fact grid, the methods) instead of the brief")
    rep.add_argument("--event", type=_event_number, metavar="N", help=EVENT_HELP)
    rev = sub.add_parser("review", help="start a review session from articles and open the window on it")
    rev.add_argument("sources", nargs="*", metavar="FILE")
    rev.add_argument("--session", required=True, metavar="S.parallax",
                     help="the session file: created from FILE..., or opened (FILE... added) if it exists")
    bat = sub.add_parser("batch", help="group a folder of articles into events and compare each")
    bat.add_argument("folder", metavar="FOLDER")
    bat.add_argument("--out", required=True, metavar="DIR", help="output folder (index.html, index.json)")
    bat.add_argument("--pdf", action="store_true", help="also write each event's brief as PDF")
    bat.add_argument("--page-size", default="A4", choices=("A4", "Letter"))
    bat.add_argument("--jobs", type=int, help="local processes (default: one per core)")
    bat.add_argument("--dask", metavar="ADDRESS", help="run the events on this Dask scheduler")
    bench = sub.add_parser("bench", help="run a benchmark")
    bench.add_argument("name")
    bench.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def misspelt_command(word: str) -> str | None:
    """The command ``word`` was probably meant to be ("comapre" -> "compare"), unless ``word`` is
    an input (an existing path, a link) the window should open."""
    if "://" in word or os.sep in word or "." in word or _exists(word):
        return None
    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def _exists(path: str) -> bool:
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        meant = misspelt_command(argv[0])
        if meant:
            print(f"parallax: there is no command {argv[0]!r}: did you mean {meant}? "
                  f"(commands: {', '.join(COMMANDS)}; python main.py --help)", file=sys.stderr)
            return 2
    if not argv or argv[0] not in COMMANDS and not argv[0].startswith("-"):
        from gui.app import run
        return run(argv)
    args = _parser().parse_args(argv)
    if args.command == "compare":
        from analysis.commands import compare_command
        return compare_command(args.sources, args.json, args.markdown, pretty=args.pretty,
                               event=args.event)
    if args.command == "report":
        from analysis.commands import report_command
        return report_command(args.sources, pdf=args.pdf, html=args.html,
                              markdown=args.markdown, json_out=args.json, page_size=args.page_size,
                              reviewer=args.reviewer, title=args.title,
                              include_dismissed=args.include_dismissed, full=args.full,
                              pdf_writer=_pdf_writer() if args.pdf else None, event=args.event)
    if args.command == "review":
        from analysis.commands import review_command
        from gui.app import run
        return review_command(args.sources, args.session, open_window=run)
    if args.command == "batch":
        from analysis.commands import batch_command
        return batch_command(args.folder, args.out, jobs=args.jobs, dask=args.dask, pdf=args.pdf,
                             page_size=args.page_size, pdf_writer=_pdf_writer() if args.pdf else None)
    try:
        from analysis.bench import NAMES, NEEDS_PDF
    except ModuleNotFoundError:
        print("parallax: the benchmarks run from a source checkout of Parallax (they are not installed)",
              file=sys.stderr)
        return 2
    if args.name not in NAMES:
        print(f"parallax: unknown benchmark {args.name!r}; choose from {', '.join(NAMES)}",
              file=sys.stderr)
        return 2
    if args.name == "gui":
        from gui.bench import main as gui_bench
        return gui_bench(args.args)
    bench_main = importlib.import_module(f"analysis.bench.{args.name}").main
    if args.name in NEEDS_PDF:
        return bench_main(args.args, pdf_writer=_pdf_writer())
    return bench_main(args.args)


def _pdf_writer():
    """The PDF renderer, from the window's package (the engine has no Qt: it is passed in)."""
    from gui.report_pdf import write_pdf
    return write_pdf


# Commands whose process may end as soon as they return: their outputs are written, closed and renamed
# into place by then, and they start no thread or process that outlives them.  Python's own exit would
# then free every object and module one by one: ~0.1-0.14 s of CPU after a compare of the seeds.  They
# also run without the cyclic garbage collector: a comparison makes no reference cycles
# (``analysis.garbage``), reference counting frees the rest, and the process ends right after; its
# passes cost ~0.07 s of CPU in a compare of the seeds (56 young passes while the modules load and the
# inputs are read, then one over every object the comparison left when ``garbage.paused`` ends).
ENDS_AT_ONCE = ("compare", "report")


def leave(code: int | None) -> None:
    """End the process with ``code`` now (``os._exit``), once stdout and stderr are flushed; if they
    cannot be (a closed pipe), return, for Python's usual exit to report it."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)


if __name__ == "__main__":
    at_once = sys.argv[1:2] and sys.argv[1] in ENDS_AT_ONCE
    if at_once:
        gc.disable()
    status = main()
    if at_once:
        leave(status)
    sys.exit(status)
