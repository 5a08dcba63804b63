"""Page furniture recognised from one line alone: navigation, credits, share buttons, footers.

``classify(line, top=...)`` returns a human reason ("navigation", "photo credit", ...) or None.
Rules match whole lines only, so a body sentence that merely contains such words is never touched.
Lines whose meaning depends on their neighbours (captions, "Related article" plus its headline,
titles, datelines, bylines) are handled in ``clean``.
"""
from __future__ import annotations

import re

from analysis import constants as C

# Exact lines (compared case-insensitively) and the reason they are furniture.
_EXACT = {
    "navigation": """skip to content|skip to main content|skip to navigation|jump to content|
        menu|main menu|open menu|close menu|toggle navigation|navigation|open navigation|
        search|home|back to top|go to top|scroll to top|sign in|log in|login|register|my account""",
    "share buttons": """share|share this|share this article|share this story|share on facebook|
        share on twitter|share on x|facebook|twitter|x|whatsapp|linkedin|email|e-mail|print|
        copy link|link copied|copy url|tweet|pinterest|reddit|telegram|flipboard|messenger""",
    "read more link": """read more|click here|continue reading|read the full story|
        read full article|read the full article|keep reading|show more|load more|see more|read now""",
    "comments link": """leave a comment|leave a reply|post a comment|add a comment|comment|
        comments|view comments|show comments|join the conversation|join the discussion|
        no comments yet|no comments yet.|be the first to comment""",
    "source link": "source link|source url|original article|original source|view original|"
                   "view original article",
    "advertisement": """advertisement|advert|sponsored|sponsored content|ad|
        story continues below advertisement|scroll to continue with content|
        article continues below""",
    "subscribe prompt": "subscribe|subscribe now|sign up|sign up now|newsletter",
    "photo credit": "photographer|location|photo|photos|file photo|image|close",
    "weather widget": "weather|forecast|today's weather|local weather",
    "media player": """play live radio|listen live|listen|play|pause|mute|unmute|next up|next up:|
        now playing|up next|available on air stations|listen to this article|audio|watch|watch live""",
}
EXACT = {line.strip(): reason for reason, lines in _EXACT.items()
         for line in lines.replace("\n", "").split("|")}

_SHARE_WORDS = frozenset(w for w, r in EXACT.items() if r == "share buttons" and " " not in w)

# (pattern, reason, most words a matching line may have: longer lines are article text)
_PATTERNS = tuple((re.compile(p, re.I), reason, words) for p, reason, words in (
    (r"^[a-z]+(?:_[a-z]+)+$", "navigation", 1),                    # icon names: arrow_upward
    (r"^\d+\s+comments?$", "comments link", 2),
    (r"^(?:read more|read next|also read|read also)\s*[:|–—-].*$", "read more link", 25),  # "Also Read | ..."
    (r"^(?:related|see also)\s*:.*$", "related link", 25),
    (r"^(?:tags|topics|filed under|categories|category)\s*:.*$", "tags", 30),
    (r"^(?:©|\(c\)|copyright)\s*(?:\d{4}|by\b).*$", "copyright", 20),
    (r"^(?:photo|photos|photograph|image|picture|credit|photo credit|image credit|"
     r"illustration)\s*:.+$", "photo credit", 12),
    (r"^(?:[\w.'’-]+ ){0,3}?[\w.'’-]*,?\s*(?:via )?getty images$", "photo credit", 6),  # "Win McNamee, Getty Images"
    (r"^.*\b(?:enable javascript|javascript is (?:disabled|required|not enabled)|"
     r"browser (?:does not|doesn't) support)\b.*$", "browser notice", 16),
    # Agency credits at the foot of a story: "(With AP inputs)", "With inputs from agencies".
    (r"^\(?\s*with (?:inputs from [\w\s,&]+|[\w\s,&/]+ inputs)\s*\.?\s*\)?\.?$", "agency tag", 10),
    (r"^\(?(?:additional )?(?:reporting|writing|editing|compiled)(?: and \w+)? by\b.*$", "credit line", 40),
    # Time stamps anywhere in the page: "Published: December 7, 2024 9:15am", "Updated 3:55pm".
    (r"^(?:published|updated|last updated|posted|modified)(?:\s+on)?\s*:?\s*(?:[a-z]+day,?\s+)?"
     r"(?:\d{1,4}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$", "timestamp", 14),
    # Weather widgets: "London 12°C Cloudy", "-3 °F".
    (r"^[^.!?]*-?\d{1,3}\s?°\s?[CF]?\b[^.!?]*$", "weather widget", 8),
    (r"^(?:https?://|www\.)\S+$", "link", 1),
    (r"^(?:follow us|sign up for|subscribe to|download (?:our|the) app)\b.*$", "subscribe prompt", 14),
    (r"^\d{1,3}\s*/\s*\d{1,3}$", "navigation", 3),                 # slide counters: "1 / 24"
    (r"^\d{1,2}:\d\d(?:\s+\d{1,2}:\d\d)*$", "media player", 4),   # a player's clock: "0:00 0:00"
    (r"^live (?:blog|updates|coverage)\s*:.*$", "related link", 12),  # "LIVE BLOG: Updates on ..."
    # A comment section's rules: "We invite you to use our commenting platform ... we reserve the
    # right to remove ... defamatory, obscene ..." (its loaded words are the page's, not the story's).
    (r"^(?:we|our|please|by commenting)\b.*\b(?:our|the|this) comment(?:ing|s)? (?:platform|section|system|"
     r"policy|policies|guidelines)\b.*$", "comments policy", 150),
))

