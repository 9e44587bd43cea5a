"""Word (DOCX): paragraphs with their heading levels, tables, links and core properties.

Legacy binary Office files (.doc, .xls) are not read: `document.py` reports them as unreadable
with a reason rather than guessing at their text.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

import docx

from lepcheck.extract.office.ooxml import utc_aware, zip_bomb_reason
from lepcheck.extract.office.word_body import WordParagraph, WordTable, body_items
from lepcheck.extract.outline import BODY, Block, heading_level, headings_of, sections_from_blocks
from lepcheck.extract.parts import (
    MAX_TABLES,
    Budget,
    Extracted,
    clean_line,
    text_cut,
    unreadable,
)
from lepcheck.extract.tables import build_table, normalise_rows
from lepcheck.models import Link, PageText, Table


def _docx_heading_level(style: str, text: str, next_text: str) -> int:
    lowered = style.lower()
    if lowered == "title":
        return 1
    if lowered.startswith("heading"):
        digits = "".join(c for c in lowered if c.isdigit())
        return min(int(digits), 6) if digits else 2
    # Many authors make headings bold instead of styling them; fall back to the line's shape.
    return heading_level(text, next_text)


# A body of a million empty paragraphs has no text to spend the character budget on: the
# paragraphs and tables read are counted too.
_MAX_BODY_ITEMS = 100_000
# The heading test looks at the next line with text within this many paragraphs.
_LOOKAHEAD = 20


def _with_following(
    items: Iterable[WordParagraph | WordTable],
) -> Iterator[tuple[WordParagraph | WordTable, str, str]]:
    """Each item with its cleaned text ("" for tables) and the next text within the following
    paragraphs, read lazily so a huge body is never held whole."""
    window: deque[tuple[WordParagraph | WordTable, str]] = deque()
    source = iter(items)

    def fill() -> None:
        while len(window) < _LOOKAHEAD:
            item = next(source, None)
            if item is None:
                return
            window.append((item, clean_line(item.text) if isinstance(item, WordParagraph) else ""))

    fill()
    while window:
        item, text = window.popleft()
        fill()
        following = next((t for _, t in islice(window, _LOOKAHEAD - 1) if t), "")
        yield item, text, following


def _paragraph_blocks(item: WordParagraph, text: str, following: str, style: str) -> list[Block]:
    lines = [clean_line(line) for line in item.text.split("\n")]
    lines = [line for line in lines if line]
    if _docx_heading_level(style, text, following) != BODY or len(lines) == 1:
        # a styled heading stays one heading even if it wraps with line breaks
        lines = [text]
    return [
        Block(
            level=_docx_heading_level(
                style, line, lines[n + 1] if n + 1 < len(lines) else following
            ),
            text=line,
            page=1,
        )
        for n, line in enumerate(lines)
    ]


def read_docx(body: bytes) -> Extracted:
    reason = zip_bomb_reason(body, "docx")
    if reason:
        return unreadable("docx", reason)
    document = docx.Document(io.BytesIO(body))
    style_names = {style.style_id: style.name or "" for style in document.styles}
    budget = Budget()
    blocks: list[Block] = []
    tables: list[Table] = []
    links: list[Link] = []
    items = body_items(document.element.body, document.part.rels)
    for count, (item, text, following) in enumerate(_with_following(items)):
        if budget.spent or count >= _MAX_BODY_ITEMS:
            budget.cut(
                text_cut() if budget.spent else f"paragraphs past the first {count:,} not read"
            )
            break
        if isinstance(item, WordParagraph):
            if not text:
                continue
            if len(text) > budget.chars:  # one enormous run: keep what the budget allows
                item = WordParagraph(item.style_id, item.text[: budget.chars], item.links)
                text = clean_line(item.text)
                budget.cut(text_cut())
            blocks.extend(
                _paragraph_blocks(item, text, following, style_names.get(item.style_id, ""))
            )
            budget.chars -= len(text)
            links.extend(Link(url=url, text=label) for url, label in item.links)
            continue
        rows = normalise_rows(item.rows)
        table = build_table(rows, page=1) if len(tables) < MAX_TABLES else None
        if table is not None:
            tables.append(table)
        for row in rows:
            line = " | ".join(cell for cell in row if cell)
            blocks.append(Block(level=BODY, text=line, page=1))
            budget.chars -= len(line)
    properties = document.core_properties
    first_heading = next((b.text for b in blocks if b.level != BODY), "")
    first_line = blocks[0].text if blocks else ""
    return Extracted(
        format="docx",
        title=clean_line(properties.title or "") or first_heading or first_line[:200],
        pages=(PageText(number=1, text="\n".join(b.text for b in blocks)),),
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks, budget),
        links=tuple(dict.fromkeys(links)),
        tables=tuple(tables),
        created=utc_aware(properties.created),
        modified=utc_aware(properties.modified),
        truncated_reason=budget.reason,
    )
