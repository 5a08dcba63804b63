"""Benchmark: ingestion speed in words per second over the bundled seeds.

Four measurements, each the best of ``--repeat`` runs after one warm-up run (imports, caches):

* the five seed ``.txt`` files through ``load_article`` (read, decode, normalise, clean, segment);
* the same without segmentation (read, decode, normalise, clean: the ingest stage alone);
* the seeds as saved web pages (``.html`` written to a temporary folder), through trafilatura;
* one large text file (the seeds repeated to about ``--large-mb`` MB, timed once), to show the cost
  stays linear in the size of the input.

Words are the article's word tokens (``Article.word_count``).

    python main.py bench ingest [--repeat 5] [--large-mb 1]
    python -m analysis.bench.ingest
"""
from __future__ import annotations

import argparse
import html
import platform
import tempfile
import time
from pathlib import Path

from analysis.bench import seed_paths


def _best(repeat: int, run) -> float:
    run()  # warm-up: imports, compiled patterns, Punkt parameters
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def _ingest_only(paths: list[Path]) -> None:
    from analysis.ingest.clean import clean
    from analysis.ingest.decode import decode_bytes
    from analysis.ingest.normalize import normalize_text
    from analysis.ingest.source import read_file
    for p in paths:
        src = read_file(p)
        clean(normalize_text(decode_bytes(src.data, src.name)[0]))


def _write_pages(paths: list[Path], folder: Path) -> list[Path]:
    """Each seed as a plain saved page: a nav bar, the title in <h1>, one <p> per line, a footer."""
    out = []
    for p in paths:
        lines = [html.escape(x) for x in p.read_text(encoding="utf-8").split("\n") if x.strip()]
        body = "\n".join(f"<p>{x}</p>" for x in lines[1:])
        page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{lines[0]}</title></head>"
                f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><main><article>"
                f"<h1>{lines[0]}</h1>{body}</article></main><footer>© 2025 Example</footer>"
                f"</body></html>")
        target = folder / (p.stem + ".html")
        target.write_text(page, encoding="utf-8")
        out.append(target)
    return out


def _large_file(paths: list[Path], folder: Path, megabytes: float) -> Path:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
    copies = max(1, int(megabytes * 2**20 / len(text.encode("utf-8"))))
    target = folder / "large.txt"
    target.write_text("\n\n".join([text] * copies), encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench ingest")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per row (best is kept)")
    parser.add_argument("--large-mb", type=float, default=1.0, help="size of the large-file row")
    args = parser.parse_args(argv)
    from analysis.ingest import load_article

    paths = seed_paths()
    if not paths:
        print("No seeds found")
        return 1
    words = sum(load_article(p).word_count for p in paths)
    rows = [("5 seeds, `.txt`, `load_article` (with segmentation)", words,
             _best(args.repeat, lambda: [load_article(p) for p in paths])),
            ("5 seeds, `.txt`, ingest only (read, decode, normalise, clean)", words,
             _best(args.repeat, lambda: _ingest_only(paths)))]
    with tempfile.TemporaryDirectory() as folder:
        pages = _write_pages(paths, Path(folder))
        page_words = sum(load_article(p).word_count for p in pages)
        rows.append(("5 seeds as saved `.html` pages (trafilatura)", page_words,
                     _best(args.repeat, lambda: [load_article(p) for p in pages])))
        large = _large_file(paths, Path(folder), args.large_mb)
        size = large.stat().st_size / 2**20
        t0 = time.perf_counter()  # one run: the rows above warmed every cache it uses
        large_words = load_article(large).word_count
        rows.append((f"one {size:.1f} MB `.txt` (seeds repeated), one run", large_words,
                     time.perf_counter() - t0))
    _print(rows, args.repeat)
    return 0


def _print(rows: list[tuple[str, int, float]], repeat: int) -> None:
    print(f"Ingestion speed (best of {repeat} runs after a warm-up; Python "
          f"{platform.python_version()}, {platform.machine()})\n")
    print("| input | words | time | words / second |")
    print("|---|---:|---:|---:|")
    for name, words, seconds in rows:
        print(f"| {name} | {words:,} | {seconds * 1000:.1f} ms | {words / seconds:,.0f} |")


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
