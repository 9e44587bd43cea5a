"""PDF: text per page, metadata dates, title, inferred headings and link annotations.

pypdfium2 (PDFium) reads the text layer fast. Scanned registers with no text layer are common
on LEP sites; they go through OCR when the optional `ocr` extra and tesseract are installed,
and are otherwise reported as unreadable with a reason, so checks say `unknown` instead of
`fail`.
"""

from __future__ import annotations

import ctypes
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urljoin

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lepcheck.extract.outline import headings_of, sections_from_blocks
from lepcheck.extract.parts import (
    MAX_LINKS,
    MAX_PAGES,
    MAX_TABLES,
    Budget,
    Extracted,
    clean_line,
    unreadable,
)
from lepcheck.extract.pdf.layout import StyledLine, blocks_from_styled, styled_lines
from lepcheck.extract.pdf.ocr import ocr_available, ocr_pages
from lepcheck.extract.pdf.tables import page_tables
from lepcheck.models import Link, PageText, Table
from lepcheck.vocab.files import GENERATOR_PREFIX, GENERIC_PDF_TITLE, SOURCE_FILE_EXTENSION

# A page with an image and fewer visible characters than this is a scan, not text.
_SCAN_CHARS = 25
IMAGE_ONLY_REASON = "image-only PDF: no text layer (install the ocr extra and tesseract to read it)"
_PDF_DATE = re.compile(
    r"^D?:?(?P<Y>\d{4})(?P<m>\d\d)?(?P<d>\d\d)?(?P<H>\d\d)?(?P<M>\d\d)?(?P<S>\d\d)?"
    r"(?P<tz>[Zz]|[+-]\d\d'?(?:\d\d)?'?)?"
)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)


def parse_pdf_date(raw: str) -> datetime | None:
    """D:YYYYMMDDHHmmSS+HH'mm' (any tail may be missing) as an aware datetime (UTC if none)."""
    match = _PDF_DATE.match(raw.strip())
    if not match:
        return None
    parts = {key: int(value) for key, value in match.groupdict().items() if value and key != "tz"}
    tz = UTC
    zone = match.group("tz")
    if zone and zone not in ("Z", "z"):
        digits = re.sub(r"\D", "", zone)
        hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
        offset = timedelta(hours=hours, minutes=minutes)
        tz = timezone(-offset if zone.startswith("-") else offset)
    try:
        return datetime(
            parts["Y"],
            parts.get("m", 1),
            parts.get("d", 1),
            parts.get("H", 0),
            parts.get("M", 0),
            parts.get("S", 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


def _metadata_title(raw: str) -> str:
    """Metadata titles are often the authoring file name ("Microsoft Word - ROI v2.docx");
    those are kept only without the generator prefix and extension, and "Untitled" dropped."""
    title = clean_line(GENERATOR_PREFIX.sub("", raw))
    title = SOURCE_FILE_EXTENSION.sub("", title).strip()
    if GENERIC_PDF_TITLE.match(title):
        return ""
    return title


def _first_lines_title(pages: tuple[PageText, ...]) -> str:
    for page in pages[:2]:
        for line in page.text.splitlines():
            line = clean_line(line)
            if sum(c.isalpha() for c in line) >= 4:
                return line[:200]
    return ""


def _page_links(
    document: pdfium.PdfDocument, page: pdfium.PdfPage, text: pdfium.PdfTextPage
) -> list[Link]:
    links: list[Link] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while len(links) < 200 and pdfium_c.FPDFLink_Enumerate(
        page.raw, ctypes.byref(position), ctypes.byref(link)
    ):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
        if size <= 0 or size > 4096:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
        uri = buffer.value.decode("utf-8", "replace").strip()
        rect = pdfium_c.FS_RECTF()
        label = ""
        if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            label = clean_line(text.get_text_bounded(rect.left, rect.bottom, rect.right, rect.top))
        links.append(Link(url=uri, text=label))
    return links


def _text_links(pages: tuple[PageText, ...], base_url: str) -> list[Link]:
    return [
        Link(url=urljoin(base_url, match.group(0).rstrip(".,;:")), text="")
        for page in pages
        for match in _URL_IN_TEXT.finditer(page.text)
    ]


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))


def _visible(lines: list[StyledLine]) -> int:
    return sum(len("".join(line.text.split())) for line in lines)


# PDFium is not thread-safe: concurrent use from two threads crashes the process (seen in
# sector sweeps, which check several LEPs at once). Every PDFium call in the process goes
# through read_pdf, so one lock here serialises them all.
PDFIUM_LOCK = threading.Lock()


def read_pdf(body: bytes, *, base_url: str) -> Extracted:
    with PDFIUM_LOCK:
        return _read_pdf_locked(body, base_url)


def _read_pdf_locked(body: bytes, base_url: str) -> Extracted:
    try:
        document = pdfium.PdfDocument(body)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            return unreadable("pdf", "encrypted PDF: a password is needed to open it")
        return unreadable("pdf", f"damaged PDF: {message}")
    try:
        return _read_open_pdf(document, base_url)
    finally:
        document.close()


# Pages drawn with more separate runs of text than this are not real pages: the runs past it
# are left out of the text layer (a real dense page holds a few thousand). PDFium spends about
# 250 bytes a character building a page's text layer, so a page of a million runs would take
# gigabytes (issue 11, class 10).
_MAX_PAGE_OBJECTS = 20_000


