"""When a document went up: every date that bears on it, each with its provenance.

What each kind of date can prove (requirements.md, implementers' note 2; the project's guide,
"Dates say how they are known"):
- a first sighting in an earlier snapshot (first_seen), or a web archive's first capture of the
  same bytes (archive_capture, issue 15), proves the document was up by then;
- a date the publisher's own system records, or a "published on" line printed with the
  document, declares it;
- HTTP Last-Modified and file metadata suggest but do not prove it;
- a Last-Modified date shared by many documents is a bulk stamp (a site migration), and one on
  the fetch day is a page generated on request: neither says anything about publication.
"""

from __future__ import annotations

from datetime import date

from lepcheck.models import Document, PublicationDate, SiteModel
from lepcheck.site.meetings.publication import proved_dates

PROVENANCE_WORDS = {
    "first_seen": "proved: first seen by an earlier crawl",
    "archive_capture": "proved: first captured by a web archive",
    "declared": "declared",
    "last_modified": "suggested: HTTP Last-Modified",
    "document_metadata": "suggested: document metadata",
    "printed": "declared: a publication date printed on the document",
    "unknown": "unknown source",
}


def words_for(published: PublicationDate) -> str:
    """How a date is known, as a finding says it ("proved: first captured by ia at ...")."""
    if published.source:
        return f"{published.strength}: {published.source}"
    return PROVENANCE_WORDS[published.provenance]


# A Last-Modified date shared by this many documents (and this share of them) is a bulk stamp:
# a site migration or a CMS that re-dates every file, which says nothing about publication.
BULK_STAMP_MIN_DOCUMENTS = 5
BULK_STAMP_MIN_SHARE = 0.3


def bulk_stamped_dates(site: SiteModel) -> set[date]:
    dated = [d.last_modified.date() for d in site.documents if d.last_modified is not None]
    counts: dict[date, int] = {}
    for day in dated:
        counts[day] = counts.get(day, 0) + 1
    return {
        day
        for day, n in counts.items()
        if n >= BULK_STAMP_MIN_DOCUMENTS and n >= BULK_STAMP_MIN_SHARE * len(dated)
    }


def meaningful_last_modified(doc: Document, bulk: set[date]) -> date | None:
    """Last-Modified as evidence, or None: pages generated on request carry the fetch time, and
    a bulk-stamped date is a migration, not a publication."""
    if doc.last_modified is None:
        return None
    day = doc.last_modified.date()
    if day >= doc.fetched_at.date() or day in bulk:
        return None
    return day


def candidate_dates(
    doc: Document | None, stated: PublicationDate | None, bulk: set[date]
) -> list[PublicationDate]:
    """Every date that bears on publication, each with its provenance."""
    found: list[PublicationDate] = []
    if doc is not None:
        found.extend(proved_dates(doc))
        modified = meaningful_last_modified(doc, bulk)
        if modified is not None:
            found.append(PublicationDate(value=modified, provenance="last_modified"))
    if stated is not None and all(
        (d.value, d.provenance) != (stated.value, stated.provenance) for d in found
    ):
        # The site model's date rests on the same header: discard it for the same reasons.
        discredited = (
            doc is not None
            and stated.provenance == "last_modified"
            and meaningful_last_modified(doc, bulk) is None
        )
        if not discredited:
            found.append(stated)
    return found
