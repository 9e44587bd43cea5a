"""Combined registers that are not tables: a page with a section per member, or a PDF table
read as text, split where a member's name begins a row (across line breaks, with middle
initials). The text before the first name is the header: the categories asked of everyone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lepcheck.models import Document, RegisterEntry, SourceRef
from lepcheck.site.day_dates import exact_dates
from lepcheck.site.names import best_match, looks_like_person_name
from lepcheck.site.registers.content import entry_from_text
from lepcheck.site.registers.written_names import WrittenNames
from lepcheck.site.source import PageOffsets, cite, collapse, section_locator
from lepcheck.vocab.registers import SIGNED_DATE_COLUMN


@dataclass(frozen=True)
class Block:
    name: str
    text: str
    source: SourceRef
    header: str = ""


def section_blocks(doc: Document) -> list[Block]:
    """A register page with one section per member; category sub-headings join their member."""
    blocks: list[Block] = []
    current: tuple[str, int, list[str], str, int | None] | None = None
    for section in doc.sections:
        name = heading_name(section.heading)
        if name is not None:
            if current:
                blocks.append(_section_block(doc, current))
            current = (
                name,
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


_ROLE_AFTER_NAME = re.compile(r"\s*\([^)]*\)\s*$|\s+[–—|\-]\s+.*$|\s*[:,]\s+.*$")


def heading_name(heading: str) -> str | None:
    """The person a section heading names: "Jane Doe", "J. Doe (Vice Chair)", "Jane Doe – Chair",
    "Jane Doe: Board Member"."""
    lead = _ROLE_AFTER_NAME.sub("", heading).strip()
    if lead and looks_like_person_name(lead):
        return lead
    return heading if looks_like_person_name(heading) else None


def _section_block(doc: Document, current: tuple[str, int, list[str], str, int | None]) -> Block:
    name, _level, texts, heading, page = current
    text = "\n".join(texts)
    return Block(name, text, cite(doc, section_locator(heading, page), f"{heading} {text}"))


def _known_member_starts(text: str, board_names: Sequence[str]) -> list[tuple[int, int, str]]:
    written = WrittenNames(text)
    starts: list[tuple[int, int, str]] = []
    for name in board_names:
        found = written.find(name)
        if found:
            start, end = found
            starts.append((start, end, collapse(text[start:end])))
    return sorted(starts)


def _line_starts(text: str, board_names: Sequence[str]) -> list[tuple[int, int, str]]:
    starts: list[tuple[int, int, str]] = []
    named: set[str] = set()
    offset = 0
    for line in text.splitlines(keepends=True):
        name = _line_name(line.strip(), board_names) if line.strip() else None
        if name and name not in named:
            at = text.find(name, offset)
            if at >= 0:
                named.add(name)
                starts.append((at, at + len(name), name))
        offset += len(line)
    return starts


def text_blocks(doc: Document, board_names: Sequence[str]) -> list[Block]:
    """A combined table read as text: split where a member's name begins a row. The text
    before the first name is the header (the categories asked of everyone)."""
    text = doc.text
    starts = _known_member_starts(text, board_names)
    if len(starts) < 2:
        starts = _line_starts(text, board_names)
    if len(starts) < 2:
        return []
    header = text[: starts[0][0]]
    pages = PageOffsets(doc)
    blocks: list[Block] = []
    for position, (start, name_end, name) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        own = text[name_end:end]
        if not re.search(r"[A-Za-z0-9]", own):
            continue  # a list of names linking to registers elsewhere, not a register
        quote = collapse(text[start:end])
        source = cite(doc, pages.locator(start), quote)
        blocks.append(Block(name, own, source, header))
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


def block_entry(block: Block, board_names: Sequence[str]) -> RegisterEntry:
    entry = entry_from_text(
        block.name, block.text, block.source, board_names, header_text=block.header
    )
    if SIGNED_DATE_COLUMN.search(block.header):
        # A "Date signed" column: a date in the member's row is their signature (Ney 6.1).
        dates = exact_dates(block.text)
        when = dates[-1][0] if dates else None
        entry = entry.model_copy(
            update={"signed": when is not None, "signed_date": when, "dated": when}
        )
    return entry
