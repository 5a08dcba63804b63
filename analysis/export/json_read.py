"""Reading the JSON contract back: ``parallax.comparison/3`` and the older ``/2`` and ``/1``.

``read_comparison`` returns the document *expanded*: every field of ``/1`` is where ``/1`` had it,
whichever version was read.  For ``/3`` that means each finding's ``rule`` is its text again (not a
``rules`` id), each sentence has its ``text`` and each word choice written with ``blank_terms`` has
every other outlet of the event back in ``data.terms`` (with ""); then, as for ``/2``, each carried
finding gets its carriers back (``articles`` and ``spans`` in full, as ``/1`` wrote them) and each
omission its ``covered_by``.  The ``carriers`` and ``rules`` tables and the carriers references
stay, for readers that want them.  A ``/1`` document is returned as it is.  Anything else (another
program's JSON, a newer schema) is a ``ParallaxError`` with one line for the user.
"""
from __future__ import annotations

import json
import os
from typing import Any, Iterable

from analysis.errors import ParallaxError
from analysis.export.json_contract import SCHEMA, sharers

SCHEMA_V1 = "parallax.comparison/1"
SCHEMA_V2 = "parallax.comparison/2"
READABLE = (SCHEMA_V1, SCHEMA_V2, SCHEMA)


def read_comparison(source: str | os.PathLike | bytes | dict) -> dict[str, Any]:
    """Parse a comparison document (a path, its bytes, or the parsed dict) and expand it."""
    data = _parsed(source)
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in READABLE:
        if isinstance(schema, str) and schema.startswith("parallax.comparison/"):
            raise ParallaxError(f"this comparison was written by a newer Parallax ({schema}); "
                                "update Parallax to read it")
        raise ParallaxError("this is not a Parallax comparison (no parallax.comparison schema)")
    if schema == SCHEMA_V1:
        return data
    return expand(expand_v3(data) if schema == SCHEMA else data)


def _parsed(source: str | os.PathLike | bytes | dict) -> Any:
    if isinstance(source, dict):
        return source
    if isinstance(source, bytes):
        raw = source
    else:
        try:
            with open(source, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise ParallaxError(f"cannot read {os.fspath(source)}: {exc.strerror or exc}") from None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ParallaxError("this file is not JSON (it may be damaged or cut short)") from None


def _row(table: dict[str, dict[str, Any]], ref: Any, what: str) -> dict[str, Any]:
    try:
        return table[ref]
    except (KeyError, TypeError):
        raise ParallaxError(f"the comparison refers to {what} {ref!r} it does not hold "
                            "(the file is damaged)") from None


def expand_v3(data: dict[str, Any]) -> dict[str, Any]:
    """What ``/3`` writes once put back where ``/2`` had it (in place, and returned)."""
    rules = {r["id"]: r for r in data.get("rules", [])}
    event = [e["article"] for e in data.get("event", []) if e.get("same_event")]
    try:
        for a in data.get("articles", []):
            for s in a.get("sentences", []):
                if "text" not in s:
                    s["text"] = a["text"][s["start"]:s["end"]]
        for f in data.get("findings", []):
            f["rule"] = _row(rules, f.get("rule"), "rule")["text"]
            _restore_data(f["data"], f.pop("compact", ()), event)
    except (KeyError, IndexError, TypeError, AttributeError):
        raise ParallaxError("the comparison lacks a part its version needs (the file is damaged)") from None
    return data


def _restore_data(data: dict[str, Any], left: Iterable[str], event: list[str]) -> None:
    """Put back what the writer left out of a finding's ``data`` (``json_contract._compact``)."""
    left = set(left)
    if "also_used_by" in left:
        data["also_used_by"] = sharers(data)
    if "terms" in left:
        data["terms"] = {**dict.fromkeys(event, ""), **data["terms"]}
    if "searched_by" in left:
        words = data["searched"]
        data["searched_by"] = {a: [words[n] for n in at] for a, at in data["searched_by"].items()}


def expand(data: dict[str, Any]) -> dict[str, Any]:
    """A ``/2`` document (or a ``/3`` one after ``expand_v3``) with every carriers reference
    resolved (in place, and returned)."""
    table = {c["id"]: c for c in data.get("carriers", [])}

    def carriers_of(row: dict[str, Any]) -> dict[str, Any]:
        return _row(table, row["carriers"], "carriers")

    for f in data.get("findings", []):
        if "carriers" in f:
            c = carriers_of(f)
            f["articles"] = f["articles"] + c["articles"]
            f["spans"] = f["spans"] + c["spans"]
    for o in data.get("omissions", []):
        if "carriers" in o:
            o["covered_by"] = list(carriers_of(o)["articles"])
    return data
