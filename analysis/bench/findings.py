"""Benchmark: framing findings worth an editor's time, measured against BASIL's experts.

On the BASIL dev events (``../shared/bench/basil_dev/``, three outlets per event), computed as the
shared checker computes them (``../shared/bench/tools/basil_lib.py``):

1. **Loaded wording**: sentence-level P/R/F1 of the word-level framing findings (kinds loaded_word,
   intensifier, booster, hedge, attribution_verb, through their spans; for one-sided kinds the outlet's
   own span) against the experts' ``lex`` spans, with the frozen plain-lexicon baseline
   (``plain_lexicon.txt``: every sentence holding one of its words) in the same run.  The events are
   split in two halves by their position in uuid order (even: the *tuning* half the rules were
   developed on, odd: the *check* half, looked at only to report): both are reported.
2. **Speakers**: expert quote spans that name a speaker, and the share whose overlapping quote the
   engine gives to that speaker (by surname) -- all of them (as the shared checker counts), then apart
   for gold speakers that are one person and for groups or bodies (``gold_is_person``): experts give a
   campaign spokesman's words to the campaign, the engine to the spokesman.
3. **Contradictions and spellings**: every one raised over the dev events (engine facts) and over the
   gold facts of ``gold_facts.jsonl`` (hand-aligned, so the rules are judged apart from alignment),
   counted by rule.  ``--list`` prints them with their evidence for judging (to the terminal only:
   BASIL's text never goes into the repository); the judged counts are recorded in
   docs/BENCHMARKS.md by hand.

    python main.py bench findings [--write] [--list] [--limit N]

``--write`` replaces the marked figures block of the section "Framing findings against experts" of
docs/BENCHMARKS.md (the prose around it is kept).
"""
from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict

from analysis.bench import SHARED_BENCH, basil_lib, write_section

SECTION = "## Framing findings against experts (`bench findings`)"
CONTRADICTION_KINDS = ("contradiction", "spelling")


def _half(order: dict[str, int], uuid: str) -> str:
    return "tune" if order[uuid] % 2 == 0 else "check"


def lex_and_speakers(bl, events: list[dict], lexicon) -> tuple[dict, list[dict]]:
    """Per half: lex tp/fp/fn of the engine and of the baseline, speakers right / named; and every
    contradiction or spelling finding raised (with its event)."""
    order = {u: i for i, u in enumerate(sorted(t["uuid"] for t in events))}
    counts: dict[str, Counter] = defaultdict(Counter)
    raised = []
    engine = bl.Engine()
    for t in events:
        res = engine.compare_articles(t["articles"], t["uuid"][:8])
        c = counts[_half(order, t["uuid"])]
        raised += [raised_row(res, f, t["uuid"][:8]) for f in res["findings"] if f["kind"] in CONTRADICTION_KINDS]
        pred = defaultdict(list)
        for f in res["findings"]:
            if f["kind"] in bl.LEXICAL_KINDS:
                for sp in bl.finding_spans(f):
                    pred[sp["article"]].append((sp["start"], sp["end"]))
        for i, ar in enumerate(res["articles"]):
            art = t["articles"][i]
            ranges = bl.map_sentences(art, ar["text"])
            gold = {sp["sent"] for sp in art["spans"] if sp["bias"] == "lex"}
            for si, r in enumerate(ranges):
                if r is None:
                    continue
                g, p = si in gold, any(bl.overlaps(r, x) for x in pred[ar["id"]])
                b = bool(lexicon.search(ar["text"][r[0]:r[1]]))
                _count(c, "", g, p)
                _count(c, "b", g, b)
            _speakers(bl, c, art, ar, ranges, [q for q in res.get("quotes", []) if q.get("article") == ar["id"]])
    return counts, raised


def _count(c: Counter, prefix: str, gold: bool, predicted: bool) -> None:
    c[prefix + "tp"] += gold and predicted
    c[prefix + "fp"] += predicted and not gold
    c[prefix + "fn"] += gold and not predicted


def _speakers(bl, c: Counter, art: dict, ar: dict, ranges, quotes: list[dict]) -> None:
    for sp in art["spans"]:
        who = sp.get("speaker") or ""
        if sp.get("quote") != "yes" or not who or who.startswith("other"):
            continue
        span = bl.map_span(sp, art, ranges, ar["text"])
        if span is None:
            continue
        last = who.replace("_", " ").split()[-1].lower()
        right = any(last in (q.get("speaker_name") or "").lower()
                    for q in quotes if bl.overlaps((q["start"], q["end"]), span))
        level = "person" if gold_is_person(who) else "group"
        c["named_quotes"] += 1
        c["speaker_right"] += right
        c[level + "_quotes"] += 1
        c[level + "_right"] += right


def gold_is_person(who: str) -> bool:
    """Whether a gold speaker ("Donald_Trump", "Obama_campaign", "Republican_Lawmakers", "BuzzFeed")
    names one person: two to five capitalised words of a personal name, none a group word.  The
    experts give a quote to the group or body a person speaks for ("Obama_campaign" for the
    campaign's spokesman) where the engine names the person the sentence gives the words to, so the
    two are counted apart: a person-level figure that group names cannot pull down."""
    from analysis.align.features.entity_keys import normalise_key
    from analysis.signals.actors import is_person_key
    from analysis.signals.nouns import group_words
    words = who.replace("_", " ").split()
    key = normalise_key(" ".join(words))
    return all(w[:1].isupper() for w in words) and is_person_key(key) and \
        not set(key.split()) & (group_words() | {"campaign", "administration"})


