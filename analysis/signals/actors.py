"""Named actors for the signals: mentions with roles, people vs. places, and the comparison's main actors.

Entity detection and key normalisation are ``analysis.align.features.entities``' (capitalised runs, titles
split off, Zelensky/Zelenskyy folded, surnames resolved to full names across the corpus); this module
only adds what voices and sentiment need on top, without computing embeddings:

* the role as the text gives it, read leftwards from the name ("German Chancellor" Olaf Scholz,
  "Kremlin Spokesman" Dmitry Peskov) or from an appositive ("Mike Waltz, a national security advisor
  to Trump,");
* whether a mention is a person (a multi-word name not a place/organisation, or a surname resolved
  to one) -- "he said" resolves only to people;
* the main actors of a comparison: the entities mentioned by the most articles, then most sentences.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from analysis.align.features.entities import CorpusVocabulary, sentence_mentions, shouted_sentence
from analysis.align.features.entity_keys import EntityResolver, is_name_word, normalise_key
from analysis.align.features.names import ALIASES, CANONICAL_PLACES, SENTENCE_OPENERS, TITLE_MODIFIERS, TITLES
from analysis.align.features.words import stopwords
from analysis.constants import MAIN_ACTOR_MIN_ARTICLES, MAIN_ACTORS
from analysis.ingest.outlets import known_name
from analysis.model import Article
from analysis.signals.nouns import is_given_name, noun_of
from analysis.signals.places import is_place

# Words that may stand in a role in front of a name besides entities' titles ("Kremlin Aide",
# "State Department Spokesperson", "the Russian president's foreign policy advisor").
_ROLE_WORDS = TITLES | TITLE_MODIFIERS | frozenset("""
of the department ministry office house white kremlin nato eu un u.s us uk u.k policy affairs
military economic head analyst analysts fellow strategist founder executive ceo top commission
lead assistant associate longtime junta regional local provincial municipal federal
""".split())
_ROLE_STOP = frozenset("""
the a an and but then however meanwhile instead during after before also other many some while
""".split())
_APPOSITIVE = re.compile(r",\s*(?:(?:a|an|the)\s+)?([^,;:“”\"()]{3,160}?),")
_APPOSITIVE_BANNED_START = re.compile(
    r"(?i)^(?:who|which|that|where|when|whose|he|she|it|they|but|and|however|said|says|told|"
    r"according|in|on|at|for|with|after|before|during|while|as|if|despite|who's)\b")
APPOSITIVE_MAX_WORDS = 16       # words; longer comma-delimited runs are clauses, not roles
_TOKEN = re.compile(r"[\w’'.\-]+")
# A multi-word name that ends or starts with one of these is an organisation, an outlet or an event,
# not a person ("New York Times", "Munich Security Conference", "International Institute ...").
_ORGANISATION_TAILS = frozenset("""
times journal news post press conference studies institute center centre house department ministry
commission council union agency fund palace parliament congress senate party group bank forces
committee organization organisation association company university college school review magazine
network channel television radio tribune telegraph guardian herald gazette daily weekly reuters
summit treaty agreement agreements accords war square street avenue airport station
security office army navy police court assembly foundation program programme project initiative
coalition alliance movement front campaign media report
valley creek river county island islands beach hills springs falls heights harbor harbour canyon
mountains desert forest coast province district village township
museum gallery library hospital clinic stadium
services holdings corp corporation inc ltd llc plc airlines airways motors systems technologies
""".split())
_ORGANISATION_HEADS = frozenset("international national united world global federal central royal".split())


@dataclass(frozen=True)
class Mention:
    """One named mention in an article: ``article.text[start:end]`` is the name as written."""
    key: str                # canonical key (corpus-resolved when a resolver was given)
    start: int
    end: int
    sentence: int           # sentence index
    surface: str            # the name as the text gives it ("Olaf Scholz", "Rutte")
    role: str = ""          # the role as the text gives it ("German Chancellor"), "" if none
    person: bool = False


def vocabulary(articles: Iterable[Article]) -> CorpusVocabulary:
    vocab = CorpusVocabulary()
    for a in articles:
        for s in a.sentences:
            vocab.add(s.text)
    return vocab


def raw_mentions(article: Article, vocab: CorpusVocabulary) -> list[tuple[str, int, int, int]]:
    """(key, start, end, sentence index) of every entity mention, before corpus resolution.

    Two repairs for the signals: a capitalised first word of the sentence that entities dropped as
    "common" is put back in front of a name ("Mark Rutte said", where "mark" is an English word),
    and runs of capitals longer than an acronym are dropped (text in capitals has no names to find).
    """
    out = []
    for sent in article.sentences:
        if shouted_sentence(sent.text):
            continue
        for k, s, e in _with_saints(article.text, sentence_mentions(sent.text, sent.start, vocab)):
            if _shouted(article.text[s:e]):
                continue
            s, k = _with_given_name(article.text, sent.start, s, k, vocab)
            s, e, k = _person_core(article.text, s, e, k)
            out.append((k, s, e, sent.index))
    return out


# "St. Petersburg", "Mt. Hood", "Ft. Myers": an abbreviation with its full stop, which ends the run
# of capitals the entity reader finds, opens the name after it.
_NAME_ABBREVIATIONS = frozenset("st ste mt ft pt".split())


def _with_saints(text: str, mentions: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for k, s, e in mentions:
        if out and out[-1][0] in _NAME_ABBREVIATIONS and re.fullmatch(r"\.\s", text[out[-1][2]:s]):
            _, s0, _ = out.pop()
            out.append((normalise_key(text[s0:e]), s0, e))
        else:
            out.append((k, s, e))
    return out


def _person_core(text: str, start: int, end: int, key: str) -> tuple[int, int, str]:
    """The person's name inside a run that holds more: a role noun before it ("Volunteer Alex
    Osorio" -> Alex Osorio) or a home state or body after it ("Kurt Schrader of Oregon")."""
    surface = text[start:end]
    words = list(re.finditer(r"\S+", surface))
    for i in range(1, len(words) - 1):      # "Supreme Court Justice Ruth Bader Ginsburg": after the title
        title = words[i - 1].group(0)
        rest = surface[words[i].start():]
        # "Chief of Detectives Joseph Kenny": a plural office noun ends a title as well
        single = re.sub(r"s\Z", "", title.lower().rstrip("."))
        if (noun_of(title) or title.lower().rstrip(".") in TITLES or noun_of(single) or single in TITLES) \
                and not is_given_name(title) and is_person_key(normalise_key(rest)):
            start += words[i].start()
            surface = rest
            key = normalise_key(surface)
            break
    of = re.match(r"(.+?)\s+of\s+(?:the\s+)?[A-Z]", surface)
    if of and is_person_key(normalise_key(of.group(1))):
        end = start + len(of.group(1))
        key = normalise_key(of.group(1))
    return start, end, key


