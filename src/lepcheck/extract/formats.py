"""Which reader a response needs, from its first bytes first and its content type second.

Servers mislabel files all the time: PDFs served as application/octet-stream, HTML error pages
served as application/pdf, spreadsheets as application/zip. The magic bytes are the truth; the
declared type and the URL's extension only decide between text formats.
"""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

from lepcheck.models import DocumentFormat

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF")


class UnsupportedFormatError(Exception):
    """A file lepcheck recognises but does not read; the message says what it is."""


def _zip_format(body: bytes) -> DocumentFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UnsupportedFormatError(f"damaged zip/Office file: {error}") from error
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormatError("PowerPoint (.pptx) files are not read")
    if "content.xml" in names and "mimetype" in names:
        raise UnsupportedFormatError("OpenDocument (.odt/.ods) files are not read")
    raise UnsupportedFormatError("zip archive that is not a Word or Excel file")


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or (
        b"<html" in start[:1024]
    )


def detect_format(body: bytes, content_type: str, url: str) -> DocumentFormat:
    """The format to read `body` as; raises UnsupportedFormatError with a reason for the rest."""
    head = body[:1024]
    declared = content_type.split(";")[0].strip().lower()
    extension = urlsplit(url).path.rsplit(".", 1)[-1].lower() if "." in url else ""
    if b"%PDF-" in head:
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        return _zip_format(body)
    if body.startswith(_OLE2):
        raise UnsupportedFormatError(
            "legacy Microsoft Office file (.doc/.xls/.ppt) or password-protected Office "
            "file: not read (a PDF or DOCX copy is needed)"
        )
    if body.startswith(_IMAGES):
        raise UnsupportedFormatError(f"image file ({declared or 'image'}), not a document")
    if b"\x00" in head:
        raise UnsupportedFormatError(f"binary file of type {declared or 'unknown'} is not read")
    if declared in ("text/html", "application/xhtml+xml") or _looks_like_html(head):
        return "html"
    if declared in ("text/csv", "application/csv") or extension == "csv":
        return "csv"
    if declared.startswith("text/") or extension in ("txt", "md") or not declared:
        return "text"
    if "pdf" in declared:
        raise UnsupportedFormatError("served as PDF but the file is not a PDF")
    raise UnsupportedFormatError(f"unsupported content type {declared}")
