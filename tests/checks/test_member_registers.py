"""A register aspect (categories, signature, currency) is passed only when every current board
member's register could be assessed; members with no register make it partial, named."""

from __future__ import annotations

from lepcheck.checks import member_registers
from lepcheck.rule_cases import make_site

ALL = [
    "employment",
    "directorships",
    "shareholdings",
    "land_property",
    "related_party_transactions",
    "memberships",
    "gifts_hospitality",
    "sponsorships",
]
CATEGORIES = member_registers.Params(aspect="categories")


def test_members_without_registers_make_an_aspect_partial() -> None:
    site = make_site(
        {
            "board": [{"name": "Jane Doe"}, {"name": "Amir Khan"}],
            "registers": [{"member": "Jane Doe", "url": "https://l/jd.pdf", "categories": ALL}],
        }
    )
    verdict = member_registers.evaluate(site, CATEGORIES)
    assert verdict.status == "partial"
    assert any("Amir Khan" in m for m in verdict.missing)
