"""Word (DOCX): paragraphs with their heading levels, tables, links and core properties.

Legacy binary Office files (.doc, .xls) are not read: `document.py` reports them as unreadable
with a reason rather than guessing at their text.
"""

from __future__ import annotations

import io

import docx

from lepcheck.extract.office.ooxml import utc_aware, zip_bomb_reason
from lepcheck.extract.office.word_body import WordParagraph, body_items
from lepcheck.extract.outline import BODY, Block, heading_level, headings_of, sections_from_blocks
from lepcheck.extract.parts import MAX_CHARS, MAX_TABLES, Extracted, clean_line, unreadable
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


def read_docx(body: bytes) -> Extracted:
    reason = zip_bomb_reason(body, "docx")
    if reason:
        return unreadable("docx", reason)
    document = docx.Document(io.BytesIO(body))
    style_names = {style.style_id: style.name or "" for style in document.styles}
    items = list(body_items(document.element.body, document.part.rels))
    texts = [clean_line(item.text) if isinstance(item, WordParagraph) else "" for item in items]
    blocks: list[Block] = []
    tables: list[Table] = []
    links: list[Link] = []
    total = 0
    for index, item in enumerate(items):
        if total >= MAX_CHARS:
            break
        if isinstance(item, WordParagraph):
            text = texts[index]
            if not text:
                continue
            following = next((t for t in texts[index + 1 : index + 20] if t), "")
            style = style_names.get(item.style_id, "")
            lines = [clean_line(line) for line in item.text.split("\n")]
            lines = [line for line in lines if line]
            if _docx_heading_level(style, text, following) != BODY or len(lines) == 1:
                # a styled heading stays one heading even if it wraps with line breaks
                lines = [text]
            for number, line in enumerate(lines):
                after = lines[number + 1] if number + 1 < len(lines) else following
                level = _docx_heading_level(style, line, after)
                blocks.append(Block(level=level, text=line, page=1))
            total += len(text)
            links.extend(Link(url=url, text=label) for url, label in item.links)
            continue
        rows = normalise_rows(item.rows)
        table = build_table(rows, page=1) if len(tables) < MAX_TABLES else None
        if table is not None:
            tables.append(table)
        for row in rows:
            line = " | ".join(cell for cell in row if cell)
            blocks.append(Block(level=BODY, text=line, page=1))
            total += len(line)
    properties = document.core_properties
    first_heading = next((b.text for b in blocks if b.level != BODY), "")
    first_line = blocks[0].text if blocks else ""
    return Extracted(
        format="docx",
        title=clean_line(properties.title or "") or first_heading or first_line[:200],
        pages=(PageText(number=1, text="\n".join(b.text for b in blocks)),),
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks),
        links=tuple(dict.fromkeys(links)),
        tables=tuple(tables),
        created=utc_aware(properties.created),
        modified=utc_aware(properties.modified),
    )
