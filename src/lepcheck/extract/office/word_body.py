"""The body of a Word file as paragraphs and tables, read from its XML.

python-docx's `Paragraph.text` and `iter_inner_content` skip content controls (w:sdt): the
form fields of register-of-interest templates, where members type their answers, would be
lost. So the body is walked here: every w:t under a paragraph counts, content controls and
text boxes included, deleted text (w:delText) and the duplicate fallback copy of text boxes
(mc:Fallback) excluded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CONTAINERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag")
_MAX_SPAN = 20


@dataclass(frozen=True)
class WordParagraph:
    style_id: str
    text: str
    links: tuple[tuple[str, str], ...] = ()  # (url, text) of external hyperlinks


@dataclass(frozen=True)
class WordTable:
    rows: tuple[tuple[str, ...], ...]


def xml_text(element: Any) -> str:
    """Text under `element` in reading order; nested paragraphs start new lines."""
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == _FALLBACK:
            continue
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr") or (tag == f"{_W}p" and node is not element):
            parts.append("\n")
        stack.extend(reversed(list(node)))
    return "".join(parts)


def _paragraph(element: Any, rels: Any) -> WordParagraph:
    style = element.find(f"{_W}pPr/{_W}pStyle")
    style_id = style.get(f"{_W}val", "") if style is not None else ""
    links: list[tuple[str, str]] = []
    for link in element.iter(f"{_W}hyperlink"):
        rel = rels.get(link.get(f"{_R}id", ""))
        if rel is not None and rel.is_external:
            links.append((rel.target_ref, " ".join(xml_text(link).split())))
    return WordParagraph(style_id=style_id, text=xml_text(element), links=tuple(links))


def _table(element: Any) -> WordTable:
    rows: list[tuple[str, ...]] = []
    for row in element.iter(f"{_W}tr"):
        if row.getparent() is not element and row.getparent().tag != f"{_W}sdtContent":
            continue  # rows of a table nested in a cell belong to that cell's text
        cells: list[str] = []
        for cell in row.iterchildren(f"{_W}tc"):
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            value = span.get(f"{_W}val", "1") if span is not None else "1"
            repeat = min(int(value), _MAX_SPAN) if value.isdigit() and int(value) > 0 else 1
            cells.extend([" ".join(xml_text(cell).split())] * repeat)
        rows.append(tuple(cells))
    return WordTable(rows=tuple(rows))


def body_items(body: Any, rels: Any) -> Iterator[WordParagraph | WordTable]:
    """Paragraphs and tables of a w:body in order, looking inside content controls. Children
    are visited lazily (a body of a million paragraphs is never listed whole), with a stack
    of iterators rather than recursion (hostile files nest content controls deeply)."""
    stack: list[Iterator[Any]] = [iter(body)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node.tag == f"{_W}p":
            yield _paragraph(node, rels)
        elif node.tag == f"{_W}tbl":
            yield _table(node)
        elif node.tag in _CONTAINERS:
            stack.append(iter(node))
