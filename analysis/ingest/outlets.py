"""Outlet names without typing: the table of news outlets, and the places that name a publisher.

The table (``resources/lexicons/outlets.txt``, read through ``analysis.lexicons``) maps web domains
to outlet names ("cnn.com" -> "CNN", subdomains included) and the short names bylines, credits and
datelines use to the outlet's name ("afp" -> "AFP", "the associated press" -> "Associated Press").

Where a name is found, each as ``(name, origin)``:

* ``page_outlet``: a web page's own metadata, in this order: ``og:site_name``, the JSON-LD
  ``publisher.name``, ``<meta name="publisher">``, the domain of its canonical link (``<link
  rel=canonical>`` or ``og:url``) when the table knows it, the outlet after a dash in its title
  ("... – CNN"), ``application-name``, ``twitter:site`` when known (``page_host`` gives the link's
  host name, a fall-back below the text's own cues);
* ``text_outlet``: cues in the text itself: a byline that ends with a known outlet ("By Jane Doe |
  Reuters", "Jane Doe, CNN"), an agency dateline ("KYIV (Reuters) -", "(CNN) —") and a copyright
  line near the end ("© 2025 The Associated Press"); only names the table knows count here, so a
  sentence that cites an outlet ("told NBC News") or a stray "(L)" never names the publisher;
* ``outlet_for_host``: a link's domain.

``tidy`` gives a found name the table's spelling ("Afp" -> "AFP", "www.cnn.com" -> "CNN").
"""
from __future__ import annotations

import json
import re
from functools import cache
from urllib.parse import urlsplit

from analysis import constants as C
from analysis.ingest.metadata import split_title_suffix
from analysis.lexicons import load_lexicon

Found = tuple[str, str]         # (value, origin)

