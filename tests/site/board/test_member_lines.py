"""Reading the lines about one member: role, sector, and terms of office."""

from __future__ import annotations

from datetime import date

from lepcheck.site.board.member_lines import MemberFacts


def test_sector_is_inferred_only_from_plain_organisation_names() -> None:
    from lepcheck.site.board.member_lines import infer_sector

    assert infer_sector("Anytown Chamber of Commerce") == "private"
    assert infer_sector("Anytown NHS Trust") == "public"
    assert infer_sector("Northshire Academy Trust") == "education"
    assert infer_sector("Fenley Digital CIC") == "voluntary"
    assert infer_sector("Rolls-Royce") == "unknown"  # no cue: never guessed
    assert infer_sector("", "Cllr Jane Doe") == "public"


def test_roles_are_judged_by_the_words_after_them() -> None:
    from lepcheck.site.board.member_lines import read_role

    assert read_role("Deputy Chair and Chair of the Investment Committee") == "deputy_chair"
    assert read_role("Chair of the Audit and Risk Committee") is None
    assert read_role("Vice-Chair of Northshire Council's Cabinet") is None
    assert read_role("LEP Chair") == "chair"
    assert read_role("Chair of the Board") == "chair"
    assert read_role("Interim Chair") == "chair"
    assert read_role("Co-opted Board Member") == "co_opted"


def test_terms_written_as_ranges_and_after_cues() -> None:
    from lepcheck.site.board.member_lines import dates_by_cue

    assert dates_by_cue("Term of office: April 2021 – March 2024") == (
        date(2021, 4, 1),
        date(2024, 3, 1),
    )
    assert dates_by_cue("Appointed 1 May 2020; term expires 30 April 2023") == (
        date(2020, 5, 1),
        date(2023, 4, 30),
    )
    assert dates_by_cue("Joined the Board in June 2019") == (date(2019, 6, 1), None)


def test_a_sector_label_of_business_is_the_private_sector_only_under_a_sector_label() -> None:
    facts = MemberFacts()
    facts.read_label("Sector", "Commercial")
    assert facts.sector == "private"
    other = MemberFacts()
    other.read_line("Business")  # a bare word is not a sector statement
    assert other.sector is None
