"""Headings and sections from a flat run of lines.

HTML gives real heading levels; PDF, DOCX and plain text give lines from which headings are
inferred. Both end up as `Block`s, and one function turns blocks into sections: a heading plus
every line up to the next heading of the same or a higher level (so an h2 section also holds
the h3 cards under it, and each h3 card is its own section).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lepcheck.extract.parts import MAX_SECTIONS, Budget
from lepcheck.models import Section
from lepcheck.vocab.meetings import NUMBERED_HEADING
from lepcheck.vocab.wording import TITLE_CASE_SMALL_WORDS

BODY = 0  # level of an ordinary line; headings are 1..6


@dataclass(frozen=True)
class Block:
    """One line. `scopes` names the containers the line sits in; a heading with a `bound`
    (its card, in HTML) ends its section where that container ends."""

    level: int
    text: str
    page: int | None = None
    scopes: tuple[int, ...] = ()
    bound: int | None = None


def sections_from_blocks(
    blocks: Sequence[Block], budget: Budget | None = None
) -> tuple[Section, ...]:
    sections: list[Section] = []
    for index, block in enumerate(blocks):
        if block.level == BODY:
            continue
        if len(sections) >= MAX_SECTIONS:
            if budget is not None:
                budget.cut(f"sections past the first {MAX_SECTIONS:,} not read")
            break
        lines: list[str] = []
        for following in blocks[index + 1 :]:
            if following.level != BODY and following.level <= block.level:
                break
            if block.bound is not None and block.bound not in following.scopes:
                break
            lines.append(following.text)
        sections.append(
            Section(heading=block.text, level=block.level, text="\n".join(lines), page=block.page)
        )
    return tuple(sections)


def headings_of(blocks: Iterable[Block]) -> tuple[str, ...]:
    return tuple(block.text for block in blocks if block.level != BODY)


def _is_title_case(words: Sequence[str]) -> bool:
    significant = [w for w in words if w.lower() not in TITLE_CASE_SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return capitalised == len(significant)


def heading_level(line: str, next_line: str = "") -> int:
    """The heading level a plain line seems to have, or BODY.

    Only short lines qualify: numbered agenda or minute items (Ney 9.1 expects a numbered
    "Declarations of Interest" item), ALL CAPS lines, and short Title Case lines followed by
    ordinary prose. Numbered paragraphs that are whole sentences stay body text.
    """
    words = line.split()
    if not words or len(line) > 90 or len(words) > 12 or line.endswith((",", ";")):
        return BODY
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3:
        return BODY
    numbered = NUMBERED_HEADING.match(line)
    if numbered:
        title = numbered.group("title")
        if title.endswith(".") and len(title.split()) > 6:
            return BODY
        return min(2 + numbered.group("number").count("."), 6)
    if line.endswith((".", ":")) and not line.isupper():
        return BODY
    if all(c.isupper() for c in letters) and len(letters) >= 4:
        return 2
    if (
        len(words) <= 8
        and _is_title_case(words)
        and len(next_line.split()) > 12
        and not _is_title_case(next_line.split())
    ):
        return 3
    return BODY


def blocks_from_lines(lines: Sequence[str], page: int | None = None) -> list[Block]:
    blocks: list[Block] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        blocks.append(Block(level=heading_level(line, following), text=line, page=page))
    return blocks
