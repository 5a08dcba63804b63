"""What a word-choice word describes: a person's state, a thing, or a literal device, not a judgement.

A word of the word-choice lexicons is the outlet's framing when it judges an actor or an act ("a
brazen heist", "the junta", "slammed").  The same words often describe instead:

* **a person's experienced state**: an emotive or manner word that says how someone feels or
  behaves in the story: told of a private person after a verb of being or "in" (past a coordinated
  word: "looked pale and shaken"; "running onto streets in panic"), owned by one ("the family's
  anger", "their grief"), as what one went through ("the humiliation of being led away"), or as a
  demeanour adverb (``felt``: "he sat in shock", "they were fearful", "he ... quietly trying");
  attributive to a person or with its complement (``state``: "anxious parents", "panicked visitors", "fearful of
  aftershocks", "fears of instability");
* **a source's account** (``account``): the noun a verb of telling gives to what a source tells
  just before it is quoted ("a witness described the chaos: “...”");
* **a thing** (``object``): an adjective right before a noun of the ``object_nouns`` lexicon
  (buildings, places of worship, sites, artefacts: "a historic Catholic church");
* **a literal sense** (``literal``): a phrase of the ``literal_phrases`` lexicon ("triggered an
  alarm", "fire alarm", "shock absorber");
* **a name** (``in_name``): a capitalised word inside a run of capitalised words mid-sentence ("the
  Shock Trauma Center", "Operation Fury"), not in a headline written in title case;
* **a motion** (``motion_not_speech``): a verb of speech told of motion or sound ("blasted off",
  "came roaring back", "roared in applause", "its engines roaring");
* **a reception** (``spoken_of``): a verb of speech in the passive ("was warmly applauded by his
  camp", "comments that have been widely condemned"): it tells what others did to its subject, who
  gives no words, so no source's words are coloured by the verb;
* **a threat's word** (``foreseen``): a word qualifying what a warning, a threat braced for or a
  counterfactual is about ("bracing for catastrophic flooding", "what could have been a catastrophic
  storm surge", "warned that the party risked a backlash"): what was feared is the forecasters'
  category, not the outlet's account of what happened (the outlet's own forecast or risk, "set to win
  a massive majority", "the move risks emboldening …", stays its choice);
* **a term of art** (``names_a_term``): "so-called" before a plain lower-case term with no
  quotation marks names what a thing is called ("so-called trigger laws", "the so-called marriage
  penalty"); before a quoted or coined term ("a so-called “apology tour”", "the so-called DREAMers")
  it keeps its distance and stays a word choice;
* **a named problem** (``names_a_problem``): a dramatising noun after a noun that says which one
  ("Maine's heroin crisis", "the refugee crisis", "the expenses scandal"): the usual name of a standing
  problem; after an adjective ("a political crisis") the word still grades it;
* **a verb** (``participle_as_verb``): an -ing intensifying adjective used as the verb it comes from
  ("striking down the law", "Striking 70 miles south", "a twister striking St. Lucie County").

Literal uses, names, verbs, things and accounts are no word choice at all (``uses.NO_CHOICE``); states are
kept at a low score (FRAMING_DESCRIPTIVE_FACTOR): how an outlet tells what people feel is still its
choice (experts mark "caucus members frustrated over ..."), but an editor checks judgements of actors
and acts first.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.constants import OPEN_CLAIM_WINDOW_WORDS
from analysis.lexicons import load_lexicon
from analysis.signals.nouns import group_words, noun_of

_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_CLAUSE_END = re.compile(r"[.;!?\n]")
# Labels whose words can name a feeling or a demeanour (loaded: emotive; evaluative: manner).
STATE_LABELS = frozenset({"emotive", "manner"})
_LINKING = frozenset("""
is are was were be been being am feel feels felt feeling seem seems seemed look looks looked appear
appears appeared stay stays stayed remain remains remained grow grows grew become becomes became sat sit
sits stood stand stands left lay lie lies
""".split())
_COMPLEMENT = frozenset("of about for over at that".split())
_PERSONAL = frozenset("he she they we i you his her their our my".split())
_POSSESSIVE = frozenset("his her their our my".split())
# People a story describes, beside the person nouns: plurals and collective words for bystanders.
_PEOPLE = frozenset("""
people residents visitors tourists onlookers shoppers passengers families family children child kids
parents relatives neighbours neighbors villagers locals crowd crowds survivors victims workers staff
students pupils fans spectators commuters
""".split())
# Adverbs of a person's bearing or feeling ("quietly", "tearfully"); "secretly", "falsely" judge an act.
_DEMEANOUR = frozenset("""
quietly calmly silently softly gently tearfully nervously anxiously patiently solemnly wearily sadly
happily angrily bitterly cheerfully grimly stoically numbly helplessly desperately frantically
""".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our".split())
_TELLING = frozenset("describe described describes describing recall recalled recalls recounted recount "
                     "recounting remember remembered".split())


def is_person_word(word: str) -> bool:
    low = word.lower()
    return low in _PEOPLE or low in group_words() or bool(noun_of(low)) or \
        (low.endswith("s") and bool(noun_of(low[:-1])))


def literal(text: str, start: int, end: int) -> bool:
    """The word sits in a phrase of the ``literal_phrases`` lexicon: its literal sense."""
    lo, hi = max(0, start - 30), min(len(text), end + 30)
    return any(lo + s < end and start < lo + e for s, e, _, _ in load_lexicon("literal_phrases").find(text[lo:hi]))


_OPENERS = "\"“‘'(—–-:"
# A line with at least this share of its words capitalised is written in title case (a headline):
# capitals there mark no name.
_TITLE_CASE_MIN_SHARE = 0.6
# Words under this many letters are left out of the title-case share ("of", "in", "the"); under this
# many words left, the share tells nothing.
_TITLE_CASE_MIN_LETTERS = 4
_TITLE_CASE_MIN_WORDS = 2
_CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december
""".split())


