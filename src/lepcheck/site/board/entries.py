"""One board member from what a page writes about them: the name line, the short lines of
facts under it, and whether the person is a member at all (observers and former members are not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lepcheck.models import BoardMember, Document, MemberRole, Sector
from lepcheck.site.board.member_lines import (
    MemberFacts,
    gender_from_pronouns,
    gender_from_title,
    infer_sector,
    read_role,
    read_sector_label,
)
from lepcheck.site.labels import pair_stacked
from lepcheck.site.names import (
    display_name,
    is_honour,
    looks_like_person_name,
    strip_titles_and_honours,
)
from lepcheck.site.source import cite, collapse
from lepcheck.vocab.people import SURNAME_FIRST, TITLES
from lepcheck.vocab.roles import (
    BARE_FIELD_LABEL,
    NOT_MEMBERS,
    ROLE_FIRST,
    ROLE_LABEL_LINE,
    SINGLE_ROLE_HEADING,
)
from lepcheck.vocab.sectors import SECTOR_HEADING

_BULLET = re.compile(r"^[\s•*·▪\-–—]+")
_LIST_SPLIT = re.compile(r"\s+[–—\-]\s+|\s*\|\s*|,\s+|\t")


def board_member(
    raw_name: str, facts: MemberFacts, doc: Document, locator: str, quote: str, extra: str = ""
) -> BoardMember:
    name = display_name(raw_name)
    organisation = collapse(facts.organisation)
    sector: Sector = facts.sector or infer_sector(organisation, raw_name)
    gender = facts.gender
    if gender == "unknown":
        gender = gender_from_title(raw_name)
    if gender == "unknown" and extra:
        gender = gender_from_pronouns(extra)
    return BoardMember(
        name=name,
        role=facts.role or "member",
        organisation=organisation,
        sector=sector,
        appointed=facts.appointed,
        term_end=facts.term_end,
        gender=gender,
        source=cite(doc, locator, quote),
    )


def split_name(text: str) -> tuple[str, list[str]] | None:
    """'Jane Smith (Chair) – Doe Ltd' -> ('Jane Smith', ['Chair', 'Doe Ltd']), if a name leads."""
    text = _BULLET.sub("", text).strip()
    role_first = ROLE_FIRST.match(text)
    if role_first:
        split = split_name(role_first.group("rest"))
        return (split[0], [role_first.group("role"), *split[1]]) if split else None
    surname_first = SURNAME_FIRST.match(text)
    if surname_first:
        surname = re.sub(  # "McDONALD" -> "McDonald"; all-capitals surnames display as such
            r"^(Mc|Mac)([A-Z])([A-Z'’\-]+)$",
            lambda m: m[1] + m[2] + m[3].lower(),
            surname_first["surname"],
        )
        text = f"{surname_first['given']} {surname}{surname_first['rest']}"
    in_brackets = re.findall(r"\(([^)]*)\)", text)
    parts = [p.strip() for p in _LIST_SPLIT.split(re.sub(r"\([^)]*\)", " ", text)) if p.strip()]
    if not parts:
        return None
    name = parts[0]
    # "Smith, Jane" style keeps the comma with the name only when followed by a single token.
    if not looks_like_person_name(name):
        return None
    # "Peter Brennan (Cllr)", "Jane Doe (OBE)": a title or honour in brackets is the name's.
    titles = [b for b in in_brackets if b.strip() and all(_is_name_word(t) for t in b.split())]
    for bracket in titles:
        honours = all(is_honour(t) for t in bracket.split())
        name = f"{name} {bracket}" if honours else f"{bracket} {name}"
    return name, [*(b for b in in_brackets if b not in titles), *parts[1:]]


def _is_name_word(token: str) -> bool:
    """A title or honour: 'Cllr', 'Dr', 'OBE'."""
    return token.lower().strip(".") in TITLES or is_honour(token)


def not_a_member(lines: Sequence[str]) -> bool:
    """A role line ("Role: Observer", "Section 151 Officer (observer)") that says the person
    attends without being a member. Only short lines count: a biography may say anything."""
    for line in lines:
        value = line.split(":", 1)[1] if ROLE_LABEL_LINE.match(line) else line
        if len(value.split()) <= _ROLE_WORDS and NOT_MEMBERS.search(value):
            return True
    return False


_ROLE_WORDS = 8


def says_something(member: BoardMember, raw_name: str) -> bool:
    """A card or list line that gives a role, organisation, sector, date or title beside the
    name. "Net Zero" or "Get Involved" read as names, but say nothing a board member's does."""
    has_title = strip_titles_and_honours(raw_name) != raw_name.strip()
    return (
        has_title
        or member.role != "member"
        or bool(member.organisation)
        or member.sector != "unknown"
        or member.appointed is not None
        or member.term_end is not None
    )


def pair_stacked_labels(lines: Sequence[str]) -> list[str]:
    """["Role", "Vice Chair", "Sector", "Public"] -> ["Role: Vice Chair", "Sector: Public"]."""

    def pairs(line: str, following: str, after: str) -> bool:
        # "Business" is a label word and a value: it is the value unless a value follows it.
        following_is_label = (
            bool(BARE_FIELD_LABEL.match(following))
            and bool(after)
            and not BARE_FIELD_LABEL.match(after)
        )
        return bool(BARE_FIELD_LABEL.match(line)) and not following_is_label

    return pair_stacked(lines, pairs)


def facts_of(parts: list[str], lines: list[str], raw_name: str) -> MemberFacts:
    """Fields from the name's own parts, then from the short lines under it (long prose is a
    biography, and a repeat of the name is not a field)."""
    facts = MemberFacts()
    for part in parts:
        facts.read_line(part)
    for line in pair_stacked_labels(lines):
        if len(line.split()) <= 20 and display_name(line) != display_name(raw_name):
            facts.read_line(line)
    return facts


def group_role(heading: str) -> MemberRole | None:
    # A heading that is one role ("Chair", "Our Vice-Chair") names the card under it; "Chair and
    # Deputy" is ambiguous. Co-opted groups carry over to every card.
    role = read_role(heading)
    if role == "co_opted" or (role is not None and SINGLE_ROLE_HEADING.match(heading)):
        return role
    return None


def group_sector(heading: str) -> Sector | None:
    if SECTOR_HEADING.search(heading):
        return read_sector_label(heading)
    return None


STACKED_LINES = 4
