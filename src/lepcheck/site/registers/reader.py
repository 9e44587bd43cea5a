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
from datetime import date

from lepcheck.models import BoardMember, Document, RegisterEntry, SourceRef
from lepcheck.site.board.reader import is_board_document
from lepcheck.site.labels import file_stem_words, is_document_link, labels, url_path
from lepcheck.site.names import (
    NameIndex,
    best_match,
    display_name,
    looks_like_person_name,
    strip_titles_and_honours,
)
from lepcheck.site.registers.blocks import Block, block_entry, section_blocks, text_blocks
from lepcheck.site.registers.content import (
    categories_in,
    document_updated,
    entry_from_text,
    signed_copies_held,
)
from lepcheck.site.registers.rows import only_declarations_logs, table_entries
from lepcheck.site.source import PageOffsets, cite, collapse, line_locator, section_locator
from lepcheck.vocab.kinds import NOT_REGISTER_KINDS, POLICY_CUE, REGISTER_CUE
from lepcheck.vocab.registers import NAME_LABEL, NAME_NOISE

_WHOLE_BOARD = 3
_SEPARATORS = re.compile(r"\s+[–—\-|:]\s+|\s*[|(),:]\s*|\s+[–—]\s*")


def is_register_document(doc: Document) -> bool:
    """The classifier's kind, or a register cue in the title, link text or URL."""
    if doc.kind == "register_of_interests":
        return True
    named = labels(doc)
    if doc.kind in NOT_REGISTER_KINDS:
        # The classifier can be wrong: a file in a registers folder named after a person is a
        # register whatever its text resembles.
        in_register_folder = bool(REGISTER_CUE.search(url_path(doc.url).rsplit("/", 1)[0]))
        person = _name_from(doc.title) or [n for t in doc.link_texts for n in _name_from(t)]
        return in_register_folder and bool(person) and not POLICY_CUE.search(doc.title)
    return bool(REGISTER_CUE.search(named)) and not POLICY_CUE.search(doc.title)


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
        cleaned = collapse(NAME_NOISE.sub(" ", part.replace("_", " ")))
        if looks_like_person_name(cleaned):
            found.append(cleaned)
    return found


def name_candidates(doc: Document) -> list[str]:
    """Where a one-member register names its member, most explicit first."""
    candidates: list[str] = []
    first_page = doc.pages[0].text if doc.pages else ""
    for match in NAME_LABEL.finditer(first_page[:3000]):
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


def board_member_in_file_name(url: str, board_names: Sequence[str]) -> str | None:
    """'roi_jsmith.pdf', 'ROI-SmithJ.pdf': the one board member whose surname and first initial
    the file name runs together, if exactly one does."""
    stem = re.sub(r"[^a-z]", "", file_stem_words(url).lower())
    found: list[str] = []
    for name in board_names:
        tokens = [t.lower() for t in re.findall(r"[A-Za-z]+", strip_titles_and_honours(name))]
        if len(tokens) < 2 or len(tokens[-1]) < 3:
            continue
        first, surname = tokens[0], tokens[-1]
        if any(
            form in stem
            for form in (first + surname, first[0] + surname, surname + first, surname + first[0])
        ):
            found.append(name)
    return found[0] if len(found) == 1 else None


def _choose_name(candidates: list[str], board_names: Sequence[str], url: str = "") -> str | None:
    for candidate in candidates:
        if best_match(candidate, board_names) is not None:
            return candidate
    if candidates:
        return candidates[0]
    return board_member_in_file_name(url, board_names) if url else None


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
    name = _choose_name(name_candidates(doc), board_names, doc.url)
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
    if len(named) >= 2:
        return True
    # The same index may link to a web page per member ("/registers/jane-doe/"): it is an
    # index when it names members in links and asks none of the register's questions itself.
    pages = {
        link.url
        for link in doc.links
        if "#" not in link.url
        and link.url.rstrip("/") != doc.url.rstrip("/")
        and looks_like_person_name(collapse(link.text))
    }
    return len(pages) >= 2 and len(categories_in(full_text(doc))) < _INDEX_CATEGORIES


_INDEX_CATEGORIES = 3


