"""When a document was published, and how we know (MEET-01..03: 5 and 10 clear working days).

No website states when it uploaded a paper, so the date is read from the best evidence there
is, in this order: what proves it (the crawl history, `first_seen` from an earlier snapshot,
where a first sighting on the day of this fetch proves nothing; and a web archive's first
capture of the same bytes, issue 15: the earlier of the two), the server's Last-Modified header,
the file's own creation date, and last a date the document prints beside words like
"Published". The provenance travels with the date so a report can say how sure it is.
"""

from __future__ import annotations

from lepcheck.models import Document, PublicationDate
from lepcheck.vocab.dates import PUBLISHED_CUE


def proved_dates(doc: Document) -> list[PublicationDate]:
    """What proves `doc` was public by then: an earlier crawl's first sighting (one on the day
    of this fetch proves nothing), a web archive's first capture of the same bytes."""
    proved = []
    if doc.first_seen is not None and doc.first_seen.date() < doc.fetched_at.date():
        proved.append(PublicationDate(value=doc.first_seen.date(), provenance="first_seen"))
    if doc.first_capture is not None:
        first = doc.first_capture
        source = f"first captured by {first.words()}"
        proved.append(PublicationDate(value=first.day, provenance="archive_capture", source=source))
    return proved


def publication_date(doc: Document) -> PublicationDate | None:
    proved = proved_dates(doc)
    if proved:
        return min(proved, key=lambda d: d.value)
    if doc.last_modified is not None:
        return PublicationDate(value=doc.last_modified.date(), provenance="last_modified")
    if doc.created is not None:
        return PublicationDate(value=doc.created.date(), provenance="document_metadata")
    printed = [d for d in doc.printed_dates if PUBLISHED_CUE.search(d.quote)]
    if printed:
        earliest = min(printed, key=lambda d: d.value)
        return PublicationDate(value=earliest.value, provenance="printed")
    return None
