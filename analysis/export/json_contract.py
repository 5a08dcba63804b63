"""The JSON contract (``parallax.comparison/3``): a ``Comparison`` as plain JSON, documented in
docs/JSON.md.  Other tools and the tests read this; change it only with a new schema version.

What the engine repeats is written once and referenced, so the file grows with the input, not with
its square: ``/2`` put the carriers of findings about one article's gaps (omissions, voices left out:
``analysis.vocabulary.kinds.carried``) in ``carriers``; ``/3`` puts each rule's text in ``rules``
(findings name a row), leaves out a sentence's text (it is ``text[start:end]`` of its article) and
the blank terms of a word choice (every other outlet of the event uses no word).
``analysis.export.json_read`` expands ``/3`` and ``/2`` back to the full lists (and reads ``/1``).

The text is compact by default (``pretty`` indents it) and produced piece by piece (``chunks``): each
article, fact or finding is encoded on its own by the C encoder, so writing never holds the whole
file in memory as one string; ``write`` streams it through the one output writer.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Iterator, Mapping

from analysis.model import Article, Comparison, Finding, Omission, Sentence, Span
from analysis.vocabulary.kinds import carried

SCHEMA = "parallax.comparison/3"
PRETTY_INDENT = 1               # spaces per level with ``pretty``


def _article(a: Article, metrics: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": a.id, "path": a.path, "kind": a.source_kind, "outlet": a.outlet, "title": a.title,
        "date": a.date, "author": a.author, "dateline": a.dateline, "language": a.language,
        "encoding": a.encoding,
        "digest": a.digest, "words": a.word_count, "text": a.text,
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in a.removed],
        "paragraphs": [{"index": p.index, "start": p.start, "end": p.end} for p in a.paragraphs],
        "sentences": [_sentence(s, a.text) for s in a.sentences],
        "metadata_origin": dict(a.metadata_origin), "warnings": list(a.warnings),
        "metrics": metrics,
    }


def _sentence(s: Sentence, text: str) -> dict[str, Any]:
    """A sentence without its text, which is its article's ``text[start:end]`` (kept when not)."""
    out = {"id": s.id, "start": s.start, "end": s.end, "paragraph": s.paragraph}
    if text[s.start:s.end] != s.text:
        out["text"] = s.text
    return out


def _span(s: Span) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end}


class Carriers:
    """Each distinct set of carriers (article ids and their spans) once, with an id ``c1``, ``c2``...

    A carried finding (``kinds.carried``) is split into what is its own (its first article and that
    article's spans) and its carriers (every other article and their spans).  The split is made only
    when it is exact — the own spans come first — so that expanding gives back the same lists."""

    def __init__(self) -> None:
        self._ids: dict[tuple, str] = {}
        self._by_articles: dict[tuple[str, ...], str] = {}
        self._parts: dict[int, tuple[Finding, tuple[Span, ...], str] | None] = {}
        self._keys: dict[int, tuple[tuple[Span, ...], tuple]] = {}
        self.rows: list[dict[str, Any]] = []

    @classmethod
    def of(cls, comparison: Comparison) -> Carriers:
        carriers = cls()
        for f in comparison.findings:
            carriers.parts(f)
        return carriers

    def parts(self, f: Finding) -> tuple[tuple[Span, ...], str] | None:
        """(own spans, carriers id) of a carried finding, or None when it is written in full."""
        known = self._parts.get(id(f))
        if known is not None and known[0] is f:
            return known[1], known[2]
        split = _split(f)
        if split is None:
            return None
        own, others = split
        ref = self.ref(f.articles[1:], others)
        self._parts[id(f)] = (f, own, ref)
        return own, ref

    def ref(self, articles: Iterable[str], spans: tuple[Span, ...] = ()) -> str:
        articles = tuple(articles)
        key = (articles, self._key(spans))
        if key not in self._ids:
            self._ids[key] = f"c{len(self.rows) + 1}"
            self.rows.append({"id": self._ids[key], "articles": list(articles),
                              "spans": [_span(s) for s in spans]})
            self._by_articles.setdefault(articles, self._ids[key])
        return self._ids[key]

    def _key(self, spans: tuple[Span, ...]) -> tuple:
        # The engine hands every omitter of one fact the same tuple of carrier spans: its key is
        # built once (by identity), not once per omitter.
        known = self._keys.get(id(spans))
        if known is None or known[0] is not spans:
            known = self._keys[id(spans)] = (spans, tuple((s.article, s.start, s.end) for s in spans))
        return known[1]

    def for_articles(self, articles: Iterable[str]) -> str:
        """The first set with exactly these articles (an omission's ``covered_by``)."""
        articles = tuple(articles)
        return self._by_articles.get(articles) or self.ref(articles)


