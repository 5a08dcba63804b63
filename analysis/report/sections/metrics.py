"""Metrics tables with charts: readability, sentiment (overall and toward actors), tone, share of voice.

Keys come from the signals stage (``docs/METRICS.md``); columns are the keys present, with readable
labels, so a new metric appears without a change here.  Every chart has a table with the same numbers.
"""
from __future__ import annotations

from typing import Any

from analysis.model import Voice
from analysis.report import colours
from analysis.report import metrics_access as m
from analysis.report.context import Context
from analysis.report.model import Chart, Heading, Run, Section, Series, Table, cell, para
from analysis.report.settings import VOICES_MAX
from analysis.report.text import clip, number, percent, plural

READABILITY_KEYS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
                    "ari", "dale_chall", "mean_sentence_words")
SENTIMENT_KEYS = ("compound_mean", "compound_stdev", "share_negative", "share_neutral", "share_positive")
# Paul Tol's "bright" scheme, colour-blind safe and distinct from the outlets' Okabe-Ito colours.
SPEAKER_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#332288")
OTHERS_COLOUR = "#BBBBBB"


def _fmt(group: str, key: str, value: Any) -> str:
    v = m.scalar(value)
    if v is not None and m.is_count(key, group) and float(v).is_integer():
        return number(int(v))   # a count is whole: "3", not "3.00"
    return percent(v) if m.is_share(key, group) and v is not None else number(v if v is not None else value)


def _table(ctx: Context, group: str, keys: list[str], labels: dict[str, str] | None = None) -> Table:
    c = ctx.comparison
    header = (cell("Outlet"),) + tuple(cell((labels or {}).get(k) or m.label(k, group), align="right") for k in keys)
    rows = []
    for a in ctx.compared:
        values = m.group(c, a.id, group)
        cells = [cell(Run("■\u00a0", "chip", ctx.colour(a.id)), Run(ctx.name(a.id), "b"))]
        cells += [cell(_fmt(group, k, m.value_at(values, k)), align="right") for k in keys]
        rows.append(tuple(cells))
    return Table(header, tuple(rows), widths=(2.0,) + (1.0,) * len(keys), kind="metrics")


def _bar(ctx: Context, group: str, key: str, title: str, caption: str = "", domain=None) -> Chart | None:
    c = ctx.comparison
    values = tuple(m.scalar(m.value_at(m.group(c, a.id, group), key)) for a in ctx.compared)
    if all(v is None for v in values):
        return None
    share = m.is_share(key, group)
    return Chart("bar", title, tuple(ctx.name(a.id) for a in ctx.compared),
                 (Series(m.label(key, group), tuple(v * 100 if share and v is not None else v for v in values),
                         "#000000"),),
                 category_colours=tuple(ctx.colour(a.id) for a in ctx.compared),
                 unit="%" if share else "", domain=domain, caption=caption,
                 value_format="{:.0f}" if share else ("{:+.2f}" if group == "sentiment" else "{:.1f}"))


def _present(ctx: Context, group: str, preferred: tuple[str, ...], others: bool) -> list[str]:
    keys = m.scalar_keys(ctx.comparison, group)
    chosen = [k for k in preferred if k in keys]
    if others:
        chosen += [k for k in keys if k not in chosen and k not in ("words", "sentences")]
    return chosen


def _readability(ctx: Context) -> list:
    keys = _present(ctx, "readability", READABILITY_KEYS, others=False)
    if not keys:
        return [Heading(2, "Readability"), para("No readability metrics.", kind="note")]
    blocks: list = [Heading(2, "Readability"), _table(ctx, "readability", keys)]
    for key, caption in (("flesch_kincaid_grade", "US school grade needed to follow the text; lower is easier."),
                         ("flesch_reading_ease", "0-100; higher is easier. Newspapers typically score 30-60.")):
        chart = _bar(ctx, "readability", key, m.label(key, "readability"), caption)
        if chart:
            blocks.append(chart)
    blocks += _hardest(ctx)
    return blocks


def _hardest(ctx: Context) -> list:
    rows = []
    for a in ctx.compared:
        hard = m.group(ctx.comparison, a.id, "readability").get("hard_sentences") or []
        if hard and isinstance(hard[0], dict):
            try:
                text = a.sentence(hard[0].get("sentence", "")).text
            except (IndexError, ValueError):
                continue
            rows.append((cell(Run("■\u00a0", "chip", ctx.colour(a.id)), Run(ctx.name(a.id), "b")),
                         cell(number(m.scalar(hard[0].get("grade"))), align="right"),
                         cell(clip(text, 320))))
    if not rows:
        return []
    header = (cell("Outlet"), cell("Grade", align="right"), cell("Hardest sentence"))
    cut = ([para(f"{plural(len(rows) - 12, 'more outlet')} in the JSON report.", kind="note")]
           if len(rows) > 12 else [])
    return [Heading(3, "Hardest sentence per outlet"),
            Table(header, tuple(rows[:12]), widths=(1.6, 0.8, 6.8), kind="metrics")] + cut


