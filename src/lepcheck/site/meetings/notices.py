"""A meeting's notices: its own page (the website notice of its time and place), the notices of
a private meeting, and the record of its decisions; and whether part of it is held in private.

Statute asks for each on the website: notice of the time and place of a meeting and its agenda
five clear days ahead (LGA 1972 s. 100A(6)(a), s. 100B; SI 2012/2089 reg. 6), a notice of the
intention to meet in private 28 clear days ahead and a further notice with the reasons and any
representations five clear days ahead (SI 2012/2089 reg. 5(2)-(4)), and a written record of the
decisions made (reg. 12). ModernGov links them from the meeting page as "Notice of private
meeting", "Printed decisions" and the like; a private meeting's agenda carries the item
"Exclusion of the press and public" under Schedule 12A.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from lepcheck.models import Document, MeetingNotice, PublicationDate, SourceRef

NoticeRole = Literal["notice", "private_notice", "private_notice_further", "decision_record"]
NOTICE_ROLES: frozenset[str] = frozenset(
    {"notice", "private_notice", "private_notice_further", "decision_record"}
)

# "Further notice of private meeting: reasons, representations and response"; checked before
# the 28-day notice, whose words it shares.
_FURTHER = re.compile(
    r"\bfurther\s+notice\b[^|]{0,60}\bprivate\b|\bprivate\b[^|]{0,80}\brepresentations\b|"
    r"\bfive\s+(?:clear\s+)?days?\s+notice\b[^|]{0,40}\bprivate\b",
    re.I,
)
# "Notice of intention to hold part of the meeting in private", "Private meeting notice".
_PRIVATE = re.compile(
    r"\bnotice\s+of\s+(?:the\s+)?(?:intention|intent)\s+to\s+(?:hold|conduct|consider|meet)\b"
    r"[^|]{0,60}\bprivate\b|\bprivate\s+(?:meeting|business|session)\s+notice\b|"
    r"\bnotice\s+of\s+(?:a\s+)?private\s+(?:meeting|business|session)\b|"
    r"\b28[\s\-]+(?:clear\s+)?days?\s+notice\b[^|]{0,40}\bprivate\b",
    re.I,
)
# "Printed decisions", "Record of decisions", "Decision notice", "Schedule of cabinet decisions".
_DECISIONS = re.compile(
    r"\bprinted\s+decisions\b|\b(?:record|schedule|list|summary|statement|notice)s?\s+of\s+"
    r"(?:the\s+)?(?:executive\s+|cabinet\s+|key\s+)?decisions\b|\bdecision\s+(?:notice|record|"
    r"sheet)s?\b|\bdecisions?\s+(?:list|schedule|record)\b",
    re.I,
)
# The agenda item that takes a meeting into private (Schedule 12A exempt information).
PRIVATE_BUSINESS = re.compile(
    r"\bexclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+)?public\b|\bexempt\s+information\b|"
    r"\bschedule\s+12a\b|\bexclude\s+the\s+(?:press\s+and\s+)?public\b",
    re.I,
)


def notice_role(label: str) -> NoticeRole | None:
    """A meeting notice named by a link text, title or file name; None for anything else."""
    if _FURTHER.search(label):
        return "private_notice_further"
    if _PRIVATE.search(label):
        return "private_notice"
    if _DECISIONS.search(label):
        return "decision_record"
    return None


def holds_private_business(doc: Document | None) -> bool:
    return doc is not None and doc.readable and bool(PRIVATE_BUSINESS.search(doc.text))


def meeting_notices(
    found: Sequence[tuple[str, SourceRef, PublicationDate | None]],
) -> tuple[MeetingNotice, ...]:
    """One notice of each kind a meeting has (role, where, when published), the first found:
    a meeting's page is its notice, its decisions are recorded once."""
    notices: dict[str, MeetingNotice] = {}
    for role, ref, published in found:
        if role in NOTICE_ROLES and role not in notices:
            notices[role] = MeetingNotice(kind=role, source=ref, published=published)
    return tuple(notices.values())
