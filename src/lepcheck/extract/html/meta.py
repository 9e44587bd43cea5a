"""What a web page's markup says beyond its text: links, <time> dates, meta-tag dates."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup
from bs4.element import Tag

from lepcheck.extract.dates import parse_uk_date
from lepcheck.extract.parts import MAX_LINKS, clean_line
from lepcheck.models import DatedValue, Link
from lepcheck.vocab.files import GENERIC_LINK_TEXT

_LINK_SCHEMES = ("http://", "https://")


def attribute_text(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def page_links(soup: BeautifulSoup, base: str) -> tuple[Link, ...]:
    base_tag = soup.find("base", href=True)
    if isinstance(base_tag, Tag):
        base = urljoin(base, attribute_text(base_tag, "href"))
    seen: set[tuple[str, str]] = set()
    links: list[Link] = []
    for anchor in soup.find_all(["a", "area"], href=True):
        href = attribute_text(anchor, "href").strip()
        url = urldefrag(urljoin(base, href)).url
        if not url.lower().startswith(_LINK_SCHEMES):
            continue
        text = clean_line(anchor.get_text(" ", strip=True))
        if not text:
            image = anchor.find("img", alt=True)
            alt = attribute_text(image, "alt") if isinstance(image, Tag) else ""
            text = clean_line(
                attribute_text(anchor, "title") or attribute_text(anchor, "aria-label") or alt
            )
        if not text or GENERIC_LINK_TEXT.match(text):
            # "Download" under a table's "Papers" column: the column says what it is.
            column = _column_label(anchor)
            if column:
                text = f"{column}: {text}" if text else column
        if (url, text) not in seen:
            seen.add((url, text))
            links.append(Link(url=url, text=text))
        if len(links) >= MAX_LINKS:
            return tuple(links)
    # Documents shown in an embedded viewer (an iframe of the PDF, an <object>) are
    # published on the page too, though no anchor points at them.
    for embed in soup.find_all(["iframe", "embed", "object"]):
        source = attribute_text(embed, "src") or attribute_text(embed, "data")
        url = urldefrag(urljoin(base, source.strip())).url if source.strip() else ""
        text = clean_line(attribute_text(embed, "title"))
        if url.lower().startswith(_LINK_SCHEMES) and (url, text) not in seen:
            seen.add((url, text))
            links.append(Link(url=url, text=text))
    return tuple(links[:MAX_LINKS])


MAX_SPAN = 20


def span_of(cell: Tag, name: str = "colspan") -> int:
    """How many columns (or rows, with name="rowspan") a table cell covers."""
    value = attribute_text(cell, name)
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _column_label(anchor: Tag) -> str:
    """The header of the table column a link sits in ("Papers"), or ""."""
    cell = anchor.find_parent(["td", "th"])
    row = cell.find_parent("tr") if isinstance(cell, Tag) else None
    table = row.find_parent("table") if isinstance(row, Tag) else None
    if not isinstance(cell, Tag) or not isinstance(row, Tag) or not isinstance(table, Tag):
        return ""
    header = next(
        (
            tr
            for tr in table.find_all("tr")
            if tr.find_parent("table") is table
            and (
                tr.find_parent("thead") is not None
                or all(c.name == "th" for c in tr.find_all(["td", "th"], recursive=False))
            )
        ),
        None,
    )
    if header is None or header is row:
        return ""
    position = 0
    for sibling in row.find_all(["td", "th"], recursive=False):
        if sibling is cell:
            break
        position += span_of(sibling)
    at = 0
    for heading in header.find_all(["td", "th"], recursive=False):
        at += span_of(heading)
        if at > position:
            return clean_line(heading.get_text(" ", strip=True))[:60]
    return ""


def time_dates(soup: BeautifulSoup) -> tuple[DatedValue, ...]:
    found: list[DatedValue] = []
    for time in soup.find_all("time"):
        quote = clean_line(time.get_text(" ", strip=True))
        value = parse_uk_date(attribute_text(time, "datetime")) or parse_uk_date(quote)
        if value is not None:
            found.append(DatedValue(value=value, provenance="printed", quote=quote or str(value)))
    return tuple(found[:50])


_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "dcterms.modified", "last-modified")
_CREATED_KEYS = ("article:published_time", "dcterms.created", "dcterms.issued", "dc.date", "date")


def _meta_datetime(raw: str) -> datetime | None:
    """ISO 8601 as CMSs write it ("2024-03-03T10:00:00+00:00"), else any UK date at 00:00 UTC."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        day = parse_uk_date(raw)
        return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def meta_dates(soup: BeautifulSoup) -> dict[str, tuple[datetime, DatedValue]]:
    """ "created" and "modified" from Open Graph / Dublin Core meta tags, when present."""
    found: dict[str, tuple[datetime, DatedValue]] = {}
    for meta in soup.find_all("meta", content=True):
        key = (attribute_text(meta, "property") or attribute_text(meta, "name")).lower()
        kind = "modified" if key in _MODIFIED_KEYS else "created" if key in _CREATED_KEYS else ""
        content = attribute_text(meta, "content")
        moment = _meta_datetime(content) if kind else None
        if moment is not None:
            quote = f'{key}="{content}"'
            found[kind] = (
                moment,
                DatedValue(value=moment.date(), provenance="document_metadata", quote=quote),
            )
    return found
