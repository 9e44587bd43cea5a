"""RegisterEntry per member's register of interests (Ney 6.1; ROI-01, ROI-05..08).

Sites publish registers three ways: one document per member (named in its title, heading,
file name or link text), one combined table (a row per member, the categories as columns; from
a spreadsheet as a Table, from a PDF as lines of text), or one page with a section per member.
An image-only scan still yields an entry for its member with no categories, so checks can say
`unknown` rather than `missing`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lepcheck.models import BoardMember, Document, RegisterEntry, SourceRef, Table
from lepcheck.site.board import is_board_document
from lepcheck.site.day_dates import date_in_label, exact_dates
from lepcheck.site.labels import file_stem_words, is_document_link, labels
from lepcheck.site.names import (
    NAME_HEADER,
    best_match,
    display_name,
    looks_like_person_name,
    strip_titles_and_honours,
)
from lepcheck.site.register_content import (
    categories_in,
    document_updated,
    mentions_household,
    register_date,
    signature_date,
    signed_copies_held,
    signed_in,
)
from lepcheck.site.source import cite, collapse, line_locator, section_locator

_REGISTER_CUE = re.compile(
    r"registers?[\s\-_]*of[\s\-_]*(?:members'?[\s\-_]*)?interests?|\broi\b|\bdoi\b|"
    r"declarations?[\s\-_]*of[\s\-_]*(?:members'?[\s\-_]*)?interests?|interests?[\s\-_]*registers?|"
    r"registerable[\s\-_]*interests|disclosable[\s\-_]*(?:pecuniary[\s\-_]*)?interests",
    re.IGNORECASE,
)
_NOT_REGISTER_KINDS = frozenset(
    {
        "minutes", "agenda", "coi_policy", "code_of_conduct", "assurance_framework",
        "whistleblowing_policy", "complaints_policy", "expenses_policy", "accounts",
        "funded_projects", "assurance_statement",
    }
)  # fmt: skip
_POLICY_CUE = re.compile(r"\bpolicy\b|\bprocedure\b|\bguidance\b|\bcode of conduct\b", re.I)
# Words in titles and file names of registers that are not the member's name.
_NOISE = re.compile(
    r"registers?\s+of\s+(?:members'?\s+)?interests?|declarations?\s+of\s+(?:members'?\s+)?"
    r"interests?|\b(?:register|registers|interests?|declarations?|roi|doi|form|board|members?|"
    r"lep|pdf|docx?|final|signed|updated?|copy|template|annual|redacted|web|version|v\d+|"
    r"of|the|for|and|to|a|by|new|current|amended|revised|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b|\d+",
    re.IGNORECASE,
)
_NAME_LABEL = re.compile(
    r"^\s*(?:full\s+)?name(?:\s+of\s+(?:board\s+)?(?:member|director|councillor))?\s*[:\-]\s*"
    r"(?P<name>[^\n]{3,60})$|^\s*(?:board\s+)?member(?:'s)?\s+name\s*[:\-]\s*(?P<name2>[^\n]{3,60})$"
    r"|^\s*I,?\s+(?P<name3>[A-Z][^,\n]{3,50}),"
    r"|^\s*(?:board\s+)?(?:member|director|councillor)\s*[:\-]\s*(?P<name4>[^\n]{3,60})$",
    re.IGNORECASE | re.MULTILINE,
)
_SEPARATORS = re.compile(r"\s+[–—\-|:]\s+|\s*[|(),:]\s*|\s+[–—]\s*")
# "Significant shareholdings" is not a signature column.
_SIGNED_HEADER = re.compile(r"\bsign(?:ed|ature|ing)\b", re.IGNORECASE)
_CATEGORY_HEADER = re.compile(r"categor|type\s+of\s+interest|interest\s+type", re.IGNORECASE)
_DATE_HEADER = re.compile(r"\bdate\b|updated|as at|reviewed", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:no|n|not signed|unsigned|-|–|n/?a)?\s*$", re.IGNORECASE)


def is_register_document(doc: Document) -> bool:
    """The classifier's kind, or a register cue in the title, link text or URL."""
    if doc.kind == "register_of_interests":
        return True
    if doc.kind in _NOT_REGISTER_KINDS:
        return False
    named = labels(doc)
    return bool(_REGISTER_CUE.search(named)) and not _POLICY_CUE.search(doc.title)


