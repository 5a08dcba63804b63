"""Every threshold and limit of the engine, named, with its unit, in one place.

Sections belong to stages (ingest, segment, features, align, signals, ...).  Change a value here and
the methods appendix of the report, which lists these, changes with it.
"""
from __future__ import annotations

# --- ingest -------------------------------------------------------------------------------------
MAX_INPUT_BYTES = 20 * 1024 * 1024          # bytes; larger files are refused, not truncated
MAX_ARTICLE_WORDS = 100_000                 # words in one article; longer texts are refused before any
                                            # cleaning (the analysis takes ~3.5 KB of memory per word)
MAX_COMPARISON_WORDS = 250_000              # words in all the articles of one comparison (command line, window)
LONG_INPUT_WORDS = 20_000                   # words; above it the command line shows its progress even
                                            # when stderr is not a terminal
FETCH_TIMEOUT_SECONDS = 15.0                # seconds, per URL, connect + read
FETCH_MAX_BYTES = 10 * 1024 * 1024          # bytes read from a URL before giving up
MIN_ARTICLE_WORDS = 1                       # words; an article with fewer is "empty"
MAX_CONTROL_CHAR_RATIO = 0.05               # share of characters; above it the input is "binary"
FETCH_CHUNK_BYTES = 64 * 1024               # bytes per read from a URL (the timeout is checked between)
UTF16_MIN_NUL_SHARE = 0.05                  # share of odd (LE) or even (BE) bytes that are NUL in BOM-less UTF-16
UTF16_MIN_BLOCK_SHARE = 0.9                 # share of those bytes in their 3 commonest values (few scripts)
CP1252_MAX_NON_ASCII_LETTER_SHARE = 0.3     # share of letters; above it a cp1252 reading is mojibake
UTF8_MIN_GOOD_PER_BAD = 1.0                 # well-formed non-ASCII UTF-8 characters per bad spot at or
                                            # above which bytes are damaged UTF-8, not a legacy encoding
ENCODING_GUESS_MAX_CHAOS = 0.1              # charset-normalizer "chaos" 0-1 above which its guess is not
                                            # trusted (the bytes do not fit the encoding well)
ENCODING_GUESS_SAMPLE_BYTES = 256 * 1024    # bytes handed to charset-normalizer (it is slow on megabytes)
HEADER_LINES = 8                            # non-blank lines at the top searched for title/dateline/byline
MIN_TITLE_WORDS = 3                         # words; a shorter first line is not taken as the title
MAX_TITLE_WORDS = 25                        # words; a longer first line is body, not a title
MAX_OUTLET_SUFFIX_WORDS = 4                 # words in "Title – CNN"-style outlet suffixes
MAX_CAPTION_WORDS = 80                      # words; a longer line above a photo credit is body, not caption
MAX_RELATED_HEADLINE_WORDS = 20             # words in a linked headline after "Related article"
MAX_SUBHEADING_WORDS = 12                   # words; a shorter line between paragraphs, not ended like a
                                            # sentence, is a subheading ("How we were removed"), not a fact
HARD_WRAP_MAX_LINE_CHARS = 110             # characters; a longer line is a paragraph, never a wrapped line
HARD_WRAP_MIN_SHARE = 0.5                   # share 0-1 of a block's lines ending inside a sentence: wrapped
MAX_META_LINE_WORDS = 12                    # words in a dateline, byline or "Source: X" line
MAX_SIDECAR_BYTES = 64 * 1024               # bytes; a larger article.txt.meta/.json is ignored
UNNAMED_LABEL_MAX_CHARS = 20                # characters of headline words naming an article with no outlet
COPYRIGHT_TAIL_LINES = 8                    # last non-blank lines of a source searched for a (c) line
TITLE_FALLBACK_WORDS = 10                   # words of the first sentence used when no title is found
LANGUAGE_MIN_WORDS = 20                     # words; shorter Latin-script texts are not language-checked
LANGUAGE_SAMPLE_CHARS = 20_000              # characters from the start of a text used to tell its language
LANGUAGE_MIN_LATIN_SHARE = 0.5              # share of letters in the Latin script below which the text is
                                            # never taken for English without the language model
LANGUAGE_MIN_CONFIDENCE = 0.6               # py3langid probability 0-1 below which the language is "und"
MIN_ENGLISH_FUNCTION_WORD_SHARE = 0.15      # share of words; English prose measures about 0.4
MIN_HTML_BODY_WORDS = 25                    # words; a web page with fewer holds no article (an app shell)

