"""The people minutes name, for `lepcheck inspect`."""

from __future__ import annotations

from lepcheck.site.meetings.people import read_people
from tests.site.site_docs import make_doc


def _minutes(text: str = "", **fields: object) -> object:
    return make_doc("http://lep.test/files/board-minutes-14-03-2023.pdf", text=text, **fields)


def test_read_people_lists_names_once() -> None:
    doc = _minutes(
        "Present: Jane Doe (Chair), Cllr Sam Patel, Dr Ann Lee OBE\n"
        "In attendance: Fred Bloggs\nJane Doe welcomed the Board."
    )
    assert read_people(doc) == ["Jane Doe", "Sam Patel", "Ann Lee", "Fred Bloggs"]  # type: ignore[arg-type]


def test_read_people_leaves_out_organisations_and_places() -> None:
    doc = _minutes(
        "Present\nJane Doe (Chair), Cllr Sam Patel\n"
        "Apologies were received from Ann Lee and Raj Kumar.\n"
        "Brackenford Link Road: the Board noted progress. Pennington Foods had applied.\n"
        "Fred Bloggs presented the report."
    )
    assert read_people(doc) == ["Jane Doe", "Sam Patel", "Ann Lee", "Raj Kumar", "Fred Bloggs"]  # type: ignore[arg-type]
