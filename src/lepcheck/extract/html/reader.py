"""Web pages: title, main text, headings, sections, links, tables and marked-up dates."""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)

from lepcheck.extract.html.cards import HEADING_NAMES, CardFinder, named_heading_level
from lepcheck.extract.html.meta import attribute_text, meta_dates, page_links, time_dates
from lepcheck.extract.html.tables import html_tables
from lepcheck.extract.outline import BODY, Block, headings_of, sections_from_blocks
from lepcheck.extract.parts import MAX_LINKS, Budget, Extracted, clean_line
from lepcheck.models import PageText
from lepcheck.vocab.web import COOKIE_BANNER, FIELD_CLASS

_MAX_HTML_BYTES = 15_000_000
_NEVER_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas")
_CHROME = ("nav", "aside")
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search")
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
    ]
)
_CELLS = frozenset(("td", "th"))
_INLINE_FIELDS = frozenset(("span", "a", "strong", "b", "em", "small", "label"))
_CONTENT_ID = re.compile(r"^(main-?content|maincontent|content|main)$", re.IGNORECASE)


def _is_line(tag: Tag) -> bool:
    """Block elements, and inline ones that templates style as a field of their own
    (<span class="member-role">Chair</span><span class="member-org">Acme</span> would
    otherwise read "ChairAcme")."""
    if tag.name in _BLOCKS:
        return True
    return tag.name in _INLINE_FIELDS and bool(FIELD_CLASS.search(attribute_text(tag, "class")))


def _heading_level(tag: Tag) -> int:
    named = named_heading_level(tag.name)
    if named:
        return named
    if tag.get("role") == "heading":
        level = str(tag.get("aria-level", "2"))
        return int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2
    return BODY


def _holds_content(tag: Tag) -> bool:
    """Never drop a wrapper that holds the page's content (some themes put classes such as
    "cookies-accepted" on the page wrapper, and ASP.NET pages wrap everything in a form)."""
    return tag.name in ("html", "body", "main") or tag.find(["main", "article", "h1"]) is not None


def _drop_chrome(root: Tag) -> None:
    for tag in root.find_all(_NEVER_TEXT):
        tag.decompose()
    doomed: list[Tag] = []
    for tag in root.find_all(True):
        if not isinstance(tag, Tag):
            continue
        marks = attribute_text(tag, "id") + " " + attribute_text(tag, "class")
        chrome = (
            tag.name in _CHROME
            or attribute_text(tag, "role") in _CHROME_ROLES
            or (tag.name in ("header", "footer") and tag.find_parent("article") is None)
            or (tag.name == "form" and tag.find(["h1", "h2", "h3"]) is None)
            or bool(COOKIE_BANNER.search(marks))
        )
        if chrome and not _holds_content(tag):
            doomed.append(tag)
    for tag in doomed:
        if not tag.decomposed:
            tag.decompose()


def _main_element(soup: BeautifulSoup) -> Tag | None:
    body = soup.body or soup
    finders: tuple[Callable[[], object], ...] = (
        lambda: soup.find("main"),
        lambda: soup.find(role="main"),
        lambda: soup.find("article") if len(soup.find_all("article", limit=2)) == 1 else None,
        lambda: soup.find(id=_CONTENT_ID),
    )
    body_length: int | None = None
    for find in finders:
        candidate = find()
        if not isinstance(candidate, Tag):
            continue
        if body_length is None:
            body_length = len(body.get_text(" ", strip=True))
        # An empty <main> shell with the content elsewhere: fall back to the body.
        if len(candidate.get_text(" ", strip=True)) * 5 >= min(body_length, 2_000):
            return candidate
    return body if isinstance(body, Tag) else None