def full_text(doc: Document) -> str:
    """Text, section headings and table cells: spreadsheets and forms keep categories in cells."""
    parts = [doc.text, *doc.headings]
    if not doc.text.strip():
        parts.extend(f"{s.heading}\n{s.text}" for s in doc.sections)
    for table in doc.tables:
        parts.append(" | ".join(table.header))
        parts.extend(" | ".join(row) for row in table.rows)
    return "\n".join(p for p in parts if p)


def _name_from(text: str, *, split: bool = True) -> list[str]:
    parts = _SEPARATORS.split(text) if split else [text]
    found: list[str] = []
    for part in parts:
        cleaned = collapse(_NOISE.sub(" ", part.replace("_", " ")))
        if looks_like_person_name(cleaned):
            found.append(cleaned)
    return found


def name_candidates(doc: Document) -> list[str]:
    """Where a one-member register names its member, most explicit first."""
    candidates: list[str] = []
    first_page = doc.pages[0].text if doc.pages else ""
    for match in _NAME_LABEL.finditer(first_page[:3000]):
        value = next((v for v in match.groups() if v), "")
        candidates.extend(_name_from(value.strip(), split=False) or _name_from(value))
    candidates.extend(_name_from(doc.title))
    for text in doc.link_texts:
        candidates.extend(_name_from(text))
    for heading in doc.headings[:3]:
        candidates.extend(_name_from(heading))
    stem = " ".join(w.capitalize() for w in file_stem_words(doc.url).split())
    candidates.extend(display_name(n) for n in _name_from(stem, split=False))
    return candidates


@dataclass(frozen=True)
class _Block:
    name: str
    text: str
    source: SourceRef
    header: str = ""


def _choose_name(candidates: list[str], board_names: Sequence[str]) -> str | None:
    for candidate in candidates:
        if best_match(candidate, board_names) is not None:
            return candidate
    return candidates[0] if candidates else None


def _entry(
    name: str, text: str, source: SourceRef, board_names: Sequence[str], *, header_text: str = ""
) -> RegisterEntry:
    signed, _signed_quote = signed_in(text)
    dated, _date_quote = register_date(text)
    signed_date = signature_date(text) if signed else None
    match = best_match(name, board_names)
    return RegisterEntry(
        member_name=display_name(name),
        matched_member=match[0] if match else None,
        categories=categories_in(f"{header_text}\n{text}"),
        household=mentions_household(f"{header_text}\n{text}"),
        signed=signed,
        signed_date=signed_date,
        dated=dated or signed_date,
        source=source,
    )


def _table_layout(table: Table) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] | None:
    if table.header and any(NAME_HEADER.search(h) for h in table.header):
        return table.header, table.rows
    if table.rows and any(NAME_HEADER.search(c) for c in table.rows[0]):
        return table.rows[0], table.rows[1:]
    return None


def _table_entries(doc: Document, board_names: Sequence[str]) -> list[RegisterEntry]:
    """Combined tables: one row per member (categories as columns) or one row per interest."""
    entries: list[RegisterEntry] = []
    for table in doc.tables:
        layout = _table_layout(table)
        if layout is None:
            continue
        header, rows = layout
        name_at = next(i for i, h in enumerate(header) if NAME_HEADER.search(h))
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for row in rows:
            if name_at < len(row) and looks_like_person_name(row[name_at]):
                grouped.setdefault(row[name_at].strip(), []).append(row)
        for raw_name, member_rows in grouped.items():
            entries.append(_row_entry(doc, table, header, raw_name, member_rows, board_names))
    return entries


