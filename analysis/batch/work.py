"""The work of one event, wherever it runs (a local process, a Dask worker): compare its files.

``compare_event(task)`` is a plain function of picklable values: it loads the event's files (ids
``a1``, ``a2``... in name order, so the result depends on the event's own files only), compares them,
and returns the JSON contract's text and, when asked, the brief PDF's bytes.  It writes nothing: the
batch's own process writes every output through the one writer.  A worker on another machine must
see the folder at the same path (a shared folder), as Dask's workers usually do.

``summary_of(document)`` reads what the index shows from a comparison document (the JSON contract,
expanded by ``json_read``): the same function for a fresh result and for one an earlier run left.
"""
from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from analysis.errors import ParallaxError

EVENT_TOP_OMISSIONS = 5         # omissions per event kept for the index


@dataclass(frozen=True)
class EventTask:
    key: str
    files: tuple[str, ...]
    pdf_writer: Callable[..., int] | None = None    # the window's PDF renderer, when PDFs are asked for
    page_size: str = "A4"


@dataclass(frozen=True)
class EventResult:
    key: str
    json_text: str
    pdf: bytes | None = None


def compare_event(task: EventTask) -> EventResult:
    """Compare one event's files (see the module docstring)."""
    from analysis.export import json_contract
    from analysis.ingest import load_article
    from analysis.pipeline import compare

    missing = [f for f in task.files if not os.path.isfile(f)]
    if missing:
        raise ParallaxError(f"cannot read {missing[0]} here: the folder must be visible at the same "
                            "path wherever the batch's work runs")
    comparison = compare([load_article(f, article_id=f"a{i + 1}") for i, f in enumerate(task.files)])
    pdf = _brief_pdf(comparison, task) if task.pdf_writer is not None else None
    return EventResult(task.key, json_contract.dumps(comparison) + "\n", pdf)


def _brief_pdf(comparison, task: EventTask) -> bytes:
    """The editor's brief of the comparison as PDF bytes (drawn in a temporary folder)."""
    from analysis.report.build import build_report
    report = build_report(comparison, {})
    assert task.pdf_writer is not None
    with tempfile.TemporaryDirectory(prefix="parallax-batch-") as folder:
        path = Path(folder) / "brief.pdf"
        task.pdf_writer(report, path, page_size=task.page_size)
        return path.read_bytes()


def summary_of(doc: dict[str, Any]) -> dict[str, Any]:
    """What the index shows of one comparison (``doc``: an expanded comparison document)."""
    outlet = {a["id"]: a["outlet"] for a in doc["articles"]}
    label = {f["id"]: f["label"] for f in doc["facts"]}
    omissions = doc.get("omissions", [])
    top = [{"fact": o["fact"], "label": label.get(o["fact"], ""), "article": o["article"],
            "outlet": outlet.get(o["article"], o["article"]), "carriers": len(o.get("covered_by", [])),
            "score": o["score"]} for o in omissions[:EVENT_TOP_OMISSIONS]]
    return {
        "articles": [{"id": a["id"], "file": os.path.basename(a["path"] or ""), "outlet": a["outlet"],
                      "title": a["title"], "date": a["date"]} for a in doc["articles"]],
        "compared": [e["article"] for e in doc.get("event", []) if e["same_event"]],
        "groups": len(doc.get("groups", [])),
        "facts": len(doc["facts"]),
        "shared_facts": sum(1 for f in doc["facts"] if len(f["members"]) > 1),
        "findings": dict(sorted(Counter(f["kind"] for f in doc["findings"]).items())),
        "omissions": len(omissions),
        "omitted_by": dict(Counter(outlet.get(o["article"], o["article"]) for o in omissions)),
        "top_omissions": top,
        "notes": list(doc.get("notes", [])),
    }