# --- segment ------------------------------------------------------------------------------------
MAX_SENTENCE_CHARS = 2000                   # characters; longer runs are split at the nearest space
MIN_SPLIT_PIECE_CHARS = 1000                # characters; an over-long run is cut at a clause mark (, ; :)
                                            # only if the piece before it is at least this long
MAX_PARENTHETICAL_CHARS = 400               # characters; a (...) or [...] up to this long is never split
MAX_TIME_INTRO_WORDS = 3                    # words before "a.m."/"p.m." in an opener ("At 5 a.m.") that
                                            # does not end a sentence
PUNKT_WINDOW_CHARS = 20_000                 # characters handed to Punkt at once (cut at a space): bounds
                                            # each call under NLTK's 5 s regex time limit

# --- features / similarity ----------------------------------------------------------------------
EMBED_MAX_TOKENS_PER_TEXT = 512             # model tokens; a longer sentence is embedded from its start
EMBED_CHUNK_TOKENS = 1_024                  # padded model tokens pooled per numpy step (~1 MB of float32:
                                            # it stays in the CPU cache and in memory malloc reuses; 32,768
                                            # tokens, 32 MB, cost ~0.05 s of page faults in a first compare)
ENTITY_CORPUS_MIN_SENTENCES = 20            # sentences; below it the corpus is too small to judge
                                            # whether a sentence-initial capitalised word is a name
# Similarity = sigmoid(bias + sum of weight * component); components in analysis/similarity.py.
# Logistic fit to STS-B train (score / 5 as soft target): python -m analysis.bench.similarity --fit
SIM_BIAS = -2.71                            # logit
SIM_W_COSINE = 2.29                         # per unit of sentence-embedding cosine (0-1)
SIM_W_CONTENT = 1.75                        # per unit of content-word-embedding cosine (0-1)
SIM_W_OVERLAP = 0.75                        # per unit of IDF-weighted stem Dice overlap (0-1)
SIM_W_ENTITY = 0.06                         # per unit of entity agreement (-1..1)
SIM_W_NUMBER = 0.51                         # per unit of number agreement (-1..1)
CANDIDATE_NEIGHBOURS = 8                    # nearest other-article sentences per sentence, per embedding
CANDIDATE_MAX_POSTING = 8                   # sentences; longer entity/stem postings give no pairs
CANDIDATE_BLOCK_ROWS = 512                  # rows per block of the neighbour search (memory ~ 512 x n)
SCORE_PAIRS_BLOCK = 4096                    # pairs whose vectors are stacked at once (about 4 KiB a pair)
CANDIDATE_EXACT_MAX_ROWS = 6000             # units up to which the neighbour search is exact; above, HNSW
CANDIDATE_HNSW_M = 32                       # links per node of the HNSW index (faiss)
CANDIDATE_HNSW_EF_CONSTRUCTION = 64         # candidates kept while building the HNSW index
CANDIDATE_HNSW_EF_SEARCH = 128              # candidates kept while searching it (recall against cost)
CANDIDATE_HNSW_EXTRA = 24                   # neighbours asked for beyond k, to drop the unit's own article

# Same-fact probability of two claims = sigmoid(bias + sum of weight * feature); features in
# analysis/align/samefact.py.  Logistic fit on MRPC train (4 folds of 5): python main.py bench facts --fit
SAME_FACT_CLOSE_WORD = 0.5                  # word-embedding cosine 0-1 below which two words are not close
SAME_FACT_BIAS = -6.180                      # logit
SAME_FACT_WEIGHTS = {                       # logit per unit of each feature (see samefact.FEATURES)
    "cosine": 0.678, "content": 2.671, "overlap": 0.041, "soft_high": 0.205, "soft_low": -1.352,
    "ngram1_high": 1.812, "ngram1_low": 3.175, "ngram2_high": -0.851, "ngram2_low": 1.274,
    "ngram3_high": -2.193, "ngram3_low": -0.545, "predicate": -0.047, "entity": -0.210,
    "entity_extra": 0.040, "number": 0.256, "date": -0.139, "extra_low": -0.051, "extra_high": -0.622,
    "length_ratio": 2.042, "characters": 4.798,
}