def _row_entry(
    doc: Document,
    table: Table,
    header: tuple[str, ...],
    raw_name: str,
    rows: list[tuple[str, ...]],
    board_names: Sequence[str],
) -> RegisterEntry:
    """One member's row(s). A category column counts when its cell holds anything, "None"
    included (the member answered, ROI-05); an empty cell is a question left unanswered."""
    long_format = any(_CATEGORY_HEADER.search(h) for h in header)
    answered: list[str] = []
    cells: list[str] = []
    signed = False
    signed_dates: list[date] = []
    dates: list[date] = []
    for row in rows:
        for label, cell in zip(header, row, strict=False):
            value = cell.strip()
            if not value or NAME_HEADER.search(label):
                continue
            if _SIGNED_HEADER.search(label):
                when = date_in_label(value)
                signed = signed or when is not None or not _NO.match(value)
                signed_dates.extend([when] if when else [])
            elif _DATE_HEADER.search(label):
                dates.extend([d] if (d := date_in_label(value)) else [])
            else:
                answered.append(label)
                cells.append(value)
    text = "\n".join(cells)
    # One generic "Interests" column names no category: the answers then show which it covers.
    categories = categories_in(text if long_format else " | ".join(answered)) or categories_in(text)
    household = mentions_household(" | ".join(answered)) or mentions_household(text)
    locator = f"table row '{collapse(raw_name)}'"
    if table.page:
        locator = f"page {table.page}, {locator}"
    match = best_match(raw_name, board_names)
    signed_date = max(signed_dates) if signed_dates else None
    # A dated row with a "Signed: Yes" column is dated by the member's signature.
    if signed and signed_date is None and dates:
        signed_date = max(dates)
    return RegisterEntry(
        member_name=display_name(raw_name),
        matched_member=match[0] if match else None,
        categories=categories,
        household=household,
        signed=signed,
        signed_date=signed_date,
        dated=max(dates) if dates else signed_date,
        source=cite(doc, locator, " | ".join(rows[0])),
    )


def _section_blocks(doc: Document) -> list[_Block]:
    """A register page with one section per member; category sub-headings join their member."""
    blocks: list[_Block] = []
    current: tuple[str, int, list[str], str, int | None] | None = None
    for section in doc.sections:
        if looks_like_person_name(section.heading):
            if current:
                blocks.append(_section_block(doc, current))
            current = (
                section.heading,
                section.level,
                [section.text],
                section.heading,
                section.page,
            )
        elif current and section.level > current[1]:
            continue  # already inside the member section's text
        elif current:
            blocks.append(_section_block(doc, current))
            current = None
    if current:
        blocks.append(_section_block(doc, current))
    return blocks


def _section_block(doc: Document, current: tuple[str, int, list[str], str, int | None]) -> _Block:
    name, _level, texts, heading, page = current
    text = "\n".join(texts)
    return _Block(name, text, cite(doc, section_locator(heading, page), f"{heading} {text}"))


_TITLE_PREFIX = (
    r"(?:(?:Cllr|Councillor|Dr|Prof|Professor|Sir|Dame|Mr|Mrs|Ms|Miss|Lord|Lady|Baroness)\.?\s+)*"
)


def _name_in_text(name: str, text: str) -> re.Match[str] | None:
    """Where a known member's name is written, across line breaks and with a middle initial:
    'Councillor\nRobert\nFenwick', 'Alistair J.\nCrowe'."""
    tokens = strip_titles_and_honours(name).split()
    if len(tokens) < 2:
        return None
    pattern = (
        rf"{_TITLE_PREFIX}\b{re.escape(tokens[0])}\w*(?:\s+[A-Z]\.?|\s+[A-Z][a-z]+){{0,2}}?"
        rf"\s+{re.escape(tokens[-1])}\b"
    )
    return re.search(pattern, text)