def in_name(text: str, start: int, end: int) -> bool:
    """The term at [start, end) is part of a proper name: it is capitalised, and next to it stands
    another capitalised word ("the Shock Trauma Center", "Operation Fury").  A sentence's first word
    is capitalised anyway ("Controversial Maine Gov. Paul LePage", "Angry Trump voters"), and so is
    every word of a line in title case (a headline): neither is read as a name."""
    if not text[start:start + 1].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = line_end if line_end >= 0 else len(text)
    if _title_case(text, line_start, line_end, start):
        return False
    after = _WORD.findall(text[end:end + 60])
    capital_after = [w[0].isupper() for w in after[:1]] if text[end:end + 1] == " " else []
    before = text[max(line_start, start - 40):start]
    opens = not before.strip() or before.rstrip()[-1] in ".!?" + _OPENERS
    if opens:
        # every first word is capitalised: "Controversial Maine Gov. Paul LePage" judges the man
        return False
    prev = _WORD.findall(before)
    capital_before = bool(prev) and before.endswith(" ") and before[:-1].endswith(prev[-1]) \
        and prev[-1][0].isupper() and prev[-1].lower() not in _DETERMINERS
    return capital_before or capital_after[:1] == [True]


def _title_case(text: str, line_start: int, line_end: int, pos: int) -> bool:
    """The line is written in title case: its words after the first, outside the run of capitalised
    words around ``pos`` (the name itself), are mostly capitalised, or there are none."""
    words = list(_WORD.finditer(text, line_start, line_end))
    k = next((i for i, m in enumerate(words) if m.start() <= pos < m.end()), None)
    if k is None:
        return False
    lo = hi = k
    joined = lambda i, j: text[words[i].end():words[j].start()] == " "
    while lo > 0 and words[lo - 1].group(0)[0].isupper() and joined(lo - 1, lo):
        lo -= 1
    while hi + 1 < len(words) and words[hi + 1].group(0)[0].isupper() and joined(hi, hi + 1):
        hi += 1
    # the line's first word, weekdays and months are capitalised in any case
    rest = [m.group(0) for i, m in enumerate(words)
            if i > 0 and not lo <= i <= hi and len(m.group(0)) >= _TITLE_CASE_MIN_LETTERS
            and m.group(0).lower() not in _CALENDAR]
    if len(rest) < _TITLE_CASE_MIN_WORDS:        # a line all capitalised, or too short to tell
        return lo == 0 and hi == len(words) - 1
    return sum(w[0].isupper() for w in rest) >= _TITLE_CASE_MIN_SHARE * len(rest)


