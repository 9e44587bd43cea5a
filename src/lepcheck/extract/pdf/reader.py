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
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urljoin

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lepcheck.extract.outline import headings_of, sections_from_blocks
from lepcheck.extract.parts import (
    MAX_CHARS,
    MAX_LINKS,
    MAX_PAGES,
    MAX_TABLES,
    Extracted,
    clean_line,
    unreadable,
)
from lepcheck.extract.pdf.layout import StyledLine, blocks_from_styled, styled_lines
from lepcheck.extract.pdf.ocr import ocr_available, ocr_image
from lepcheck.extract.pdf.tables import page_tables
from lepcheck.models import Link, PageText, Table
from lepcheck.vocab.files import GENERATOR_PREFIX, GENERIC_PDF_TITLE, SOURCE_FILE_EXTENSION

_MAX_OCR_PAGES = 30
# 200 dpi reads typed registers about as well as 300 dpi, in about half the time.
_OCR_DPI = 200
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


def _ocr_lines(document: pdfium.PdfDocument, number: int) -> list[StyledLine]:
    page = document[number - 1]
    try:
        image = page.render(scale=_OCR_DPI / 72).to_pil()
    finally:
        page.close()
    return [StyledLine(text=line, page=number) for line in ocr_image(image).split("\n") if line]


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


def _read_open_pdf(document: pdfium.PdfDocument, base_url: str) -> Extracted:
    count = len(document)
    if count == 0:
        return unreadable("pdf", "PDF has no pages (damaged or truncated)")
    metadata = document.get_metadata_dict(skip_empty=True)
    by_page: list[list[StyledLine]] = []
    scans: list[int] = []  # numbers of pages that are pictures with (almost) no text
    tables: list[Table] = []
    links: list[Link] = []
    total = 0
    for index in range(min(count, MAX_PAGES)):
        page = document[index]
        try:
            text_page = page.get_textpage()
            try:
                page_lines = styled_lines(text_page, text_page.get_text_range(), index + 1)
                if len(tables) < MAX_TABLES:
                    tables.extend(page_tables(page, text_page, index + 1))
                if len(links) < MAX_LINKS:
                    links.extend(_page_links(document, page, text_page))
            finally:
                text_page.close()
            if _visible(page_lines) < _SCAN_CHARS and _has_image(page):
                scans.append(index + 1)
        finally:
            page.close()
        by_page.append(page_lines)
        total += sum(len(line.text) + 1 for line in page_lines)
        if total >= MAX_CHARS:
            break
    if not any(_visible(lines) for lines in by_page):
        scans = list(range(1, len(by_page) + 1))  # no text at all: every page is for OCR
    reason = _scan_reason(scans, by_page)
    if reason and ocr_available():
        # Bundles of scanned registers behind a typed cover page are common: OCR each scan.
        for number in scans[:_MAX_OCR_PAGES]:
            by_page[number - 1] = _ocr_lines(document, number)
        reason = None
    if reason:
        return unreadable("pdf", reason)
    pages = tuple(
        PageText(number=number, text="\n".join(line.text for line in lines))
        for number, lines in enumerate(by_page, start=1)
    )
    links.extend(_text_links(pages, base_url))
    blocks = blocks_from_styled([line for lines in by_page for line in lines])
    title = _metadata_title(metadata.get("Title", "")) or _first_lines_title(pages)
    return Extracted(
        format="pdf",
        title=title,
        pages=pages,
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks),
        links=tuple(dict.fromkeys(links))[:MAX_LINKS],
        tables=tuple(tables[:MAX_TABLES]),
        created=parse_pdf_date(metadata.get("CreationDate", "")),
        modified=parse_pdf_date(metadata.get("ModDate", "")),
    )


def _scan_reason(scans: list[int], by_page: list[list[StyledLine]]) -> str | None:
    """Why the text layer cannot stand for the document, or None when it can.

    A scanned signature page at the end of typed minutes leaves the minutes readable; a PDF
    whose pages are mostly scans (or that has no text at all) is not, without OCR.
    """
    if not any(_visible(lines) for lines in by_page):
        return IMAGE_ONLY_REASON
    if scans and len(scans) * 2 >= len(by_page):
        return (
            f"mostly scanned PDF: {len(scans)} of {len(by_page)} pages have no text layer "
            "(install the ocr extra and tesseract to read them)"
        )
    return None
