"""Benchmark: time to build and write the report (PDF, HTML, Markdown, JSON) for the seeds and for 50
articles.

Two 50-article comparisons are timed: what the engine makes of the scale corpus of ``bench align``
(sentences of the seeds redrawn into synthetic outlets), and a *dense* one from the same articles
where every repeated sentence is a fact, every gap an omission and every fact a framing finding: the
report's worst case, with each section at its limit.  Analysis time is not counted; only the report.

    python main.py bench report [--sizes 5,50] [--out FOLDER]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from analysis.model import Comparison, Fact, FactMember, Finding, Omission, Span, stable_id


def _timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def dense(comparison: Comparison) -> Comparison:
    """``comparison`` with a fact per sentence text shared by 2+ articles, omissions and findings."""
    holders: dict[str, list[tuple[str, str]]] = {}
    for a in comparison.articles:
        seen = set()
        for s in a.sentences:
            if len(s.text.split()) >= 6 and s.text not in seen:
                seen.add(s.text)
                holders.setdefault(s.text, []).append((a.id, s.id))
    facts = [Fact(stable_id("f", text), text[:80], tuple(FactMember(a, (s,)) for a, s in members))
             for text, members in holders.items() if len(members) > 1]
    ids = [a.id for a in comparison.articles]
    rng = random.Random(7)
    omissions, findings = [], []
    for fact in facts:
        carriers = set(fact.articles)
        if len(carriers) >= len(ids) // 2:
            omissions += [Omission(fact.id, a, fact.articles, 0, len(carriers) / len(ids))
                          for a in ids if a not in carriers]
        first, second = fact.members[:2]
        spans = tuple(Span(m.article, *_first_word(comparison, m)) for m in (first, second))
        findings.append(Finding(stable_id("loaded_word", fact.id), "loaded_word", fact.id,
                                (first.article, second.article), spans, "A word differs between versions.",
                                round(rng.random(), 3), "synthetic"))
    omissions.sort(key=lambda o: -o.score)
    omissions = [replace(o, rank=i) for i, o in enumerate(omissions, 1)]
    return replace(comparison, facts=tuple(facts), omissions=tuple(omissions),
                   findings=tuple(findings) + comparison.findings)


def _first_word(comparison: Comparison, member: FactMember) -> tuple[int, int]:
    sentence = comparison.article(member.article).sentence(member.sentences[0])
    return sentence.start, sentence.start + len(sentence.text.split()[0])


def measure(name: str, comparison: Comparison, out: Path, write_pdf) -> dict:
    from analysis.report import build_report
    from analysis.report.write import render_text
    report, t_build = _timed(lambda: build_report(comparison))
    row = {"name": name, "articles": len(comparison.articles), "facts": len(comparison.facts),
           "findings": len(comparison.findings), "build": t_build}
    pdf = out / f"{name}.pdf"
    row["pages"], row["pdf"] = _timed(lambda: write_pdf(report, pdf))
    row["pdf_kb"] = pdf.stat().st_size / 1024
    for fmt in ("html", "markdown", "json"):
        _, row[fmt] = _timed(lambda fmt=fmt: render_text(report, fmt))
    return row


def main(argv: list[str], pdf_writer=None) -> int:
    """``pdf_writer``: the PDF renderer, passed in by ``main.py`` (the engine has no Qt)."""
    parser = argparse.ArgumentParser(prog="parallax bench report")
    parser.add_argument("--sizes", default="5,50")
    parser.add_argument("--out", help="keep the PDFs in this folder")
    args = parser.parse_args(argv)
    from analysis.bench.align import seed_articles, synthetic_corpus
    from analysis.pipeline import compare
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="parallax-report-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    if pdf_writer is None:
        print("parallax bench report: run it as `python main.py bench report` (the PDF renderer is "
              "the window's)")
        return 2
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        articles = seed_articles() if n == 5 else synthetic_corpus(n)
        comparison = compare(articles)
        label = "seeds" if n == 5 else f"{n} articles"
        rows.append(measure(label.replace(" ", "-"), comparison, out, pdf_writer))
        if n != 5:
            rows.append(measure(f"{n}-articles-dense", dense(comparison), out, pdf_writer))
    print("| comparison | articles | facts | findings | build | PDF | pages | PDF size | HTML | Markdown | JSON |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['name']} | {r['articles']} | {r['facts']} | {r['findings']} | {r['build']:.2f} s | "
              f"{r['pdf']:.2f} s | {r['pages']} | {r['pdf_kb']:.0f} KB | {r['html']:.2f} s | "
              f"{r['markdown']:.2f} s | {r['json']:.2f} s |")
    print(f"\nPDFs in {out}")
    return 0
