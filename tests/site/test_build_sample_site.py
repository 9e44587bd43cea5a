"""The bundled demo site (src/lepcheck/demo/site) read by the site stage: the facts its
DEFECTS.md lists, which the demo audit's findings rest on."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from lepcheck.models import SiteModel
from tests.site.test_build_fixture_sites import model_of_folder

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "lepcheck" / "demo" / "site"


@cache
def sample() -> SiteModel:
    return model_of_folder(SAMPLE, "amberdale", "Amberdale and Wolds Local Enterprise Partnership")


def test_board_of_twelve_with_private_sector_chair_and_deputy() -> None:
    board = {m.name: m for m in sample().board}
    assert len(board) == 12
    assert board["Richard Ashworth-Lane"].role == "chair"
    assert board["Ruth Okafor"].role == "deputy_chair"
    assert sum(m.sector == "private" for m in board.values()) == 8
    assert board["Gareth Moss"].organisation == "Moss Haulage Ltd"
    assert all(m.appointed == date(2021, 4, 1) for m in board.values())


def test_registers_defects_a_and_g() -> None:
    registers = {r.matched_member: r for r in sample().registers if r.matched_member}
    assert len(registers) == 11
    # The senior staff declarations (ROI-03) are read too, matched to no board member.
    staff = [r for r in sample().registers if r.matched_member is None]
    assert {r.source.url.rsplit("/", 1)[-1] for r in staff} <= {
        "senior-staff-declarations-of-interest-2023.pdf"
    }
    assert "Thomas Brightwell" not in registers  # defect a
    assert not registers["David Ellery"].household  # g1
    assert not registers["Mark Delaney"].household  # g2
    assert not registers["Gareth Moss"].signed and registers["Gareth Moss"].dated is None  # g3
    assert registers["Priya Raman"].member_name == "Priya K. Raman"
    assert all(len(r.categories) == 8 for r in registers.values())


def test_meetings_and_publication_defects_c_and_d() -> None:
    meetings = {m.date: m for m in sample().meetings}
    assert sorted(meetings) == [
        date(2023, 3, 14),
        date(2023, 6, 13),
        date(2023, 9, 12),
        date(2023, 11, 14),
    ]
    june = meetings[date(2023, 6, 13)]
    assert june.agenda_published is not None and june.agenda_published.value == date(2023, 6, 8)
    assert june.papers_published is not None and june.papers_published.value == date(2023, 6, 1)
    september = meetings[date(2023, 9, 12)]
    assert september.minutes_published is not None
    assert september.minutes_published.value == date(2023, 10, 18)
    assert meetings[date(2023, 11, 14)].minutes_status == "draft"
    assert meetings[date(2023, 3, 14)].minutes_status == "approved"


def test_declarations_table() -> None:
    found = [(d.meeting_date, d.member, d.action) for d in sample().declarations]
    assert found == [
        (date(2023, 3, 14), "Alan Pryce", "left_room"),
        (date(2023, 6, 13), "Ruth Okafor", "took_no_part"),
        (date(2023, 6, 13), "Simon Achebe", "no_action_stated"),
        (date(2023, 9, 12), "", "none_declared"),
        (date(2023, 11, 14), "Helen Varga", "left_room"),
        (date(2023, 11, 14), "Margaret Thorne", "took_no_part"),
    ]
