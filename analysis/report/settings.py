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