ACRONYM_MAX_LETTERS = 5         # letters; "NATO", "CNN" are acronyms, "SCHOLZ SAID" is shouting


def _shouted(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and surface.upper() == surface and (
        len(letters) > ACRONYM_MAX_LETTERS or len(surface.split()) > 1)


_FIRST_WORD = re.compile(r"\s*([A-Z][a-z]+)\s+\Z")


def _with_given_name(text: str, sentence_start: int, start: int, key: str,
                     vocab: CorpusVocabulary) -> tuple[int, str]:
    m = _FIRST_WORD.match(text, sentence_start, start)
    if not m:
        return start, key
    low = m.group(1).lower()
    if low in stopwords() or low in SENTENCE_OPENERS or low in TITLES or low in TITLE_MODIFIERS \
            or low in ALIASES or key in CANONICAL_PLACES or _participle(m.group(1)):
        return start, key
    longer = normalise_key(text[m.start(1):start] + key)
    # "Zaw Min Tun, spokesperson of ...": a name of three words loses its first to the sentence's
    # start as "Mark" of "Mark Rutte" does, when the word is no English word ("Substitute Mikel
    # Oyarzabal", "Families Ann Lee" keep theirs out), the texts never write it in lower case, and
    # the name does not open with a given name already
    if " " in key and (_english_word(low) or low in vocab.lower or not is_person_key(longer)
                       or is_given_name(key.split()[0])):
        return start, key
    return m.start(1), longer


def _english_word(low: str) -> bool:
    from lemminflect import getAllLemmas
    return bool(noun_of(low) or getAllLemmas(low))


def _participle(word: str) -> bool:
    """A sentence's first word that is a verb's -ing form ("Joining Alito were Justices…",
    "Citing Reuters, …") opens a clause; it is no given name ("Sterling Brown" keeps his)."""
    from lemminflect import getAllLemmas
    return word.lower().endswith("ing") and bool(getAllLemmas(word.lower(), "VERB")) and not is_given_name(word)


def resolver_for(raw: Iterable[tuple[str, int, int, int]]) -> EntityResolver:
    return EntityResolver(k for k, _, _, _ in raw)


def resolve(resolver: EntityResolver, key: str, start: int, end: int) -> str:
    resolved = resolver.resolve(key, start, end)
    return resolved[0][0] if len(resolved) == 1 else key


def is_person_key(key: str) -> bool:
    """A full personal name: two to five alphabetic words, not a place, no "of/for/the"."""
    parts = key.split()
    return (2 <= len(parts) <= 5 and key not in CANONICAL_PLACES and all(is_name_word(p) for p in parts)
            and not {"of", "for", "the", "and", "on"} & set(parts)
            and parts[-1] not in _ORGANISATION_TAILS and parts[0] not in _ORGANISATION_HEADS)


_PLACE_ADJECTIVE = re.compile(r"-(?:based|born|bred|raised|headquartered|registered|flagged)\Z")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")


def names_a_thing(text: str, end: int) -> bool:
    """A name right before the lower-case noun of a place or body ("Charles de Gaulle airport",
    "the Ruth Gale school"): the name of that thing, not its namesake person."""
    m = _NEXT_LOWER_WORD.match(text, end)
    return m is not None and m.group(1) in _ORGANISATION_TAILS


_NOT_PEOPLE = frozenset("kremlin pentagon vatican elysee downing whitehall bundestag duma knesset "
                        "congress parliament senate".split())


def may_be_person(key: str, surface: str) -> bool:
    """A one-word name that may be a person's surname ("Rutte said"): not a place, an alias, an
    acronym or an institution.  Used only for a speaker of a speech verb."""
    return is_person_key(key) or (
        " " not in key and surface[:1].isupper() and not surface.isupper()
        and not is_place(key) and key not in ALIASES and key not in _NOT_PEOPLE
        and key not in _ORGANISATION_TAILS)


# News outlets, agencies and platforms: where words appeared ("told the New York Times", "wrote on
# Twitter"), never a voice of the story.
_MEDIA = frozenset("""
cnn msnbc nbc abc cbs pbs npr bbc fox reuters ap afp bloomberg politico axios buzzfeed huffpost vox
twitter facebook instagram youtube tiktok truth social x.com telegram whatsapp linkedin
""".split())
_MEDIA_TAILS = frozenset("times journal news post press tribune telegraph guardian herald gazette daily tv "
                         "weekly magazine network channel television radio review".split())


def is_media(key: str) -> bool:
    """A news outlet, agency or platform: where words appeared, or a report's source, never a
    named voice of the story."""
    parts = key.split()
    return bool(parts) and (key in _MEDIA or parts[0] in _MEDIA or parts[-1] in _MEDIA_TAILS
                            or known_name(key) is not None or known_name("the " + key) is not None)


# Role words that make a name a medium: "according to broadcaster Canal Norte", "the daily Le Monde".
_MEDIA_ROLE = re.compile(r"(?:\A|\s)(?:broadcaster|newspaper|daily|tabloid|network|channel|station|magazine|"
                         r"website|news\s+(?:agency|site|outlet)|outlet|wire\s+service|weekly|publication|"
                         r"television|tv|radio|broadcaster)\Z",
                         re.IGNORECASE)


def is_media_role(role: str) -> bool:
    """A role that names a medium ("broadcaster", "state news agency"): its bearer is where words appeared."""
    return bool(_MEDIA_ROLE.search(role.strip()))


def role_before(text: str, start: int, floor: int) -> str:
    """The title words right before a name ("U.S. Secretary of State"), not crossing ``floor``."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, floor, start)]
    first = len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        t_start, t_end, word = tokens[i]
        gap = text[t_end:tokens[i + 1][0] if i + 1 < len(tokens) else start]
        # "Interior Minister and former police prefect Laurent Nunez": two roles joined by "and",
        # the first ending in a title (never a name: "Rachida Dati and Interior Minister Nunez")
        joined = word == "and" and i > 0 and _is_title(tokens[i - 1][2])
        if gap.strip() or not (_is_role_word(word) or joined):
            break
        first = i
    words = [w for _, _, w in tokens[first:]]
    while words and (words[0].lower() in _ROLE_STOP or words[0].lower() == "of"):
        words = words[1:]
    return " ".join(words) if any(_is_title(w) for w in words) or _has_capital_role(words) else ""


def _is_role_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    bare = re.sub(r"['’]s$", "", low)
    return (low in _ROLE_WORDS or bare in _ROLE_WORDS or word[:1].isupper() or bool(noun_of(low)))


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES or bool(noun_of(word))


def _has_capital_role(words: Sequence[str]) -> bool:
    # "Kremlin Spokesman" has a title; "Russia’s" alone is not a role.
    return any(w.lower() in TITLES or noun_of(w) for w in words)


def appositive_after(text: str, end: int, limit: int) -> tuple[str, int] | None:
    """("a national security advisor to Trump", end of the closing comma) after a name, if any.

    An appositive role opens with an article ("a prominent Ukrainian analyst"), a capitalised word
    ("Zelenskyy's powerful chief of staff") or a role word ("senior fellow for ..."); a phrase that
    opens with a verb ("Troianovski, laid out many of the issues,") is a clause, not a role.
    """
    m = _APPOSITIVE.match(text, end, limit)
    if not m:
        return None
    phrase = m.group(1).strip()
    if _APPOSITIVE_BANNED_START.match(phrase) or len(phrase.split()) > APPOSITIVE_MAX_WORDS:
        return None
    if not re.search(r"[a-z]", phrase):         # ", Zelenskyy, " is a list, not a role
        return None
    has_article = bool(re.match(r",\s*(?:a|an|the)\s", m.group(0)))
    first = phrase.split()[0]
    if not (has_article or first[:1].isupper() or first.lower() in _ROLE_WORDS):
        return None
    return phrase, m.end()


def article_mentions(article: Article, vocab: CorpusVocabulary,
                     resolver: EntityResolver | None = None,
                     raw: Sequence[tuple[str, int, int, int]] | None = None) -> list[Mention]:
    """Every entity mention of the article, resolved, with its role and a person flag."""
    raw = raw_mentions(article, vocab) if raw is None else raw
    resolver = resolver or resolver_for(raw)
    out = []
    for key, start, end, index in raw:
        k = resolve(resolver, key, start, end)
        floor = article.sentences[index].start
        # "Miami-based", "Paris-born": an adjective made of a place's name, never a person's name
        person = is_person_key(k) and not _PLACE_ADJECTIVE.search(article.text, start, end)
        role = ""
        if person:
            sentence_end = article.sentences[index].end
            appositive = appositive_after(article.text, end, sentence_end)
            role = role_before(article.text, start, floor) or (appositive[0] if appositive else "")
        out.append(Mention(k, start, end, index, article.text[start:end], role, person))
    return out


# --- main actors ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Actors:
    """The comparison's main actors and where each article mentions them."""
    names: Mapping[str, str]                             # key -> display name
    sentences: Mapping[str, Mapping[str, tuple[str, ...]]]  # article id -> display -> sentence ids


def _display(key: str, surfaces: Counter) -> str:
    if key in CANONICAL_PLACES:
        return key.upper() if len(key) <= 4 else key.title()
    # the fullest spelling, then the most frequent
    return max(surfaces, key=lambda s: (len(s.split()), surfaces[s], s))


def main_actors(articles: Sequence[Article], limit: int = MAIN_ACTORS,
                mentions: Mapping[str, Sequence[Mention]] | None = None) -> Actors:
    """The ``limit`` entities mentioned by the most articles (at least MAIN_ACTOR_MIN_ARTICLES when
    there are several articles), ties broken by sentences mentioning them."""
    if mentions is None:
        mentions = comparison_mentions(articles)
    in_articles: dict[str, set[str]] = defaultdict(set)
    n_sentences: Counter = Counter()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for a in articles:
        seen = set()
        for m in mentions.get(a.id, ()):
            in_articles[m.key].add(a.id)
            surfaces[m.key][m.surface] += 1
            if (m.key, m.sentence) not in seen:
                seen.add((m.key, m.sentence))
                n_sentences[m.key] += 1
    need = min(MAIN_ACTOR_MIN_ARTICLES, len(articles))
    ranked = sorted((k for k in in_articles if len(in_articles[k]) >= need),
                    key=lambda k: (-len(in_articles[k]), -n_sentences[k], k))[:limit]
    names = {k: _display(k, surfaces[k]) for k in ranked}
    per_article: dict[str, dict[str, tuple[str, ...]]] = {}
    for a in articles:
        found: dict[str, list[str]] = defaultdict(list)
        for m in mentions.get(a.id, ()):
            sid = a.sentences[m.sentence].id
            if m.key in names and sid not in found[names[m.key]]:
                found[names[m.key]].append(sid)
        per_article[a.id] = {name: tuple(ids) for name, ids in found.items()}
    return Actors(names, per_article)


def comparison_mentions(articles: Sequence[Article]) -> dict[str, list[Mention]]:
    """Mentions of every article, with names resolved across the whole comparison."""
    vocab = vocabulary(articles)
    raw = {a.id: raw_mentions(a, vocab) for a in articles}
    resolver = resolver_for(m for ms in raw.values() for m in ms)
    return {a.id: article_mentions(a, vocab, resolver, raw[a.id]) for a in articles}