# --- align --------------------------------------------------------------------------------------
# Link probability of two claims = sigmoid(LINK_BIAS + sum of weight * feature); features in
# analysis/align/evidence.py.  Logistic fit on the gold links of the BASIL dev events (pairs of claims
# whose sentences share a gold fact), all 32 events of 2026-12-07 (6 dev + 26 extra; links5, after the
# surroundings feature): python main.py bench facts --fit
LINK_BIAS = -3.644                          # logit
LINK_WEIGHTS = {                            # logit per unit of each feature (see evidence.FEATURES)
    "similarity": 2.857, "sentence": -0.793, "context": 4.847, "soft": 2.987, "rare": 0.496,
    "numbers": 1.439, "dates": 0.812, "quote": 0.630, "ledes": 1.514, "margin": 0.186, "actions": 0.055,
    "names_apart": -0.279, "surroundings": 5.618,
}
LINK_MIN_PROBABILITY = 0.45                 # link probability 0-1; weaker links join nothing
MERGE_MIN_MEAN_PROBABILITY = 0.30           # probability 0-1; mean over cross-article member pairs of a merge
MAX_CLAIMS_PER_OUTLET = 3                   # claims of one article in one fact
MUTUAL_RANK = 2                             # a link must be among both claims' N most probable in the other article
LEDE_SENTENCES = 3                          # sentences; the top of a story, where the event itself is told
# share 0-1 of a story's sentences that its lede may be for "both in the lede" to count (stories of 15
# sentences or more): on a short page the top is most of the story, and every lede names the event
LEDE_MAX_STORY_SHARE = 0.2
EVIDENCE_SURROUNDING_SENTENCES = 3          # sentences before and after a claim's own read as its surroundings
EVIDENCE_CLOSE_WORD = 0.5                   # word-embedding cosine 0-1 from which two words count as close
EVIDENCE_RARE_MAX_CLAIMS = 4                # claims of the two articles at most holding a "rare" shared stem
EVIDENCE_RARE_CAP = 5                       # rare shared stems counted at most
EVIDENCE_QUOTE_WORDS = 4                    # words in a row inside quotation marks that make a shared quote
MAX_FACT_MEMBERS_CHECKED = 12               # members per side scored when checking a merge
MIN_FACT_WORDS = 6                          # words; shorter sentences (headings, labels) join no fact
CLAIM_MIN_WORDS = 4                         # words on each side of a cut; a shorter clause stays joined
CLAIM_SUBJECT_MAX_WORDS = 6                 # words before a clause's finite verb (its subject) after a connector
CLAIM_MIN_CORE_WORDS = 3                    # words; an attribution frame is left out of a claim's core only
                                            # when at least this many words remain
FACT_LABEL_MAX_CHARS = 80                   # characters in a fact's label before it is cut at a word

# --- event --------------------------------------------------------------------------------------
# Two articles are on one event with probability sigmoid(EVENT_BIAS + sum of weight * component);
# components in analysis/events/evidence.py.  Logistic fit to BASIL dev pairs (one event: positive;
# two events, many sharing a main person: negative): python main.py bench events --fit
EVENT_BIAS = -10.64                         # logit
EVENT_W_WORDS = 6.19                        # per unit of background-weighted word cosine, names left out (0-1)
EVENT_W_LEDE = 5.19                         # per unit of the same cosine on titles and ledes (0-1)
EVENT_W_LEDE_EMBEDDING = 12.84              # per unit of the cosine of title-and-lede mean embeddings (0-1)
EVENT_W_OVERLAP = 7.33                      # per unit of shared entity weight over the smaller article's (0-1)
EVENT_W_SHINGLES = 1.81                     # per unit of log(1 + shared runs of content words)
EVENT_W_NUMBERS = 0.37                      # per unit of log(1 + specificity of shared numbers and days)
EVENT_W_UNNAMED = -6.0                      # when both name entities and share none (a rule: no same-event
                                            # pair of BASIL dev or of the real coverage shares none)
EVENT_W_OFFICES = -40.0                     # per office the two give to different people: a veto like
                                            # EVENT_W_APART (who holds an office dates a story; "former"
                                            # holders do not count).  A rule: no same-event pair of BASIL dev
                                            # or of the real coverage has one; at -4 the seeds' 004 (Merz as
                                            # chancellor) joined the Scholz-era talks