def _known_member_starts(text: str, board_names: Sequence[str]) -> list[tuple[int, int, str]]:
    starts: list[tuple[int, int, str]] = []
    for name in board_names:
        found = _name_in_text(name, text)
        if found:
            starts.append((found.start(), found.end(), collapse(found.group(0))))
    return sorted(starts)


def _line_starts(text: str, board_names: Sequence[str]) -> list[tuple[int, int, str]]:
    starts: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        name = _line_name(line.strip(), board_names) if line.strip() else None
        if name and all(name != n for _s, _e, n in starts):
            at = text.find(name, offset)
            starts.append((at, at + len(name), name))
        offset += len(line)
    return starts


def _text_blocks(doc: Document, board_names: Sequence[str]) -> list[_Block]:
    """A combined table read as text: split where a member's name begins a row. The text
    before the first name is the header (the categories asked of everyone)."""
    text = doc.text
    starts = _known_member_starts(text, board_names)
    if len(starts) < 2:
        starts = _line_starts(text, board_names)
    if len(starts) < 2:
        return []
    header = text[: starts[0][0]]
    blocks: list[_Block] = []
    for position, (start, name_end, name) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        own = text[name_end:end]
        if not re.search(r"[A-Za-z0-9]", own):
            continue  # a list of names linking to registers elsewhere, not a register
        quote = collapse(text[start:end])
        source = cite(doc, line_locator(doc, text[start:name_end]), quote)
        blocks.append(_Block(name, own, source, header))
    return blocks


def _line_name(line: str, board_names: Sequence[str]) -> str | None:
    """The person a table row starts with: a known member, or a line that is only a name."""
    words = line.split()
    line = line.replace("\xa0", " ")
    for length in (2, 3, 4, 5):
        prefix = " ".join(words[:length])
        if len(words) >= length and looks_like_person_name(prefix):
            if best_match(prefix, board_names) is not None:
                return prefix
            if len(words) == length or re.match(re.escape(prefix) + r"(?:\s{2,}|\t)", line):
                return prefix
    return None


_SIGNED_DATE_COLUMN = re.compile(
    r"date\s+signed|signature\s+date|date\s+of\s+signature|signed\s+on", re.IGNORECASE
)


def _block_entry(block: _Block, board_names: Sequence[str]) -> RegisterEntry:
    entry = _entry(block.name, block.text, block.source, board_names, header_text=block.header)
    if _SIGNED_DATE_COLUMN.search(block.header):
        # A "Date signed" column: a date in the member's row is their signature (Ney 6.1).
        dates = exact_dates(block.text)
        when = dates[-1][0] if dates else None
        entry = entry.model_copy(
            update={"signed": when is not None, "signed_date": when, "dated": when}
        )
    return entry


def _with_document_facts(entries: list[RegisterEntry], doc: Document) -> list[RegisterEntry]:
    """A combined register's own 'Last updated' and 'signed copies held' cover every member."""
    text = full_text(doc)
    held = signed_copies_held(text)
    updated = document_updated(text)
    return [
        e.model_copy(update={"signed": e.signed or held, "dated": e.dated or updated})
        for e in entries
    ]


def _unreadable_entry(doc: Document, board_names: Sequence[str]) -> RegisterEntry | None:
    name = _choose_name(name_candidates(doc), board_names)
    if name is None:
        return None
    reason = doc.unreadable_reason or "no text"
    source = cite(doc, f"document (unreadable: {reason})", doc.title or file_stem_words(doc.url))
    match = best_match(name, board_names)
    return RegisterEntry(
        member_name=display_name(name),
        matched_member=match[0] if match else None,
        source=source,
    )


def _links_to_member_files(doc: Document) -> bool:
    """A page of links such as "Jane Doe – register of interests (PDF)": each member's register
    is the linked file, and the page's own lines are captions, not registers."""
    named = [
        link
        for link in doc.links
        if is_document_link(link.url)
        and (_name_from(link.text) or _name_from(file_stem_words(link.url).title(), split=False))
    ]
    return len(named) >= 2


