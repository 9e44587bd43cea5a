"""Soft errors: a success response that is not the document its link leads to expect.

Servers answer dead or broken links with HTTP 200 and an error page in the site's template, an
empty body, or a body that is not what the URL and its type promise (a PDF link that returns a
web page, an image or a JSON error; a page served as application/pdf; a ".docx" that is not a
zip). None of these is the document: nothing in it may count as evidence (a "Page not found"
page linked as "Conflicts of Interest Policy" once passed COI-01). Such a response is read as a
soft error: unreadable, with the reason, and kept out of the site model's documents, so the
findings that needed it say unknown (site/build.py). The snapshot keeps its bytes.

The bytes decide, not the labels: a real PDF served as application/octet-stream, as image/png
or from a download handler with no extension is a PDF, and is read as one.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from lepcheck.extract.parts import Extracted, clean_line
from lepcheck.vocab.soft_errors import ERROR_PAGE_OPENING, TITLE_SEPARATORS

# Error headings are short; a longer line that opens with these words is about something else.
MAX_ERROR_LINE = 100

# What a URL's extension, or a declared media type, promises: a document file of this kind.
PROMISED_BY_EXTENSION: dict[str, str] = {
    ".pdf": "PDF",
    ".docx": "Word",
    ".doc": "Word",
    ".xlsx": "Excel",
    ".xls": "Excel",
    ".odt": "OpenDocument",
    ".ods": "OpenDocument",
    ".pptx": "PowerPoint",
    ".rtf": "RTF",
}
PROMISED_BY_MEDIA: dict[str, str] = {
    "application/pdf": "PDF",
    "application/x-pdf": "PDF",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.oasis.opendocument.text": "OpenDocument",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument",
    "application/rtf": "RTF",
}
# The first bytes of document files: PDF (anywhere in the first KB, as readers allow), zip
# (DOCX, XLSX, ODF), OLE2 (legacy Office) and RTF. A body that starts otherwise is no document
# file, whatever its label.
_PDF = b"%PDF-"
_DOCUMENT_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf")
_IMAGE_STARTS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM", b"II*\x00", b"MM\x00*")
# An error page is short: its heading and a paragraph or two, besides the site's template.
ERROR_PAGE_MAX_CHARS = 3_000
_QUOTED = 80


def _extension(url: str) -> str:
    name = unquote(urlsplit(url).path).rsplit("/", 1)[-1].lower()
    return name[name.rfind(".") :] if "." in name else ""


def promised_file(url: str, content_type: str) -> str | None:
    """What the URL or the declared type promises ("the URL promises a PDF file"), or None."""
    by_extension = PROMISED_BY_EXTENSION.get(_extension(url))
    if by_extension:
        return f"the link promises a {by_extension} file"
    media = content_type.split(";", 1)[0].strip().lower()
    by_media = PROMISED_BY_MEDIA.get(media)
    return f"the server labelled it {media} (a {by_media} file)" if by_media else None


def is_document_file(body: bytes) -> bool:
    return _PDF in body[:1024] or body.startswith(_DOCUMENT_STARTS)


def what_came(body: bytes, content_type: str, title: str = "") -> str:
    """The body in a few words, for a reason a reader can check against the archived copy."""
    media = content_type.split(";", 1)[0].strip().lower() or "no type"
    if body.startswith(_IMAGE_STARTS):
        return f"an image ({media})"
    if title:
        return f"a web page titled '{clean_line(title)[:_QUOTED]}'"
    text = clean_line(body[: _QUOTED * 2].decode("utf-8", "replace"))
    return f"{len(body):,} bytes of {media} ('{text[:_QUOTED]}')"


def unpromised_bytes(url: str, content_type: str, body: bytes, title: str = "") -> str | None:
    """Why the bytes are not the document file the URL or type promised, or None."""
    promise = promised_file(url, content_type)
    if promise is None or is_document_file(body):
        return None
    return f"not the document: {promise} but the server sent {what_came(body, content_type, title)}"


def names_an_error(text: str, *, title: bool = True) -> bool:
    """Whether a title ("Page not found | Wyvern Vale LEP") or, with title=False, a heading or
    first line ("Sorry, we couldn't find that page") is an error page's."""
    line = clean_line(text)
    parts = [line, *TITLE_SEPARATORS.split(line)] if title else [line]
    return any(
        part and len(part) <= MAX_ERROR_LINE and ERROR_PAGE_OPENING.match(part) for part in parts
    )


def error_page(extracted: Extracted) -> str | None:
    """Why a page read as HTML or text is an error page or empty, or None."""
    if extracted.format not in ("html", "text") or extracted.unreadable_reason:
        return None
    text = "".join(page.text for page in extracted.pages)
    if not text.strip() and not extracted.links and not extracted.tables:
        return "not the document: the server sent a page with no text"
    if len(text) > ERROR_PAGE_MAX_CHARS:
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    named = next(
        (
            name
            for name, title in (
                (extracted.title, True),
                *((heading, False) for heading in (*extracted.headings[:2], *lines[:1])),
            )
            if name and names_an_error(name, title=title)
        ),
        None,
    )
    if named is None:
        return None
    return f"not the document: the server sent an error page ('{clean_line(named)[:_QUOTED]}')"