EVENT_W_APART = -40.0                       # when both are dated more than EVENT_MAX_DATE_GAP_DAYS apart, or
                                            # their ledes name years, none in common: a veto, more than all
                                            # the positive evidence can add up to (a rule: the BASIL inputs
                                            # carry no dates; at -4 two quakes in one town eight years
                                            # apart, told alike, still merged)
EVENT_W_MOMENT = -40.0                      # when one lede tells news of the day and the other looks back
                                            # months to the happening (a follow-up story): a veto like
                                            # EVENT_W_APART (a rule: no lede of BASIL dev looks back without
                                            # a day of its own; three real follow-ups on a heist do)
EVENT_MIN_PROBABILITY = 0.5                 # probability 0-1; groups merge when their mean pair is above
EVENT_W_WEEKDAYS = -3.0                     # when both ledes give their news a weekday EVENT_WEEKDAYS_APART
                                            # or more days apart ("the junta said on Monday" / "struck on
                                            # Friday"): evidence, not a veto, since a story cycle runs over
                                            # days (BASIL dev: 9 of 99 same-event pairs are 2-3 days apart,
                                            # and all 135 articles stay kept at -3; at -5 one is lost)
EVENT_W_RESULTS = -8.0                      # when one side of a contest meets two different opponents in
                                            # the two ledes (two matches of one team, alike in names, coach,
                                            # tournament and score: the cosines alone give +8): short of a
                                            # veto, since a lede's first sentence may recall another round
EVENT_WEEKDAYS_APART = 2                    # days, either way round the week
EVENT_MAX_DATE_GAP_DAYS = 4                 # days between two articles' dates beyond which they are apart
                                            # (every BASIL dev triplet is dated within 3 days; real
                                            # follow-ups and same-topic stories lay 5-26 days off: a
                                            # semi-final five days before the final, a chief's return
                                            # six days after his firing)
EVENT_BACKGROUND_MAX_ZIPF = 6.0             # Zipf frequency (log10 per billion words) that weighs 0
EVENT_RARE_OUTLET_WEIGHT = 2.0              # background weight from which a one-word outlet name ("Politico")
                                            # is only an outlet; under it ("Atlantic") it stays a name
EVENT_COMMON_NAME_WEIGHT = 3.5              # background weight at or under which a word capitalised only at
                                            # the start of sentences is a common word, not a name
EVENT_LEDE_SENTENCES = 3                    # sentences after the title that make the lede, at least
EVENT_LEDE_WORDS = 50                       # words; the lede runs on past EVENT_LEDE_SENTENCES until it has them
EVENT_SHINGLE_WORDS = 4                     # content words in a shared run (a quote, a copied sentence)
EVENT_DAY_SPECIFICITY = 2.0                 # weight of a shared day ("19 October") against a number's
                                            # significant digits beyond the first ("1,354": 3)
EVENT_MIN_NUMBER = 10                       # value; bare counts below it ("two", "three years") ignored
EVENT_EVIDENCE_NAMES = 4                    # shared names quoted in an article's evidence
EVENT_LABEL_MAX_CHARS = 80                  # characters in an event group's label before it is cut

# --- omissions ----------------------------------------------------------------------------------
OMISSION_MIN_CARRIERS = 2                   # other outlets that must carry a fact for an omission
LEDE_PARAGRAPHS = 3                         # paragraphs counted as the top of a story
OMISSION_COVERAGE_WEIGHT = 0.6              # weight 0-1 of "share of other outlets carrying the fact"
OMISSION_PROMINENCE_WEIGHT = 0.4            # weight 0-1 of "how high the carriers place it"
EXCLUSIVE_MAX_SCORE = 0.5                   # score 0-1 of an exclusive in the lede
COPY_SHINGLE_WORDS = 5                      # words in one shingle (word n-gram) compared between texts
COPY_MIN_SHINGLES = 20                      # shingles a text needs to be compared as a possible copy
COPY_MIN_CONTAINMENT = 0.5                  # share 0-1 of the shorter text's shingles in the other: a copy
VERSION_DIFF_SCORE = 0.55                   # score 0-1 of a version diff finding
VERSION_DIFF_MAX_CHANGES_SHOWN = 30         # changed sentences listed in one version diff's details
DIFFERENTLY_SCORE_FACTOR = 0.6              # score of a "reports it differently" / its omission score
DIFFERENTLY_MAX_SOURCE_SHARE = 0.65         # share 0-1 of the event's other sources carrying a fact at or
                                            # above which it is the story itself: told in part, in other
                                            # words, it is no "reports it differently" (another figure is)
