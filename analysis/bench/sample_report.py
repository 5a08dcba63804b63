"""A Comparison of the bundled seeds for tests, demos and the sample report.

``seed_articles()`` loads the seeds through ``analysis.load_article``.  ``handmade_comparison(articles)``
adds facts, omissions, findings, voices and metrics chosen by hand from real seed sentences, so the report
can be tested with exact expectations independent of the engine's tuning.  ``sample_reviews(comparison)``
is an illustrative review.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Sequence

from analysis.model import Article, Comparison, EventMatch, Fact, FactMember, Finding, Omission, Span, Voice, stable_id
from analysis.segment import segment

ROOT = Path(__file__).resolve().parents[2]
# Display names for the seeds, as an editor would set them in the outlet list where ingest finds no
# outlet: descriptive labels an editor might type, never guessed from a sentence that cites an outlet.
SEED_OUTLETS = ("Roundup blog", "Live blog", "Analytical team", "CNN", "Paris follow-up")
SEED_DATES = ("2025-02-18", "2025-02-18", "2025-02-16", "2025-02-17", "2025-09-04")

# Facts as (article index, a phrase its sentence contains); indexes are seed order (0 = 000_...).
FACTS = {
    "paris": [(0, "convened an emergency summit"), (1, "European leaders held an emergency meeting"),
              (3, "European leaders held emergency talks in Paris")],
    "riyadh": [(0, "Marco Rubio is in Riyadh"), (1, "which began in the last hour"),
               (3, "Marco Rubio will sit down")],
    "ukraine_absent": [(0, "did not have a seat at the table"), (1, "Officials from Ukraine will not be present"),
                       (3, "Zelensky said Ukraine will not participate")],
    "uk_troops": [(0, "Starmer said the UK would send troops"), (1, "willing to send peacekeeping troops"),
                  (3, "who called the Paris meeting")],
    "scholz": [(0, "Olaf Scholz bluntly panned"), (1, "Olaf Scholz was openly critical"),
               (2, "Macron has warned that any settlement")],
    "minerals": [(0, "Ukraine rejected a U.S. proposal"), (2, "has so far resisted signing"),
                 (3, "signal his openness to sign a deal")],
    "putin_call": [(0, "spoke by telephone"), (1, "announced last week that he and Russian President Putin"),
                   (3, "Trump held a long phone call with Putin")],
    "hegseth": [(2, "ruled out the possibility of Ukraine joining NATO"),
                (3, "Hegseth said that NATO membership")],
    "dmitriev": [(1, "lost around $300 billion")],
    "coalition": [(4, "26 countries, which he did not name")],
}


def _raw_article(index: int, path: Path) -> Article:
    text = path.read_text(encoding="utf-8").strip()
    article_id = f"a{index + 1}"
    paragraphs, sentences, tokens = segment(text, article_id)
    title = next((line for line in text.splitlines() if len(line.split()) >= 6), text[:80])[:120]
    return Article(article_id, str(path), "file", SEED_OUTLETS[index % len(SEED_OUTLETS)], title,
                   SEED_DATES[index % len(SEED_DATES)], None, text, text, (), tuple(paragraphs),
                   tuple(sentences), tuple(tokens))


def seed_paths() -> list[Path]:
    from analysis.resources import seed_paths as bundled
    return bundled()


def seed_articles(use_engine: bool = True) -> list[Article]:
    """The seeds as Articles: cleaned by the engine's ingest, or (``use_engine=False``) the raw
    files segmented as they are, for tests that must not depend on ingest's choices."""
    if use_engine:
        from analysis import load_article
        return [_named(load_article(str(p), article_id=f"a{i + 1}"), i) for i, p in enumerate(seed_paths())]
    return [_raw_article(i, p) for i, p in enumerate(seed_paths())]


def _named(article: Article, index: int) -> Article:
    """The article with its seed display name when ingest fell back to "Article N"."""
    from dataclasses import replace
    if article.outlet.startswith("Article ") and index < len(SEED_OUTLETS):
        return replace(article, outlet=SEED_OUTLETS[index])
    return article


def find_sentence(article: Article, phrase: str):
    for s in article.sentences:
        if phrase in s.text:
            return s
    return None


def _facts(articles: Sequence[Article]) -> dict[str, Fact]:
    out = {}
    for key, members in FACTS.items():
        fm = []
        for index, phrase in members:
            if index < len(articles):
                s = find_sentence(articles[index], phrase)
                if s is not None:
                    fm.append(FactMember(articles[index].id, (s.id,)))
        if fm:
            texts = [articles[int(m.article[1:]) - 1].sentence(m.sentences[0]).text for m in fm]
            label = min(texts, key=len)[:80]
            out[key] = Fact(stable_id("f", *texts), label, tuple(fm), 0.7 if len(fm) > 1 else 1.0)
    return out


