"""When a document was published, and how we know: the order of evidence."""

from __future__ import annotations

from datetime import date, datetime

from lepcheck.models import DatedValue, PublicationDate
from lepcheck.site.meetings.publication import publication_date
from tests.site.site_docs import FETCHED, make_doc


def test_publication_provenance_order() -> None:
    earlier = datetime(2023, 3, 1, 8, 0)
    everything = make_doc(
        "http://lep.test/a.pdf",
        first_seen=earlier,
        last_modified=datetime(2023, 3, 2),
        created=datetime(2023, 2, 27),
        printed_dates=(
            DatedValue(
                value=date(2023, 2, 20), provenance="printed", quote="Published 20 February 2023"
            ),
        ),
    )
    assert publication_date(everything) == PublicationDate(
        value=date(2023, 3, 1), provenance="first_seen"
    )
    # First seen on the day of this fetch is no evidence: fall through to Last-Modified.
    same_day = everything.model_copy(update={"first_seen": FETCHED})
    assert publication_date(same_day) == PublicationDate(
        value=date(2023, 3, 2), provenance="last_modified"
    )
    no_header = same_day.model_copy(update={"last_modified": None})
    assert publication_date(no_header) == PublicationDate(
        value=date(2023, 2, 27), provenance="document_metadata"
    )
    printed_only = no_header.model_copy(update={"created": None})
    assert publication_date(printed_only) == PublicationDate(
        value=date(2023, 2, 20), provenance="printed"
    )
    # The meeting date printed on an agenda's cover is not a publication date.
    cover_only = printed_only.model_copy(
        update={
            "printed_dates": (
                DatedValue(value=date(2023, 3, 14), provenance="printed", quote="14 March 2023"),
            )
        }
    )
    assert publication_date(cover_only) is None
