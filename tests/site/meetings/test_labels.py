"""Which meeting a paper belongs to: dates in file names, bodies, the status of minutes."""

from __future__ import annotations

from datetime import date

import pytest

from lepcheck.site.meetings.labels import body_in, minutes_status, url_date
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