# Words that follow an -ing form used as a verb (its object, particle or adverb: "striking down the
# right", "Striking approximately 70 miles south", "crushing the rebels"), never the noun that an
# -ing adjective grades ("a striking contrast", "a staggering 40 per cent").
_AFTER_VERB = frozenset("""a an the this that these those his her its their our my your him them us me it
    down up out off back over at in on into onto through across along from to with for by toward towards
    approximately about nearly almost roughly around some""".split())


def participle_as_verb(text: str, end: int, term: str, label: str) -> bool:
    """An intensifying adjective of the -ing kind used as the verb it comes from: the next word is
    the verb's object, particle or a preposition, not a noun it could grade."""
    if label != "adjective" or not term.endswith("ing") or " " in term or text[end:end + 1] != " ":
        return False
    after = _next_words(text, end, 1)
    if not after:
        return False
    # "one deadly twister striking St. Lucie County": a name as its object, after a noun, not a
    # determiner ("a striking Picasso")
    before = _words_before(text, end - len(term))
    named_object = after[0][:1].isupper() and bool(before) and before[0].lower() not in _DETERMINERS \
        and not before[0].lower().endswith("ly")
    return after[0].lower() in _AFTER_VERB or named_object


# After a verb of speech, words that make it a motion: a particle or path ("blasted off", "roaring
# back into the tie", "raced past"), or a crowd's sound ("roared in applause").
_MOTION_AFTER = frozenset("off into onto through past across away along around toward towards forward "
                          "overhead upward skyward".split())
_BACK_TO = frozenset("into to from onto".split())
_CROWD_SOUNDS = frozenset("applause laughter cheers cheering delight approval unison".split())
# Verbs of motion before an -ing form: "came roaring back" is how they came, not what they said.
_MOTION_VERBS = frozenset("came come comes coming went go goes going sent ran raced".split())


# Words before a verb's base form ("to stoke", "could spark").
_BASE_VERB_MARKERS = frozenset("to will would can could may might must should shall".split())


def names_a_problem(text: str, start: int, end: int) -> bool:
    """A one-word noun of the word-choice lexicons, no adjective nor verb, right after a lower-case
    noun that is no adjective (a noun compound: "heroin crisis", "drug crisis", "refugee crisis"): the
    name of the problem; "seats plummet" is a subject and its verb."""
    from lemminflect import getAllLemmas  # MIT; offline tables
    word = text[start:end].lower()
    # a word that can be a verb may be the verb of that noun ("seats plummet"), not its head
    if " " in word or not getAllLemmas(word, "NOUN") or getAllLemmas(word, "ADJ") or getAllLemmas(word, "VERB"):
        return False
    before = _words_before(text, start)
    if not before or not before[0][:1].islower():
        return False
    low = before[0].lower()
    # "to stoke anxiety", "will spark chaos": a verb's base form after "to" or a modal, no modifier
    after_verb_marker = len(before) > 1 and before[1].lower() in _BASE_VERB_MARKERS
    return bool(getAllLemmas(low, "NOUN")) and not getAllLemmas(low, "ADJ") and not after_verb_marker \
        and low not in load_lexicon("stopwords").entries and not low.endswith("ly")


# Words that introduce the name a thing goes by.
_NAMING = frozenset({"so-called", "so called"})


