"""Board members as lines of a list ("Jane Doe (Chair) - Doe Holdings Ltd"), or one member's own
profile page.
"""

from __future__ import annotations

import re

from lepcheck.models import BoardMember, Document, Sector
from lepcheck.site.board.entries import (
    STACKED_LINES,
    board_member,
    facts_of,
    group_sector,
    not_a_member,
    says_something,
    split_name,
)
from lepcheck.site.board.member_lines import read_role
from lepcheck.site.labels import url_path
from lepcheck.site.source import collapse
from lepcheck.vocab.roles import BOARDISH_HEADING, NOT_MEMBERS_HEADING, PROFILE_PATH

TITLE_SUFFIX = re.compile(r"\s+[|\-–—:]\s+.*$")


def read_list(doc: Document) -> list[BoardMember]:
    """Lines such as "Jane Doe (Chair) – Doe Holdings Ltd, private sector", or a name with its
    role and organisation on the lines under it (definition lists, PDF board lists)."""
    members: list[BoardMember] = []
    sector_context: Sector | None = None
    link_texts = {collapse(link.text) for link in doc.links}
    excluded = False  # under a heading such as "Former members" or "Observers"
    for page in doc.pages:
        lines = [ln.strip() for ln in page.text.splitlines()]
        for index, stripped in enumerate(lines):
            if not stripped or len(stripped.split()) > 25:
                continue
            split = split_name(stripped)
            if split is None:
                if len(stripped.split()) <= 6:
                    excluded = bool(NOT_MEMBERS_HEADING.match(stripped))
                    sector_context = group_sector(stripped) or (
                        None if BOARDISH_HEADING.search(stripped) is None else sector_context
                    )
                continue
            raw_name, extra = split
            if excluded or not_a_member(extra):
                continue
            # "Jane Doe (Chair)" with her job and company on the lines under it.
            only_roles = all(read_role(p) is not None for p in extra)
            following = lines[index + 1 : index + 1 + STACKED_LINES]
            under = _lines_under(following) if only_roles else []
            facts = facts_of(extra, under, raw_name)
            facts.sector = facts.sector or sector_context
            quote = " ".join([stripped, *under])
            member = board_member(raw_name, facts, doc, f"page {page.number}", quote)
            # A bare name counts when it links somewhere (a profile page).
            if says_something(member, raw_name) or stripped in link_texts:
                members.append(member)
    # A list is a list: a lone name-like line on a page is more likely a signature or a caption.
    return members if len(members) >= 2 else []


def _lines_under(following: list[str]) -> list[str]:
    """The short lines under a bare name, up to the next name or a blank line."""
    taken: list[str] = []
    for line in following:
        if not line or split_name(line) is not None or len(line.split()) > 12:
            break
        taken.append(line)
    return taken


def read_profile(doc: Document) -> list[BoardMember]:
    if not PROFILE_PATH.search(url_path(doc.url)):
        return []
    title = TITLE_SUFFIX.sub("", doc.title).strip()
    candidates = [title, *(doc.headings[:2])]
    for candidate in candidates:
        split = split_name(candidate)
        if split is None:
            continue
        raw_name, extra = split
        lines = [ln for ln in doc.text.splitlines() if ln.strip()]
        facts = facts_of(extra, lines[:10], raw_name)
        return [board_member(raw_name, facts, doc, "page 1", " ".join(lines[:3]), doc.text)]
    return []
