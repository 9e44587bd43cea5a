"""Which site a URL belongs to: the LEP's own, a related site, or off-site."""

from __future__ import annotations

import pytest

from lepcheck.crawl.scope import Scope, Zone, registrable_domain


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.example-lep.org.uk", "example-lep.org.uk"),
        ("documents.example-lep.co.uk", "example-lep.co.uk"),
        ("democracy.leeds.gov.uk", "leeds.gov.uk"),
        ("www.lep.ac.uk", "lep.ac.uk"),
        ("www.lepnetwork.net", "lepnetwork.net"),
        ("mylep.wordpress.com", "mylep.wordpress.com"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


def test_scope_zones() -> None:
    scope = Scope(
        "https://www.example-lep.org.uk/",
        ("https://democracy.council.gov.uk/mgCommitteeDetails.aspx?ID=12", "partner.org/board/"),
    )
    assert scope.zone("http://example-lep.org.uk/about") is Zone.OWN
    assert scope.zone("https://files.example-lep.org.uk/a.pdf") is Zone.OWN
    assert (
        scope.zone("https://democracy.council.gov.uk/mgCommitteeDetails.aspx?ID=12") is Zone.RELATED
    )
    assert (
        scope.zone("https://democracy.council.gov.uk/mgCommitteeDetails.aspx?ID=123")
        is Zone.OFFSITE
    )
    assert scope.zone("https://www.partner.org/board/minutes") is Zone.RELATED
    assert scope.zone("https://partner.org/boarding") is Zone.OFFSITE
    assert scope.zone("https://other-lep.org.uk/") is Zone.OFFSITE
    loopback = Scope("http://127.0.0.1:8000/")
    assert loopback.zone("http://127.0.0.1:8000/x") is Zone.OWN
    assert loopback.zone("http://127.0.0.1:8001/x") is Zone.OFFSITE