def names_a_term(text: str, start: int, end: int) -> bool:
    """"so-called" right before a lower-case word, no quotation mark between ("so-called trigger
    laws"): it names a term of art; a quoted or capitalised term after it is one the outlet keeps
    at a distance."""
    if text[start:end].lower() not in _NAMING:
        return False
    m = re.match(r"\s+(\S)", text[end:end + 3])
    return m is not None and m.group(1).islower()


# Labels of the ``open_claims`` lexicon whose words tell a threat others warned of, braced for or
# escaped; the outlet's own forecast or risk ("was set to win a massive majority", "the move risks
# emboldening autocratic regimes") is its claim, and its words stay its choice.
_FORESEEING = frozenset({"warning", "feared"})


def foreseen(text: str, start: int) -> bool:
    """The word at ``start`` qualifies what a warning, a threat braced for or a counterfactual is
    about: a term of those kinds (``open_claims``) stands in its sentence within OPEN_CLAIM_WINDOW_WORDS
    words before it ("bracing for catastrophic flooding", "what could have been a catastrophic surge")."""
    words = _words_before(text, start)[:OPEN_CLAIM_WINDOW_WORDS]
    if not words:
        return False
    return any(label in _FORESEEING for _, _, _, label in load_lexicon("open_claims").find(" ".join(reversed(words))))


# Forms of "be" (and "get") before a participle that make it a passive: "was applauded", "had been
# lauded", "got booed".
_PASSIVE_BE = frozenset("is are was were be been being am get gets got gotten".split())


def spoken_of(text: str, start: int, end: int) -> bool:
    """A verb of speech in the passive, past -ly adverbs ("who was warmly applauded by his camp", "have
    been widely condemned", "was panned for his performance"): the subject is the one applauded or
    condemned; the verb reports a reception, and no one's words follow for it to colour."""
    if text[start:end].split()[0].lower().endswith("ing"):
        return False            # "is crying foul": the progressive, the subject speaks
    before = [w.lower() for w in _words_before(text, start)]
    i = 0
    while i < len(before) and before[i].endswith("ly") and len(before[i]) > 4:
        i += 1
    return i < len(before) and before[i] in _PASSIVE_BE


def motion_not_speech(text: str, start: int, end: int) -> bool:
    """An evaluative verb of speech told of motion or sound, not of words: a particle or path after
    it ("the tower it had blasted off from", "came roaring back into the tie"), a crowd's sound
    ("engineers roared in applause"), a verb of motion before it ("came roaring"), or a thing as its
    subject right before an -ing form ("with its engines roaring")."""
    after = [w.lower() for w in _next_words(text, end, 3)]
    if after and (after[0] in _MOTION_AFTER or (after[0] == "back" and after[1:2] and after[1] in _BACK_TO)
                  or (after[0] in ("in", "with") and after[1:2] and after[1] in _CROWD_SOUNDS)):
        return True
    before = [w.lower() for w in _words_before(text, start)]
    if before and before[0] in _MOTION_VERBS:
        return True
    return text[start:end].lower().endswith("ing") and len(before) > 1 and before[1] in _DETERMINERS \
        and before[0].endswith("s") and not is_person_word(before[0])


def describes(text: str, start: int, end: int, label: str) -> str:
    """"felt", "state", "object", "account" or "" (a judgement) for the word-choice word at [start, end)."""
    if _before_object(text, end) or (label in _MOTION_LABELS and _moves_to_a_thing(text, start, end)) \
            or (label in _METAPHOR_LABELS and _acts_on_a_thing(text, start, end)):
        return "object"
    if _tells_account(text, end, _words_before(text, start)):
        return "account"                                # "described the chaos: “...”"
    if label in STATE_LABELS or (label == "dramatic" and _participle_of_feeling(text[start:end])):
        return _state(text, start, end)
    return ""


