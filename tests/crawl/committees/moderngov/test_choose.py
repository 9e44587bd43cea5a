"""Which committees of an install are the LEP's: linked, named, or named in the registry."""

from __future__ import annotations

from lepcheck.committee_records import CommitteeInfo
from lepcheck.crawl.committees.moderngov.choose import Override, choose, names_the_lep

LEP = "Wyvern Coast Local Enterprise Partnership"
COMMITTEES = [
    CommitteeInfo(id=120, title="Cabinet"),
    CommitteeInfo(id=130, title="Wyvern County Council Economy Scrutiny Committee"),
    CommitteeInfo(id=512, title="Wyvern Coast Local Enterprise Partnership Board"),
    CommitteeInfo(id=513, title="Wyvern Coast LEP Investment Panel"),
    CommitteeInfo(id=514, title="Wyvern Coast Tourism Partnership"),
]


def test_titles_naming_the_lep_are_its_committees() -> None:
    assert names_the_lep("Wyvern Coast LEP Investment Panel", LEP)
    assert not names_the_lep("Wyvern County Council Economy Scrutiny Committee", LEP)
    assert not names_the_lep("Wyvern Coast Tourism Partnership", LEP)  # no LEP marker
    assert set(choose(COMMITTEES, {}, Override(), LEP)) == {512, 513}


def test_linked_committees_are_taken_with_the_named_ones() -> None:
    chosen = choose(COMMITTEES, {130: "linked from the LEP's pages"}, Override(), LEP)
    assert set(chosen) == {130, 512, 513}
    assert chosen[130] == (
        "Wyvern County Council Economy Scrutiny Committee",
        "linked from the LEP's pages",
    )


def test_the_registry_overrides_the_guess() -> None:
    override = Override.read(["513", "cabinet", "https://x.gov.uk/mgCommitteeDetails.aspx?ID=999"])
    assert override.ids == {513, 999} and override.titles == {"cabinet"}
    chosen = choose(COMMITTEES, {512: "linked"}, override, LEP)
    assert set(chosen) == {120, 513, 999}
    assert all(why == "related_committees in the registry entry" for _, why in chosen.values())
