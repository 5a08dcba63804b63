"""Parallax: compare how several outlets cover one news event.

    python main.py                       open the window on the bundled seeds
    python main.py FILE|URL|SESSION...   open the window on these
    python main.py compare FILE... [--json OUT] [--markdown OUT]   (OUT may be - for stdout)
    python main.py report (FILE...|SESSION) --pdf OUT [--html OUT] [--markdown OUT] [--json OUT]
    python main.py bench NAME            run a benchmark (docs/BENCHMARKS.md)
"""
from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ("compare", "report", "bench")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parallax", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    cmp_ = sub.add_parser("compare", help="analyse articles and write JSON / Markdown")
    cmp_.add_argument("sources", nargs="+", metavar="FILE")
    cmp_.add_argument("--json", metavar="OUT", help="write the JSON contract (- for stdout)")
    cmp_.add_argument("--markdown", metavar="OUT", help="write a Markdown summary (- for stdout)")
    rep = sub.add_parser("report", help="write a report (PDF, HTML, Markdown, JSON)")
    rep.add_argument("sources", nargs="+", metavar="FILE")
    for fmt in ("pdf", "html", "markdown", "json"):
        rep.add_argument(f"--{fmt}", metavar="OUT")
    rep.add_argument("--page-size", default="A4", choices=("A4", "Letter"))
    rep.add_argument("--reviewer", default="", help="name printed on the report")
    rep.add_argument("--title", help="the report's title (default: from the articles)")
    rep.add_argument("--include-dismissed", action="store_true", help="keep dismissed findings")
    bench = sub.add_parser("bench", help="run a benchmark")
    bench.add_argument("name")
    bench.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS and not argv[0].startswith("-"):
        from gui.app import run
        return run(argv)
    args = _parser().parse_args(argv)
    if args.command == "compare":
        from analysis.commands import compare_command
        return compare_command(args.sources, args.json, args.markdown)
    if args.command == "report":
        from analysis.commands import report_command
        return report_command(args.sources, pdf=args.pdf, html=args.html,
                              markdown=args.markdown, json_out=args.json, page_size=args.page_size,
                              reviewer=args.reviewer, title=args.title,
                              include_dismissed=args.include_dismissed,
                              pdf_writer=_pdf_writer() if args.pdf else None)
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


if __name__ == "__main__":
    sys.exit(main())
