"""Plain English function words, as the layout readers meet them.

A heading is told from prose partly by its capitals ("Declarations of Interest": every word
but the small ones capitalised); a table cell's text wraps at the cell edge, leaving a short
word alone on a line ("Director" / "of"). The two lists serve those two jobs and differ for
them (dashes count as small words in a title; "i", "is", "not" wrap in cells).
"""

from __future__ import annotations

# Words a title leaves in lower case ("Minutes of the Board"), and the dashes between its parts.
TITLE_CASE_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per",
     "the", "to", "with", "&", "-", "–", "—"]
)  # fmt: skip
# Short words a cell's text can wrap onto a line of their own ("Director" / "of").
SHORT_WORDS = frozenset(
    {"a", "i", "of", "to", "in", "on", "at", "by", "or", "an", "and", "the", "for", "its", "his",
     "her", "our", "is", "as", "be", "per", "via", "nor", "but", "all", "any", "no", "not", "etc"}
)  # fmt: skip