def _span(article: Article, phrase: str) -> Span | None:
    at = article.text.find(phrase)
    return Span(article.id, at, at + len(phrase)) if at >= 0 else None


def _finding(kind, fact, articles, spans, evidence, score, rule="", **data) -> Finding:
    spans = tuple(s for s in spans if s is not None)
    key = "|".join(f"{s.article}:{s.start}:{s.end}" for s in spans) or evidence
    return Finding(stable_id(kind, key, evidence), kind, fact.id if fact else None,
                   tuple(a.id for a in articles), spans, evidence, score, rule, data)


def _framing(a: Sequence[Article], facts: dict[str, Fact]) -> list[Finding]:
    out = []
    if len(a) >= 4:
        out += [
            _finding("attribution_verb", facts.get("scholz"), [a[0], a[1]],
                     [_span(a[0], "bluntly panned"), _span(a[1], "was openly critical")],
                     "Roundup blog says Scholz “bluntly panned” the meeting where Live blog says he "
                     "“was openly critical”.", 0.82, "attribution_verbs: panned (loaded) vs critical"),
            _finding("stance", facts.get("minerals"), [a[0], a[2], a[3]],
                     [_span(a[0], "Ukraine rejected"), _span(a[2], "has so far resisted"),
                      _span(a[3], "signal his openness")],
                     "Ukraine “rejected” the minerals proposal (Roundup blog) vs “resisted” (Analytical team) vs "
                     "“signal his openness” (CNN).", 0.9, "word diff: rejected / resisted / signal openness"),
            _finding("naming", facts.get("riyadh"), [a[1], a[3]],
                     [_span(a[1], "Sergei Lavrov"), _span(a[3], "Sergey Lavrov")],
                     "The Russian foreign minister is “Sergei” in Live blog and “Sergey” in CNN.", 0.7,
                     "name variants: Sergei/Sergey"),
            _finding("intensifier", facts.get("scholz"), [a[0]], [_span(a[0], "bluntly")],
                     "Roundup blog adds the intensifier “bluntly”.", 0.45, "intensifiers: bluntly"),
            _finding("hedge", facts.get("putin_call"), [a[3]], [_span(a[3], "could lay the ground")],
                     "CNN hedges the outcome: “could lay the ground”.", 0.4, "hedges: could"),
            _finding("loaded_word", facts.get("ukraine_absent"), [a[0]], [_span(a[0], "reacted angrily")],
                     "Roundup blog says Ukraine “reacted angrily”.", 0.55, "loaded: angrily (emotive)"),
        ]
    return [f for f in out if f.spans]


def _omissions(a: Sequence[Article], facts: dict[str, Fact], same: set[str]):
    omissions, findings = [], []
    scored = []
    for fact in facts.values():
        carriers = [m.article for m in fact.members]
        if len(carriers) < 2:
            continue
        for art in a:
            if art.id in same and art.id not in carriers:
                scored.append((len(carriers) / max(len(same), 1), fact, art))
    scored.sort(key=lambda x: (-x[0], x[1].id, x[2].id))
    for rank, (score, fact, art) in enumerate(scored, 1):
        omissions.append(Omission(fact.id, art.id, fact.articles, rank, round(score, 3)))
        findings.append(Finding(stable_id("omission", fact.id, art.id), "omission", fact.id,
                                (art.id,) + fact.articles, (), f"{art.outlet} leaves out a fact "
                                f"{len(fact.articles)} outlets carry: “{fact.label}”", round(score, 3),
                                "omission: carried by 2+ outlets"))
    for fact in facts.values():
        if len(fact.members) == 1:
            m = fact.members[0]
            owner = next(x for x in a if x.id == m.article)
            findings.append(Finding(stable_id("exclusive", fact.id), "exclusive", fact.id, (m.article,),
                                    (), f"Only {owner.outlet} reports: “{fact.label}”", 0.3,
                                    "exclusive: one carrier"))
    return omissions, findings


def _metrics(articles: Sequence[Article]) -> dict:
    """The engine's own per-article metrics when the signals stage runs, else stand-ins shaped the
    same way (docs/METRICS.md), so the report's tables are exercised either way."""
    try:
        from analysis.signals.metrics import comparison_metrics
        return {k: {g: {x: y for x, y in v.items() if x != "by_sentence"} if isinstance(v, dict) else v
                    for g, v in groups.items()}
                for k, groups in comparison_metrics(list(articles)).items()}
    except Exception:  # signals not available
        return {a.id: _stand_in(a) for a in articles}


