"""The index of a batch run (``parallax.batch/1``): events, outlets and the strongest omissions, as
JSON and as one self-contained HTML page (styles inline, no script, every text from the articles
escaped).  Paths to the per-event files are relative to the index, so the output folder can move."""
from __future__ import annotations

import html
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import quote

from analysis.batch.folder import Plan
from analysis.errors import ParallaxError

SCHEMA = "parallax.batch/1"
INDEX_TOP_OMISSIONS = 20        # omissions across all events listed in the index


def index_data(plan: Plan, results: Mapping[str, dict[str, Any]], status: Mapping[str, str],
               pdf: bool) -> dict[str, Any]:
    """``results``: event key -> ``work.summary_of``; ``status``: key -> done / failed: why / pending."""
    events = []
    for e in plan.events:
        summary = results.get(e.key)
        row = {"id": f"e{e.number}", "key": e.key, "label": e.label, "files": list(e.files),
               "status": "alone" if not e.compared else status.get(e.key, "pending"),
               "json": f"events/{e.key}.json" if summary else None,
               "pdf": f"events/{e.key}.pdf" if summary and pdf else None}
        if summary:
            row.update(summary)
        events.append(row)
    return {"schema": SCHEMA, "folder": plan.folder, "folder_path": str(Path(plan.folder).resolve()),
            "articles": plan.articles,
            "skipped": [{"file": f, "reason": r} for f, r in plan.skipped],
            "events": events, "outlets": _outlets(events), "top_omissions": _top(events)}


