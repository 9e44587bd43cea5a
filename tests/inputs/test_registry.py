"""The bundled directory of the 38 LEPs and users' --registry files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from lepcheck.errors import RegistryError
from lepcheck.inputs.registry import (
    lep_entries,
    load_registry,
    lookup,
    parse_registry,
    resolve_target,
)

SOURCE = Path(__file__).with_name("leps_source.csv")  # a copy of shared/leps.csv


def source_rows() -> dict[str, dict[str, str]]:
    with SOURCE.open(newline="", encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_the_bundled_registry_has_the_38_leps_of_the_source() -> None:
    entries = {e.id: e for e in lep_entries(load_registry())}
    rows = source_rows()
    assert len(entries) == 38 == len(rows)
    assert set(entries) == set(rows)
    codes = [e.ons_code for e in entries.values()]
    assert len(set(codes)) == 38
    for lep_id, row in rows.items():
        entry = entries[lep_id]
        assert entry.name == row["name"]
        assert entry.ons_code == row["ons_code"]


def test_no_website_is_invented() -> None:
    rows = source_rows()
    for entry in lep_entries(load_registry()):
        known = rows[entry.id]["website"]
        if not known:
            assert entry.website is None, entry.id
            continue
        assert entry.website is not None
        assert urlsplit(entry.website).hostname == known, entry.id


def test_related_sites_come_from_the_sources() -> None:
    rows = source_rows()
    related = {e.id: e.related_sites for e in lep_entries(load_registry()) if e.related_sites}
    assert related  # the accountable bodies' committee sites named in the sources
    for lep_id, sites in related.items():
        for site in sites:
            assert str(urlsplit(site).hostname) in rows[lep_id]["source"], (lep_id, site)


def test_accountable_bodies_carry_their_dates() -> None:
    cumbria = load_registry()["cumbria"]
    assert cumbria.accountable_body == "Westmorland and Furness Council"
    assert cumbria.accountable_body_on(date(2022, 6, 1)) == "Cumbria County Council"
    assert cumbria.accountable_body_on(date(2023, 6, 1)) == "Westmorland and Furness Council"
    coast = load_registry()["coast-to-capital"]
    assert coast.accountable_body_on(date(2020, 1, 1)) == "London Borough of Croydon"
    assert coast.accountable_body == "Brighton & Hove City Council"


def test_a_user_registry_adds_and_overrides_entries(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        yaml.safe_dump(
            {
                "leps": [
                    {"id": "black-country", "name": "Black Country LEP",
                     "website": "https://mirror.example/bc/", "status": "closed",
                     "closed_on": "2024-03-31", "successor": "West Midlands Combined Authority"},
                    {"id": "test-lep", "name": "Test LEP", "website": "http://127.0.0.1:8000/",
                     "related_sites": ["http://127.0.0.1:8001/"],
                     "accountable_body": "Test Council"},
                ]
            }
        )
    )  # fmt: skip
    entries = load_registry(mine)
    assert len(lep_entries(entries)) == 39
    assert entries["black-country"].website == "https://mirror.example/bc/"
    assert entries["black-country"].closed_on == date(2024, 3, 31)
    target = resolve_target("test-lep", registry=mine)
    assert (target.url, target.related_sites) == (
        "http://127.0.0.1:8000/",
        ("http://127.0.0.1:8001/",),
    )
    # a URL of a registered site takes that entry's id and related sites
    by_url = resolve_target("http://127.0.0.1:8000/governance/", registry=mine)
    assert by_url.id == "test-lep" and by_url.related_sites == ("http://127.0.0.1:8001/",)


def test_related_committees_reach_the_target(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        yaml.safe_dump(
            {"leps": [{"id": "test-lep", "name": "Test LEP", "website": "http://127.0.0.1:8000/",
                       "related_committees": [938, "Investment Panel"]}]}
        )
    )  # fmt: skip
    target = resolve_target("test-lep", registry=mine)
    assert target.related_committees == ("938", "Investment Panel")
    by_url = resolve_target("http://127.0.0.1:8000/", name="Renamed", registry=mine)
    assert by_url.related_committees == ("938", "Investment Panel")
    mine.write_text(
        yaml.safe_dump({"leps": [{"id": "x", "name": "X", "related_committees": [""]}]})
    )
    with pytest.raises(RegistryError, match="related_committees"):
        load_registry(mine)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"leps": [{"id": "Bad Id", "name": "X LEP"}]}, "field 'leps.0.id'"),
        ({"leps": [{"id": "x", "name": "X LEP", "website": "ftp://x"}]}, "field 'leps.0.website'"),
        ({"leps": [{"id": "x", "name": "X LEP", "status": "closed"}]}, "closed_on"),
        ({"leps": [{"id": "x", "name": "X LEP"}, {"id": "x", "name": "Y LEP"}]}, "more than once"),
        ({"entries": []}, "(top level)"),
    ],
)
def test_malformed_registries_name_the_field(data: object, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        parse_registry(data, "--registry mine.yaml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("--registry mine.yaml")


def test_an_unknown_id_lists_the_nearest_ids() -> None:
    with pytest.raises(RegistryError, match="did you mean new-anglia"):
        lookup(load_registry(), "new-angila")
    with pytest.raises(RegistryError, match="lepcheck registry` lists the ids"):
        resolve_target("zzzzzz")


def test_an_lep_without_a_website_says_how_to_audit_it() -> None:
    with pytest.raises(RegistryError, match="no known website"):
        resolve_target("black-country")


# --------------------------------------------------------------------------- successors

DRAFT = Path(__file__).parents[2] / "docs" / "registry-successors.draft.yaml"


def test_successors_are_exactly_the_sourced_ones_of_the_research() -> None:
    """Every successor, day and source comes from docs/registry-successors.draft.yaml: none is
    invented, none left out, and no day is given where the source gives none."""
    draft = yaml.safe_load(DRAFT.read_text(encoding="utf-8"))["leps"]
    entries = load_registry()
    for lep in lep_entries(entries):
        wanted = draft.get(lep.id, {}).get("successors", [])
        made = [(s.name, s.start, s.source) for s in lep.successors]
        assert made == [(w["name"], w.get("from"), w["source"]) for w in wanted], lep.id
    assert not entries["cornwall-ios"].successors and not entries["west-of-england"].successors


def test_each_successor_body_is_an_entry_with_its_kind() -> None:
    entries = load_registry()
    named = [s for lep in lep_entries(entries) for s in lep.successors]
    assert len(named) == 60
    for successor in named:
        if successor.body is None:  # the Greater London Authority: none of the kinds audited
            assert successor.name == "Greater London Authority"
            continue
        body = entries[successor.body]
        assert body.kind in (
            "upper_tier_council",
            "combined_authority",
            "combined_county_authority",
        )
        assert body.governance is None and body.functions is None  # no source says them
    lancashire = next(s for s in entries["lancashire"].successors)
    assert (lancashire.body, lancashire.start) == ("lancashire-county-council", date(2024, 5, 15))


def test_a_successor_body_is_audited_by_id_or_url_with_its_kind() -> None:
    by_id = resolve_target("devon-county-council")
    assert by_id.url == "https://democracy.devon.gov.uk/"
    assert by_id.body.kind == "upper_tier_council"
    by_url = resolve_target("https://democracy.devon.gov.uk/mgListCommittees.aspx")
    assert by_url.id == "devon-county-council" and by_url.body.kind == "upper_tier_council"
    assert resolve_target("cumbria").body.kind == "lep"


def test_a_user_registry_gives_a_bodys_governance_and_functions(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "bodies:\n- id: wyvern-county-council\n  name: Wyvern County Council\n"
        "  kind: upper_tier_council\n  website: http://127.0.0.1:8000/\n"
        "  governance: committee\n  functions: [parking_authority]\n"
    )
    target = resolve_target("wyvern-county-council", registry=mine)
    assert target.body.governance == "committee"
    assert target.body.functions == ("parking_authority",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"bodies": [{"id": "x", "name": "X Council", "kind": "parish_council"}]},
            "field 'bodies.0.kind'",
        ),
        ({"leps": [{"id": "x", "name": "X LEP", "kind": "quango"}]}, "field 'leps.0.kind'"),
        ({"bodies": [{"id": "x", "name": "X Council"}]}, "field 'bodies.0'"),
        (
            {
                "bodies": [
                    {"id": "x", "name": "X", "kind": "upper_tier_council", "governance": "mayor"}
                ]
            },
            "field 'bodies.0.governance'",
        ),
    ],
)
def test_an_unknown_kind_is_a_one_line_error_naming_the_field(data: object, message: str) -> None:
    with pytest.raises(RegistryError) as caught:
        parse_registry(data, "--registry mine.yaml")
    text = str(caught.value)
    assert message in text and "\n" not in text and text.startswith("--registry mine.yaml")


def test_a_successor_must_name_a_body_entry(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "leps:\n- id: test-lep\n  name: Test LEP\n  successors:\n"
        "  - {body: nowhere-council, source: 'https://example.test/decision'}\n"
    )
    with pytest.raises(RegistryError, match=r"test-lep.successors.0.body': 'nowhere-council'"):
        load_registry(mine)


def test_websites_with_dates_give_the_site_in_use_on_a_day() -> None:
    # Humber LEP until 31 March 2021, HEY LEP from 1 April 2021 (heylep.com/assurance/).
    entry = load_registry()["hull-east-yorkshire"]
    assert entry.website_on(date(2020, 6, 1)) == "https://www.humberlep.org/"
    assert entry.website_on(date(2021, 4, 1)) == "https://heylep.com/"
    assert entry.target(on=date(2019, 1, 31)).url == "https://www.humberlep.org/"
    assert entry.target().url == entry.website  # a live audit: today's site


def test_undated_websites_leave_the_current_site_and_an_old_domain_resolves_to_its_lep() -> None:
    entry = load_registry()["cornwall-ios"]
    assert [w.url for w in entry.websites] == [
        "https://cornwallandislesofscillylep.com/",
        "https://cioslep.com/",
    ]
    assert all(w.source for w in entry.websites)  # every site has its source, none invented
    assert entry.website_on(date(2015, 1, 1)) == entry.website  # no dates: nothing to choose
    target = resolve_target("https://cornwallandislesofscillylep.com/about/")
    assert target.id == "cornwall-ios"
    assert resolve_target("hull-east-yorkshire", on=date(2020, 6, 1)).url == (
        "https://www.humberlep.org/"
    )


def test_a_website_without_its_source_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "leps:\n- id: mine\n  name: My LEP\n  websites:\n  - url: https://mine.example/\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match="websites"):
        load_registry(path)


@pytest.mark.parametrize(
    ("listing", "field"),
    [
        (
            "  accountable_body:\n  - {name: Test Council, from: 2015-04-01, until: 2023-02-30}\n",
            "leps.0.accountable_body.0.until",
        ),
        (
            "  websites:\n  - {url: 'https://old.example/', source: 'https://example.test/a'}\n"
            "  - {url: 'https://mine.example/', source: 'https://example.test/b', "
            "from: 2023-02-30}\n",
            "leps.0.websites.1.from",
        ),
        (
            "  successors:\n  - {name: Test Council, source: 'https://example.test/decision', "
            "from: 2023-02-30}\n",
            "leps.0.successors.0.from",
        ),
    ],
)
def test_an_impossible_date_in_a_listed_item_names_its_place(
    tmp_path: Path, listing: str, field: str
) -> None:
    """Accountable bodies, websites and successors read their dates alike (dated_items)."""
    mine = tmp_path / "mine.yaml"
    mine.write_text("leps:\n- id: mine\n  name: My LEP\n" + listing, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(mine)
    message = str(caught.value)
    assert f"field '{field}': '2023-02-30' is not a calendar date" in message
    assert str(mine) in message