def _stand_in(article: Article) -> dict:
    n = max(article.word_count, 1)
    rates = {"loaded": 4.0 + n % 9, "hedges": 6.0 + n % 5, "boosters": 1.0 + n % 3}
    return {"readability": {"flesch_reading_ease": 40.0 + n % 20, "flesch_kincaid_grade": 8.0 + n % 7},
            "sentiment": {"compound_mean": round(math.sin(n) / 5, 4), "compound_stdev": 0.3},
            "tone": {"words": n, "quote_share": 0.2, "rates_per_1k": rates,
                     "passive": {"per_1k": 2.0, "agentless_per_1k": 1.0},
                     "frames": {"political": 0.5, "security_defense": 0.3, "economic": 0.2}}}


def _voices(a: Sequence[Article]) -> tuple[Voice, ...]:
    table = {"olaf scholz": ("Olaf Scholz", "German Chancellor", {0: 12, 1: 6}),
             "keir starmer": ("Keir Starmer", "UK Prime Minister", {0: 30, 3: 8, 4: 25}),
             "volodymyr zelensky": ("Volodymyr Zelensky", "President of Ukraine", {0: 14, 2: 6, 3: 21}),
             "mark rutte": ("Mark Rutte", "NATO Secretary General", {3: 40}),
             "emmanuel macron": ("Emmanuel Macron", "French President", {1: 55, 4: 40}),
             "dmitry peskov": ("Dmitry Peskov", "Kremlin spokesman", {1: 9})}
    totals: dict[int, int] = {}
    for _, _, words in table.values():
        for i, w in words.items():
            totals[i] = totals.get(i, 0) + w
    out = []
    for key, (name, role, words) in table.items():
        w = {a[i].id: n for i, n in words.items() if i < len(a)}
        share = {a[i].id: round(n / totals[i], 3) for i, n in words.items() if i < len(a)}
        out.append(Voice(key, name, role, w, share))
    return tuple(out)


def handmade_comparison(articles: Sequence[Article]) -> Comparison:
    """The seeds' comparison with hand-chosen facts and findings (see the module docstring)."""
    a = tuple(articles)
    facts = _facts(a)
    event = tuple(EventMatch(x.id, 0.2 if i == 4 else 0.8 - 0.05 * i, i != 4,
                             "a Paris meeting in September 2025, not February" if i == 4 else "shared actors")
                  for i, x in enumerate(a))
    same = {m.article for m in event if m.same_event}
    omissions, findings = _omissions(a, facts, same)
    findings += _framing(a, facts)
    if len(a) >= 4:
        findings.append(Finding(stable_id("voice", "olaf scholz", a[3].id), "voice", None,
                                (a[3].id, a[0].id, a[1].id), (),
                                "CNN does not quote Olaf Scholz, whom Roundup blog and Live blog quote.",
                                0.5, "voice: quoted by 2+ outlets"))
    findings.sort(key=lambda f: (-f.score, f.kind, f.id))
    return Comparison(a, event, tuple(facts.values()), tuple(omissions), tuple(findings),
                      _metrics(a), (), _voices(a),
                      ("Paris follow-up (a5) covers a later Paris meeting (September 2025); it is left out of "
                       "alignment and omissions.",))


# An illustrative review, by finding kind: (verdict, severity, note).  The first finding of each kind in
# the comparison's order (strongest first) gets it; the last one is dismissed.
REVIEW_PLAN = (
    ("attribution_verb", "confirmed", 3, "Checked against the originals: the verbs differ as quoted. "
                                         "Lead item for the morning meeting."),
    ("contradiction", "flagged", 2, "Check the day against the wire copy before we use either."),
    ("naming", "flagged", 2, "Ask the desk which spelling our style guide uses."),
    ("stance", "confirmed", 3, "Rejected, resisted, open to signing: three different stories."),
    ("loaded_word", "confirmed", 2, ""),
    ("hedge", "dismissed", 1, "Not a framing difference: the wording is the outlet's house style."),
)


