"""The cleaner: which lines of a source are page furniture or metadata, and the body that remains.

Passes, in order (each sees what the earlier ones removed):

1. one-line furniture (``furniture.classify``) and "Source: CNN" lines (outlet metadata);
2. photo captions: a line directly above a photo credit that reads like a caption (it has a date
   or a "(L)"-style position marker and quotes nobody); anything else above a credit is kept;
3. "Related article" labels and the linked headline right after them;
4. the header: the first few lines give datelines, bylines and the title (the first short line that
   does not end like a sentence), until the first line that is none of these;
5. later copies of the title.

A dateline that opens the body ("WASHINGTON —", "NEW YORK (Reuters) -", "KYIV, Ukraine (AP) —") is
not removed (it is part of the lede's line) but found: ``lead_dateline`` gives its span, and the
loader keeps it out of the first sentence, so that it is metadata (``Article.dateline``), not fact
text.

Each removal is a ``Removed(text, reason, line)`` with ``line`` its 0-based number in the source, so
the user can restore it.  Only whole lines are removed; body lines are never edited (except that
markdown markup is rendered away in ``.md`` files), but a paragraph hard-wrapped inside its
sentences (pasted from a PDF or an e-mail) is joined into one line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis import constants as C
from analysis.ingest import furniture, markdown
from analysis.ingest.metadata import DATE_LABEL, find_date, iso_date, split_title_suffix
from analysis.model import Removed

_QUOTES = "“”\"«»„"
_POSITION = re.compile(r"\((?:l|r|c|left|right|center|centre|front|back|top|bottom|"
                       r"\d(?:st|nd|rd|th) (?:l|r|left|right))\)", re.I)
_RELATED = re.compile(r"^(?:related(?:\s+(?:article|articles|content|stories|story|live[- ]story|"
                      r"coverage|video|videos|reading|links?))?|see also|more on this(?: story)?|"
                      r"more coverage|recommended(?: for you)?|you may also like|most read|"
                      r"editor'?s picks|read next|trending(?: now)?)\s*:?$", re.I)
_FINAL_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}$")
_BYLINE = re.compile(r"^[Bb]y\s+(?P<author>[A-Z][^.!?]*)$")
# "Special for USA TODAY", "Special to The Washington Post": the second line of a contributor's byline.
_SPECIAL_TO = re.compile(r"^(?:special|exclusive)\s+(?:to|for)\s+(?:the\s+)?[A-Z][\w .&'’-]*$", re.I)
_NAME_PARTICLES = frozenset("and de van von der al bin da di du la le".split())
_TEAM = re.compile(r"^(?:[A-Z][\w'-]*\s+){0,2}(?:team|desk|staff|newsroom|editorial board|editors|"
                   r"bureau)$", re.I)
_DATELINE_NOISE = re.compile(
    r"\b(?:published|updated|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|"
    r"e[sd]t|ct|pt|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?|[|,.:;•·()\-–—\s]", re.I)


# Where the story was filed, before a dash: a place in capitals ("WASHINGTON", "NEW YORK",
# "KYIV, Ukraine"), an agency in brackets, or both; or a place in capitals and a colon ("NEW DELHI:",
# "CEBU, Philippines:").
_PLACE = r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z0-9][\w.'’-]*){0,3}"
_AGENCY = r"\([^()\n]{1,30}\)"
_DASH = r"(?:\s*[–—]+\s*|\s*-+\s+)"      # a hyphen needs a space after it: "U.S.-China" is no dateline
_LEAD_DATELINE = re.compile(
    rf"^(?:{_PLACE}\s*(?:{_AGENCY})?{_DASH}|(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z0-9][\w.'’-]*){{0,3}}\s*)?{_AGENCY}"
    rf"{_DASH}|{_PLACE}\s*:\s+)(?=\S)")


def lead_dateline(text: str) -> int:
    """The length of the dateline that opens ``text`` (its dash and the space after included), or 0.
    A place in capitals must be a word of two letters or more, not a sentence's first capital word
    ("A man ..."): the capitals are checked on the place itself.  A date label ("date 2023-11-23 ")
    is a dateline too."""
    label = DATE_LABEL.match(text)
    if label:     # "date 2024-02-19 LONDON (Reuters) - ": the label, then the dateline after it
        return label.end() + lead_dateline(text[label.end():])
    match = _LEAD_DATELINE.match(text)
    if not match:
        return 0
    head = match.group().split("(")[0].rstrip(" -–—:\t")
    place = head.split(",")[0].strip()
    if "(" not in match.group() and not (len(place.replace(".", "")) >= 2 and place.upper() == place):
        return 0
    return match.end()


@dataclass
class Cleaned:
    """The body text that remains, the removed lines, and metadata the text itself gave."""
    text: str
    removed: tuple[Removed, ...]
    found: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (value, origin)


def clean(source_text: str, *, known_title: str | None = None, is_markdown: bool = False) -> Cleaned:
    """Remove furniture and metadata lines from ``source_text`` (already normalised).

    ``known_title`` (from HTML metadata) replaces title detection: lines equal to it are removed.
    """
    raw = source_text.split("\n")
    lines = [markdown.render(line) for line in raw] if is_markdown else raw
    state = _State(lines, {}, {}, known_title)
    if is_markdown:
        _mark_markup(raw, state)
    _mark_furniture(state)
    _mark_captions(state)
    _mark_related(state)
    _mark_header(state, detect_title=not known_title)
    _mark_title_copies(state)
    _mark_subheadings(state)
    _find_date_label(state)
    return Cleaned(_body(lines, state.reasons), _removed(raw, state.reasons), state.found)


@dataclass
class _State:
    lines: list[str]
    reasons: dict[int, str]                     # line number -> why it was removed
    found: dict[str, tuple[str, str]]
    known_title: str | None = None              # from HTML metadata: matched, not detected

    @property
    def title(self) -> str | None:
        found = self.found.get("title")
        return self.known_title or (found[0] if found else None)

    def kept(self, start: int = 0):
        """Numbers of non-blank lines not yet removed, from ``start`` on."""
        return (i for i in range(start, len(self.lines)) if self.lines[i] and i not in self.reasons)

    def next_kept(self, start: int) -> int | None:
        return next(self.kept(start), None)

    def previous_kept(self, end: int) -> int | None:
        return next((i for i in range(end - 1, -1, -1) if self.lines[i] and i not in self.reasons),
                    None)


def _mark_markup(raw: list[str], state: _State) -> None:
    for i, line in enumerate(raw):
        reason = markdown.markup_only(line)
        if reason:
            state.reasons[i] = reason


def _mark_furniture(state: _State) -> None:
    top = set(list(state.kept())[:C.HEADER_LINES])
    for i in list(state.kept()):
        line = state.lines[i]
        outlet = furniture.outlet_line(line)
        if outlet:
            state.reasons[i] = "outlet line"
            state.found.setdefault("outlet", (outlet, '"Source:" line'))
            continue
        reason = furniture.classify(line, top=i in top)
        day = iso_date(line) if reason == "timestamp" and _is_dateline(line) else None
        if day:
            reason = "dateline"     # "Updated 6:05 AM EST, Mon February 17, 2025": the page's date
            state.found.setdefault("date", (day, "dateline"))
        if reason:
            state.reasons[i] = reason


def _find_date_label(state: _State) -> None:
    """The date of a label that opens the body ("date 2023-11-23 The board ..."): the line stays
    (``lead_dateline`` keeps the label out of the first sentence); a label alone on its line goes."""
    first = state.next_kept(0)
    label = None if first is None else DATE_LABEL.match(state.lines[first])
    if first is None or label is None:
        return
    if not state.lines[first][label.end():].strip():
        state.reasons[first] = "dateline"
    day = iso_date(label["iso"]) or _month_label_day(label["iso"], state.lines[first][label.end():])
    if day:
        state.found.setdefault("date", (day, "date label"))


# The day that completes a label giving only the month ("date 2024-02 Feb 19 (Reuters) - ...").
_LABEL_DAY = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})\b")


def _month_label_day(iso: str, rest: str) -> str | None:
    """``YYYY-MM-DD`` from a month-only label and the "Feb 19" that opens the text after it, when
    the two give the same month."""
    day = _LABEL_DAY.match(rest.lstrip())
    if len(iso) != 7 or not day:
        return None
    found = iso_date(f"{day['month']} {day['day']}, {iso[:4]}")
    return found if found and found[:7] == iso else None


def _mark_captions(state: _State) -> None:
    credits = [i for i, r in state.reasons.items() if r == "photo credit"]
    for i in sorted(credits):
        above = state.previous_kept(i)
        if above is not None and _is_caption(state.lines[above]):
            state.reasons[above] = "photo caption"
    # A page that prints the caption twice, the second time with its credit ("X holds a press
    # conference." then "Camera IconX holds a press conference. Credit: News Corp"): the first goes too.
    for i in sorted(i for i, r in state.reasons.items() if r == "photo caption and credit"):
        above = state.previous_kept(i)
        if above is not None and len(state.lines[above]) > 20 and \
                furniture.CAMERA_ICON.sub("", state.lines[i]).startswith(state.lines[above].strip()):
            state.reasons[above] = "photo caption"


def _is_caption(line: str) -> bool:
    # Body paragraphs quote people; captions describe a picture and date it or place people in it.
    return (len(line.split()) <= C.MAX_CAPTION_WORDS and not any(q in line for q in _QUOTES)
            and bool(find_date(line) or _POSITION.search(line)))


def _mark_related(state: _State) -> None:
    for i in list(state.kept()):
        if i in state.reasons or not _RELATED.match(state.lines[i]):
            continue
        state.reasons[i] = "related link"
        after = state.next_kept(i + 1)
        if after is not None and _is_headline(state.lines[after], C.MAX_RELATED_HEADLINE_WORDS):
            state.reasons[after] = "related link"


def _is_headline(line: str, most_words: int) -> bool:
    """Short and not ended like a sentence (a final "U.S." is an abbreviation, not a full stop)."""
    end = line.rstrip(_QUOTES + "’'")
    if not 0 < len(line.split()) <= most_words or not end:
        return False
    return end[-1] not in ".,;:" or bool(_FINAL_ABBREVIATION.search(end))


def _mark_header(state: _State, *, detect_title: bool) -> None:
    header = list(state.kept())[:C.HEADER_LINES]
    for i in header:
        line = state.lines[i]
        if _mark_meta_line(state, i, line) or _same_title(line, state.title):
            continue  # copies of the title are marked afterwards, with the rest of them
        if not (detect_title and state.title is None and _mark_title(state, i, line)):
            return  # the body has started


def _mark_meta_line(state: _State, i: int, line: str) -> bool:
    words = len(line.split())
    if words > C.MAX_META_LINE_WORDS:
        return False
    if _is_dateline(line):
        state.reasons[i] = "dateline"
        _found_date(state, line, "dateline")
        return True
    byline = _BYLINE.match(line)
    author = _byline_author(byline["author"]) if byline else None
    after = state.next_kept(i + 1)
    if author is None and words <= 4 and after is not None and _SPECIAL_TO.match(state.lines[after]):
        author = _byline_author(line)    # "G. Jeffrey MacDonald" above "Special for USA TODAY"
    if _SPECIAL_TO.match(line) and words <= 6:
        state.reasons[i] = "byline"
        return True
    if author or (words <= 4 and _TEAM.match(line)):
        state.reasons[i] = "byline"
        state.found.setdefault("author", (author or line, "byline"))
        if byline:
            _found_date(state, line, "byline")
        return True
    return False


def _found_date(state: _State, line: str, origin: str) -> None:
    # Only a real day is kept: a line without one must not take the place a later date needs.
    day = iso_date(line)
    if day:
        state.found.setdefault("date", (day, origin))


def _byline_author(text: str) -> str | None:
    """"Jane Doe and John Roe, CNN" -> "Jane Doe and John Roe"; None unless it reads as names
    (so that "By Monday, leaders had agreed" is not a byline)."""
    author = re.split(r"\s*[|,;]\s*", text)[0]
    words = author.split()
    if not 0 < len(words) <= 6:
        return None
    return author if all(w[0].isupper() or w in _NAME_PARTICLES for w in words) else None


def _is_dateline(line: str) -> bool:
    match = find_date(line)
    if not match:
        return False
    rest = line[:match.start()] + " " + line[match.end():]
    return not any(ch.isalnum() for ch in _DATELINE_NOISE.sub("", rest))


def _mark_title(state: _State, i: int, line: str) -> bool:
    words = len(line.split())
    if not (C.MIN_TITLE_WORDS <= words <= C.MAX_TITLE_WORDS and _is_headline(line, words)):
        return False
    if state.next_kept(i + 1) is None:
        return False  # a lone line is the article, not its title
    following = state.lines[i + 1] if i + 1 < len(state.lines) else ""
    if following[:1].islower():
        return False  # the sentence goes on in the next line: a hard-wrapped paragraph
    title, outlet = split_title_suffix(line)
    state.reasons[i] = "title"
    state.found["title"] = (title, "first line")
    if outlet:
        state.found.setdefault("outlet", (outlet, "title suffix"))
    return True


def _title_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _same_title(line: str, title: str | None) -> bool:
    if not title:
        return False
    key, wanted = _title_key(line), _title_key(title)
    return key == wanted or _title_key(split_title_suffix(line)[0]) == wanted


def _mark_title_copies(state: _State) -> None:
    title = state.title
    if not title:
        return
    first = state.known_title is not None  # HTML: the first copy in the body is the headline itself
    longest = len(title) + 80              # characters: a title plus an outlet suffix, generously
    for i in list(state.kept()):
        if len(state.lines[i]) <= longest and _same_title(state.lines[i], title):
            state.reasons[i] = "title" if first else "repeated title"
            first = False


def _mark_subheadings(state: _State) -> None:
    """A short line between two paragraphs of the body, not ended like a sentence ("How we were
    removed", "Who is Mira Murati?", "CASA identifies one of the victims"): the outlet's signpost,
    which the aligner took for a claim ("Altman's Resignation: A Mysterious Post on X" became a
    fact that three outlets were said to leave out).  The paragraph above must end a sentence (else
    the line may be the end of a hard-wrapped one) and the one below, if any, must start one: a
    saved page's opening often stops right after a signpost ("Panic in the museum")."""
    titles = {i for i, r in state.reasons.items() if r == "title"}
    for i in list(state.kept()):
        line = state.lines[i].strip()
        above, below = state.previous_kept(i), state.next_kept(i + 1)
        if above is None or i in state.reasons:
            continue
        if not _is_headline(line, C.MAX_SUBHEADING_WORDS):
            continue
        bare = re.sub(r"(?<=\w)['’](?=\w)|(?<=s)['’]", "", line)       # apostrophes: "Mayor's", "Ruiz'"
        if any(q in bare for q in _QUOTES + "‘’'") or _ITEM.match(line):
            continue        # a quoted fragment or a list item, not a signpost
        if not (line[:1].isupper() or line[:1].isdigit()) or \
                (below is not None and not state.lines[below].lstrip()[:1].isupper()):
            continue
        if below is None and _CUT_END.search(line):
            continue        # the page stopped mid-sentence ("The museum said it"), not at a signpost
        if _SENTENCE_END.search(state.lines[above].rstrip()) and above not in titles:
            state.reasons[i] = "subheading"


def _body(lines: list[str], reasons: dict[int, str]) -> str:
    kept = [line for i, line in enumerate(lines) if i not in reasons]
    # Removing a line between blank lines leaves a run of blanks: one blank line is a paragraph break.
    return re.sub(r"\n{3,}", "\n\n", _unwrapped(kept)).strip("\n")


# Words a phrase does not end on: a last line ending so was cut mid-sentence.
_CUT_END = re.compile(r"\b(?:a|an|the|it|to|of|in|on|at|for|and|or|but|that|which|who|with|by|from|as|"
                      r"said|says|is|was|are|were|has|had|have|will|would)$", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;]['’\"”»)\]]*$")
_ITEM = re.compile(r"^\s*(?:[-–—•*▪·]|\d{1,2}[.)])\s")


def _unwrapped(kept: list[str]) -> str:
    """The kept lines joined: a paragraph hard-wrapped inside its sentences (pasted from a PDF or an
    e-mail) becomes one line; other lines stay lines (one line is one paragraph)."""
    out: list[str] = []
    block: list[str] = []
    for line in kept + [""]:
        if line.strip():
            block.append(line)
            continue
        out.append(" ".join(_rejoined(block)) if _hard_wrapped(block) else "\n".join(block))
        out.append(line)
        block = []
    return "\n".join(out[:-1])


def _hard_wrapped(block: list[str]) -> bool:
    """Lines of one paragraph broken at a width, not at sentences: most lines (but the last) end
    inside a sentence, none is longer than a wrapped line, and no line is a list item."""
    if len(block) < 2 or any(len(line) > C.HARD_WRAP_MAX_LINE_CHARS or _ITEM.match(line) for line in block):
        return False
    inside = sum(1 for line in block[:-1] if not _SENTENCE_END.search(line.rstrip()))
    return inside >= C.HARD_WRAP_MIN_SHARE * (len(block) - 1) and bool(_SENTENCE_END.search(" ".join(block)))


def _rejoined(block: list[str]) -> list[str]:
    """The block's lines, a word broken after a hyphen joined without a space (the hyphen stays:
    "well-" + "known" is a compound more often than not)."""
    out: list[str] = []
    for line in (x.strip() for x in block):
        if out and re.search(r"[a-z]-$", out[-1]) and line[:1].islower():
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _removed(raw: list[str], reasons: dict[int, str]) -> tuple[Removed, ...]:
    return tuple(Removed(raw[i], reasons[i], i) for i in sorted(reasons))