def _actors(ctx: Context) -> list:
    c = ctx.comparison
    mentions: dict[str, int] = {}
    for a in ctx.compared:
        for actor, v in (m.group(c, a.id, "sentiment").get("toward") or {}).items():
            if isinstance(v, dict):
                mentions[actor] = mentions.get(actor, 0) + int(v.get("sentences", 0) or 0)
    actors = sorted(mentions, key=lambda k: (-mentions[k], k))[:6]
    if not actors:
        return []
    header = (cell("Outlet"),) + tuple(cell(clip(x, 30), align="right") for x in actors)
    rows = []
    for a in ctx.compared:
        toward = m.group(c, a.id, "sentiment").get("toward") or {}
        cells = [cell(Run("■\u00a0", "chip", ctx.colour(a.id)), Run(ctx.name(a.id), "b"))]
        for actor in actors:
            v = toward.get(actor) or {}
            mean = m.scalar(v.get("compound_mean")) if isinstance(v, dict) else None
            cells.append(cell("–" if mean is None else f"{mean:+.2f} ({v.get('sentences', 0)})", align="right"))
        rows.append(tuple(cells))
    return [Heading(3, "Sentiment toward the main actors"),
            para("Mean VADER compound of the sentences that mention each actor (number of sentences).",
                 kind="note"),
            Table(header, tuple(rows), widths=(2.0,) + (1.0,) * len(actors), kind="metrics")]


def _sentiment(ctx: Context) -> list:
    keys = _present(ctx, "sentiment", SENTIMENT_KEYS, others=False)
    if not keys:
        return [Heading(2, "Sentiment"), para("No sentiment metrics.", kind="note")]
    blocks: list = [Heading(2, "Sentiment"), _table(ctx, "sentiment", keys)]
    chart = _bar(ctx, "sentiment", "compound_mean", "Mean sentiment (VADER compound)",
                 "From -1 (negative) to +1 (positive), averaged over sentences.")
    if chart:
        blocks.append(chart)
    return blocks + _actors(ctx)


# Tone keys left out of the tables: raw counts and label breakdowns (rates say the same, comparably),
# the own-voice variants (a second table of near-identical numbers) and the frame shares (charted).
TONE_SKIP = ("words", "own_words", "frame_cues", "counts.", "labels.", "own_rates_per_1k.", "frames.",
             "passive.count", "passive.agentless", "attribution_counts.")
TONE_ORDER = ("rates_per_1k.", "loaded", "hedges", "boosters", "intensifiers", "passive.", "quote",
              "reported", "attribution_per_1k.")


def _tone_keys(ctx: Context) -> list[str]:
    keys = [k for k in m.scalar_keys(ctx.comparison, "tone", nested=True)
            if not any(k == s or (s.endswith(".") and k.startswith(s)) for s in TONE_SKIP)
            and not (k.startswith("passive.agentless") and k not in ("passive.agentless_per_1k",
                                                                       "passive.agentless_share"))]
    rank = {k: next((i for i, p in enumerate(TONE_ORDER) if k.startswith(p)), len(TONE_ORDER)) for k in keys}
    return sorted(keys, key=lambda k: (rank[k], keys.index(k)))


def _frames(ctx: Context) -> list:
    c = ctx.comparison
    totals: dict[str, float] = {}
    for a in ctx.compared:
        for frame, share in (m.group(c, a.id, "tone").get("frames") or {}).items():
            if m.scalar(share) is not None:
                totals[frame] = totals.get(frame, 0.0) + share
    if not totals:
        return []
    top = sorted(totals, key=lambda k: (-totals[k], k))[:len(SPEAKER_COLOURS)]
    ids = [a.id for a in ctx.compared]
    series = [Series(m.label(f), tuple(100 * (m.scalar((m.group(c, a, "tone").get("frames") or {}).get(f)) or 0)
                                       for a in ids), col) for f, col in zip(top, SPEAKER_COLOURS)]
    framed = [a for a in ids if m.group(c, a, "tone").get("frames")]
    rest = tuple(max(0.0, 100 - sum(s.values[i] or 0.0 for s in series)) if a in framed else 0.0
                 for i, a in enumerate(ids))
    if any(x > 0.5 for x in rest):
        series.append(Series("other frames", rest, OTHERS_COLOUR))
    return [Chart("stacked", "Frame profile", tuple(ctx.name(a) for a in ids), tuple(series),
                  category_colours=tuple(ctx.colour(a) for a in ids), unit="%", domain=(0, 100),
                  caption="Share of each outlet's frame cues per Media Frames dimension (Boydstun et al. 2014).",
                  value_format="{:.0f}")]