def read_register_document(doc: Document, board_names: Sequence[str]) -> list[RegisterEntry]:
    if not doc.readable or not collapse(full_text(doc)):
        entry = _unreadable_entry(doc, board_names)
        return [entry] if entry else []
    if doc.format == "html" and _links_to_member_files(doc):
        return []
    table_entries = _table_entries(doc, board_names)
    if len(table_entries) >= 2:
        return _with_document_facts(table_entries, doc)
    candidates = name_candidates(doc)
    single = _choose_name(candidates, board_names)
    one_member = single is not None and best_match(single, board_names) is not None
    blocks: list[_Block] = []
    if not one_member:
        blocks = _section_blocks(doc)
        if len(blocks) < 2:
            blocks = _text_blocks(doc, board_names)
    if len(blocks) >= 2:
        entries = [_block_entry(b, board_names) for b in blocks]
        return _with_document_facts(entries, doc)
    if single is None:
        return table_entries
    text = full_text(doc)
    quote_line = next((ln for ln in text.splitlines() if single.split()[-1] in ln), doc.title)
    source = cite(doc, line_locator(doc, quote_line), quote_line or single)
    return [_entry(single, text, source, board_names)]


def _link_entries(
    doc: Document, fetched: set[str], board_names: Sequence[str]
) -> list[RegisterEntry]:
    """Registers a listing page links to but the crawl did not fetch: present, content unknown."""
    entries: list[RegisterEntry] = []
    for link in doc.links:
        if link.url in fetched or not is_document_link(link.url):
            continue
        names = _name_from(link.text) or _name_from(file_stem_words(link.url), split=False)
        if not names:
            continue
        match = best_match(names[0], board_names)
        entries.append(
            RegisterEntry(
                member_name=display_name(names[0]),
                matched_member=match[0] if match else None,
                source=SourceRef(url=link.url, locator=f"link on {doc.url}", quote=link.text),
            )
        )
    return entries


def _card_entries(doc: Document, board_names: Sequence[str]) -> list[RegisterEntry]:
    """Board pages that show a member's interests in their card or profile page, under a
    heading such as "Register of interests" or "Declarations of interest"."""
    entries: list[RegisterEntry] = []
    person: tuple[str, int] | None = None
    profile = _choose_name(_name_from(doc.title), board_names)
    for section in doc.sections:
        lead = _SEPARATORS.split(section.heading)[0].strip()
        if looks_like_person_name(lead):
            person = (lead, section.level)
            continue
        if not _REGISTER_CUE.search(section.heading):
            continue
        inside_card = person is not None and section.level > person[1]
        name = person[0] if person is not None and inside_card else profile
        if name is None or not section.text.strip():
            continue
        locator = section_locator(section.heading, section.page)
        source = cite(doc, locator, f"{name}: {section.heading} {section.text}")
        entries.append(_entry(name, section.text, source, board_names))
    return entries


def read_registers(
    documents: Sequence[Document], board: Sequence[BoardMember]
) -> list[RegisterEntry]:
    """Every register entry on the site, once per (document, member)."""
    board_names = [m.name for m in board]
    fetched = {d.url for d in documents} | {d.final_url for d in documents}
    entries: list[RegisterEntry] = []
    seen: set[tuple[str, str]] = set()
    for doc in sorted(documents, key=lambda d: d.url):
        if is_register_document(doc):
            found = read_register_document(doc, board_names)
        elif doc.readable and is_board_document(doc):
            found = _card_entries(doc, board_names)
        else:
            continue
        if doc.format == "html":
            found.extend(_link_entries(doc, fetched, board_names))
        for entry in found:
            key = (doc.sha256 or entry.source.url, entry.member_name.lower())
            if key not in seen:
                seen.add(key)
                entries.append(entry)
    return entries