def _blocks(root: Tag, budget: Budget) -> list[Block]:
    """Lines in reading order; block elements end a line, table cells are joined by " | "."""
    blocks: list[Block] = []
    buffer: list[str] = []
    cards: dict[int, Tag] = {}
    finder = CardFinder(root)
    for heading in root.find_all(HEADING_NAMES):
        card = finder.card_of(heading, _heading_level(heading))
        if card is not None:
            cards[id(heading)] = card
    card_ids = {id(card) for card in cards.values()}
    open_cards: list[int] = []
    pending_bound: list[int | None] = [None]

    def flush(level: int = BODY) -> None:
        text = " | ".join(p for p in (clean_line(c) for c in "".join(buffer).split("\t")) if p)
        buffer.clear()
        if text and budget.spend(text):
            bound = pending_bound[0] if level != BODY else None
            blocks.append(
                Block(level=level, text=text, page=1, scopes=tuple(open_cards), bound=bound)
            )

    # Iterative walk: hostile pages nest thousands of elements deep.
    stack: list[tuple[PageElement, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(
                node, Comment | Declaration | Doctype | ProcessingInstruction | CData
            ):
                buffer.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        level = _heading_level(node)
        if closing:
            if id(node) in card_ids:
                flush()
                open_cards.remove(id(node))
                continue
            if node.name in _CELLS:
                buffer.append("\t")
            elif level != BODY or _is_line(node):
                flush(level)
            continue
        if node.name == "br":
            flush()
            continue
        if level != BODY or _is_line(node) or id(node) in card_ids:
            flush()
        if id(node) in card_ids:
            open_cards.append(id(node))
        if level != BODY:
            card = cards.get(id(node))
            pending_bound[0] = id(card) if card is not None else None
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.children)))
    flush()
    return blocks


def _charset(content_type: str, body: bytes) -> str | None:
    """The charset the server declared, if the body really is in it.

    Servers often declare UTF-8 for pages a CMS wrote in Windows-1252; trusting the header
    would turn every pound sign into U+FFFD. When the body does not decode as declared, the
    parser is left to detect the encoding from <meta> and the bytes themselves.
    """
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    if not match:
        return None
    try:
        body.decode(match.group(1))
    except (LookupError, UnicodeDecodeError):
        return None
    return match.group(1)


def read_html(body: bytes, *, base_url: str, content_type: str = "") -> Extracted:
    budget = Budget()
    if len(body) > _MAX_HTML_BYTES:
        budget.cut(f"page cut at {_MAX_HTML_BYTES:,} bytes")
        body = body[:_MAX_HTML_BYTES]
    soup = BeautifulSoup(body, "lxml", from_encoding=_charset(content_type, body))
    links = page_links(soup, base_url)
    if len(links) >= MAX_LINKS:
        budget.cut(f"links past the first {MAX_LINKS:,} not read")
    marked = time_dates(soup)
    meta = meta_dates(soup)
    created, modified = meta.get("created"), meta.get("modified")
    title_tag = soup.find("title")
    title = clean_line(title_tag.get_text(" ", strip=True)) if isinstance(title_tag, Tag) else ""
    if not title:
        og_title = soup.find("meta", property="og:title")
        title = clean_line(attribute_text(og_title, "content")) if isinstance(og_title, Tag) else ""
    if not title:
        h1 = soup.find("h1")
        title = clean_line(h1.get_text(" ", strip=True)) if isinstance(h1, Tag) else ""
    main = _main_element(soup)
    if main is None:
        return Extracted(format="html", title=title, links=links, truncated_reason=budget.reason)
    _drop_chrome(main)
    blocks = _blocks(main, budget)
    text = "\n".join(block.text for block in blocks)
    sections = sections_from_blocks(blocks, budget)
    return Extracted(
        format="html",
        title=title,
        pages=(PageText(number=1, text=text),),
        headings=headings_of(blocks),
        sections=sections,
        links=links,
        tables=html_tables(main),
        created=created[0] if created else None,
        modified=modified[0] if modified else None,
        marked_dates=marked + tuple(pair[1] for pair in (created, modified) if pair),
        truncated_reason=budget.reason,
    )