# A caption that ends with the agency's photo credit: "... in Sesena, Spain, May 13, 2016.
# REUTERS/Sergio Perez", "... AP Photo/Jane Doe", "(REUTERS/Lucas Jackson/File Photo)".
CAPTION_CREDIT = re.compile(r"(?:^|[.!?”\"]\s+|\(\s*)(?:REUTERS|AFP|EPA|AP Photo|AP|XINHUA|ANADOLU|DPA|"
                            r"[A-Z][A-Z]+ via Getty Images)\s*/\s*[A-Z][\w .'’-]*(?:/[\w .'’-]+)*\)?\.?$")
# A caption whose credit follows a label at its end: "Opposition leader Bill Shorten. Pic: AAP
# Image/Mick Tsikas", "... federal elections. PHOTO: EPA", "... election. Credit: News Corp Australia,
# Cameron Richardson"; a "Camera Icon" glyph's name may open it.  The credit is names only (each
# word capitalised): "Credit: card fraud, they said." ends a sentence of the story.
CAPTION_LABEL_CREDIT = re.compile(r"(?:^|[.!?”\")]\s*)(?:Pic|Picture|Photo|Photograph|Image|Credit|Photo credit)"
                                  r"\s*:\s*(?-i:[A-Z][\w'’&.-]*(?:[ /,]+(?:[A-Z][\w'’&.-]*|via|for|and|of)){0,7})$",
                                  re.I)
CAMERA_ICON = re.compile(r"^Camera ?Icon(?=[A-Z])")
# "Reuters / Friday, May 13, 2016": a picture desk's credit and date.
AGENCY_DATE_CREDIT = re.compile(r"^(?:Reuters|AFP|AP|EPA)\s*/\s*\w+day,\s+\w+\s+\d{1,2},\s+\d{4}$")

_AGENCY = re.compile(r"(?:getty images|afp|ap|ap photo|reuters|epa|epa-efe|bloomberg|shutterstock|"
                     r"anadolu(?: agency)?|nurphoto|sipa(?: usa)?|pool|alamy|xinhua|tass|sputnik|"
                     r"dpa|picture alliance|zuma(?: press)?|abaca|redux|pa images|pa media|"
                     r"images|photo|photos|via getty images|.* via getty images)$", re.I)

# A wire photo's transmission code after its credit: "(AP Photo/Jane Doe, File) ORG XMIT: BX101".
PAREN_CREDIT = re.compile(r"\((?:(?:photo|image|picture|credit|photo credit)s?\s*(?:by|:)\s*[^()]{1,150}"
                          r"|(?:ap|afp|reuters|epa) photo(?:/[^()]*)?)\)(?:\s*ORG XMIT:\s*\S+)?$", re.I)
