"""Benchmarks, run with ``python main.py bench NAME`` (see docs/BENCHMARKS.md).

Each module here has ``main(argv: list[str]) -> int`` that measures one part of the engine and prints
a Markdown block.  Evaluation sets are read from ``../shared/bench/`` when it exists; they are never
copied into the repository, and no test depends on them.

The inputs the benchmarks and the tests share are built here, in one place: the bundled seeds as the
app loads them (``load_seeds``), the seed files' text as it is (``raw_seeds``) and an article of any
text as it is (``text_article``).
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED_BENCH = REPO.parent / "shared" / "bench"
NAMES = ("segment", "ingest", "similarity", "align", "batch", "facts", "events", "signals", "framing",
         "findings", "omissions", "report", "gui", "sample_report", "cli", "limits")
NEEDS_PDF = ("report", "sample_report", "batch")      # given the window's PDF renderer by main.py


def basil_lib():
    """The shared BASIL measuring code (``../shared/bench/tools/basil_lib.py``), or None when the
    shared folder is not here."""
    import sys
    tools = SHARED_BENCH / "tools"
    if not (tools / "basil_lib.py").exists():
        return None
    sys.path.insert(0, str(tools))
    import basil_lib as lib  # noqa: PLC0415 - lives beside the shared data, not in the repository
    return lib


BENCHMARKS_MD = REPO / "docs" / "BENCHMARKS.md"


FIGURES_START = "<!-- figures of {heading}: written by --write; edit the prose outside this block -->"
FIGURES_END = "<!-- end of the figures of {heading} -->"


def figures_block(markdown: str, heading: str) -> str:
    """``markdown`` (which may start with the line ``heading``) between the markers of its figures."""
    body = markdown[len(heading):] if markdown.startswith(heading) else markdown
    key = heading.lstrip("#").strip()
    return (FIGURES_START.format(heading=key) + "\n" + body.strip("\n") + "\n"
            + FIGURES_END.format(heading=key))


def write_section(markdown: str, heading: str, path: Path = BENCHMARKS_MD, *, under: str | None = None,
                  parent: str = "") -> None:
    """Put a benchmark's figures (``markdown``, which starts with the line ``heading``) into
    docs/BENCHMARKS.md without touching the prose around them: in place of the marked figures block
    of that heading (``figures_block``) wherever it is; else, when the heading is there, as a new
    block right under its line (older unmarked figures stay for the editor to remove); else as a new
    section after the line matching the regex ``under``, else at the end (after ``parent``, a
    heading line to add first)."""
    import re
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = figures_block(markdown, heading)
    key = heading.lstrip("#").strip()
    start, end = FIGURES_START.format(heading=key), FIGURES_END.format(heading=key)
    first = text.find(start)
    last = text.find(end, first + len(start)) if first >= 0 else -1
    at = re.search(rf"^{re.escape(heading)}[ \t]*$", text, re.MULTILINE)
    if first >= 0 and last >= 0:
        text = text[:first] + block + text[last + len(end):]
    elif at:
        text = text[:at.end()] + "\n\n" + block + text[at.end():]
    else:
        section = heading + "\n\n" + block + "\n"
        head = re.search(under, text, re.MULTILINE) if under else None
        if head:
            insert = head.end() + 1
            text = text[:insert] + "\n" + section + text[insert:]
        else:
            text = text.rstrip("\n") + "\n\n" + (parent + "\n\n" if parent else "") + section
    path.write_text(text, encoding="utf-8")


def seed_paths() -> list[Path]:
    """The bundled seed files, in file-name order (000 ... 004)."""
    from analysis.resources import seed_paths as bundled
    return bundled()


def load_seeds() -> list:
    """The seeds as a user loads them (``analysis.load_article``: cleaned, metadata found), with
    ids a1..a5 in file-name order."""
    from analysis.ingest import load_article
    return [load_article(str(p), article_id=f"a{i + 1}") for i, p in enumerate(seed_paths())]


def text_article(text: str, article_id: str = "a1", outlet: str | None = None,
                 date: str | None = None, language: str = "en"):
    """An ``Article`` of ``text`` exactly as given: segmented, never cleaned, so its sentence ids and
    offsets stay fixed while the cleaner evolves.  The outlet is the article id unless given."""
    from analysis.model import Article
    from analysis.segment import segment
    paragraphs, sentences, tokens = segment(text, article_id)
    return Article(id=article_id, path=None, source_kind="paste",
                   outlet=article_id if outlet is None else outlet, title="", date=date, author=None,
                   text=text, source_text=text, removed=(), paragraphs=tuple(paragraphs),
                   sentences=tuple(sentences), tokens=tuple(tokens), language=language)


def raw_seeds(numbered: bool = False) -> list:
    """The seed files' text as it is (page furniture kept), as ``text_article``s: ids a1..a5, or
    with ``numbered`` the seed numbers "000".."004" (ids and outlet names)."""
    return [text_article(p.read_text(encoding="utf-8"), p.name[:3] if numbered else f"a{i + 1}")
            for i, p in enumerate(seed_paths())]


def draw_sentences(pool: list[str], words: int, rng) -> list[str]:
    """Sentences drawn from ``pool`` with ``rng`` (with replacement) until they hold ``words`` words:
    the body of one synthetic outlet, so that facts recur across outlets as wire copy does."""
    picked, count = [], 0
    while count < words:
        sentence = rng.choice(pool)
        picked.append(sentence)
        count += len(sentence.split())
    return picked