def _participle_of_feeling(word: str) -> bool:
    """A dramatising participle that can tell how a person is left ("shaken", "devastated"): of a
    person after a verb of being it is their state, of a town it still dramatises (the subject
    decides, in ``_state``)."""
    low = word.lower()
    return " " not in low and low.endswith(("ed", "en"))


def _next_words(text: str, end: int, n: int) -> list[str]:
    stop = _CLAUSE_END.search(text, end)
    return _WORD.findall(text, end, stop.start() if stop else len(text))[:n]


def _words_before(text: str, start: int) -> list[str]:
    """The words of the sentence before ``start``, nearest first (commas do not end it)."""
    lo = max(0, start - 160)
    stop = max((m.end() for m in _CLAUSE_END.finditer(text, lo, start)), default=lo)
    return list(reversed(_WORD.findall(text, stop, start)))


def _before_object(text: str, end: int) -> bool:
    """An adjective right before a thing's noun, past capitalised words ("historic Catholic church")
    and one more lower-case modifier ("a historic stone church"), the noun not itself a modifier of
    an act ("a historic booster catch").  A word followed by a determiner is no adjective of that
    noun but a verb of it ("denounced the harbour levy"); an -ly adverb grades the word after it."""
    if text[end:end + 1] != " " or text[end - 2:end] == "ly":
        return False    # an adverb grades the adjective after it: "dangerously cold waters" is the outlet's
    objects = load_lexicon("object_nouns").entries
    lower = 0
    after = _next_words(text, end, 5)
    for k, w in enumerate(after[:4]):
        low = w.lower()
        if k == 0 and low in _DETERMINERS:
            return False
        if low in objects:
            # "a historic booster catch": the thing names the act that is the noun's head
            return k + 1 >= len(after) or not _compound_head(after[k + 1])
        if w[:1].isupper():
            continue
        lower += 1
        if lower > 1:
            return False
    return False


@lru_cache(maxsize=4096)
def _compound_head(word: str) -> bool:
    """A lower-case noun that heads a compound after a thing's noun ("booster catch", "rocket
    launch"): a noun, and if also a verb then in its base form (a finite verb after a singular
    noun has a form of its own: "the booster fell")."""
    from lemminflect import getAllLemmas
    low = word.lower()
    if word[:1].isupper() or low in _FUNCTION_WORDS or not getAllLemmas(low, "NOUN"):
        return False
    verbs = getAllLemmas(low, "VERB")
    return not verbs or set(verbs["VERB"]) == {low}


_FUNCTION_WORDS = frozenset("""
of in on at to from with by for and or but as that which who is are was were be been has have had will
would can could may might must should near into onto over under after before during
""".split())


# Prepositions of a physical path's end after a verb of motion ("plunged onto the highway"); "from"
# gives a cause as often ("reeling from a storm") and is not among them.
_PATH = frozenset("onto into off down over through across toward towards under".split())
# Words a verb of motion takes for its object before the path ("plunging a crew and several vehicles
# into the cold waters"): at most this many.
_MOTION_OBJECT_MAX_WORDS = 6
# Labels of word-choice verbs that can tell a motion ("plunged", "slammed into"; "rushed out of").
_MOTION_LABELS = frozenset({"dramatic", "pejorative"})
_OUT_OF = ("out", "of")
# Words that open a verb's object (a determiner or a number), and the paths that may follow it.
_OBJECT_OPENERS = frozenset("a an the this that these those his her its their our several some many dozens "
                            "two three four five six seven eight nine ten".split())
_OBJECT_PATH = frozenset("into onto off down through across toward towards".split())


def _attributive(text: str, start: int) -> bool:
    """The word follows a determiner: an adjective before its noun ("a grinding battle")."""
    before = _words_before(text, start)
    return bool(before) and before[0].lower() in _DETERMINERS


# Labels of metaphors whose verbs are literal when a concrete thing is their object ("brandishing a
# handgun", "fired a rocket"): theatre and violence.
_METAPHOR_LABELS = frozenset({"theatre", "violent"})
_THING_MODIFIERS_MAX = 2    # words between the determiner and the thing ("a black semi-automatic pistol")


