"""The matter a decision concerns, and the dates a committee system prints beside it.

A decision record, the Forward Plan entry announcing it and any exception notice name the same
matter in slightly different words ("Decision - Amberdale Quay regeneration: full business
case", "Issue - items at meetings - Amberdale Quay Regeneration full business case"); they are
paired when most of the decision's words appear in the other. ModernGov prints its dates beside
labels ("Date of decision: 09/01/2024", "Notice of proposed decision first published:
01/12/2023"), which the extract stage keeps as printed dates with their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import DatedValue, Document

# Words every committee-system page title carries, which say nothing of the matter.
FURNITURE = frozenset(
    {
        "the", "and", "for", "of", "to", "in", "on", "a", "an", "with", "by", "at", "from",
        "decision", "decisions", "details", "issue", "items", "item", "meetings", "meeting",
        "notice", "notices", "key", "proposed", "forward", "plan", "general", "exception",
        "special", "urgency", "record", "report", "cabinet", "council", "county", "pdf", "aspx",
        "iedecisiondetails", "ieissuedetails", "mgissuehistoryhome",
    }
)  # fmt: skip
SAME_MATTER = 0.6


def matter_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9£]+", text.lower())
    return frozenset(w for w in words if w not in FURNITURE and len(w) > 2)


def share_of(words: frozenset[str], other: str) -> float:
    """The share of `words` the other text contains."""
    if not words:
        return 0.0
    return len(words & matter_words(other)) / len(words)


def same_matter(matter: frozenset[str], *texts: str) -> bool:
    return any(share_of(matter, text) >= SAME_MATTER for text in texts)


def labelled_dates(doc: Document, labels: Iterable[str]) -> list[DatedValue]:
    """The document's printed dates whose words match a label, earliest first."""
    wanted = tuple(labels)
    return sorted((d for d in doc.printed_dates if matches_any(d.quote, wanted)), key=_value)


def _value(dated: DatedValue) -> date:
    return dated.value