DIFFERENTLY_STORY_MIN_SOURCES = 4           # other sources that must carry it too: in an event of a few outlets
                                            # (three: every shared fact) a fact they all give may be one detail
# Verified omissions (analysis/coverage/verify.py, core.py, index.py, figures.py, terms.py): the omitting
# article is searched first.
TERM_NAME_MIN_PREFIX = 4                    # characters two name forms must share ("Iran"/"Iranian")
TERM_NAME_SUFFIX_SLACK = 2                  # characters the shorter name form may differ in at its end
TERM_WORD_MIN_PREFIX = 6                    # characters two word stems must share to match loosely
TERM_WORD_MIN_STEM = 4                      # characters of a stem that may match as a prefix of a longer
TERM_WORD_MAX_SUFFIX = 5                    # characters that longer stem may add ("agre"/"agreement")
TERM_WORD_MIN_COMPOUND = 4                  # characters of a word that may match as the end of a compound
TERM_SLOT_WINDOW_WORDS = 3                  # words between a number and the word of what it counts ("144
                                            # people were killed", "killing at least 144")
TERM_SPEAKER_BEFORE_WORDS = 8               # words before a speech verb that may name who speaks ("Rear Admiral
                                            # Shannon Gilreath of the U.S. Coast Guard said")
TERM_SPEAKER_AFTER_WORDS = 4                # words after it that may (inverted: "said Paul Wiedefeld")
TERM_NUMBER_TOLERANCE = 0.01                # relative difference 0-1 within which two numbers are one
CORE_MIN_SOURCES = 2                        # carrying sources that must state a term for the core
CORE_NUMBER_WEIGHT = 1.5                    # weight of a number in the core, a content word being 1
CORE_DATE_WEIGHT = 1.2                      # weight of a date in the core
CORE_NAME_WEIGHT = 1.2                      # weight of a name in the core
CORE_MIN_SPECIFICITY = 0.05                 # specificity 0-1 of a term in every sentence of the event
CORE_SPECIFIC_TERM_WEIGHT = 0.45            # weight at or above which a core term is specific
CORE_MIN_WEIGHT = 1.0                       # total core weight below which a fact cannot be searched
                                            # (nor without one specific name, number or date)
CORE_MIN_WORDING_WEIGHT = 3.5               # core weight of shared wording alone (a quote two outlets
                                            # print alike: about four specific words) to be searched
VERIFY_PAIR_FACTOR = 0.85                   # coverage multiplier for a pair of adjacent sentences
VERIFY_PRESENT_COVERAGE = 0.6               # share 0-1 of the core's weight that makes a fact present
VERIFY_PRESENT_SIMILARITY = 0.85            # cosine (wordllama) to a carrier that makes it present
VERIFY_PARTIAL_COVERAGE = 0.35              # share 0-1 of the core's weight: something is there
VERIFY_PARTIAL_WEIGHT = 1.5                 # core weight found in one place: something is there
VERIFY_PARTIAL_SIMILARITY = 0.65            # cosine (wordllama) to a carrier: something is there
VERIFY_STATEMENT_MIN_COVERAGE = 0.1         # share 0-1 of the core's weight that an article's part of a carrier's
                                            # statement must state for "reports it differently" (else omitted)
VERIFY_SPEAKER_MIN_WORDS = 2                # specific words of a quote's core that, with who is quoted,
                                            # make a sentence the quote in other words ("X argued ...")
VERIFY_MAX_CARRIER_SENTENCES = 24           # distinct carrier sentences a fact is compared with (the
                                            # most diverse ones), so the search stays linear
OMISSION_MIN_COHESION = 0.6                 # link score 0-1 by which two carriers' claims must agree for
                                            # an omission (one loose link is not evidence enough) ...
OMISSION_LINKED_SOURCES = 3                 # ... unless this many sources are linked into the fact
OMISSION_LINKED_MIN_SCORE = 0.4             # link score 0-1 of a claim pair that links two sources
EVIDENCE_MAX_OUTLETS = 5                    # outlets a finding's evidence names; the rest are counted

