"""A council's members from its committee system (Localism Act 2011 s. 29 registers)."""

from __future__ import annotations

from datetime import date

from lepcheck.models import Link
from lepcheck.site.board.councillors import read_councillors
from tests.site.site_docs import make_doc


def test_members_from_the_index_and_their_profiles() -> None:
    index = make_doc(
        "http://council.test/mgMemberIndex.aspx",
        title="Councillors",
        links=(
            Link(url="http://council.test/mgUserInfo.aspx?UID=101", text="Councillor Jane Smith"),
            Link(url="http://council.test/mgUserInfo.aspx?UID=102", text="Cllr Omar Haddad"),
            Link(url="http://council.test/mgCommitteeDetails.aspx?ID=1", text="Cabinet"),
        ),
    )
    profile = make_doc(
        "http://council.test/mgUserInfo.aspx?UID=102",
        title="Councillor Omar Haddad",
        text="Party: Independent. Division: Marsh. Elected: 2 May 2024. Register of interests",
    )
    members = {m.name: m for m in read_councillors([index, profile])}
    assert set(members) == {"Jane Smith", "Omar Haddad"}
    assert members["Omar Haddad"].appointed == date(2024, 5, 2)
    assert members["Jane Smith"].appointed is None


def test_a_board_page_is_not_a_list_of_councillors() -> None:
    board = make_doc(
        "http://council.test/business-board/",
        title="Business Board",
        links=(Link(url="http://council.test/x", text="Councillor Jane Smith"),),
    )
    assert read_councillors([board]) == []