def _form_blocks(doc: Document) -> list[Block]:
    """One file holding several members' forms, each opening "Name: ...": a block per form."""
    text = doc.text
    starts: list[tuple[int, str]] = []
    named: set[str] = set()
    for match in NAME_LABEL.finditer(text):
        value = next((v for v in match.groups() if v), "")
        names = _name_from(value.strip(), split=False) or _name_from(value)
        if names and names[0] not in named:
            named.add(names[0])
            starts.append((match.start(), names[0]))
    blocks: list[Block] = []
    pages = PageOffsets(doc)
    for position, (start, name) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        form = text[start:end]
        first_line = form.strip().splitlines()[0]
        at = start + len(form) - len(form.lstrip())
        blocks.append(Block(name, form, cite(doc, pages.locator(at), first_line)))
    return blocks if len(starts) >= 2 else []


def read_register_document(doc: Document, board_names: Sequence[str]) -> list[RegisterEntry]:
    if not doc.readable or not collapse(full_text(doc)):
        entry = _unreadable_entry(doc, board_names)
        return [entry] if entry else []
    if doc.format == "html" and _links_to_member_files(doc):
        return []
    rows = table_entries(doc, board_names)
    if not rows and only_declarations_logs(doc):
        return []  # a log of declarations at meetings: the minutes' record, not a register
    if len(rows) >= 2:
        return _with_document_facts(rows, doc)
    forms = _form_blocks(doc)
    known = [b for b in forms if best_match(b.name, board_names) is not None]
    # With a board to compare, two forms must be members' ("Name: John Doe" may be a spouse).
    if len(forms) >= 2 and (not board_names or len(known) >= 2):
        return _with_document_facts([block_entry(b, board_names) for b in forms], doc)
    candidates = name_candidates(doc)
    single = _choose_name(candidates, board_names, doc.url)
    one_member = single is not None and best_match(single, board_names) is not None
    blocks: list[Block] = []
    if one_member and board_names:
        # The first member's name as a heading reads like a one-member register; three or
        # more members' rows say the file is the whole board's.
        many = text_blocks(doc, board_names)
        blocks = many if len(many) >= _WHOLE_BOARD else []
    if not one_member:
        blocks = section_blocks(doc)
        if len(blocks) < 2:
            blocks = text_blocks(doc, board_names)
    if len(blocks) >= 2:
        entries = [block_entry(b, board_names) for b in blocks]
        return _with_document_facts(entries, doc)
    if single is None:
        return rows
    text = full_text(doc)
    quote_line = next((ln for ln in text.splitlines() if single.split()[-1] in ln), doc.title)
    source = cite(doc, line_locator(doc, quote_line), quote_line or single)
    entry = entry_from_text(single, text, source, board_names)
    if entry.dated is None:
        entry = entry.model_copy(update={"dated": _printed_date(doc)})
    return [entry]


def _printed_date(doc: Document) -> date | None:
    """A date the register prints about itself without a 'Date:' label ("Register of Interests
    – 3 April 2023"), as the extract stage found it; never one after the fetch."""
    dates = [d.value for d in doc.printed_dates if d.value <= doc.fetched_at.date()]
    return max(dates) if dates else None


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
    # A profile page's title names its member; a listing's title names the LEP ("The Board -
    # Greymarsh Valleys LEP"), which can read like a name: with a board to compare, only a
    # member's name counts.
    profile = _choose_name(_name_from(doc.title), board_names)
    if profile is not None and board_names and best_match(profile, board_names) is None:
        profile = None
    for section in doc.sections:
        lead = _SEPARATORS.split(section.heading)[0].strip()
        if looks_like_person_name(lead):
            person = (lead, section.level)
            continue
        if not REGISTER_CUE.search(section.heading):
            continue
        inside_card = person is not None and section.level > person[1]
        name = person[0] if person is not None and inside_card else profile
        if name is None or not section.text.strip():
            continue
        locator = section_locator(section.heading, section.page)
        source = cite(doc, locator, f"{name}: {section.heading} {section.text}")
        entries.append(entry_from_text(name, section.text, source, board_names))
    return entries


def read_registers(
    documents: Sequence[Document], board: Sequence[BoardMember]
) -> list[RegisterEntry]:
    """Every register entry on the site, once per (document, member)."""
    board_names = NameIndex(m.name for m in board)
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