_DOMAIN = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/.*)?$", re.I)
_DATELINE = re.compile(r"^(?:[A-Z][\w .,'’/-]{0,60}?\s)?\((?P<name>[^()\n]{2,40})\)\s*[-–—:]\s")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                        r"(?P<name>[^.|]{2,60}?)\s*(?:[.|]|,?\s*all rights reserved|$)", re.I)
_BYLINE_TAIL = re.compile(r"\s*[|,;–—]\s*")
_LD_TYPES_WITH_PUBLISHER = ("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                            "opinionnewsarticle", "webpage", "blogposting", "liveblogposting")
_MAX_LD_BLOCK_CHARS = 200_000


def _key(name: str) -> str:
    """How names are compared: case, curly apostrophes, spacing and outer punctuation ignored."""
    return " ".join(name.replace("’", "'").casefold().strip(" .,:;|-–—\"'").split())


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    """(domain -> name, name key -> name), from the outlets lexicon."""
    entries = load_lexicon("outlets").entries
    domains = {term: name for term, name in entries.items() if "." in term and " " not in term}
    names = {_key(term): name for term, name in entries.items() if term not in domains}
    for name in set(entries.values()):
        names.setdefault(_key(name), name)
    return domains, names


def known_name(text: str) -> str | None:
    """The table's name for ``text`` when it is an outlet name or alias the table knows."""
    return _table()[1].get(_key(text))


def outlet_for_host(host_or_url: str) -> str | None:
    """The outlet of a domain or link ("https://edition.cnn.com/..." -> "CNN"), if the table has it."""
    host = _host(host_or_url)
    if not host:
        return None
    domains = _table()[0]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = domains.get(".".join(labels[i:]))
        if name:
            return name
    return None


def _host(host_or_url: str) -> str:
    text = host_or_url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        host = (urlsplit(text).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def tidy(name: str) -> str:
    """A found name in the table's spelling when the table knows it, else as found."""
    name = " ".join(name.split())
    if _DOMAIN.match(name):
        return outlet_for_host(name) or _host(name) or name
    return known_name(name) or name


# --- web pages ------------------------------------------------------------------------------------

def page_outlet(meta: dict[str, str], tree=None) -> Found | None:
    """The publisher a web page names in its metadata (``meta``: lower-case meta keys -> content;
    ``tree``: the lxml document, for JSON-LD and the canonical link)."""
    canonical = _canonical_url(meta, tree)
    candidates = (
        lambda: _named(meta.get("og:site_name"), "og:site_name"),
        lambda: _named(_json_ld_publisher(tree), "JSON-LD publisher"),
        lambda: _named(_not_url(meta.get("publisher") or meta.get("dc.publisher")), "<meta publisher>"),
        lambda: _named(canonical and outlet_for_host(canonical), "domain of the page's link"),
        lambda: _title_suffix(meta, tree),                # its origin names the tag
        lambda: _named(meta.get("application-name"), "<meta application-name>"),
        lambda: _named(known_name(meta.get("twitter:site", "").lstrip("@")), "twitter:site"),
    )
    for candidate in candidates:
        found = candidate()
        if found and any(c.isalpha() for c in found[0]):
            return tidy(found[0]), found[1]
    return None


def _named(value: str | None, origin: str) -> Found | None:
    return (value, origin) if value else None


def page_host(meta: dict[str, str], tree=None) -> str | None:
    """The host name of the page's canonical link ("example.org"), if it has one."""
    canonical = _canonical_url(meta, tree)
    return _host(canonical) or None if canonical else None


def _not_url(value: str | None) -> str | None:
    return None if not value or value.startswith(("http://", "https://", "//")) else value


def _canonical_url(meta: dict[str, str], tree) -> str | None:
    if tree is not None:
        for link in tree.iter("link"):
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
                href = link.get("href").strip()
                if href.startswith(("http://", "https://")):
                    return href
    url = meta.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else None


def _title_suffix(meta: dict[str, str], tree) -> Found | None:
    """The outlet after a dash in the page's first title ("... – CNN"), with the tag it came from."""
    title_tag = tree.findtext(".//title") if tree is not None else None
    for value, origin in ((meta.get("og:title"), "og:title"), (title_tag, "<title>"),
                          (meta.get("twitter:title"), "twitter:title")):
        value = " ".join((value or "").split())
        if value:
            outlet = split_title_suffix(value)[1]
            return (outlet, f"{origin} suffix") if outlet else None
    return None


def _json_ld_publisher(tree) -> str | None:
    if tree is None:
        return None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > _MAX_LD_BLOCK_CHARS:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue        # many pages ship broken JSON-LD; it is only a hint
        name = _publisher_in(data)
        if name:
            return name
    return None


def _publisher_in(data, depth: int = 0) -> str | None:
    if depth > 4:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        if "@graph" in item:
            found = _publisher_in(item["@graph"], depth + 1)
            if found:
                return found
        types = item.get("@type", "")
        types = [t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]
        if any(t in _LD_TYPES_WITH_PUBLISHER for t in types):
            name = _name_of(item.get("publisher"))
            if name:
                return name
    return None


def _name_of(publisher) -> str | None:
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict):
        publisher = publisher.get("name")
    if isinstance(publisher, str) and publisher.strip():
        return " ".join(publisher.split())
    return None


# --- text -----------------------------------------------------------------------------------------

def text_outlet(source_text: str, bylines: list[str], body: str) -> Found | None:
    """A publisher the text names: a byline ending in an outlet, an agency dateline at the start of
    the body, or a copyright line near the end of the source."""
    for line in bylines:
        name = _byline_outlet(line)
        if name:
            return name, 'byline ("By ... | Outlet")'
    for paragraph in [p for p in body.split("\n") if p.strip()][:2]:
        match = _DATELINE.match(paragraph.strip())
        name = known_name(match["name"]) if match else None
        if name:
            return name, 'agency dateline ("(Reuters) -")'
    tail = [line.strip() for line in source_text.split("\n") if line.strip()][-C.COPYRIGHT_TAIL_LINES:]
    for line in reversed(tail):
        match = _COPYRIGHT.match(line)
        name = known_name(match["name"]) if match else None
        if name:
            return name, "copyright line"
    return None


def _byline_outlet(line: str) -> str | None:
    parts = [p for p in _BYLINE_TAIL.split(line.strip()) if p]
    for part in reversed(parts[1:]):
        name = known_name(part)
        if name:
            return name
    return None
