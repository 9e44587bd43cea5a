"""Months between dates, and the best date a document gives for itself."""

from __future__ import annotations

from datetime import date
from typing import Literal

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


PeriodFrom = Literal["start", "end"]
# How a date was known, as a finding names it; the last two are file metadata, not the text.
PERIOD, RECORDED, PRINTED = "period covered", "approval recorded", "printed"
METADATA = ("document metadata", "HTTP Last-Modified")


def _evidence(doc: Document, locator: str, quote: str) -> Evidence:
    return Evidence(
        url=doc.url, fetched_at=doc.fetched_at, sha256=doc.sha256, locator=locator, quote=quote
    )


def period_date(
    doc: Document, as_of: date, period_from: PeriodFrom
) -> tuple[date, Evidence, str] | None:
    """The start or end of the period the text says the document covers, if not after as_of."""
    period = doc.period
    if period is None:
        return None
    when = period.start if period_from == "start" else period.end
    if when > as_of:
        return None  # a period still to come (or misread) never makes a document current
    where = f"period covered ({period.locator})" if period.locator else "period covered"
    return when, _evidence(doc, where, period.quote[:240]), PERIOD


def recorded_date(doc: Document, as_of: date) -> tuple[date, Evidence, str] | None:
    """The latest approval the text records, or printed date with an own-date cue, by as_of."""
    found: list[tuple[date, Evidence, str]] = []
    approval = doc.approval
    if (
        approval is not None
        and approval.value <= as_of
        and not about_another_document(approval.quote)
    ):
        found.append(
            (approval.value, _evidence(doc, "approval recorded", approval.quote), RECORDED)
        )
    for printed in doc.printed_dates:
        if (
            printed.value <= as_of
            and any(compile_pattern(c).search(printed.quote) for c in OWN_DATE_CUES)
            and not about_another_document(printed.quote)
        ):
            found.append(
                (printed.value, _evidence(doc, "printed date", printed.quote[:240]), PRINTED)
            )
    return max(found, key=lambda item: item[0]) if found else None


def metadata_date(doc: Document, as_of: date) -> tuple[date, Evidence, str] | None:
    """File metadata, then the HTTP Last-Modified header: only when the text gives nothing."""
    for value, source in zip((doc.modified, doc.last_modified), METADATA, strict=True):
        if value is not None and value.date() <= as_of:
            return value.date(), _evidence(doc, source, f"{source}: {value.date()}"), source
    return None


def currency_date(
    doc: Document, as_of: date, period_from: PeriodFrom = "end"
) -> tuple[date, Evidence, str] | None:
    """The date a document is current from: the period its text says it covers (its start or
    end, as the rule says); failing that, the approval it records; file metadata only when the
    text gives neither (issue 13 item 4). A stated period wins over a later approval because the
    rules' ages are counted from it: accounts approved months after their year end must not gain
    those months (FIN-02 allows 21 months from the year end: 12 for the year, 9 to file). A year
    that only names the document ("Framework 2023") is a reading, so a later approval may date it.
    """
    period = period_date(doc, as_of, period_from)
    approval = recorded_date(doc, as_of)
    if period is not None and (doc.period is None or doc.period.exact):
        return period
    found = [item for item in (period, approval) if item is not None]
    if found:
        return max(found, key=lambda item: item[0])
    return metadata_date(doc, as_of)
