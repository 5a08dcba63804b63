"""Every threshold and limit of the engine, named, with its unit, in one place.

Sections belong to stages (ingest, segment, features, align, signals, ...).  Change a value here and
the methods appendix of the report, which lists these, changes with it.
"""
from __future__ import annotations

# --- ingest -------------------------------------------------------------------------------------
MAX_INPUT_BYTES = 20 * 1024 * 1024          # bytes; larger files are refused, not truncated
FETCH_TIMEOUT_SECONDS = 15.0                # seconds, per URL, connect + read
FETCH_MAX_BYTES = 10 * 1024 * 1024          # bytes read from a URL before giving up
MIN_ARTICLE_WORDS = 1                       # words; an article with fewer is "empty"
MAX_CONTROL_CHAR_RATIO = 0.05               # share of characters; above it the input is "binary"
FETCH_CHUNK_BYTES = 64 * 1024               # bytes per read from a URL (the timeout is checked between)
UTF16_MIN_NUL_SHARE = 0.05                  # share of odd (LE) or even (BE) bytes that are NUL in BOM-less UTF-16
CP1252_MAX_NON_ASCII_LETTER_SHARE = 0.3     # share of letters; above it a cp1252 reading is mojibake
HEADER_LINES = 8                            # non-blank lines at the top searched for title/dateline/byline
MIN_TITLE_WORDS = 3                         # words; a shorter first line is not taken as the title
MAX_TITLE_WORDS = 25                        # words; a longer first line is body, not a title
MAX_OUTLET_SUFFIX_WORDS = 4                 # words in "Title – CNN"-style outlet suffixes
MAX_CAPTION_WORDS = 80                      # words; a longer line above a photo credit is body, not caption
MAX_RELATED_HEADLINE_WORDS = 20             # words in a linked headline after "Related article"
MAX_META_LINE_WORDS = 12                    # words in a dateline, byline or "Source: X" line
TITLE_FALLBACK_WORDS = 10                   # words of the first sentence used when no title is found
LANGUAGE_MIN_WORDS = 20                     # words; shorter texts are not language-checked
MIN_ENGLISH_FUNCTION_WORD_SHARE = 0.15      # share of words; English prose measures about 0.4

# --- segment ------------------------------------------------------------------------------------
MAX_SENTENCE_CHARS = 2000                   # characters; longer runs are split at the nearest space

# --- features / similarity ----------------------------------------------------------------------
EMBED_MAX_TOKENS_PER_TEXT = 512             # model tokens; a longer sentence is embedded from its start
EMBED_CHUNK_TOKENS = 65_536                 # model tokens pooled per numpy step (bounds memory, ~64 MB)
# (weights and index sizes follow below, written by the tuning in analysis/bench/similarity.py)

# --- align --------------------------------------------------------------------------------------
LINK_MIN_SIMILARITY = 0.55                  # similarity 0-1; weaker links never join two sentences
MERGE_MIN_MEAN_SIMILARITY = 0.45            # similarity 0-1; mean over cross-article member pairs
MAX_SENTENCES_PER_OUTLET = 2                # sentences of one article in one fact
MAX_FACT_MEMBERS_CHECKED = 12               # members per side scored when checking a merge
MIN_FACT_WORDS = 6                          # words; shorter sentences (headings, labels) join no fact
FACT_LABEL_MAX_CHARS = 80                   # characters in a fact's label before it is cut at a word

# --- event --------------------------------------------------------------------------------------
SAME_EVENT_MIN_SCORE = 0.35                 # event score 0-1; below it an article is "another event"
EVENT_FACT_WEIGHT = 0.6                     # weight 0-1 of shared facts in a pair's affinity
EVENT_ENTITY_WEIGHT = 0.4                   # weight 0-1 of shared entities in a pair's affinity
EVENT_PEERS = 0.5                           # share of the other articles an article is compared with
EVENT_FULL_MATCH_AFFINITY = 0.5             # affinity 0-1 that counts as a full match (score 1.0)

# --- omissions ----------------------------------------------------------------------------------
OMISSION_MIN_CARRIERS = 2                   # other outlets that must carry a fact for an omission
LEDE_PARAGRAPHS = 3                         # paragraphs counted as the top of a story
OMISSION_COVERAGE_WEIGHT = 0.6              # weight 0-1 of "share of other outlets carrying the fact"
OMISSION_PROMINENCE_WEIGHT = 0.4            # weight 0-1 of "how high the carriers place it"
EXCLUSIVE_MAX_SCORE = 0.5                   # score 0-1 of an exclusive in the lede

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
SPEAKER_LOOKBACK_SENTENCES = 3              # sentences searched backwards for "he"/"she" or a quote's speaker
VOICE_OMISSION_MIN_QUOTERS = 2              # other outlets that must quote a speaker for a voice omission
VOICE_COVERAGE_WEIGHT = 0.7                 # weight 0-1 of "share of other outlets quoting the speaker"
VOICE_PROMINENCE_WEIGHT = 0.3               # weight 0-1 of "the speaker's share of voice where quoted"
VOICE_PROMINENCE_FULL_SHARE = 0.25          # share of voice 0-1 that counts as fully prominent
