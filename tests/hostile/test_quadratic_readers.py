"""Issue 11, class 11: reading a listing page of thousands of repeated cards is linear.

Each reader reads a generated page of N cards, then of 2N, while its work is counted (Python
lines run in the reader's own modules, characters scanned by regular expressions; never
time): a linear reader about doubles its work, a quadratic one quadruples it. The pages are
the ones `benchmarks/readers_scale.py` times at 500, 2,000 and 5,000 cards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from benchmarks.readers_scale import (
    board_page,
    meetings_page,
    person,
    read_page,
)

from lepcheck.models import Document
from lepcheck.site.board import read_board
from lepcheck.site.meetings import read_meetings
from lepcheck.site.registers import read_registers, written_names
from tests.hostile.work_counter import Work, counting, growth
from tests.site.site_docs import make_doc

# Doubling the cards of a linear reader about doubles its work (less, with fixed costs); a
# quadratic step makes it about four times.
LINEAR = 2.6


def _work_of(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object], *paths: str) -> Work:
    with counting(monkeypatch, *paths) as work:
        run()
    return work


def test_card_pages_are_read_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract/html: which element is each heading's card (the outline and sections)."""
    small, large = board_page(100), board_page(200)
    works = [
        _work_of(monkeypatch, lambda body=body: read_page("/board/", body), "bs4", "/extract/")
        for body in (small, large)
    ]
    assert growth(works[0].lines, works[1].lines) < LINEAR
    document = read_page("/board/", large)
    assert len([s for s in document.sections if s.level == 3]) == 200


def test_board_members_are_merged_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """site/board: each member compared with the members before it to merge namesakes."""
    pages = [read_page("/about/board/", board_page(cards)) for cards in (100, 200)]
    works = [_work_of(monkeypatch, lambda p=p: read_board([p]), "/lepcheck/site/") for p in pages]
    assert growth(works[0].lines, works[1].lines) < LINEAR
    assert len(read_board([pages[1]])) == 200


def _register_text(cards: int) -> tuple[str, ...]:
    """A combined register read as text, twenty members a page."""
    entries = [
        f"{person(i)}\nEmployment: Director, Firm {i} Ltd\nDirectorships: None\n"
        "Land and property: None\nGifts and hospitality: None"
        for i in range(cards)
    ]
    return tuple("\n".join(entries[at : at + 20]) for at in range(0, cards, 20))


def _registers(cards: int) -> list[Document]:
    register = make_doc(
        "https://lep.example/documents/register-of-interests.pdf",
        text=_register_text(cards),
        title="Register of interests",
        kind="register_of_interests",
    )
    return [read_page("/about/board/", board_page(cards)), register]


def test_registers_are_matched_to_the_board_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """site/registers: each register entry matched to the board, each member's name found in
    the register's text, each block's page found."""

    def read(documents: Sequence[Document]) -> object:
        getattr(written_names, "_patterns", None) and written_names._patterns.cache_clear()
        return read_registers(documents, read_board(documents))

    sites = [_registers(cards) for cards in (100, 200)]
    works = [_work_of(monkeypatch, lambda s=s: read(s), "/lepcheck/site/") for s in sites]
    assert growth(works[0].lines, works[1].lines) < LINEAR
    assert growth(works[0].regex_chars, works[1].regex_chars) < LINEAR
    entries = read_registers(sites[1], read_board(sites[1]))
    matched = {e.matched_member for e in entries if e.source.url.endswith(".pdf")}
    assert len(matched) == 200
    last = next(e for e in entries if e.member_name == person(199))
    assert last.source.locator == "page 10"


def test_meeting_listings_are_placed_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """site/meetings: each link placed under the meeting date written before it."""
    pages = [read_page("/board-meetings/", meetings_page(cards)) for cards in (300, 600)]
    works = [
        _work_of(monkeypatch, lambda p=p: read_meetings([p]), "/lepcheck/site/") for p in pages
    ]
    assert growth(works[0].lines, works[1].lines) < LINEAR
    meetings = read_meetings([pages[1]])
    assert len(meetings) == 600
    assert all(m.agenda is not None and m.minutes is not None for m in meetings)
