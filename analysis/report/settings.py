"""Limits of the report (how many items each section shows); the methods appendix lists them too.

Why limits: a 50-outlet comparison has thousands of findings; the report shows the strongest and every
reviewed one, and says how many more the JSON holds, rather than becoming a phone book.
"""
from __future__ import annotations

SUMMARY_ITEMS = 5               # items per summary list
GRID_MAX_FACTS = 120            # facts (rows) in the fact x outlet grid; shared facts first
GRID_OUTLETS_PER_TABLE = 8      # outlet columns per grid table; more outlets -> several tables
OMISSIONS_MAX = 60              # omission rows
EXCLUSIVES_MAX = 25             # exclusive rows (one per outlet)
EXCLUSIVES_PER_ARTICLE = 6      # exclusive facts listed in one outlet's row
FINDINGS_PER_KIND = 25          # unreviewed findings per kind (reviewed ones are always shown)
KEY_FACTS = 6                   # facts shown as aligned excerpts
EXCERPT_MAX_OUTLETS = 10        # outlets per excerpt; the others are named, not quoted
VOICES_MAX = 12                 # speakers in the share-of-voice table and chart

# The editor's brief (the default report; ``full=True`` adds the complete lists and the methods).
BRIEF_GLANCE_ITEMS = 3          # omissions and framing findings listed on page 1
BRIEF_OMISSIONS = 10            # verified omissions in the brief's table
BRIEF_VOICES = 6                # voices left out in the brief
BRIEF_KEY_FACTS = 4             # facts shown side by side in the brief
BRIEF_FINDINGS = 10             # framing findings in the brief (reviewed ones first; at least this many)
TABLE_MIN_ROWS = 3              # rows of a table kept together at a page break (no page of 1-2 rows)