def sample_reviews(comparison: Comparison) -> dict[str, dict]:
    """An illustrative review: the strongest finding of a few kinds confirmed, flagged or dismissed,
    with notes, and the strongest omission confirmed."""
    reviews: dict[str, dict] = {}
    for kind, verdict, severity, note in REVIEW_PLAN:
        finding = next((f for f in comparison.findings if f.kind == kind), None)
        if finding is not None:
            reviews[finding.id] = {"verdict": verdict, "severity": severity, "note": note}
    omission = next((f for f in comparison.findings if f.kind == "omission"), None)
    if omission is not None:
        reviews[omission.id] = {"verdict": "confirmed", "severity": 3,
                                "note": "Real gap: our copy should carry this fact too."}
    return reviews


def seed_comparison(use_engine: bool = True) -> Comparison:
    """The seeds analysed by the real engine when it runs, else the hand-made comparison."""
    articles = seed_articles(use_engine)
    if use_engine:
        try:
            from analysis import compare
            return compare(articles)
        except Exception:  # the engine is optional for the report's own tests and demos
            pass
    return handmade_comparison(articles)


HOSTILE = "<script>alert(1)</script> <img src=x onerror=y> &amp; &"


def hostile_comparison() -> Comparison:
    """Two articles whose text, outlet, title and review note carry markup: for escaping tests.

    Every renderer must show ``HOSTILE`` literally (as text), never as markup.
    """
    texts = (f"Leaders met in Paris on Monday. {HOSTILE} said the minister | twice.\n\n"
             "The talks ended without a deal.",
             "Leaders met in Paris on Monday to discuss Ukraine. The talks ended without a deal.")
    articles = []
    for i, (text, outlet) in enumerate(zip(texts, ("<b>Evil</b> | Outlet", "Plain News")), 1):
        paragraphs, sentences, tokens = segment(text, f"a{i}")
        articles.append(Article(f"a{i}", None, "paste", outlet, f"Title <img src=x onerror=y> {i}",
                                "2025-02-17", None, text, text, (), tuple(paragraphs), tuple(sentences),
                                tuple(tokens)))
    a1, a2 = articles
    evil = find_sentence(a1, "<script>")
    meet1, meet2 = a1.sentences[0], a2.sentences[0]
    end1, end2 = a1.sentences[-1], a2.sentences[-1]
    facts = (Fact(stable_id("f", meet1.text, meet2.text), meet1.text, (FactMember("a1", (meet1.id, evil.id)),
                                                                       FactMember("a2", (meet2.id,)))),
             Fact(stable_id("f", end1.text, end2.text), end1.text, (FactMember("a1", (end1.id,)),
                                                                   FactMember("a2", (end2.id,)))))
    at = a1.text.index("<script>")
    finding = Finding(stable_id("loaded_word", HOSTILE), "loaded_word", facts[0].id, ("a1",),
                      (Span("a1", at, at + len(HOSTILE)),), f"Outlet writes {HOSTILE}", 0.9,
                      f"rule {HOSTILE}")
    metrics = {a.id: {"readability": {"flesch_kincaid_grade": 8.0 + i},
                      "sentiment": {"compound_mean": 0.1 * i}, "tone": {"loaded_per_1000": 3.0 * i}}
               for i, a in enumerate(articles)}
    voices = (Voice("x", f"Speaker {HOSTILE}", HOSTILE, {"a1": 5}, {"a1": 1.0}),)
    return Comparison(tuple(articles), (EventMatch("a1", 0.9, True, HOSTILE), EventMatch("a2", 0.9, True)),
                      facts, (), (finding,), metrics, (), voices, (f"note {HOSTILE}",))


def hostile_reviews(comparison: Comparison) -> dict[str, dict]:
    return {f.id: {"verdict": "flagged", "severity": 2, "note": f"note {HOSTILE}"} for f in comparison.findings}


def main(argv: Sequence[str] | None = None, pdf_writer=None) -> int:
    """``python main.py bench sample_report [--full] [OUT.pdf OUT.html ...]``: the seeds' report as in
    docs/sample-report.pdf (the editor's brief; ``--full`` for the full report): the real engine's
    comparison with the illustrative ``sample_reviews``.
    ``pdf_writer`` is the window's PDF renderer, passed in by ``main.py``."""
    import sys

    from analysis.report.build import build_report
    from analysis.report.write import write_report
    args = list(sys.argv[1:] if argv is None else argv)
    full = "--full" in args
    targets = [a for a in args if a != "--full"] or [str(ROOT / "docs" / "sample-report.pdf")]
    comparison = seed_comparison()
    report = build_report(comparison, sample_reviews(comparison), reviewer="Sample reviewer",
                          generated="2025-02-19T09:00+01:00", full=full)
    for target in targets:
        write_report(report, target, pdf_writer=pdf_writer)
        print(target)
    return 0