@dataclass
class _Collected:
    by_page: list[list[StyledLine]] = field(default_factory=list)
    scans: list[int] = field(default_factory=list)  # pictures with (almost) no text, 1-based
    tables: list[Table] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    any_text: bool = False


def _limit_page_objects(page: pdfium.PdfPage, number: int, budget: Budget) -> None:
    """Leave out of the text layer the runs of text past `_MAX_PAGE_OBJECTS`."""
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count <= _MAX_PAGE_OBJECTS:
        return
    for index in range(_MAX_PAGE_OBJECTS, count):
        pdfium_c.FPDFPageObj_SetIsActive(pdfium_c.FPDFPage_GetObject(page.raw, index), False)
    budget.cut(
        f"page {number} draws {count:,} objects: those past the first {_MAX_PAGE_OBJECTS:,} "
        "not read"
    )


def _page_text(text_page: pdfium.PdfTextPage, number: int, budget: Budget) -> str:
    """The page's text up to what the budget allows: a page showing millions of characters is
    cut where the budget ends, not read whole first."""
    chars = text_page.count_chars()
    allowed = min(chars, max(budget.chars, 0))
    if allowed < chars:
        budget.cut(f"page {number} cut after {allowed:,} of its {chars:,} characters")
    text = text_page.get_text_range(0, allowed) if allowed > 0 else ""
    budget.chars -= len(text)
    return text


def _read_page(document: pdfium.PdfDocument, index: int, budget: Budget, found: _Collected) -> None:
    page = document[index]
    try:
        _limit_page_objects(page, index + 1, budget)
        text_page = page.get_textpage()
        try:
            page_lines = styled_lines(
                text_page, _page_text(text_page, index + 1, budget), index + 1
            )
            if len(found.tables) < MAX_TABLES:
                found.tables.extend(page_tables(page, text_page, index + 1))
            if len(found.links) < MAX_LINKS:
                found.links.extend(_page_links(document, page, text_page))
        finally:
            text_page.close()
        visible = _visible(page_lines)
        if visible < _SCAN_CHARS and _has_image(page):
            found.scans.append(index + 1)
    finally:
        page.close()
    found.by_page.append(page_lines)
    found.any_text = found.any_text or visible > 0


def _read_pages(document: pdfium.PdfDocument, budget: Budget) -> _Collected:
    count = len(document)
    found = _Collected()
    for index in range(min(count, MAX_PAGES)):
        if budget.spent:
            budget.cut(f"pages {index + 1:,}-{count:,} not read")
            break
        _read_page(document, index, budget, found)
    if count > MAX_PAGES and not budget.spent:
        budget.cut(f"pages {MAX_PAGES + 1:,}-{count:,} not read (limit {MAX_PAGES:,} pages)")
    return found


def _read_open_pdf(document: pdfium.PdfDocument, base_url: str) -> Extracted:
    if len(document) == 0:
        return unreadable("pdf", "PDF has no pages (damaged or truncated)")
    metadata = document.get_metadata_dict(skip_empty=True)
    budget = Budget()
    found = _read_pages(document, budget)
    by_page = found.by_page
    scans = found.scans if found.any_text else list(range(1, len(by_page) + 1))
    reason = _scan_reason(scans, by_page, found.any_text)
    ocr = False
    if reason and ocr_available():
        # Bundles of scanned registers behind a typed cover page are common: OCR each scan.
        read = ocr_pages(document, scans)
        for number, lines in read.lines.items():
            by_page[number - 1] = [StyledLine(text=line, page=number) for line in lines]
        if read.reason():
            budget.cut(str(read.reason()))
        ocr = bool(read.lines)
        reason = None if read.lines else f"scanned PDF that OCR could not read: {read.reason()}"
    if reason:
        return unreadable("pdf", reason)
    pages = tuple(
        PageText(number=number, text="\n".join(line.text for line in lines))
        for number, lines in enumerate(by_page, start=1)
    )
    links = found.links + _text_links(pages, base_url)
    if len(links) > MAX_LINKS:
        budget.cut(f"links past the first {MAX_LINKS:,} not read")
    blocks = blocks_from_styled([line for lines in by_page for line in lines])
    title = _metadata_title(metadata.get("Title", "")) or _first_lines_title(pages)
    return Extracted(
        format="pdf",
        title=title,
        pages=pages,
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks, budget),
        links=tuple(dict.fromkeys(links))[:MAX_LINKS],
        tables=tuple(found.tables[:MAX_TABLES]),
        created=parse_pdf_date(metadata.get("CreationDate", "")),
        modified=parse_pdf_date(metadata.get("ModDate", "")),
        truncated_reason=budget.reason,
        ocr=ocr,
    )


def _scan_reason(scans: list[int], by_page: list[list[StyledLine]], any_text: bool) -> str | None:
    """Why the text layer cannot stand for the document, or None when it can.

    A scanned signature page at the end of typed minutes leaves the minutes readable; a PDF
    whose pages are mostly scans (or that has no text at all) is not, without OCR.
    """
    if not any_text:
        return IMAGE_ONLY_REASON
    if scans and len(scans) * 2 >= len(by_page):
        return (
            f"mostly scanned PDF: {len(scans)} of {len(by_page)} pages have no text layer "
            "(install the ocr extra and tesseract to read them)"
        )
    return None