# --- signals: voices, sentiment, tone, readability (analysis/signals/, docs/METRICS.md) -----------
VADER_NEGATIVE_MAX = -0.05                  # VADER compound; at or below it a sentence is negative
VADER_POSITIVE_MIN = 0.05                   # VADER compound; at or above it a sentence is positive
MAIN_ACTORS = 8                             # actors (people, places, organisations) scored per comparison
MAIN_ACTOR_MIN_ARTICLES = 2                 # articles that must mention an actor for it to be "main"
EXTREME_SENTENCES_SHOWN = 3                 # most negative / most positive sentences listed per article
HARD_SENTENCES_SHOWN = 3                    # hardest sentences (Flesch-Kincaid grade) listed per article
HARD_SENTENCE_MIN_WORDS = 8                 # words; shorter sentences are never "hardest"
HEADING_MAX_WORDS = 20                      # words; a longer unpunctuated paragraph is prose, not a heading
TOP_TERMS_SHOWN = 5                         # most frequent lexicon terms listed per tone category
PASSIVE_MAX_GAP_WORDS = 2                   # words (adverbs) allowed between "be" and the participle
PASSIVE_AGENT_WINDOW_WORDS = 8              # words after the participle searched for an agent "by"
PASSIVE_PRONOUN_LOOKBACK_CHARS = 200        # text before a pronoun subject ("He fired") searched for its name
# characters before a version that the passive rules may read (a clause's start, then the pronoun's look-back)
FRAMING_VERSION_CONTEXT_CHARS = 2 * PASSIVE_PRONOUN_LOOKBACK_CHARS
PASSIVE_JOINED_MAX_WORDS = 6                # words between two passives joined by "and" that share the
                                            # cause named after the second ("were killed and 260 were injured when")
SPEAKER_LOOKBACK_SENTENCES = 3              # sentences searched backwards for "he"/"she" or a quote's speaker
PRONOUN_LOOKBACK_SENTENCES = 3              # sentences with narration searched back for the person "he"/"she" names
PRONOUN_MAX_SENTENCES_BACK = 12             # sentences (quoted ones included) a pronoun may reach back at most
DOCUMENT_MAX_PARAGRAPHS = 12                # paragraphs of an unquoted statement after "Read the statement:"
DOCUMENT_OWNER_TITLE_CHARS = 40             # characters of title words between "a letter from" and its owner's name
VOICE_OMISSION_MIN_QUOTERS = 2              # other outlets that must quote a speaker for a voice omission
VOICE_COVERAGE_WEIGHT = 0.7                 # weight 0-1 of "share of other outlets quoting the speaker"
VOICE_PROMINENCE_WEIGHT = 0.3               # weight 0-1 of "the speaker's share of voice where quoted"
VOICE_PROMINENCE_FULL_SHARE = 0.25          # share of voice 0-1 that counts as fully prominent

# --- signals: word diff and framing (analysis/worddiff.py, analysis/signals/framing/, docs/FINDINGS.md)
DIFF_WEAK_ISLAND_MAX_TOKENS = 2             # tokens; an unchanged run of only function words/punctuation
                                            # this short between two changes joins them (no splinters)
FRAMING_MIN_VERSION_WORDS = 3               # words; a shorter version of a fact is not compared
FRAMING_QUOTE_MIN_WORDS = 3                 # words inside quotation marks that make a direct quote
FRAMING_QUOTE_OVERLAP_MAX = 0.3             # share 0-1 of quoted words two outlets share; at or below
                                            # it they quote "different words" of the speaker
FRAMING_IN_QUOTE_FACTOR = 0.6               # score multiplier for a word inside a quote (the speaker's,
                                            # not the outlet's, choice)
FRAMING_ONE_SIDED_FACTOR = 0.75             # score multiplier when the other version's matching diff
                                            # region is empty (extra content, not a substitution)
FRAMING_SENTIMENT_SHIFT_MIN = 0.5           # VADER compound difference (-2..2 scale) that is a shift
FRAMING_SENTIMENT_FULL_SHIFT = 1.5          # VADER compound difference that scores 1.0
FRAMING_SENTIMENT_WORDS_SHOWN = 3           # highest-valence words per side highlighted as evidence
FRAMING_STANCE_MIN_GAP = 0.4                # stance strength gap (-1..1 scale) between two versions that
                                            # is a "stance" finding when both lean the same way
FRAMING_NAME_MIN_SIMILARITY = 0.6           # rapidfuzz ratio 0-1 for two names to be spelling variants
FRAMING_QUANTITY_MAX_PER_VERSION = 6        # quantities of one unit in a version; more is a list, not a claim
FRAMING_SLOT_WINDOW_WORDS = 4               # words after (else before) a number or date searched for the
                                            # content word that says what it counts or dates (its slot)
