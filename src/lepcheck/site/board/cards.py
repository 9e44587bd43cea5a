"""Board members as cards: a heading per member with role, organisation and sector under it,
grouped under headings ("Private sector members", "Co-opted") that say what their cards share.
"""

from __future__ import annotations

from lepcheck.models import BoardMember, Document, Section
from lepcheck.site.board.entries import (
    STACKED_LINES,
    board_member,
    facts_of,
    group_role,
    group_sector,
    not_a_member,
    pair_stacked_labels,
    says_something,
    split_name,
)
from lepcheck.site.source import section_locator
from lepcheck.vocab.roles import BOARDISH_HEADING, NOT_MEMBERS_HEADING, STAFF_HEADING


def read_cards(doc: Document) -> list[BoardMember]:
    members: list[BoardMember] = []
    context: dict[int, str] = {}  # heading level -> the group heading that encloses later cards
    for section in doc.sections:
        split = split_name(section.heading)
        if split is None:
            context = {lvl: h for lvl, h in context.items() if lvl < section.level}
            context[section.level] = section.heading
            continue
        enclosing = [h for lvl, h in sorted(context.items()) if lvl < section.level]
        if (
            enclosing
            and STAFF_HEADING.search(enclosing[-1])
            and not BOARDISH_HEADING.search(enclosing[-1])
        ):
            continue
        if enclosing and NOT_MEMBERS_HEADING.match(enclosing[-1]):
            continue  # "Observers", "Advisers to the Board": they attend, they are not members
        raw_name, heading_parts = split
        if not_a_member(
            [*heading_parts, *pair_stacked_labels(section.text.splitlines()[: STACKED_LINES * 2])]
        ):
            continue
        member = _card_member(doc, section, raw_name, heading_parts, enclosing)
        if says_something(member, raw_name):
            members.append(member)
    return members


def _card_member(
    doc: Document, section: Section, raw_name: str, heading_parts: list[str], enclosing: list[str]
) -> BoardMember:
    lines = pair_stacked_labels([ln for ln in section.text.splitlines() if ln.strip()])
    facts = facts_of(heading_parts, lines[:8], raw_name)
    for heading in reversed(enclosing):
        facts.role = facts.role or group_role(heading)
        facts.sector = facts.sector or group_sector(heading)
    quote = " ".join([section.heading, *lines[:3]])
    return board_member(
        raw_name, facts, doc, section_locator(section.heading, section.page), quote, section.text
    )
