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


PRESENT = member_registers.Params(aspect="present")
ERROR_PAGE = "not the document: the link promises a PDF file but the server sent a web page"


def test_a_register_link_that_gave_no_document_is_no_published_register() -> None:
    """A link "Amir Khan - register of interests" answering an error page or HTTP 404 proves
    nothing either way (issue 11, class 1): unknown, naming the link and what it gave."""
    site = make_site(
        {
            "board": [{"name": "Jane Doe"}, {"name": "Amir Khan"}],
            "registers": [
                {"member": "Jane Doe", "url": "https://l/jd.pdf"},
                {"member": "Amir Khan", "url": "https://l/ak.pdf", "link_failed": ERROR_PAGE},
            ],
        }
    )
    verdict = member_registers.evaluate(site, PRESENT)
    assert verdict.status == "unknown"
    assert "Amir Khan (https://l/ak.pdf: not the document" in verdict.message
    assert verdict.missing == ("Amir Khan",)
    assert [e.url for e in verdict.evidence] == ["https://l/jd.pdf"]


def test_a_member_with_no_register_at_all_still_fails_beside_a_failed_link() -> None:
    site = make_site(
        {
            "board": [{"name": "Jane Doe"}, {"name": "Amir Khan"}, {"name": "Li Wei"}],
            "registers": [
                {"member": "Jane Doe", "url": "https://l/jd.pdf"},
                {"member": "Amir Khan", "url": "https://l/ak.pdf", "link_failed": "HTTP 404"},
            ],
        }
    )
    verdict = member_registers.evaluate(site, PRESENT)
    assert verdict.status == "fail" and verdict.missing == ("Li Wei",)
    assert "could not be read: Amir Khan (https://l/ak.pdf: HTTP 404)" in verdict.message
