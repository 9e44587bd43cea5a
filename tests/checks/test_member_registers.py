"""A register aspect (categories, signature, currency) judges the registers that exist: a member
with no register is ROI-01's failure, named in the aspect's message but not counted again
(issue 13 item 7, one defect one finding)."""

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


def test_a_member_without_a_register_is_roi01s_failure_not_the_aspects() -> None:
    site = make_site(
        {
            "board": [{"name": "Jane Doe"}, {"name": "Amir Khan"}],
            "registers": [{"member": "Jane Doe", "url": "https://l/jd.pdf", "categories": ALL}],
        }
    )
    verdict = member_registers.evaluate(site, CATEGORIES)
    assert verdict.status == "pass"
    assert "1 member(s) have no register (ROI-01): Amir Khan" in verdict.message
    assert not any("Amir Khan" in m for m in verdict.missing)
    present = member_registers.evaluate(site, member_registers.Params(aspect="present"))
    assert present.status == "fail"
    assert present.missing == ("Amir Khan",)


def test_with_no_register_at_all_an_aspect_is_unknown_never_pass() -> None:
    site = make_site({"board": [{"name": "Jane Doe"}, {"name": "Amir Khan"}]})
    verdict = member_registers.evaluate(site, CATEGORIES)
    assert verdict.status == "unknown"
    assert "2 member(s) have no register (ROI-01)" in verdict.message


def test_a_councils_members_are_its_councillors_not_its_board() -> None:
    params = member_registers.Params(aspect="present", members="councillors")
    site = make_site(
        {
            "board": [{"name": "Priya Shah"}],
            "councillors": [{"name": "Jane Smith"}, {"name": "Omar Haddad"}],
            "registers": [{"member": "Jane Smith", "url": "https://c.test/roi-101"}],
        }
    )
    verdict = member_registers.evaluate(site, params)
    assert verdict.status == "fail"
    assert verdict.missing == ("Omar Haddad",) and "councillors" in verdict.message


def test_disclosable_pecuniary_interest_categories_are_checked() -> None:
    dpi = ("employment", "sponsorships", "contracts", "land_property", "licences",
           "corporate_tenancies", "securities")  # fmt: skip
    params = member_registers.Params(aspect="categories", categories=dpi, members="councillors")
    register = {"member": "Jane Smith", "url": "https://c.test/roi-101", "categories": list(dpi)}
    site = make_site({"councillors": [{"name": "Jane Smith"}], "registers": [register]})
    assert member_registers.evaluate(site, params).status == "pass"
    register["categories"] = [c for c in dpi if c != "corporate_tenancies"]
    site = make_site({"councillors": [{"name": "Jane Smith"}], "registers": [register]})
    verdict = member_registers.evaluate(site, params)
    assert verdict.status == "fail" and "corporate tenancies" in verdict.message


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