def _outlets(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    articles: Counter[str] = Counter()
    omitted: Counter[str] = Counter()
    in_events: defaultdict[str, set[str]] = defaultdict(set)
    for e in events:
        for a in e.get("articles", []):
            articles[a["outlet"]] += 1
            in_events[a["outlet"]].add(e["id"])
        omitted.update(e.get("omitted_by", {}))
    return [{"outlet": o, "articles": articles[o], "events": len(in_events[o]), "omissions": omitted[o]}
            for o in sorted(articles, key=lambda o: (-articles[o], o))]


def _top(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = [{"event": e["id"], "event_label": e["label"], **o} for e in events for o in e.get("top_omissions", [])]
    rows.sort(key=lambda r: (-r["score"], int(r["event"][1:]), r["outlet"], r["fact"]))
    return rows[:INDEX_TOP_OMISSIONS]


@dataclass(frozen=True)
class IndexedEvent:
    """One event of an index as the window lists it: its article files, absolute."""
    id: str
    label: str
    status: str
    files: tuple[str, ...]
    outlets: tuple[str, ...]
    omissions: int

    def line(self) -> str:
        """"e3  Fire at ... — 7 outlets, 12 omissions" (for a list)."""
        extra = f", {self.omissions} omissions" if self.status == "done" else f", {self.status}"
        return f"{self.id}  {self.label} — {len(self.files)} article{'s' if len(self.files) != 1 else ''}{extra}"


def is_batch_index(path: str | os.PathLike) -> bool:
    """A ``.json`` file that starts like a batch index (cheap: reads its first bytes only)."""
    if not os.fspath(path).lower().endswith(".json"):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return b'"parallax.batch/' in head


def read_index(path: str | os.PathLike) -> list[IndexedEvent]:
    """The events of a batch index, each with its files as absolute paths (``ParallaxError`` with one
    line when the file is no readable index)."""
    try:
        data = json.loads(Path(path).read_bytes())
    except OSError as exc:
        raise ParallaxError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError:
        raise ParallaxError(f"{path} is not JSON (it may be damaged or cut short)") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ParallaxError(f"{path} is not a Parallax batch index ({SCHEMA})")
    folder = Path(data.get("folder_path") or Path(path).parent)
    return [IndexedEvent(e["id"], e["label"], e["status"],
                         tuple(str(folder / Path(f).name) for f in e["files"]),
                         tuple(sorted({a["outlet"] for a in e.get("articles", [])})), e.get("omissions", 0))
            for e in data["events"]]


def index_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1rem;color:#1d2330;background:#fbfbfc}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
p.meta{color:#5b6374;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0001}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
th{background:#eef1f6;font-weight:600;font-size:.85rem;color:#394150}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.tag{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8rem;background:#e8eefc;color:#23408e}
.tag.alone{background:#f1f1f1;color:#666}.tag.failed{background:#fde8e0;color:#8a2c0d}
.muted{color:#6b7280;font-size:.85rem}a{color:#1f4fbf}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _link(path: str | None, text: str) -> str:
    return f'<a href="{_e(quote(path))}">{_e(text)}</a>' if path else ""


def index_html(data: dict[str, Any]) -> str:
    """The index as one HTML page."""
    events = data["events"]
    done = sum(1 for e in events if e["status"] == "done")
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<title>Parallax batch: {_e(data['folder'])}</title><style>{_STYLE}</style></head><body>",
             f"<h1>A day's coverage, event by event</h1><p class=\"meta\">{_e(data['articles'])} articles "
             f"from {_e(data['folder'])} in {len(events)} events; {done} compared"
             f"{'; ' + str(len(data['skipped'])) + ' files could not be read' if data['skipped'] else ''}.</p>",
             "<h2>Events</h2><table><tr><th>#</th><th>event</th><th>outlets</th><th>facts shared</th>"
             "<th>omissions</th><th>strongest omission</th><th>files</th></tr>"]
    for e in events:
        top = e.get("top_omissions") or []
        first = (f"{_e(top[0]['outlet'])} leaves out “{_e(top[0]['label'])}” "
                 f"<span class=\"muted\">({_e(top[0]['carriers'])} carry it)</span>") if top else ""
        outlets = ", ".join(sorted({a["outlet"] for a in e.get("articles", [])}))
        status = e["status"] if e["status"] in ("alone", "pending", "done") else "failed"
        tag = "" if status == "done" else f' <span class="tag {status}">{_e(status)}</span>'
        parts.append(
            f"<tr><td>{_e(e['id'])}</td><td>{_e(e['label'])}{tag}<div class=\"muted\">{_e(outlets)}</div></td>"
            f"<td class=\"n\">{len(e['files'])}</td><td class=\"n\">{_e(e.get('shared_facts', ''))}</td>"
            f"<td class=\"n\">{_e(e.get('omissions', ''))}</td><td>{first}</td>"
            f"<td>{_link(e['json'], 'JSON')} {_link(e['pdf'], 'PDF')}</td></tr>")
    parts.append("</table><h2>Strongest omissions of the day</h2><table><tr><th>event</th><th>outlet</th>"
                 "<th>leaves out</th><th>carried by</th><th>score</th></tr>")
    for o in data["top_omissions"]:
        parts.append(f"<tr><td>{_e(o['event'])} <span class=\"muted\">{_e(o['event_label'])}</span></td>"
                     f"<td>{_e(o['outlet'])}</td><td>{_e(o['label'])}</td><td class=\"n\">{_e(o['carriers'])}</td>"
                     f"<td class=\"n\">{o['score']:.2f}</td></tr>")
    parts.append("</table><h2>Outlets</h2><table><tr><th>outlet</th><th>articles</th><th>events</th>"
                 "<th>omissions</th></tr>")
    for o in data["outlets"]:
        parts.append(f"<tr><td>{_e(o['outlet'])}</td><td class=\"n\">{o['articles']}</td>"
                     f"<td class=\"n\">{o['events']}</td><td class=\"n\">{o['omissions']}</td></tr>")
    parts.append("</table>")
    if data["skipped"]:
        parts.append("<h2>Files that could not be read</h2><table><tr><th>file</th><th>why</th></tr>")
        parts += [f"<tr><td>{_e(s['file'])}</td><td>{_e(s['reason'])}</td></tr>" for s in data["skipped"]]
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
