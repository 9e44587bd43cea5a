"""CSV and plain text, in the encodings UK offices save them in."""

from __future__ import annotations

import csv
import io

from lepcheck.extract.outline import blocks_from_lines, headings_of, sections_from_blocks
from lepcheck.extract.parts import MAX_CHARS, MAX_TABLE_ROWS, Extracted, clean_line
from lepcheck.extract.tables import build_table, normalise_rows
from lepcheck.models import PageText


def decode_text(body: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which Excel on UK Windows writes."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def read_csv(body: bytes) -> Extracted:
    text = decode_text(body[: MAX_CHARS * 2])
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = normalise_rows(row for _, row in zip(range(MAX_TABLE_ROWS * 2), reader, strict=False))
    table = build_table(rows, page=1)
    lines = [" | ".join(cell for cell in row if cell) for row in rows]
    return Extracted(
        format="csv",
        title="",  # a CSV has no title of its own; document.py names it after the file
        pages=(PageText(number=1, text="\n".join(lines)),),
        tables=(table,) if table is not None else (),
    )


def read_text(body: bytes) -> Extracted:
    text = decode_text(body[:MAX_CHARS])
    lines = [clean_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    blocks = blocks_from_lines(lines, page=1)
    return Extracted(
        format="text",
        title=lines[0][:200] if lines else "",
        pages=(PageText(number=1, text="\n".join(lines)),),
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks),
    )
