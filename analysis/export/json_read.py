"""Reading the JSON contract back: ``parallax.comparison/2`` and the older ``/1``.

``read_comparison`` returns the document *expanded*: every field of ``/1`` is where ``/1`` had it,
whichever version was read.  For ``/2`` that means each carried finding gets its carriers back
(``articles`` and ``spans`` in full, as ``/1`` wrote them) and each omission its ``covered_by``; the
``carriers`` table and the references stay, for readers that want them.  A ``/1`` document is
returned as it is.  Anything else (another program's JSON, a newer schema) is a ``ParallaxError``
with one line for the user.
"""
from __future__ import annotations

import json
import os
from typing import Any

from analysis.errors import ParallaxError
from analysis.export.json_contract import SCHEMA

SCHEMA_V1 = "parallax.comparison/1"
READABLE = (SCHEMA_V1, SCHEMA)


def read_comparison(source: str | os.PathLike | bytes | dict) -> dict[str, Any]:
    """Parse a comparison document (a path, its bytes, or the parsed dict) and expand it."""
    data = _parsed(source)
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in READABLE:
        if isinstance(schema, str) and schema.startswith("parallax.comparison/"):
            raise ParallaxError(f"this comparison was written by a newer Parallax ({schema}); "
                                "update Parallax to read it")
        raise ParallaxError("this is not a Parallax comparison (no parallax.comparison schema)")
    return data if schema == SCHEMA_V1 else expand(data)


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


def expand(data: dict[str, Any]) -> dict[str, Any]:
    """A ``/2`` document with every reference resolved (in place, and returned)."""
    table = {c["id"]: c for c in data.get("carriers", [])}

    def carriers_of(row: dict[str, Any]) -> dict[str, Any]:
        try:
            return table[row["carriers"]]
        except KeyError:
            raise ParallaxError(f"the comparison refers to carriers {row['carriers']!r} it does "
                                "not hold (the file is damaged)") from None

    for f in data.get("findings", []):
        if "carriers" in f:
            c = carriers_of(f)
            f["articles"] = f["articles"] + c["articles"]
            f["spans"] = f["spans"] + c["spans"]
    for o in data.get("omissions", []):
        if "carriers" in o:
            o["covered_by"] = list(carriers_of(o)["articles"])
    return data