FRAMING_STANCE_WINDOW_WORDS = 6             # words before / after a stance word read as its actor / its object
FRAMING_ESTIMATE_TOLERANCE = 0.1           # share 0-1 an estimate ("about 40") may be off and still agree
FRAMING_CONTEXT_WORDS = 7                   # words shown each side of a disputed value in evidence
SPELLING_MAX_EDITS_SHORT = 1                # letters changed, dropped or swapped for a slip in a short name
SPELLING_MAX_EDITS_LONG = 2                 # the same for a name of SPELLING_SHORT_WORD_LETTERS or more
SPELLING_SHORT_WORD_LETTERS = 7             # letters; shorter names allow SPELLING_MAX_EDITS_SHORT
SPELLING_MAX_ZIPF = 2.5                     # wordfreq Zipf; a form at least this common is a name of its own
SPELLING_MIN_ZIPF_GAP = 1.0                 # Zipf units (x10 in frequency) the slip is rarer than the form
EVENT_VOCABULARY_MIN_SHARE = 0.75           # share 0-1 of same-event outlets using a word family that makes
                                            # it the event's own vocabulary ("collapsed" in a quake), not framing
EVENT_VOCABULARY_MIN_OUTLETS = 2            # outlets; fewer never make a word the event's vocabulary
EVENT_SENSE_MIN_SHARE = 0.6                 # share 0-1 of same-event outlets expressing a sense class (urgency,
                                            # fear, destruction...) that makes its words the event's vocabulary
EVENT_SENSE_MIN_OUTLETS = 3                 # outlets; fewer never make a sense class the event's (with three
                                            # outlets, all three must express it)
FRAMING_SAME_CLAIM_MIN_SHARE = 0.4          # share 0-1 of the shorter version's content words the other has too:
                                            # two versions that share less are linked, not one claim
FRAMING_PROMINENCE_DISCOUNT = 0.2           # share 0-1 of a word choice's score lost at the article's end
                                            # (lede words weigh most for readers)
FRAMING_PARAPHRASE_MIN_SHARE = 0.25         # share 0-1 of a quote's content words a paraphrase must tell too
FRAMING_PARAPHRASE_MIN_WORDS = 2            # content words (stems) of a quote a paraphrase must tell, at least:
                                            # one shared word is the topic ("jury"), not what was said
FRAMING_DESCRIPTIVE_FACTOR = 0.3            # factor 0-1 on a word choice that describes a person's state or a thing
OPEN_CLAIM_WINDOW_WORDS = 6                 # words before a hedge searched for a warning, forecast or search
FRAMING_ASCRIBED_WINDOW_WORDS = 6           # words before a judgement searched for "as" and an ascribing verb
FRAMING_QUOTE_FRAGMENT_MAX_WORDS = 3        # words; a quote this short is the outlet's choice of words to
                                            # quote (a fragment), a longer one is the speaker's statement
FRAMING_VERB_SPEAKER_MAX_CHARS = 60         # characters between an attribution verb and its speaker's name
FRAMING_PLAIN_COUNTERPART_BONUS = 0.1       # score added when another outlet has plainer words facing it
FRAMING_WORD_CHANGE_MAX_WORDS = 6           # words each side of a diff change read as a substitution of words
FRAMING_WORD_FACING_MAX_WORDS = 3           # words; a longer stretch replacing a word is a rewrite, not a word
FRAMING_WORD_MIN_SCORE = 0.15               # score 0-1 under which a word-choice finding is not listed
FRAMING_SHARED_WORD_FACTOR = 0.8            # score multiplier when another outlet uses the same word too
QUOTE_SAME_WORDS_MIN_SHARE = 0.5            # share 0-1 of the shorter quote's content words two outlets'
                                            # quotes share to be one quote (one quote_vs_paraphrase row)
PASSIVE_GROUP_ITEM_BONUS = 0.05             # score added per further agentless passive in one article's row
PASSIVE_GROUP_MAX_BONUS = 0.15              # most that further passives add to the strongest one's score
FRAMING_EXCERPT_WORDS = 8                   # words of the other version quoted in evidence
FRAMING_FACING_MAX_WORDS = 12               # words; a changed stretch of the other version longer than
                                            # this is too wide to name as "what it has instead"