def _split(f: Finding) -> tuple[tuple[Span, ...], tuple[Span, ...]] | None:
    """(own spans, carrier spans) of a carried finding, or None when it is written in full."""
    if not carried(f.kind) or len(f.articles) < 2:
        return None
    subject = f.articles[0]
    if subject in f.articles[1:]:
        return None
    n_own = sum(1 for s in f.spans if s.article == subject)
    if any(s.article != subject for s in f.spans[:n_own]):
        return None
    if n_own == 0:
        return (), f.spans          # the same tuple the engine shares between omitters
    return f.spans[:n_own], f.spans[n_own:]


class Rules:
    """Each distinct rule text once, with an id ``r1``, ``r2``... in order of first use."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self.rows: list[dict[str, str]] = []

    def ref(self, text: str) -> str:
        if text not in self._ids:
            self._ids[text] = f"r{len(self.rows) + 1}"
            self.rows.append({"id": self._ids[text], "text": text})
        return self._ids[text]


def sharers(data: Mapping[str, Any]) -> list[str]:
    """A word choice's ``also_used_by`` as ``/3`` leaves it to be read: the other outlets that have
    the same word in ``data.terms``, in its order."""
    term, user = data.get("term"), data.get("used_by")
    return [a for a, t in data.get("terms", {}).items() if t == term and a != user]


def _compact(data: dict[str, Any], event: tuple[str, ...]) -> list[str]:
    """Leave out of a finding's ``data`` what a reader can put back exactly, and say what (the
    finding's ``compact``): for a word choice, "terms" when the blank terms ("": the outlet uses no
    word) are left out, being exactly the compared event's other articles, and "also_used_by" when
    it is ``sharers(data)``; for an omission of several outlets, "searched_by" when each outlet's
    words are written as positions in ``data.searched``."""
    left: list[str] = []
    terms = data.get("terms")
    if isinstance(terms, dict) and "used_by" in data:
        listed = {a: t for a, t in terms.items() if t != ""}
        if len(listed) < len(terms) and set(terms) == set(event):
            data["terms"] = listed
            left.append("terms")
        if data.get("also_used_by") == sharers(data):
            del data["also_used_by"]
            left.append("also_used_by")
    by = data.get("searched_by")
    if isinstance(by, dict) and isinstance(data.get("searched"), list):
        at = {t: n for n, t in enumerate(data["searched"])}
        if all(isinstance(words, list) and all(w in at for w in words) for words in by.values()):
            data["searched_by"] = {a: [at[w] for w in words] for a, words in by.items()}
            left.append("searched_by")
    return left


def _finding(f: Finding, review: Mapping[str, Any] | None, carriers: Carriers, rules: Rules,
             event: tuple[str, ...]) -> dict[str, Any]:
    parts = carriers.parts(f)
    articles, spans = (list(f.articles), f.spans) if parts is None else ([f.articles[0]], parts[0])
    data = _plain(f.data)
    out = {"id": f.id, "kind": f.kind, "fact": f.fact, "articles": articles,
           "spans": [_span(s) for s in spans],
           "evidence": f.evidence, "score": round(f.score, 4), "rule": rules.ref(f.rule),
           "data": data}
    if parts is not None:
        out["carriers"] = parts[1]
    left = _compact(data, event)
    if left:
        out["compact"] = left
    if review is not None:
        out["review"] = dict(review)
    return out


def _omission(o: Omission, carriers: Carriers) -> dict[str, Any]:
    return {"fact": o.fact, "article": o.article, "carriers": carriers.for_articles(o.covered_by),
            "rank": o.rank, "score": round(o.score, 4)}


def _plain(value: Any) -> Any:
    """Mappings, tuples and sets as JSON-able dicts and lists (data fields are free-form)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