def _acts_on_a_thing(text: str, start: int, end: int) -> bool:
    """A metaphor's verb with a concrete thing as its object: a determiner or number right after it,
    at most _THING_MODIFIERS_MAX modifiers, then a noun of ``object_nouns`` that is no hazard
    ("images showing the killer brandishing a handgun"): what someone did with it, no metaphor."""
    from lemminflect import getAllLemmas  # MIT; offline tables
    if text[end:end + 1] != " " or not getAllLemmas(text[start:end].split()[-1].lower(), "VERB"):
        return False    # a noun ("a “witch hunt,” the White House said") or a clause ending after it
    after = [w.lower() for w in _next_words(text, end, _THING_MODIFIERS_MAX + 2)]
    if not after or after[0] not in _OBJECT_OPENERS:
        return False
    objects = load_lexicon("object_nouns").entries
    return any(objects.get(w) not in (None, "hazard") for w in after[1:])


def _moves_to_a_thing(text: str, start: int, end: int) -> bool:
    """A dramatising verb of motion told of a thing's path to a concrete thing: "train cars plunged
    onto the highway", "the truck slammed into a house", "plunging a crew and several vehicles into
    the cold waters", "residents rushed out of their homes" (what physically happened, not drama the
    outlet adds: "plunged into chaos" stays): a path preposition, right after the verb or after an
    object of at most _MOTION_OBJECT_MAX_WORDS words, then within four words (a determiner,
    modifiers) a noun of ``object_nouns`` that is not a hazard ("plunged into a storm" dramatises)."""
    after = [w.lower() for w in _next_words(text, end, _MOTION_OBJECT_MAX_WORDS + 5)]
    if tuple(after[:2]) == _OUT_OF:           # "rushed out of their homes"
        after = after[1:]
    if after and (after[0] in _PATH or after[0] == "of"):
        k = 0
    elif after and (after[0] in _OBJECT_OPENERS or is_person_word(after[0])) and not _attributive(text, start):
        # the verb's object, then the path ("plunging a crew and several vehicles into the waters");
        # an adjective before its noun ("a grinding battle over the wall") has no path
        path = next((i for i, w in enumerate(after[:_MOTION_OBJECT_MAX_WORDS + 1]) if w in _OBJECT_PATH), None)
        if path is None:
            return False
        k = path
    else:
        return False
    objects = load_lexicon("object_nouns").entries
    return any(objects.get(w, "hazard") != "hazard" for w in after[k + 1:k + 5])


def _state(text: str, start: int, end: int) -> str:
    """"felt" for what a private person is told to feel or how they bear themselves, through a
    verb of being or a demeanour adverb ("he sat in shock", "they were fearful", "he ... quietly
    trying"); "state" for a feeling named with the people or the thing it is about ("anxious
    parents", "fears of instability"); else ""."""
    word = text[start:end].lower()
    if word.endswith("ing"):
        return ""           # "alarming", "unnerving": a word that stirs the feeling judges its cause
    after = _next_words(text, end, 2)
    before = _words_before(text, start)
    if after and is_person_word(after[0]):
        return "state"                                  # "anxious parents", "panicked visitors"
    plain = [w for w in before if not (w.lower().endswith("ly") and len(w) > 4)]
    if _feeling_noun(word) and (_possessed_by_person(plain) or _experience_follows(text, end)):
        return "felt"                                   # "the family's anger", "the humiliation of being led"
    plain = _past_coordination(plain)                   # "looked ashen-faced and shaken"
    near = [w.lower() for w in plain[:2]]
    if near and (near[0] in _LINKING or (near[0] == "in" and len(near) > 1 and near[1] in _LINKING)):
        return "felt" if _person_subject(plain[1:]) else ""     # "they were fearful", "he sat in shock"
    # "in a state of panic" is "in panic"
    held = plain[3:] if [w.lower() for w in plain[:4]] == ["of", "state", "a", "in"] else plain
    if held and held[0].lower() == "in" and _noun(word) and _person_subject(_clause_start_lowered(held[1:])):
        return "felt"                                   # "People running onto streets in panic"
    if after and after[0].lower() in _COMPLEMENT and not word.endswith("ly") and text[end:end + 1] == " " \
            and (_adjective(word) or _feeling_noun(word)):
        return "state"                                  # "fearful of aftershocks", "fears of instability"
    if word in _DEMEANOUR:
        return "felt" if _person_subject(before) else ""        # "he ... quietly trying"
    return ""