def _short(key: str) -> str:
    """A column title inside a table whose heading already gives the unit."""
    child = key.rpartition(".")[2]
    return {"per_1k": "Passives", "agentless_per_1k": "Agentless passives",
            "frame_cues_per_1k": "Frame cues"}.get(
        child, child.replace("_", " ").capitalize())


# Tone tables: (heading, which keys, whether the heading gives the unit so columns can be short).
TONE_TABLES = (
    ("Word choice, per 1,000 words", lambda k: k.startswith("rates_per_1k."), True),
    ("Attribution verbs by grade, per 1,000 words", lambda k: k.startswith("attribution_per_1k."), True),
    ("Passive voice", lambda k: k.startswith("passive."), False),
    ("Quotes and frames", lambda k: k in ("quote_share", "reported_share", "unnamed_quotes", "unnamed_share",
                                          "frame_cues_per_1k"), False),
)


def _tone(ctx: Context) -> list:
    keys = _tone_keys(ctx)
    if not keys:
        return [Heading(2, "Tone"), para("No tone metrics.", kind="note")]
    blocks: list = [Heading(2, "Tone")]
    left = list(keys)
    for title, wanted, short in TONE_TABLES:
        chosen = [k for k in left if wanted(k)]
        if chosen:
            left = [k for k in left if k not in chosen]
            labels = {k: _short(k) for k in chosen} if short else None
            blocks += [Heading(3, title), _table(ctx, "tone", chosen[:8], labels)]
    for i in range(0, len(left), 6):       # anything else, six columns at most
        blocks.append(_table(ctx, "tone", left[i:i + 6]))
    rates = [k for k in keys if k.startswith("rates_per_1k.") or "per_1000" in k][:2]
    for key in rates:
        chart = _bar(ctx, "tone", key, m.label(key, "tone"))
        if chart:
            blocks.append(chart)
    return blocks + _frames(ctx)


def _top_voices(ctx: Context) -> list[Voice]:
    return sorted(ctx.comparison.voices, key=lambda v: (-sum(v.words.values()), v.name))[:VOICES_MAX]


def _more_voices(ctx: Context) -> list:
    extra = len(ctx.comparison.voices) - VOICES_MAX
    return [para(f"The {VOICES_MAX} most quoted speakers; {plural(extra, 'more speaker')} in the JSON report.",
                 kind="note")] if extra > 0 else []


def _voice_table(ctx: Context, voices: list[Voice]) -> Table:
    ids = [a.id for a in ctx.compared]
    per_outlet = len(ids) <= 6
    header = [cell("Speaker"), cell("Role")]
    header += [cell(Run(ctx.name(a), "b"), fill=colours.tint(ctx.colour(a), 0.55), align="right") for a in ids] \
        if per_outlet else [cell("Quoted by", align="right"), cell("Words", align="right")]
    rows = []
    for v in voices:
        row = [cell(Run(v.name or v.speaker, "b")), cell(clip(v.role, 60))]
        if per_outlet:
            row += [cell(f"{v.words[a]} ({percent(v.share.get(a))})" if v.words.get(a) else "–", align="right")
                    for a in ids]
        else:
            row += [cell(str(sum(1 for w in v.words.values() if w)), align="right"),
                    cell(str(sum(v.words.values())), align="right")]
        rows.append(tuple(row))
    widths = (2.0, 2.0) + ((1.2,) * len(ids) if per_outlet else (1.0, 1.0))
    return Table(tuple(header), tuple(rows), widths=widths, kind="metrics")


