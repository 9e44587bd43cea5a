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

from collections.abc import Sequence
from typing import Literal

from lepcheck.models import Document, MeetingNotice, PublicationDate, SourceRef
from lepcheck.vocab.councils import (
    DECISION_RECORD,
    FURTHER_PRIVATE_NOTICE,
    PRIVATE_BUSINESS,
    PRIVATE_NOTICE,
)

NoticeRole = Literal["notice", "private_notice", "private_notice_further", "decision_record"]
NOTICE_ROLES: frozenset[str] = frozenset(
    {"notice", "private_notice", "private_notice_further", "decision_record"}
)


def notice_role(label: str) -> NoticeRole | None:
    """A meeting notice named by a link text, title or file name; None for anything else."""
    if FURTHER_PRIVATE_NOTICE.search(label):
        return "private_notice_further"
    if PRIVATE_NOTICE.search(label):
        return "private_notice"
    if DECISION_RECORD.search(label):
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