FRAMING_QUOTE_FULL_WORDS = 20               # quoted words at which a direct quote gets its full bonus
FRAMING_QUOTE_LENGTH_BONUS = 0.2            # score added, pro rata, for a long direct quote
# Base score 0-1 of each framing rule before the factors above; the strongest differences rank first.
FRAMING_BASE_SCORES = {
    "contradiction.number": 0.85, "contradiction.date": 0.8, "contradiction.weekday": 0.75,
    "contradiction.name_slot": 0.75, "contradiction.stance": 0.7, "spelling.name": 0.3,
    "attribution.doubt": 0.75, "attribution.emotive": 0.75, "attribution.concession": 0.65,
    "attribution.assertive": 0.5, "attribution.tentative": 0.5, "attribution.neutral": 0.0,
    "loaded.pejorative": 0.65, "loaded.dramatic": 0.55, "loaded.emotive": 0.55, "loaded.euphemism": 0.6,
    "loaded.judgement": 0.65, "loaded.manner": 0.6, "loaded.reaction": 0.6, "loaded.violent": 0.65,
    "loaded.theatre": 0.65,
    "quote.direct_vs_paraphrase": 0.45, "quote.different_words": 0.45,
    "naming.metonym": 0.5, "naming.spelling": 0.45,
    "passive.agentless": 0.45, "passive.agentless_vs_active": 0.55,
    "hedge.adverb": 0.5, "hedge.verb": 0.5, "hedge.phrase": 0.5, "hedge.modal": 0.4,
    "hedge.adjective": 0.4, "hedge.approximator": 0.35,
    "booster": 0.45, "intensifier.maximizer": 0.45, "intensifier.amplifier": 0.4,
    "intensifier.adjective": 0.35, "stance.strength": 0.5, "sentiment_shift": 0.8,
}

# --- session ------------------------------------------------------------------------------------
SESSION_SUFFIX = ".parallax"                # file name extension of a review session
SESSION_APPLICATION_ID = 0x50524C58         # SQLite application_id of a session file ("PRLX")
SESSION_BUSY_TIMEOUT_SECONDS = 5.0          # seconds a write waits for a reader's lock before failing
SESSION_UNDO_LIMIT = 5000                   # undo steps kept in the file; older ones are dropped
SESSION_NOTE_MERGE_SECONDS = 60.0           # seconds; note edits on one finding closer than this undo together
SESSION_MAX_NOTE_CHARS = 100_000            # characters in one review note; longer notes are refused

# --- batch over a folder (analysis/batch/) --------------------------------------------------------
DASK_CONNECT_SECONDS = 10                   # seconds to reach a Dask scheduler before giving up

# --- start-up cache (analysis/cache.py) ------------------------------------------------------------
STARTUP_CACHE_MAX_BYTES = 64 * 1024 * 1024  # bytes (64 MiB); one install's tables take ~8 MiB; over this,
                                            # the least recently used files go (PARALLAX_CACHE_LIMIT="200MB")
STARTUP_CACHE_SWEEP_TO = 0.75               # share of the limit a sweep brings the cache down to (so that
                                            # not every write sweeps)
STARTUP_CACHE_TOUCH_SECONDS = 60.0          # seconds; a file read back this long after its last use is marked used
STARTUP_CACHE_STALE_TMP_SECONDS = 3600.0    # seconds; a temporary file this old is a crashed writer's: removed
REGEX_SET_MAX_PATTERNS = 480                # compiled patterns kept for re's own cache (it holds 512)
REGEX_SET_MIN_NEW = 10                      # patterns new to the kept set from which a run stores it again

# --- cores (analysis/workers.py) -------------------------------------------------------------------
ENGINE_WORKERS = 2                          # processes one comparison's longest loops use at most (this one included)
WORKER_TIMEOUT_FACTOR = 10.0                # a forked child may take this many times this process's own slice ...
WORKER_TIMEOUT_MIN_SECONDS = 60.0           # ... and at least this many seconds, before its slice is computed here
LINK_PARALLEL_MIN_PAIRS = 5_000             # candidate pairs from which link evidence is split over the workers
VERIFY_PARALLEL_MIN_CANDIDATES = 2_000     # candidate omissions from which their searches are split
SIGNALS_PARALLEL_MIN_ARTICLES = 20          # articles from which metrics are computed beside voices and framing
EVENTS_PARALLEL_MIN_ARTICLES = 50           # articles from which their event profiles are split over the workers
