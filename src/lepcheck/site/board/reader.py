"""Board members from board pages: cards, tables, lists and profile pages.

BOARD-01..05, 10 and 13 (private-sector chair and deputy, two-thirds private sector, size,
gender balance, terms) are decided from this list, and ROI-01 (Ney 6.1: a register for each
board member) compares registers against it. Staff pages, news and headings such as "Our Board"
are not members; a member seen on several pages is one member.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from lepcheck.models import BoardMember, Document, MemberRole, Section, Sector
from lepcheck.site.board.member_lines import (
    MemberFacts,
    gender_from_pronouns,
    gender_from_title,
    infer_sector,
    read_role,
    read_sector_label,
)
from lepcheck.site.labels import pair_stacked, url_path
from lepcheck.site.names import (
    NAME_HEADER,
    TITLES,
    display_name,
    is_honour,
    looks_like_person_name,
    name_match,
    strip_titles_and_honours,
)
from lepcheck.site.source import cite, collapse, section_locator
from lepcheck.site.table_header import header_and_rows

_BOARD_CUE = re.compile(
    r"\bboard\b|\bdirectors\b|board[\s\-]members|our[\s\-]board|who[\s\-]we[\s\-]are|"
    r"\bmembership\b|\bour[\s\-]people\b",
    re.IGNORECASE,
)
_NOT_BOARD_CUE = re.compile(
    r"minutes|agenda|register|meeting|papers|\bnews\b|vacanc|recruit|"
    r"policy|\bjobs?\b|careers|\bblog\b|press|consultation|declaration|investment[\s\-]committee|"
    # a panel or sub-board's own membership page is not the board's ("Investment Panel")
    r"\bpanels?\b|\bsub[\s\-]?boards?\b|"
    r"\bevents?\b",
    re.IGNORECASE,
)
_BOARD_SECTION = re.compile(
    r"^\s*(?:(?:our|the|lep|meet\s+the)\s+)?board(?:\s+members(?:hip)?|\s+of\s+directors)?\s*$",
    re.IGNORECASE,
)
_PROFILE_PATH = re.compile(
    r"/(?:our-)?(?:board|board-members|directors|members|people|our-people)/[^/]+/?$", re.IGNORECASE
)
_STAFF_HEADING = re.compile(
    r"\b(?:staff|team|executive|secretariat|officers|employees|contact|news|latest)\b",
    re.IGNORECASE,
)
_BOARDISH_HEADING = re.compile(r"\bboard\b|\bdirectors\b|\bmembers\b", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:]\s+.*$")

_ROLE_HEADERS = re.compile(r"role|position|title|office", re.IGNORECASE)
_ORG_HEADERS = re.compile(
    r"organi[sz]ation|company|employer|business|representing|affiliation", re.IGNORECASE
)
_SECTOR_HEADERS = re.compile(r"sector|category|type", re.IGNORECASE)
_APPOINTED_HEADERS = re.compile(r"appoint|joined|start|from", re.IGNORECASE)
_TERM_HEADERS = re.compile(r"term|expir|end|until|to$", re.IGNORECASE)
_GENDER_HEADERS = re.compile(r"gender|sex", re.IGNORECASE)
_BULLET = re.compile(r"^[\s•*·▪\-–—]+")
_LIST_SPLIT = re.compile(r"\s+[–—\-]\s+|\s*\|\s*|,\s+|\t")


def is_board_document(doc: Document) -> bool:
    """Board listing or profile page: the classifier's word, or a board cue in its labels.
    ("Board and Executive Team" pages count; their staff cards are left out by heading.)"""
    if doc.kind == "board_page":
        return True
    if doc.format != "html" and doc.kind not in {"governance_page", "other"}:
        return False
    name_cues = f"{doc.title} | {url_path(doc.url)} | {' | '.join(doc.link_texts)}"
    if _BOARD_CUE.search(name_cues) and not _NOT_BOARD_CUE.search(name_cues):
        return True
    # A governance page with a section headed "Our Board" or "Board members".
    return doc.format == "html" and any(_BOARD_SECTION.match(h) for h in doc.headings)


def _member(
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


# "Chair: Jane Doe", "Vice Chair – John Smith": the role first, then the name.
_ROLE_FIRST = re.compile(
    r"^(?P<role>(?:(?:deputy|vice)[\s\-]*)?chair(?:man|woman|person)?|co-?opted\s+members?)"
    r"\s*(?::|–|—|-)\s*(?P<rest>.+)$",
    re.IGNORECASE,
)


def _split_name(text: str) -> tuple[str, list[str]] | None:
    """'Jane Smith (Chair) – Doe Ltd' -> ('Jane Smith', ['Chair', 'Doe Ltd']), if a name leads."""
    text = _BULLET.sub("", text).strip()
    role_first = _ROLE_FIRST.match(text)
    if role_first:
        split = _split_name(role_first.group("rest"))
        return (split[0], [role_first.group("role"), *split[1]]) if split else None
    surname_first = _SURNAME_FIRST.match(text)
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


# "ODUYA, Margaret – Chair": a surname in capitals, then the given names.
_SURNAME_FIRST = re.compile(
    r"^(?P<surname>(?:Mc|Mac)?[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){0,2})\s*,\s*"
    r"(?P<given>[A-Z][a-z][\w'’\-]*(?:\s+[A-Z][a-z][\w'’\-]*)?)(?P<rest>(?:\s|$).*)$"
)


def _is_name_word(token: str) -> bool:
    """A title or honour: 'Cllr', 'Dr', 'OBE'."""
    return token.lower().strip(".") in TITLES or is_honour(token)


def _read_cards(doc: Document) -> list[BoardMember]:
    members: list[BoardMember] = []
    context: dict[int, str] = {}  # heading level -> the group heading that encloses later cards
    for section in doc.sections:
        split = _split_name(section.heading)
        if split is None:
            context = {lvl: h for lvl, h in context.items() if lvl < section.level}
            context[section.level] = section.heading
            continue
        enclosing = [h for lvl, h in sorted(context.items()) if lvl < section.level]
        if (
            enclosing
            and _STAFF_HEADING.search(enclosing[-1])
            and not _BOARDISH_HEADING.search(enclosing[-1])
        ):
            continue
        if enclosing and _NOT_MEMBERS_HEADING.match(enclosing[-1]):
            continue  # "Observers", "Advisers to the Board": they attend, they are not members
        raw_name, heading_parts = split
        if _not_a_member(
            [*heading_parts, *pair_stacked_labels(section.text.splitlines()[: _STACKED_LINES * 2])]
        ):
            continue
        member = _card_member(doc, section, raw_name, heading_parts, enclosing)
        if _says_something(member, raw_name):
            members.append(member)
    return members


# People who attend the board without being members (observers, non-voting advisers), and
# members no longer: "Former members", "Andrew Pike ..., stood down on 31 March 2022".
_NOT_MEMBERS = re.compile(
    r"\bobservers?\b|\bnon[\s\-]voting\b|\bin\s+attendance\b|\badvis[eo]rs?\s+to\s+the\s+board\b|"
    r"\bformer\b|\bpast\s+(?:board\s+)?members\b|\bprevious\s+(?:board\s+)?members\b|"
    r"\b(?:stood|stepped)\s+down\b|\bresigned\b|\boutgoing\b",
    re.IGNORECASE,
)
# A heading over people who are not members: "Observers", "Former members".
_NOT_MEMBERS_HEADING = re.compile(
    r"^\s*(?:board\s+)?(?:observers?|former\s+(?:board\s+)?members|past\s+(?:board\s+)?"
    r"members|previous\s+(?:board\s+)?members|in\s+attendance|advis[eo]rs\s+to\s+the\s+board)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)


def _not_a_member(lines: Sequence[str]) -> bool:
    """A role line ("Role: Observer", "Section 151 Officer (observer)") that says the person
    attends without being a member. Only short lines count: a biography may say anything."""
    for line in lines:
        value = (
            line.split(":", 1)[1]
            if re.match(r"^\s*(?:role|position|title)\s*:", line, re.I)
            else line
        )
        if len(value.split()) <= _ROLE_WORDS and _NOT_MEMBERS.search(value):
            return True
    return False


_ROLE_WORDS = 8


def _says_something(member: BoardMember, raw_name: str) -> bool:
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


def _card_member(
    doc: Document, section: Section, raw_name: str, heading_parts: list[str], enclosing: list[str]
) -> BoardMember:
    lines = pair_stacked_labels([ln for ln in section.text.splitlines() if ln.strip()])
    facts = _facts(heading_parts, lines[:8], raw_name)
    for heading in reversed(enclosing):
        facts.role = facts.role or _group_role(heading)
        facts.sector = facts.sector or _group_sector(heading)
    quote = " ".join([section.heading, *lines[:3]])
    return _member(
        raw_name, facts, doc, section_locator(section.heading, section.page), quote, section.text
    )


# A field label alone on its line, its value on the next: definition lists (<dt>Role</dt>
# <dd>Vice Chair</dd>) and two-column profile boxes render so.
_BARE_LABEL = re.compile(
    r"^\s*(?:role|position|title|office|organi[sz]ation|company|employer|business|"
    r"representing|sector|category|appointed|date\s+appointed|term(?:\s+(?:ends?|expires?))?|"
    r"gender)\s*:?\s*$",
    re.IGNORECASE,
)


def pair_stacked_labels(lines: Sequence[str]) -> list[str]:
    """["Role", "Vice Chair", "Sector", "Public"] -> ["Role: Vice Chair", "Sector: Public"]."""

    def pairs(line: str, following: str, after: str) -> bool:
        # "Business" is a label word and a value: it is the value unless a value follows it.
        following_is_label = (
            bool(_BARE_LABEL.match(following)) and bool(after) and not _BARE_LABEL.match(after)
        )
        return bool(_BARE_LABEL.match(line)) and not following_is_label

    return pair_stacked(lines, pairs)


def _facts(parts: list[str], lines: list[str], raw_name: str) -> MemberFacts:
    """Fields from the name's own parts, then from the short lines under it (long prose is a
    biography, and a repeat of the name is not a field)."""
    facts = MemberFacts()
    for part in parts:
        facts.read_line(part)
    for line in pair_stacked_labels(lines):
        if len(line.split()) <= 20 and display_name(line) != display_name(raw_name):
            facts.read_line(line)
    return facts


_SINGLE_ROLE_HEADING = re.compile(
    r"^\s*(?:(?:the|our|lep|board)\s+)?(?:(?:deputy|vice)[\s\-]*)?chair(?:man|woman|person)?\s*$",
    re.IGNORECASE,
)


def _group_role(heading: str) -> MemberRole | None:
    # A heading that is one role ("Chair", "Our Vice-Chair") names the card under it; "Chair and
    # Deputy" is ambiguous. Co-opted groups carry over to every card.
    role = read_role(heading)
    if role == "co_opted" or (role is not None and _SINGLE_ROLE_HEADING.match(heading)):
        return role
    return None


def _group_sector(heading: str) -> Sector | None:
    if re.search(r"sector|local authorit|education|vcse|voluntary|universit", heading, re.I):
        return read_sector_label(heading)
    return None


def _column(header: Sequence[str], pattern: re.Pattern[str], used: set[int]) -> int | None:
    for index, cell in enumerate(header):
        if index not in used and pattern.search(cell):
            used.add(index)
            return index
    return None


def _read_tables(doc: Document) -> list[BoardMember]:
    members: list[BoardMember] = []
    for table in doc.tables:
        header, rows = header_and_rows(table, NAME_HEADER)
        if not header:
            continue
        used: set[int] = set()
        name_at = _column(header, NAME_HEADER, used)
        columns = {
            "role": _column(header, _ROLE_HEADERS, used),
            "organisation": _column(header, _ORG_HEADERS, used),
            "sector": _column(header, _SECTOR_HEADERS, used),
            "appointed": _column(header, _APPOINTED_HEADERS, used),
            "term": _column(header, _TERM_HEADERS, used),
            "gender": _column(header, _GENDER_HEADERS, used),
        }
        if name_at is None:
            continue
        for row in rows:
            if name_at >= len(row):
                continue
            split = _split_name(row[name_at])
            if split is None:
                continue
            raw_name, extra = split
            role_at = columns["role"]
            role_cell = [row[role_at]] if role_at is not None and role_at < len(row) else []
            if _not_a_member([*extra, *role_cell]):
                continue
            facts = MemberFacts()
            for part in extra:
                facts.read_line(part)
            for label, at in columns.items():
                if at is not None and at < len(row) and row[at].strip():
                    facts.read_label(label, row[at])
                    if label == "role":
                        facts.sector = facts.sector or read_sector_label(row[at])
            locator = f"table row '{collapse(row[name_at])}'"
            if table.page:
                locator = f"page {table.page}, {locator}"
            members.append(_member(raw_name, facts, doc, locator, " | ".join(row)))
    return members


def _read_list(doc: Document) -> list[BoardMember]:
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
            split = _split_name(stripped)
            if split is None:
                if len(stripped.split()) <= 6:
                    excluded = bool(_NOT_MEMBERS_HEADING.match(stripped))
                    sector_context = _group_sector(stripped) or (
                        None if _BOARDISH_HEADING.search(stripped) is None else sector_context
                    )
                continue
            raw_name, extra = split
            if excluded or _not_a_member(extra):
                continue
            # "Jane Doe (Chair)" with her job and company on the lines under it.
            only_roles = all(read_role(p) is not None for p in extra)
            following = lines[index + 1 : index + 1 + _STACKED_LINES]
            under = _lines_under(following) if only_roles else []
            facts = _facts(extra, under, raw_name)
            facts.sector = facts.sector or sector_context
            quote = " ".join([stripped, *under])
            member = _member(raw_name, facts, doc, f"page {page.number}", quote)
            # A bare name counts when it links somewhere (a profile page).
            if _says_something(member, raw_name) or stripped in link_texts:
                members.append(member)
    # A list is a list: a lone name-like line on a page is more likely a signature or a caption.
    return members if len(members) >= 2 else []


_STACKED_LINES = 4


def _lines_under(following: list[str]) -> list[str]:
    """The short lines under a bare name, up to the next name or a blank line."""
    taken: list[str] = []
    for line in following:
        if not line or _split_name(line) is not None or len(line.split()) > 12:
            break
        taken.append(line)
    return taken


def _read_profile(doc: Document) -> list[BoardMember]:
    if not _PROFILE_PATH.search(url_path(doc.url)):
        return []
    title = _TITLE_SUFFIX.sub("", doc.title).strip()
    candidates = [title, *(doc.headings[:2])]
    for candidate in candidates:
        split = _split_name(candidate)
        if split is None:
            continue
        raw_name, extra = split
        lines = [ln for ln in doc.text.splitlines() if ln.strip()]
        facts = _facts(extra, lines[:10], raw_name)
        return [_member(raw_name, facts, doc, "page 1", " ".join(lines[:3]), doc.text)]
    return []


def read_board_document(doc: Document) -> list[BoardMember]:
    """Members one board document names, in reading order (tables, then cards, else a list)."""
    members = _read_tables(doc) + _read_cards(doc)
    if not members:
        members = _read_profile(doc) or _read_list(doc)
    return members


def _merge(first: BoardMember, later: BoardMember) -> BoardMember:
    """One member seen twice: keep the first source, fill what it left at its default."""
    name = first.name if len(first.name) >= len(later.name) else later.name
    # A role from another site (a council's committee page) is that committee's, not the LEP's.
    same_site = urlsplit(first.source.url).hostname == urlsplit(later.source.url).hostname
    return first.model_copy(
        update={
            "name": name,
            "role": first.role if first.role != "member" or not same_site else later.role,
            "organisation": first.organisation or later.organisation,
            "sector": first.sector if first.sector != "unknown" else later.sector,
            "appointed": first.appointed or later.appointed,
            "term_end": first.term_end or later.term_end,
            "gender": first.gender if first.gender != "unknown" else later.gender,
        }
    )


SAME_PERSON = 0.75


def merge_members(members: Iterable[BoardMember]) -> list[BoardMember]:
    merged: list[BoardMember] = []
    for member in members:
        for index, known in enumerate(merged):
            if name_match(known.name, member.name) >= SAME_PERSON:
                merged[index] = _merge(known, member)
                break
        else:
            merged.append(member)
    return merged


def read_board(documents: Sequence[Document], home_url: str = "") -> list[BoardMember]:
    """All board members across the site's board documents, each once.

    The LEP's own board page speaks first: when pages disagree (an accountable body's committee
    page may call its own chair "Chair"), the first page read keeps its role and organisation.
    """
    found: list[BoardMember] = []
    board_docs = [d for d in documents if d.readable and is_board_document(d)]
    home = urlsplit(home_url).hostname or ""

    def reading_order(doc: Document) -> tuple[bool, bool, bool, int, str]:
        return (
            bool(home) and urlsplit(doc.url).hostname != home,
            doc.kind != "board_page",
            bool(_PROFILE_PATH.search(url_path(doc.url))),  # listing pages before profiles
            doc.depth,
            doc.url,
        )

    board_docs.sort(key=reading_order)
    for doc in board_docs:
        found.extend(read_board_document(doc))
    return merge_members(found)