def sections(comparison: Comparison, review: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The contract's top-level fields in order; the long lists are generators (one item at a time).
    ``review`` is a session's ``review_export``: each finding then gets its "review" (verdict,
    severity, note) and the top level a "review" summary."""
    reviews = (review or {}).get("findings", {})
    carriers = Carriers.of(comparison)
    rules = Rules()
    event = tuple(e.article for e in comparison.event if e.same_event)
    out = {
        "schema": SCHEMA,
        "articles": (_article(a, _plain(comparison.metrics.get(a.id, {})))
                     for a in comparison.articles),
        "event": [{"article": e.article, "score": round(e.score, 4), "same_event": e.same_event,
                   "evidence": e.evidence, "group": e.group} for e in comparison.event],
        "groups": [{"id": g.id, "articles": list(g.articles), "label": g.label, "compared": g.compared,
                    "cohesion": round(g.cohesion, 4), "evidence": g.evidence, "copies": list(g.copies)}
                   for g in comparison.groups],
        "facts": [{"id": f.id, "label": f.label, "cohesion": f.cohesion,
                   "members": [{"article": m.article, "sentences": list(m.sentences),
                                "claims": [{"start": c.start, "end": c.end} for c in m.claims]}
                               for m in f.members]} for f in comparison.facts],
        "omissions": (_omission(o, carriers) for o in comparison.omissions),
        "findings": (_finding(f, reviews.get(f.id), carriers, rules, event) for f in comparison.findings),
        "carriers": carriers.rows,
        "rules": rules.rows,        # filled while the findings are written, which come first
        "quotes": (_plain(q.__dict__) for q in comparison.quotes),
        "voices": [_plain(v.__dict__) for v in comparison.voices],
        "notes": list(comparison.notes),
        "copies": [{"original": g.original, "copies": list(g.copies), "kind": g.kind, "agency": g.agency,
                    "similarity": _plain(g.similarity), "label": g.label} for g in comparison.copies],
    }
    if review is not None:
        out["review"] = {k: _plain(v) for k, v in review.items() if k != "findings"}
    return out


def to_dict(comparison: Comparison, review: Mapping[str, Any] | None = None) -> dict:
    """The contract as one dict (small comparisons, tests); ``chunks`` streams it."""
    return {k: v if isinstance(v, (str, dict, list)) else list(v)
            for k, v in sections(comparison, review).items()}


def chunks(comparison: Comparison, review: Mapping[str, Any] | None = None,
           pretty: bool = False) -> Iterator[str]:
    """The JSON text in pieces: exactly ``json.dumps(to_dict(...))`` compact (no spaces), or with
    ``pretty`` exactly ``json.dumps(..., indent=PRETTY_INDENT)``."""
    if pretty:
        one = " " * PRETTY_INDENT

        def encode(value: Any, depth: int) -> str:
            return json.dumps(value, ensure_ascii=False, indent=PRETTY_INDENT).replace(
                "\n", "\n" + one * depth)
        open_, key_sep, item_sep, close = "{\n" + one, ": ", ",\n", "\n}"
    else:
        def encode(value: Any, depth: int) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        open_, key_sep, item_sep, close = "{", ":", ",", "}"
    yield open_
    for n, (key, value) in enumerate(sections(comparison, review).items()):
        yield (item_sep + (one if pretty else "") if n else "") + json.dumps(key) + key_sep
        if isinstance(value, (str, dict)):
            yield encode(value, 1)
            continue
        empty = True
        for item in value:
            lead = "[" if empty else ","
            yield lead + ("\n" + one * 2 if pretty else "") + encode(item, 2)
            empty = False
        yield "[]" if empty else ("\n" + one if pretty else "") + "]"
    yield close


def dumps(comparison: Comparison, review: Mapping[str, Any] | None = None, pretty: bool = False) -> str:
    """The whole contract as one string (what ``from analysis import export_json`` readers call)."""
    return "".join(chunks(comparison, review, pretty))


def write(comparison: Comparison, target, review: Mapping[str, Any] | None = None,
          pretty: bool = False) -> None:
    """Stream the contract to a claimed ``analysis.export.writer.Target`` (a file, or ``-``)."""
    target.write_chunks(_with_newline(chunks(comparison, review, pretty)))


def _with_newline(pieces: Iterator[str]) -> Iterator[str]:
    yield from pieces
    yield "\n"
