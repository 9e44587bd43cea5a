"""Which meeting a paper belongs to: dates in file names, bodies, the status of minutes."""

from __future__ import annotations

from datetime import date

import pytest

from lepcheck.site.meetings.labels import (
    body_in,
    minutes_status,
    opening_role,
    role_of_document,
    text_date,
    url_date,
)
from lepcheck.vocab.meetings import COUNCIL_MAIN_BOARD_WORDS
from tests.site.site_docs import make_doc

OWN = frozenset({"anytown", "lep"})


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x/Board-Agenda-14-March-2023.pdf", date(2023, 3, 14)),
        ("http://x/2023-03-14-minutes.pdf", date(2023, 3, 14)),
        ("http://x/minutes_14_03_2023.pdf", date(2023, 3, 14)),
        ("http://x/board-papers-20230314.pdf", date(2023, 3, 14)),
        ("http://x/uploads/2023/03/board-minutes.pdf", None),
        ("http://x/board-minutes-march-2023.pdf", None),  # a month does not date a meeting
        ("http://x/meetings/2023-03-14/agenda.pdf", date(2023, 3, 14)),
        ("http://x/board/14-march-2023/papers.pdf", date(2023, 3, 14)),
    ],
)
def test_dates_in_file_names(url: str, expected: date | None) -> None:
    assert url_date(url) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Anytown LEP Board agenda", "Board"),
        ("Minutes of the Board of Directors", "Board"),
        ("Agenda for Anytown LEP Investment Committee", "Investment Committee"),
        ("Audit & Risk Committee minutes", "Audit & Risk Committee"),
        ("Skills Advisory Panel papers", "Skills Advisory Panel"),
        ("Minutes of the Employment and Skills Board", "Employment and Skills Board"),
        ("Board Meeting – 10th March 2022", "Board"),
        ("Minutes 14 March", None),
    ],
)
def test_bodies(label: str, expected: str | None) -> None:
    assert body_in(label, OWN) == expected


def test_minutes_that_state_their_own_approval_are_approved() -> None:
    foot = make_doc(
        "https://lep.example/media/77/minutes.pdf",
        text="Minutes of the Investment Panel\n1. Apologies\nNone.\n"
        "Approved at the meeting held on 5 July 2022",
    )
    assert minutes_status(foot) == "approved"
    previous_only = make_doc(
        "https://lep.example/media/78/minutes.pdf",
        text="Minutes of the Investment Panel\n1. Apologies\nNone.\n2. Minutes\n"
        "The minutes of the previous meeting were approved as a correct record.",
    )
    assert minutes_status(previous_only) == "unknown"


def test_a_business_board_is_the_leps_board_but_a_councils_own_body() -> None:
    # Under a combined authority the LEP's board is its "Business Board" (West Yorkshire); a
    # council audited in its own right has a business board beside its cabinet (GROW-07).
    label = "Agenda for Hollowmere Business Board on Wednesday, 18th September, 2024"
    assert body_in(label, frozenset({"hollowmere"})) == "Board"
    council = body_in(label, frozenset({"hollowmere"}), COUNCIL_MAIN_BOARD_WORDS)
    assert council == "Business Board"


# How converted board files open (corpus, development part: Cheshire and Warrington, SEMLEP,
# Enterprise M3, Black Country, Coast to Capital); their titles name no role.
@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        (
            "Minutes of the Anytown Local Enterprise Partnership Board Meeting\n"
            "held on 26th April 2017, Municipal Buildings",
            "minutes",
        ),
        (
            "Anytown LEP Board Meeting 26 July 2018 - 12.00-5.00pm\nDRAFT MINUTES\nPresent",
            "minutes",
        ),
        (
            "MEETING OF THE PARTNERSHIP BOARD Monday 21st January 2019 at 3.00pm A G E N D A "
            "1. Apologies. 2. Declarations of Interests 3. To Receive the Minutes of the Meeting "
            "held on 21st November 2018.",
            "agenda",
        ),
        ("Board Meeting No. 39 19 April 2018 AGENDA Time Item Agenda item Action", "agenda"),
        # An item number before "Minutes of ..." is the agenda's item, not the file's role.
        ("Board 14 March 2023\n2. Minutes of the Board meeting held on 10 January", None),
        ("Annual report 2019/20: the minutes of every meeting are online", None),
    ],
)
def test_a_meeting_file_is_known_by_how_it_opens(opening: str, expected: str | None) -> None:
    doc = make_doc("http://lep.test/files/doc-4956645.pdf", title="Board", text=opening)
    assert opening_role(doc) == expected
    assert role_of_document(doc) == (expected or None)


def test_a_web_page_is_not_known_by_its_opening() -> None:
    page = make_doc("http://lep.test/board", text="Board meetings\nDRAFT MINUTES\nAGENDA")
    assert opening_role(page) is None


def test_the_classifier_and_the_title_come_before_the_opening() -> None:
    doc = make_doc(
        "http://lep.test/files/x.pdf", kind="agenda", text="Board meeting\nDRAFT MINUTES"
    )
    assert role_of_document(doc) == "agenda"


def test_a_date_whose_weekday_contradicts_it_is_no_meeting_date() -> None:
    # 23 January 2016 was a Saturday: the year (2017) or the day is a slip, which is unknown.
    wrong = make_doc(
        "http://lep.test/files/x.pdf",
        text="MEETING OF THE PARTNERSHIP BOARD Monday 23rd January 2016 at 3.00pm AGENDA",
    )
    assert text_date(wrong, "agenda") is None
    right = make_doc(
        "http://lep.test/files/y.pdf",
        text="MEETING OF THE PARTNERSHIP BOARD Monday 23rd January 2017 at 3.00pm AGENDA",
    )
    assert text_date(right, "agenda") == date(2017, 1, 23)


def test_a_sharing_sites_post_date_is_not_the_meeting() -> None:
    doc = make_doc(
        "http://lep.test/files/x.pdf",
        text="Post on 01-Oct-2020\n4 views 0 download\n1.30 PM TO 3.30 PM BY ZOOM",
    )
    assert text_date(doc, "agenda") is None
    published = make_doc(
        "http://lep.test/files/y.pdf",
        text="Published on 20 March 2023\nMeeting held on 14 March 2023",
    )
    assert text_date(published, "minutes") == date(2023, 3, 14)


def test_a_time_in_a_file_name_is_not_a_year() -> None:
    assert url_date("https://docslib.org/doc/1/agenda-tuesday-27th-january-10-00am-12-noon") is None
