"""sitemap.xml and sitemap indexes as crawl seeds, parsed with defusedxml and size bounds."""

from __future__ import annotations

import gzip
import zlib

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from lepcheck.crawl.decoding import BoundedBody

SITEMAP_MAX_BYTES = 10_000_000
MAX_SITEMAP_FILES = 20
MAX_SEED_URLS = 50_000


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _maybe_gunzip(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    bounded = BoundedBody("gzip", SITEMAP_MAX_BYTES)
    try:
        bounded.feed(body)
    except (zlib.error, gzip.BadGzipFile):
        return b""
    return bounded.body


def parse_sitemap(body: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index; ([], []) if unreadable."""
    data = _maybe_gunzip(body)[:SITEMAP_MAX_BYTES]
    try:
        root = SafeXML.fromstring(data)
    except (SafeXML.ParseError, DefusedXmlException, ValueError):
        return [], []
    pages: list[str] = []
    nested: list[str] = []
    kind = _local(root.tag)
    for entry in root:
        if _local(entry.tag) not in ("url", "sitemap"):
            continue
        for child in entry:
            if _local(child.tag) == "loc" and child.text and child.text.strip():
                (nested if kind == "sitemapindex" else pages).append(child.text.strip())
    return pages[:MAX_SEED_URLS], nested[:MAX_SITEMAP_FILES]
