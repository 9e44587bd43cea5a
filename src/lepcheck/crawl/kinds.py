"""What a URL or a response is, as far as the crawler cares: page, document or neither."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lepcheck.vocab.files import DOWNLOAD_TEXT, DOWNLOAD_URL

DOCUMENT_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".csv", ".odt", ".ods", ".txt", ".rtf", ".pptx"}
)
# Extensions never fetched: media, code, archives, feeds of no use to a governance audit.
UNWANTED_EXTENSIONS = frozenset(
    {
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".svg",
        ".webp",
        ".bmp",
        ".ico",
        ".tif",
        ".tiff",
        ".css",
        ".js",
        ".mjs",
        ".map",
        ".json",
        ".woff",
        ".woff2",
        ".ttf",
        ".eot",
        ".otf",
        ".mp3",
        ".mp4",
        ".m4a",
        ".m4v",
        ".mov",
        ".avi",
        ".wmv",
        ".webm",
        ".ogg",
        ".wav",
        ".zip",
        ".gz",
        ".tgz",
        ".rar",
        ".7z",
        ".exe",
        ".dmg",
        ".msi",
        ".iso",
        ".apk",
        ".ics",
        ".vcf",
        ".rss",
        ".atom",
        ".swf",
        ".flv",
    }
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Types that IIS and old CMSs put on HTML pages by mistake: the body decides.
_SNIFFED_TYPES = (
    "text/plain",
    "application/octet-stream",
    "unknown/unknown",
    "application/unknown",
)
_LEADING_JUNK = re.compile(rb"^(\s|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<title", b"<meta")


def extension(url: str) -> str:
    path = unquote(urlsplit(url).path).lower()
    name = path.rsplit("/", 1)[-1]
    return name[name.rfind(".") :] if "." in name else ""


def is_document_url(url: str) -> bool:
    return extension(url) in DOCUMENT_EXTENSIONS


def is_document_link(url: str, link_text: str = "") -> bool:
    """A document by its extension, or by the tell-tale signs of a download link without one
    (ModernGov's mgConvert2PDF.aspx, "download?id=", a "(PDF, 120KB)" link text)."""
    if is_document_url(url):
        return True
    if DOWNLOAD_URL.search(unquote(url)):
        return True
    return bool(link_text) and bool(DOWNLOAD_TEXT.search(link_text))


def is_unwanted_url(url: str) -> bool:
    return extension(url) in UNWANTED_EXTENSIONS


def is_html(content_type: str, body: bytes) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    if media in _HTML_TYPES:
        return True
    if media and media not in _SNIFFED_TYPES:
        return False
    # No Content-Type, or one misconfigured servers give any file: sniff the start of the
    # body, as browsers do (a byte order mark, comments and a bare <head> included).
    head = _LEADING_JUNK.sub(b"", body[:1024].removeprefix(b"\xef\xbb\xbf")).lower()
    return head.startswith(_HTML_STARTS)
