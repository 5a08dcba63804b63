"""Metadata helpers: dates to ISO, "Title – CNN" suffixes, and the fall-back outlet and title.

Every found value travels as ``(value, origin)`` so that ``Article.metadata_origin`` can say how it
was found.  Precedence, highest first, is decided in ``analysis.ingest.load_article``: explicit
arguments (the command line, the window), a sidecar file beside the article (``sidecar``), the web
page's metadata, a fetched link's known domain, lines of the text ("Source:"/"Outlet:", a title
suffix, a dateline, a byline), the text's outlet cues (``outlets.text_outlet``), then fall-backs:
the link's host, the file name (as given, or the outlets table's name when it names a known outlet),
and for an article nothing names, the first words of its headline in quotes.  An outlet is only ever
taken from a place that names the publisher; a sentence that cites an outlet ("told NBC News") is
never used.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import PurePath
from urllib.parse import urlsplit

from analysis import constants as C
from analysis.errors import IngestError

MONTHS = {name: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),            # February 16, 2025
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),            # 16 February 2025
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),  # 2025-02-16T...
)

# Words that end titles after a dash but are labels, not publishers ("... – Live updates").
_NOT_OUTLETS = frozenset("""analysis opinion live video explainer update updates exclusive breaking
watch photos podcast review interview editorial comment factbox timeline report news""".split())
_SUFFIX = re.compile(r"^(?P<title>.*\S)\s+[–—|-]\s+(?P<outlet>[^–—|]+)$")
_HEXISH = re.compile(r"^[0-9a-f]{8,}$", re.I)


# A page saved with its date as a label before the text ("date 2023-11-23 The board ...",
# "Date: 2024-03-26"): the label is the page's date, not words of the lede.
DATE_LABEL = re.compile(r"^date:?\s+(?P<iso>\d{4}-\d{2}(?:-\d{2})?)(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?(?:\s+|$)",
                        re.IGNORECASE)


def find_date(text: str) -> re.Match[str] | None:
    """The first date-with-year in ``text`` (as a match whose span can be checked)."""
    found = [m for m in (p.search(text) for p in DATE_PATTERNS) if m and _to_date(m)]
    return min(found, key=lambda m: m.start()) if found else None


def iso_date(text: str) -> str | None:
    """``text`` (a date in a common news format, or an ISO timestamp) as ``YYYY-MM-DD``."""
    match = find_date(text)
    day = _to_date(match) if match else None
    return day.isoformat() if day else None


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match["month"]
    month_no = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    try:
        return dt.date(int(match["year"]), month_no, int(match["day"]))
    except ValueError:
        return None


def split_title_suffix(line: str) -> tuple[str, str | None]:
    """``"Barred from talks – CNN"`` -> ``("Barred from talks", "CNN")``; otherwise ``(line, None)``."""
    match = _SUFFIX.match(line)
    if not match:
        return line, None
    outlet = match["outlet"].strip()
    words = outlet.split()
    if (len(words) > C.MAX_OUTLET_SUFFIX_WORDS or len(match["title"].split()) < C.MIN_TITLE_WORDS
            or outlet.lower() in _NOT_OUTLETS or any(w.lower() in _NOT_OUTLETS for w in words[:1])
            or not all(w[0].isupper() or w[0].isdigit() or w in ("of", "the", "and") for w in words)):
        return line, None
    return match["title"], outlet


def outlet_from_path(path: str, article_id: str) -> tuple[str, str]:
    """Last resort: a readable file name (``bbc_news.txt`` -> ``bbc news``), else ``Article N``.

    Names that are a number plus a hash (``000_9770286f32923fcf.txt``, the seeds) say nothing about
    the outlet; they get ``Article N`` with N from the article id (``a3`` -> 3).
    """
    stem = PurePath(path).stem
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w and not w.isdigit() and not _HEXISH.match(w)]
    if words and any(c.isalpha() for c in "".join(words)):
        return " ".join(words), "file name"
    return article_label(article_id), "fallback (file name is not readable)"


def article_label(article_id: str) -> str:
    number = re.sub(r"\D", "", article_id)
    return f"Article {number}" if number else "Article"


_LABEL_TRAILING = frozenset("""a an the and or but of for to in on at by with from as into over after
before about against between without amid""".split())
_LABEL_STOP = re.compile(r"[:;|–—]|\s-\s")


def unnamed_label(title: str) -> str | None:
    """How to call an article no place names: the first words of its headline, in quotes and cut
    after at most ``UNNAMED_LABEL_MAX_CHARS`` characters at a word ("“Ukraine Peace Talks…”"), so
    that "“Momentum Builds…” leaves out ..." can be recognised where "Article 1" could not; None
    for an empty title.  The quotes keep it from passing for an outlet's name."""
    head = _LABEL_STOP.split(title.strip().rstrip("…"), maxsplit=1)[0].strip()
    words = head.split()
    if not words:
        return None
    picked = [words[0]]
    for word in words[1:]:
        if len(" ".join(picked + [word])) > C.UNNAMED_LABEL_MAX_CHARS:
            break
        picked.append(word)
    while len(picked) > 1 and picked[-1].lower() in _LABEL_TRAILING:
        picked.pop()
    label = " ".join(picked).rstrip(",;:")
    if label.endswith(".") and not re.search(r"(?:\b[A-Za-z]\.){2,}$", label):
        label = label[:-1]          # a full stop, not the period of "U.S."
    cut = len(picked) < len(words) or head != title.strip()
    return f"“{label}{'…' if cut else ''}”"


def title_from_text(text: str) -> str:
    """Fall-back title: the first words of the text, shortened with an ellipsis."""
    label = DATE_LABEL.match(text)
    words = text[label.end() if label else 0:].split()
    head = " ".join(words[:C.TITLE_FALLBACK_WORDS])
    return head + ("…" if len(words) > C.TITLE_FALLBACK_WORDS else "")


def host_name(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or None


FIELDS = ("outlet", "title", "date", "author")


def choose(*sources: Mapping[str, tuple[str | None, str]]) -> tuple[dict[str, str | None], dict[str, str]]:
    """For each field, the first source (highest precedence first) that has a value.

    Returns ``(values, origins)``; a field no source has is None with origin "not found".
    """
    values: dict[str, str | None] = {}
    origins: dict[str, str] = {}
    for name in FIELDS:
        for found in sources:
            value, origin = found.get(name, (None, ""))
            if value:
                values[name], origins[name] = value, origin
                break
        else:
            values[name], origins[name] = None, "not found"
    return values, origins


def given_date(value) -> str | None:
    """An explicit ``date=`` argument (a ``date``/``datetime`` or a string) as ISO; None if empty."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    day = iso_date(str(value))
    if day is None:
        raise IngestError(f"date {value!r} is not a date (use YYYY-MM-DD)")
    return day
