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
    entries = load_registry()
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
    for entry in load_registry().values():
        known = rows[entry.id]["website"]
        if not known:
            assert entry.website is None, entry.id
            continue
        assert entry.website is not None
        assert urlsplit(entry.website).hostname == known, entry.id


def test_related_sites_come_from_the_sources() -> None:
    rows = source_rows()
    related = {e.id: e.related_sites for e in load_registry().values() if e.related_sites}
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
    assert len(entries) == 39
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
