"""Finding phrases in documents and turning the hit into quotable evidence.

Checks quote the sentence a phrase was found in, with its page, so that a reader of the
report can verify every pass without re-reading the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lepcheck.models import Document, Evidence, SourceRef

QUOTE_LIMIT = 240


@dataclass(frozen=True)
class Hit:
    page: int
    quote: str


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Rule patterns are case-insensitive regular expressions; whitespace matches any run."""
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding text[start:end], trimmed to a quotable length."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    quote = " ".join(text[left:right].split())
    if len(quote) > QUOTE_LIMIT:
        hit = " ".join(text[start:end].split())
        pos = quote.lower().find(hit.lower())
        begin = max(0, pos - (QUOTE_LIMIT - len(hit)) // 2) if pos >= 0 else 0
        quote = quote[begin : begin + QUOTE_LIMIT].strip()
        quote = ("…" if begin > 0 else "") + quote + "…"
    return quote


def find_in_document(doc: Document, patterns: Sequence[str]) -> Hit | None:
    """First hit of any pattern in the document's pages, in page order."""
    for page in doc.pages:
        for pattern in patterns:
            match = compile_pattern(pattern).search(page.text)
            if match:
                return Hit(page.number, sentence_around(page.text, match.start(), match.end()))
    return None


def matches_any(text: str, patterns: Iterable[str]) -> str | None:
    """The first pattern that matches text, or None."""
    for pattern in patterns:
        if compile_pattern(pattern).search(text):
            return pattern
    return None


def page_locator(doc: Document, page: int) -> str:
    if doc.format in ("pdf", "docx") and len(doc.pages) > 1:
        return f"page {page}"
    if doc.format == "pdf":
        return "page 1"
    return "main text"


def evidence_from_hit(doc: Document, hit: Hit) -> Evidence:
    return Evidence(
        url=doc.url,
        fetched_at=doc.fetched_at,
        sha256=doc.sha256,
        locator=page_locator(doc, hit.page),
        quote=hit.quote,
    )


def evidence_from_title(doc: Document) -> Evidence:
    """Evidence that a document exists: its title, or the link text that led to it."""
    quote = doc.title or (doc.link_texts[0] if doc.link_texts else doc.url)
    return Evidence(
        url=doc.url,
        fetched_at=doc.fetched_at,
        sha256=doc.sha256,
        locator="title",
        quote=" ".join(quote.split())[:QUOTE_LIMIT],
    )


def evidence_from_source(source: SourceRef) -> Evidence:
    return Evidence(
        url=source.url,
        fetched_at=source.fetched_at,
        sha256=source.sha256,
        locator=source.locator,
        quote=source.quote[:QUOTE_LIMIT],
    )