OUTLET_LINE = re.compile(r"^(?:source|outlet)\s*:\s*(?P<outlet>\S.*)$", re.I)

_LANGUAGE_NAMES = frozenset("""english français francais deutsch español espanol italiano português
portugues русский українська українська azərbaycan azərbaycanca azerbaijani türkçe turkce polski
nederlands العربية عربي 中文 简体中文 繁體中文 日本語 한국어 فارسی עברית ελληνικά română magyar čeština
svenska norsk dansk suomi ქართული հայերեն қазақша oʻzbek o'zbek ўзбек български srpski српски
hrvatski हिन्दी हिंदी اردو russian ukrainian french german spanish arabic chinese
turkish italian portuguese polish georgian armenian kazakh uzbek persian hebrew""".split())
_LANGUAGE_CODES = frozenset("""en ru ua az fr de es it pt ar zh tr pl nl ja ko fa he el ro hu cs sv
no da fi ka hy kk uz bg sr hr hi ur id""".split())
_SEPARATORS = re.compile(r"[\s|/·•,–—-]+")


def classify(line: str, *, top: bool = False) -> str | None:
    """Why ``line`` (stripped, non-blank) is furniture, or None if it may be article text."""
    key = line.lower()
    if key in EXACT:
        return EXACT[key]
    words = len(line.split())
    for pattern, reason, most in _PATTERNS:
        if words <= most and pattern.match(line):
            return reason
    if is_language_switcher(line, top=top):
        return "language switcher"
    if _all_share_words(key):
        return "share buttons"
    if is_pipe_credit(line) or is_slash_credit(line):
        return "photo credit"
    if _is_section_links(line):
        return "section links"
    if PAREN_CREDIT.search(line):
        return "photo caption and credit" if PAREN_CREDIT.sub("", line).strip() else "photo credit"
    if (CAPTION_LABEL_CREDIT.search(line) or CAMERA_ICON.match(line)) and words <= C.MAX_CAPTION_WORDS:
        return "photo caption and credit"
    if CAPTION_CREDIT.search(line) and words <= C.MAX_CAPTION_WORDS:
        return "photo caption and credit" if words > 3 else "photo credit"
    if AGENCY_DATE_CREDIT.match(line):
        return "photo credit"
    if AGENCY_LINE.match(line):
        return AGENCY_REASON
    return None


def is_photo_credit(line: str) -> bool:
    """A credit line that may sit under a caption ("Name | Agency | Getty Images", "(Photo by X)")."""
    return classify(line) == "photo credit"


def outlet_line(line: str) -> str | None:
    """The outlet named by a "Source: CNN" or "Outlet: CNN" line, or None."""
    match = OUTLET_LINE.match(line)
    if not match or len(line.split()) > C.MAX_META_LINE_WORDS // 2:
        return None
    outlet = match["outlet"].strip().rstrip(".")
    return outlet if any(c.isalpha() for c in outlet) else None


def is_pipe_credit(line: str) -> bool:
    if "||" in line or "|" not in line:
        return False
    fields = [f.strip() for f in line.split("|")]
    return (2 <= len(fields) <= 4 and all(0 < len(f.split()) <= 6 for f in fields)
            and bool(_AGENCY.match(fields[-1])))


def is_slash_credit(line: str) -> bool:
    """"BENOIT DURAND/Hans Lucas/AFP via Getty Images": names, slashes, an agency at the end."""
    if "/" not in line or len(line.split()) > 12:
        return False
    return bool(_AGENCY.match(line.rsplit("/", 1)[1].strip()))


def _is_section_links(line: str) -> bool:
    fields = [f.strip() for f in re.split(r"\|\|?|•|·|»|›", line)]
    if len(fields) < 3 and "||" not in line:
        return False
    return len(fields) >= 2 and all(
        0 < len(f.split()) <= 4 and f[-1] not in ".!?”\"" for f in fields)


