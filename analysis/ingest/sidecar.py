"""Sidecar files: the outlet, title, date and author an editor writes beside an article file.

For an article file ``story.txt`` (any article file: ``.txt``, ``.md``, ``.html``) the sidecar is
``story.txt.meta`` or else ``story.txt.json``, in the same folder:

* ``story.txt.meta``: lines ``key: value``, for example ``outlet: The Clarion``; the keys are
  ``outlet`` (or ``source``), ``title``, ``date`` (a date in any common form, stored as YYYY-MM-DD)
  and ``author``, in any case; blank lines and lines starting with ``#`` are skipped;
* ``story.txt.json``: one JSON object with those keys and string values.

What a sidecar says comes right after what is given on the command line or typed in the window,
before anything found in the page or the text (it is the editor's own word).  A sidecar that cannot
be used (larger than ``MAX_SIDECAR_BYTES``, not UTF-8, not in one of these shapes, a date that is
not a date) is ignored with a warning on the article; unknown keys are ignored.  Sidecars are read,
never written.  Documented for users in docs/API.md (``load_article``).
"""
from __future__ import annotations

import json
import os
import stat

from analysis import constants as C
from analysis.ingest.metadata import iso_date

SUFFIXES = (".meta", ".json")
_KEYS = {"outlet": "outlet", "source": "outlet", "title": "title", "date": "date", "author": "author"}

Found = dict[str, tuple[str, str]]


def sidecar_path(path: str) -> str | None:
    """The sidecar of the article file ``path``, if one exists as a regular file."""
    for suffix in SUFFIXES:
        candidate = path + suffix
        try:
            if stat.S_ISREG(os.stat(candidate).st_mode):
                return candidate
        except (OSError, ValueError):
            continue
    return None


def read_sidecar(path: str | None) -> tuple[Found, list[str]]:
    """``(field -> (value, origin), warnings)`` from the sidecar of ``path`` ({} when none)."""
    side = sidecar_path(path) if path else None
    if side is None:
        return {}, []
    name = os.path.basename(side)
    try:
        if os.path.getsize(side) > C.MAX_SIDECAR_BYTES:
            return {}, [f"{name} is larger than {C.MAX_SIDECAR_BYTES // 1024} KB: ignored"]
        with open(side, "rb") as f:
            text = f.read(C.MAX_SIDECAR_BYTES + 1).decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}, [f"{name} is not UTF-8 text: ignored"]
    except OSError as exc:
        return {}, [f"{name} could not be read ({exc.strerror or exc}): ignored"]
    values = _json_values(text) if side.endswith(".json") else _meta_values(text)
    if values is None:
        shape = "one JSON object of strings" if side.endswith(".json") else '"key: value" lines'
        return {}, [f"{name} is not {shape}: ignored"]
    return _found(values, name)


def _meta_values(text: str) -> dict[str, str] | None:
    values: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            return None
        values.setdefault(key.strip().lower(), value.strip())
    return values


def _json_values(text: str) -> dict[str, str] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    return {str(k).lower(): v.strip() for k, v in data.items() if isinstance(v, str)}


def _found(values: dict[str, str], name: str) -> tuple[Found, list[str]]:
    found: Found = {}
    warnings: list[str] = []
    origin = f"sidecar file {name}"
    for key, value in values.items():
        field = _KEYS.get(key)
        if field is None or not value or field in found:
            continue
        value = " ".join(value.split())
        if field == "date":
            day = iso_date(value)
            if day is None:
                warnings.append(f"{name}: date {value!r} is not a date: ignored")
                continue
            value = day
        found[field] = (value, origin)
    return found, warnings
