"""Finding phrases in documents and turning the hit into quotable evidence.

Checks quote the sentence a phrase was found in, with its page, so that a reader of the
report can verify every pass without re-reading the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lepcheck.models import Document, Evidence, SourceRef
from lepcheck.vocab.caveats import CONDITIONAL, DENIALS
from lepcheck.vocab.dialect import compile_rule_pattern

QUOTE_LIMIT = 240
# How a rule's pattern is read (whitespace matches any run, case-insensitive): vocab.dialect.
compile_pattern = compile_rule_pattern


@dataclass(frozen=True)
class Hit:
    page: int
    quote: str


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


_CLAUSE_END = re.compile(r"[.;:!?\n]\s|\n|\bbut\b", re.IGNORECASE)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: up to the nearest full stop, semicolon or 'but'."""
    left = 0
    for boundary in _CLAUSE_END.finditer(text, max(0, start - 300), start):
        left = boundary.end()
    after = _CLAUSE_END.search(text, end, end + 300)
    right = after.start() if after else min(len(text), end + 300)
    return text[left:right]


def denied(text: str, start: int, end: int) -> bool:
    """Whether the clause around a hit denies it (see DENIALS)."""
    clause = clause_around(text, start, end)
    if matches_any(clause, (CONDITIONAL,)):
        return False
    return matches_any(clause, DENIALS) is not None


def link_label_line(doc: Document, text: str, start: int, end: int) -> bool:
    """Whether the hit stands in a line made only of the page's link labels: navigation or a
    footer ("Freedom of Information | Publication scheme"), or a bare link to a document. A
    link label points to content elsewhere; it is not that content."""
    if not doc.links:
        return False
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left : right if right >= 0 else len(text)]
    labels = {" ".join(link.text.split()).lower() for link in doc.links if link.text.strip()}
    parts = [" ".join(part.split()).lower() for part in re.split(r"\s[|•·]\s", line)]
    return all(part in labels for part in parts if part)


def find_in_document(doc: Document, patterns: Sequence[str]) -> Hit | None:
    """First hit of any pattern in the document's pages, in page order, skipping hits that the
    clause they stand in denies and hits in lines made only of link labels."""
    for page in doc.pages:
        for pattern in patterns:
            for match in compile_pattern(pattern).finditer(page.text):
                start, end = match.start(), match.end()
                if denied(page.text, start, end) or link_label_line(doc, page.text, start, end):
                    continue
                return Hit(page.number, sentence_around(page.text, start, end))
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