def _voice_chart(ctx: Context, voices: list[Voice]) -> Chart:
    ids = [a.id for a in ctx.compared]
    top = voices[:len(SPEAKER_COLOURS)]
    series = [Series(v.name or v.speaker, tuple(100 * v.share.get(a, 0.0) for a in ids), col)
              for v, col in zip(top, SPEAKER_COLOURS)]
    quoted = {a for v in ctx.comparison.voices for a, w in v.words.items() if w}
    others = tuple(max(0.0, 100 - sum(s.values[i] or 0.0 for s in series)) if a in quoted else 0.0
                   for i, a in enumerate(ids))
    if any(x > 0.5 for x in others):
        series.append(Series("others", others, OTHERS_COLOUR))
    return Chart("stacked", "Share of voice", tuple(ctx.name(a) for a in ids), tuple(series),
                 category_colours=tuple(ctx.colour(a) for a in ids), unit="%", domain=(0, 100),
                 caption="Share of each outlet's quoted words given to each speaker.", value_format="{:.0f}")


def _voices(ctx: Context) -> list:
    voices = _top_voices(ctx)
    if not voices:
        return [Heading(2, "Share of voice"), para("No quotes found.", kind="note")]
    return [Heading(2, "Share of voice"),
            para("Words quoted from each speaker (share of the outlet's quoted words).", kind="note"),
            _voice_table(ctx, voices)] + _more_voices(ctx) + [_voice_chart(ctx, voices)]


def build(ctx: Context) -> Section:
    blocks = [Heading(1, "Tone, sentiment and readability")]
    blocks += _readability(ctx) + _sentiment(ctx) + _tone(ctx) + _voices(ctx)
    return Section("metrics", "Metrics", tuple(blocks))


# --- the brief: every outlet's key numbers on one page ----------------------------------------------------

# (column title, group, key inside the group, how to show it)
BRIEF_COLUMNS = (
    ("Words", "readability", "words", "int"),
    ("Reading grade", "readability", "flesch_kincaid_grade", "num"),
    ("Reading ease", "readability", "flesch_reading_ease", "num"),
    ("Sentiment", "sentiment", "compound_mean", "signed"),
    ("Negative sentences", "sentiment", "share_negative", "share"),
    ("Loaded words /1,000", "tone", "rates_per_1k.loaded", "num"),
    ("Hedges /1,000", "tone", "rates_per_1k.hedges", "num"),
    ("Quoted text", "tone", "quote_share", "share"),
)


def _brief_value(ctx: Context, article_id: str, group: str, key: str, how: str) -> str:
    if key == "words":
        # The cover's count: readability counts words its own way for its formulas (1,313 beside
        # the cover's 1,314 for one article), and a report gives an article one length.
        value: float | None = ctx.outlets[article_id].words
    else:
        value = m.scalar(m.value_at(m.group(ctx.comparison, article_id, group), key))
    if value is None:
        return "–"
    if how == "int":
        return number(int(round(value)))
    if how == "share":
        return percent(value)
    if how == "signed":
        return f"{value:+.2f}"
    return f"{value:.1f}"


def _brief_table(ctx: Context) -> Table:
    c = ctx.comparison
    columns = [col for col in BRIEF_COLUMNS
               if col[2] == "words" or any(m.scalar(m.value_at(m.group(c, a.id, col[1]), col[2])) is not None
                                           for a in ctx.compared)]
    voices = bool(c.voices)
    header = (cell("Outlet"),) + tuple(cell(title, align="right") for title, *_ in columns) \
        + ((cell("Voices quoted", align="right"),) if voices else ())
    rows = []
    for a in ctx.compared:
        row = [cell(Run("■\u00a0", "chip", ctx.colour(a.id)), Run(ctx.name(a.id), "b"))]
        row += [cell(_brief_value(ctx, a.id, g, k, how), align="right") for _, g, k, how in columns]
        if voices:
            row.append(cell(str(sum(1 for v in c.voices if v.words.get(a.id))), align="right"))
        rows.append(tuple(row))
    widths = (2.2,) + (1.0,) * (len(columns) + int(voices))
    return Table(header, tuple(rows), widths=widths, kind="metrics")


def brief(ctx: Context) -> Section:
    """Metrics on one page: the numbers an editor compares, then the reading grade and sentiment."""
    blocks: list = [Heading(1, "Metrics at a glance"),
                    para("Reading grade: the US school grade needed to follow the text (Flesch-Kincaid; "
                         "lower is easier). Reading ease: 0-100, higher is easier. Sentiment: VADER, from -1 "
                         "(negative) to +1 (positive), averaged over sentences. Every measure, and how it is "
                         "computed, is in the full report.", kind="note"),
                    _brief_table(ctx)]
    for chart in (_bar(ctx, "readability", "flesch_kincaid_grade", "Reading grade (Flesch-Kincaid)"),
                  _bar(ctx, "sentiment", "compound_mean", "Mean sentiment (VADER compound)")):
        if chart:
            blocks.append(chart)
    return Section("metrics", "Metrics", tuple(blocks))