def _clause_start_lowered(before: list[str]) -> list[str]:
    """The words before (nearest first) with the clause's first word in lower case when it is a
    plain person noun ("People running …"): a capital there marks the sentence, not a name."""
    if before and is_person_word(before[-1].lower()):
        return before[:-1] + [before[-1].lower()]
    return before


def _possessed_by_person(before: list[str]) -> bool:
    """The feeling noun is owned by a private person: right after "the family's", "residents'",
    "his" or "their" ("the family's anger", "their grief"); a name's ("Smith's anger") is not, nor
    is an adjective after them ("their hysterical desire" judges the desire)."""
    if not before:
        return False
    owner = before[0].lower().replace("’", "'")
    if owner in _POSSESSIVE:
        return True
    if owner.endswith("'s") or owner.endswith("s'"):
        return not before[0][:1].isupper() and is_person_word(owner[:-2] if owner.endswith("'s") else owner[:-1])
    return False


def _experience_follows(text: str, end: int) -> bool:
    """A feeling noun followed by what its owner went through ("the humiliation of being led away",
    "the shock of having lost"): the experience of the person, not the outlet's judgement."""
    return re.match(r"\s+of\s+(?:being|having)\b", text[end:end + 20]) is not None


def _past_coordination(before: list[str]) -> list[str]:
    """The words before, past a coordinated word ("looked ashen-faced and shaken": the verb of being
    is two words back): "and", "or", "but" and up to two words before them are skipped when a verb
    of being comes next."""
    if not before or before[0].lower() not in ("and", "or", "but"):
        return before
    for k in range(1, min(4, len(before))):
        if before[k].lower() in _LINKING:
            return before[k:]
    return before


def _tells_account(text: str, end: int, before: list[str]) -> bool:
    """The word is the object of a verb of telling and a quote or "saying" follows it."""
    low = [w.lower() for w in before[:2]]
    told = bool(low) and (low[0] in _TELLING or (len(low) > 1 and low[0] in _DETERMINERS and low[1] in _TELLING))
    return told and re.match(r"\s*(?:[:“\"]|,?\s*saying\b)", text[end:end + 12]) is not None


def _person_subject(before: list[str]) -> bool:
    """The nearest pronoun, person noun or capitalised word before is a personal pronoun or a
    person noun (a private person: "he", "residents"), not a name or a body."""
    subject = next((w for w in before if w.lower() in _PERSONAL or w[:1].isupper() or is_person_word(w)), "")
    return subject.lower() in _PERSONAL or (bool(subject) and not subject[:1].isupper() and is_person_word(subject))


def _feeling_noun(word: str) -> bool:
    """A noun of feeling ("fears", "anger", "alarm"): with its complement ("fears of instability",
    "anger over the vote") it names what people feel about something."""
    from lemminflect import getAllLemmas
    return bool(getAllLemmas(word, "NOUN")) and not getAllLemmas(word, "ADJ")


def _noun(word: str) -> bool:
    from lemminflect import getAllLemmas
    return bool(getAllLemmas(word, "NOUN"))


def _adjective(word: str) -> bool:
    from lemminflect import getAllLemmas
    return bool(getAllLemmas(word, "ADJ")) and not getAllLemmas(word, "NOUN")