def raised_row(res: dict, f: dict, event: str) -> dict:
    """A finding of the compare JSON as ``--list`` prints it: its rule by name (JSON /3 names a row
    of the top-level ``rules`` table) and its sentences' text."""
    rules = {r["id"]: r["text"] for r in res.get("rules", [])}
    return dict(f, event=event, rule=rules.get(f["rule"], f["rule"]), sentences_text=_sentences(res, f))


def _sentences(res: dict, f: dict) -> dict[str, list[str]]:
    # JSON /3 keeps a sentence's offsets, not its text: the text is the article's text[start:end]
    by_id = {s["id"]: a["text"][s["start"]:s["end"]] for a in res["articles"] for s in a["sentences"]}
    return {aid: [by_id.get(sid, "") for sid in sids]
            for aid, sids in ((f.get("data") or {}).get("sentences") or {}).items()}


def on_gold_facts(bl, events: list[dict]) -> list:
    """Contradictions and spellings over the hand-aligned gold facts of the gold events."""
    import json

    from analysis.bench.omissions import _loaded, _sentence_ids
    from analysis.model import Fact, FactMember
    from analysis.signals.framing import framing_findings
    path = SHARED_BENCH / "basil_dev" / "gold_facts.jsonl"
    by_uuid = {t["uuid"]: t for t in events}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        g = json.loads(line) if line.strip() else None
        event = by_uuid.get(g["triplet_uuid"]) if g else None
        if event is None:
            continue
        articles = _loaded(bl, event, g["triplet_uuid"][:8] + "_c")
        ids = _sentence_ids(bl, event, articles)
        article_of = {art["source"]: a.id for art, a in zip(event["articles"], articles)}
        facts = []
        for k, gf in enumerate(g["facts"]):
            members = tuple(FactMember(article_of[o], tuple(sorted({s for i in v for s in ids[o].get(i, [])})))
                            for o, v in gf["members"].items() if v and o in article_of)
            if len(members) >= 2:
                facts.append(Fact(f"f-gold{k}", gf.get("label", ""), members))
        out += [(g["triplet_uuid"][:8], f) for f in framing_findings(facts, {a.id: a for a in articles})
                if f.kind in CONTRADICTION_KINDS]
    return out


def block(counts: dict, raised: list, gold_raised: list, n_events: int, seconds: float) -> str:
    lines = [SECTION, "",
             f"BASIL dev, {n_events} events (3 outlets each); halves by uuid order (tune: even, check: odd). "
             f"{seconds:.0f} s on a busy 2-core machine (timings noisy).", "",
             "| half | lex P | lex R | lex F1 | plain lexicon P | R | F1 | F1 gain | speakers right | "
             "gold persons | gold groups |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    total: Counter = Counter()
    for half in ("tune", "check"):
        total.update(counts[half])
    for half, c in (("tune", counts["tune"]), ("check", counts["check"]), ("all", total)):
        p, r, f = bl_prf(c["tp"], c["fp"], c["fn"])
        bp, br, bf = bl_prf(c["btp"], c["bfp"], c["bfn"])
        right, persons, groups = (_share(c, "speaker_right", "named_quotes"),
                                  _share(c, "person_right", "person_quotes"), _share(c, "group_right", "group_quotes"))
        lines.append(f"| {half} | {p:.3f} | {r:.3f} | {f:.3f} | {bp:.3f} | {br:.3f} | {bf:.3f} | "
                     f"{f - bf:+.3f} | {right} | {persons} | {groups} |")
    by_rule = Counter(f["rule"] for f in raised)
    gold_rule = Counter(f.rule for _, f in gold_raised)
    lines += ["", "Contradictions and spellings raised (judge them with `--list`):", "",
              "| rule | dev events (engine facts) | gold facts |", "|---|---:|---:|"]
    for rule in sorted(set(by_rule) | set(gold_rule)):
        lines.append(f"| `{rule}` | {by_rule[rule]} | {gold_rule[rule]} |")
    return "\n".join(lines) + "\n"


def _share(c: Counter, right: str, of: str) -> str:
    return f"{c[right]}/{c[of]} = {c[right] / max(1, c[of]):.2f}"


def bl_prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _print_list(raised: list, gold_raised: list) -> None:
    for f in raised:
        print(f"[dev {f['event']}] {f['rule']}: {f['evidence']}")
        for aid, texts in f["sentences_text"].items():
            print(f"    {aid}: {' | '.join(texts)[:300]}")
    for event, f in gold_raised:
        print(f"[gold {event}] {f.rule}: {f.evidence}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="parallax bench findings")
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--list", action="store_true", help="print every contradiction and spelling to judge")
    parser.add_argument("--limit", type=int, default=0, help="first N events only")
    args = parser.parse_args(argv)
    bl = basil_lib()
    root = SHARED_BENCH / "basil_dev"
    if bl is None or not root.exists():
        print(f"parallax bench findings: the BASIL dev set is not here ({SHARED_BENCH}); nothing measured")
        return 2
    t0 = time.perf_counter()
    events = bl.load_events(root)
    events = events[:args.limit] if args.limit else events
    counts, raised = lex_and_speakers(bl, events, bl.plain_lexicon(root / "plain_lexicon.txt"))
    gold_raised = on_gold_facts(bl, events)
    text = block(counts, raised, gold_raised, len(events), time.perf_counter() - t0)
    print(text)
    if args.list:
        _print_list(raised, gold_raised)
    if args.write:
        write_section(text, SECTION)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv[1:]))