def _all_share_words(key: str) -> bool:
    words = key.split()
    return len(words) >= 2 and all(w in _SHARE_WORDS for w in words)


def is_language_switcher(line: str, *, top: bool = False) -> bool:
    """"English", "EnglishAzərbaycanРусский", "EN | RU"; bare codes only at the top of the page."""
    # Switchers are a few words at most; the check below is quadratic, so skip prose early.
    if len(line) > 120 or line.count(" ") > 6 or line[-1] in ".!?:;\"”":
        return False
    parts = [part.casefold() for part in _SEPARATORS.split(line) if part]
    if top and parts and all(part in _LANGUAGE_CODES for part in parts):
        return True
    compact = "".join(parts)
    if not any(compact[:n] in _LANGUAGE_NAMES_COMPACT for n in _NAME_LENGTHS):
        return False
    return _splits_into_names(compact)


def _splits_into_names(compact: str) -> bool:
    # reachable[i]: compact[:i] is a run of language names (word-break dynamic programming,
    # trying only the lengths that names have).
    reachable = [True] + [False] * len(compact)
    for end in range(1, len(compact) + 1):
        reachable[end] = any(end >= n and reachable[end - n]
                             and compact[end - n:end] in _LANGUAGE_NAMES_COMPACT
                             for n in _NAME_LENGTHS)
    return reachable[-1]


_LANGUAGE_NAMES_COMPACT = frozenset(_SEPARATORS.sub("", n).casefold() for n in _LANGUAGE_NAMES)
_NAME_LENGTHS = sorted({len(n) for n in _LANGUAGE_NAMES_COMPACT})


# News agencies and the short names editors know them by (a general list, not one event's).
AGENCIES = {"ap": "AP", "associated press": "AP", "the associated press": "AP", "reuters": "Reuters",
            "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "tt": "TT",
            "dpa": "dpa", "ansa": "ANSA", "efe": "EFE", "pa": "PA", "pa media": "PA", "xinhua": "Xinhua",
            "kyodo": "Kyodo", "yonhap": "Yonhap", "upi": "UPI", "tass": "TASS", "interfax": "Interfax",
            "anp": "ANP", "ntb": "NTB", "ritzau": "Ritzau", "stt": "STT", "aap": "AAP",
            "bernama": "Bernama", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "apa": "APA",
            "belga": "Belga", "ctk": "ČTK", "pap": "PAP", "ukrinform": "Ukrinform", "cp": "CP",
            "the canadian press": "CP", "press association": "PA", "bloomberg": "Bloomberg"}
_AGENCY_ALTERNATION = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
AGENCY_TAG = re.compile(rf"\((?P<agency>{_AGENCY_ALTERNATION})\)", re.I)
AGENCY_LINE = re.compile(rf"^(?:[-–—/]\s*)?(?:\(?(?P<agency>{_AGENCY_ALTERNATION})\)?)(?:\s*/\s*\w+)?$", re.I)
AGENCY_REASON = "agency tag"


_AGENCY_WORD = re.compile(rf"(?<![\w-])(?P<agency>{_AGENCY_ALTERNATION})(?![\w-])", re.I)


def agency_of(text: str) -> str:
    """The agency a tag or credit line names ("(Reuters)", "TT", "– AP", "(With AP inputs)"), or ""."""
    match = AGENCY_TAG.search(text) or AGENCY_LINE.match(text.strip())
    if match is None and len(text.split()) <= 10 and re.search(r"(?i)\binputs?\b|\bcontributed\b", text):
        match = _AGENCY_WORD.search(text)
    return AGENCIES[match["agency"].casefold()] if match else ""


def agency_name(article) -> str:
    """The agency an article's removed tags or its dateline name, or "" (an ``Article``)."""
    for removed in article.removed:
        if removed.reason in (AGENCY_REASON, "dateline", "byline"):
            name = agency_of(removed.text)
            if name:
                return name
    return agency_of(article.text[:200]) if AGENCY_TAG.search(article.text[:200]) else ""
