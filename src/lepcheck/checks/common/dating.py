"""Months between dates, and the best date a document gives for itself."""

from __future__ import annotations

from datetime import date

from lepcheck.checks.common.text_search import compile_pattern
from lepcheck.models import Document, Evidence

# Words that make a printed date the document's own (approval, review, version), rather
# than a date it merely mentions (a meeting, a deadline, a funding year).
OWN_DATE_CUES = (
    r"approved",
    r"adopted",
    r"reviewed",
    r"review date",
    r"updated",
    r"revised",
    r"version",
    r"effective",
    r"signed",
    r"date of (?:signature|declaration|completion)",
    r"^date\b",
    r"published",
    r"agreed",
)


# A date whose sentence is about another body's document is not this document's own date:
# "DLUHC updated the National Local Growth Assurance Framework in January 2023" does not make a
# 2019 local framework current.
OTHER_DOCUMENT_CUES = (
    r"\bnational\b",
    r"\b(?:government|MHCLG|DLUHC|BEIS|HM Treasury|Cities and Local Growth Unit)\b",
    r"\bthe department\b",
    r"\b(?:ministry|secretary of state)\b",
)


OWN_ACTORS = r"\b(?:LEP|board|partnership|our|this (?:framework|document|policy|statement|plan))\b"


def about_another_document(quote: str) -> bool:
    """Whether a dated sentence is about another body's document and not this one's approval."""
    other = any(compile_pattern(c).search(quote) for c in OTHER_DOCUMENT_CUES)
    return other and not compile_pattern(OWN_ACTORS).search(quote)


def months_between(earlier: date, later: date) -> float:
    return (later - earlier).days / 30.4375


def own_date(doc: Document, as_of: date) -> tuple[date, Evidence, str] | None:
    """The latest self-describing date not after as_of: printed first, then metadata."""
    printed = [
        d
        for d in doc.printed_dates
        if d.value <= as_of
        and any(compile_pattern(c).search(d.quote) for c in OWN_DATE_CUES)
        and not about_another_document(d.quote)
    ]
    if printed:
        best = max(printed, key=lambda d: d.value)
        ev = Evidence(
            url=doc.url,
            fetched_at=doc.fetched_at,
            sha256=doc.sha256,
            locator="printed date",
            quote=best.quote[:240],
        )
        return best.value, ev, "printed"
    for value, source in (
        (doc.modified, "document metadata"),
        (doc.last_modified, "HTTP Last-Modified"),
    ):
        if value is not None and value.date() <= as_of:
            ev = Evidence(
                url=doc.url,
                fetched_at=doc.fetched_at,
                sha256=doc.sha256,
                locator=source,
                quote=f"{source}: {value.date().isoformat()}",
            )
            return value.date(), ev, source
    return None
