"""The SSRF guard (with a resolver hook), scope and URL normalisation, without a network."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.fetch import Fetcher, FetchResult
from lepcheck.crawl.guard import check_url
from lepcheck.crawl.scope import Scope, Zone, registrable_domain
from lepcheck.crawl.urls import normalise_url

from .crawl_site_server import Reply, Site

FAKE_DNS = {
    "lep.example": ["93.184.216.34"],
    "intranet.example": ["10.1.2.3"],
    "sneaky.example": ["93.184.216.34", "127.0.0.1"],
    "mapped.example": ["::ffff:192.168.0.7"],
    "metadata.example": ["169.254.169.254"],
}


def resolver(host: str, port: int) -> list[str]:
    return FAKE_DNS[host]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://intranet.example/", "10.1.2.3 is a private address"),
        ("http://sneaky.example/", "127.0.0.1 is a loopback address"),
        ("https://mapped.example/", "IPv6 form of 192.168.0.7, a private address"),
        ("http://metadata.example/latest", "169.254.169.254 is a link-local address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://[64:ff9b::a00:1]/", "IPv6 form of 10.0.0.1, a private address"),
        ("http://[2002:7f00:1::]/", "IPv6 form of 127.0.0.1, a loopback address"),
        ("http://[fd00::5]/", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.5/", "multicast"),
        ("http://240.0.0.5/", "reserved"),
        ("ftp://lep.example/file", "only http and https"),
    ],
)
def test_guard_refuses_non_public_targets(url: str, words: str) -> None:
    with pytest.raises(BlockedAddressError) as refused:
        check_url(url, allow_private_network=False, resolver=resolver)
    assert words in str(refused.value) and "\n" not in str(refused.value)


def test_guard_allows_public_and_private_when_asked() -> None:
    check_url("https://lep.example/board", allow_private_network=False, resolver=resolver)
    check_url("http://intranet.example/", allow_private_network=True, resolver=resolver)


def test_redirect_to_a_private_address_is_refused_at_the_hop(site: Site) -> None:
    site.routes["/go"] = Reply(status=302, headers={"Location": "http://intranet.example/admin"})

    async def check_hop(url: str) -> str | None:
        if url.startswith(site.base):  # the loopback test server stands in for a public site
            return None
        try:
            check_url(url, allow_private_network=False, resolver=resolver)
        except BlockedAddressError:
            return "blocked"
        return None

    async def fetch() -> FetchResult:
        async def no_pause(url: str) -> None:
            return None

        async with httpx.AsyncClient(trust_env=False) as client:
            fetcher = Fetcher(
                client,
                max_bytes=1000,
                timeout=2,
                allow_private_network=True,
                deadline=1e12,
                pace=no_pause,
            )
            return await fetcher.fetch(f"{site.base}/go", check_hop=check_hop)

    result = asyncio.run(fetch())
    assert result.skip_reason == "blocked"
    assert result.skip_url == "http://intranet.example/admin"
    assert [h.status for h in result.hops] == [302]


def test_connection_that_lands_on_loopback_is_refused_after_connect(site: Site) -> None:
    """DNS rebinding: a name that passed the guard but connected to a private address."""
    site.page("/", "<p>secret admin page</p>")

    async def fetch() -> FetchResult:
        async def no_pause(url: str) -> None:
            return None

        async def allow_all(url: str) -> str | None:
            return None

        async with httpx.AsyncClient(trust_env=False) as client:
            fetcher = Fetcher(
                client,
                max_bytes=1000,
                timeout=2,
                allow_private_network=False,
                deadline=1e12,
                pace=no_pause,
            )
            return await fetcher.fetch(f"{site.base}/", check_hop=allow_all)

    result = asyncio.run(fetch())
    assert result.skip_reason == "blocked" and result.final is None
    assert "127.0.0.1 is a loopback address" in (result.error or "")


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


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        (
            "HTTP://WWW.Example.ORG.uk:80/a/./b/../c?b=2&a=1#top",
            "http://www.example.org.uk/a/c?a=1&b=2",
        ),
        ("https://x.org:443", "https://x.org/"),
        ("https://x.org/p?utm_source=mail&utm_medium=e&id=4", "https://x.org/p?id=4"),
        ("https://x.org/p;jsessionid=ABC123?PHPSESSID=9&q=1", "https://x.org/p?q=1"),
        ("https://x.org/%7euser/a%2fb", "https://x.org/~user/a%2Fb"),
        ("https://x.org/caf\u00e9 menu", "https://x.org/caf%C3%A9%20menu"),
        ("https://x.org/p?flag", "https://x.org/p?flag"),
        ("https://x.org/news/?replytocom=12&share=twitter", "https://x.org/news/"),
        ("mailto:clerk@x.org", None),
        ("http://exa mple.org/", None),
        ("http://caf\u00e9.example/", "http://xn--caf-dma.example/"),
        ("javascript:void(0)", None),
    ],
)
def test_normalise_url(raw: str, normal: str | None) -> None:
    assert normalise_url(raw) == normal


def test_relative_links_resolve_against_the_page() -> None:
    assert normalise_url("../papers/m.pdf", "https://x.org/board/2024/") == (
        "https://x.org/board/papers/m.pdf"
    )


_SEGMENT = st.text(
    alphabet=st.sampled_from("abcXYZ019-._~%20é ;=+!$&'()*,:@/"), min_size=0, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(
    scheme=st.sampled_from(["http", "HTTPS", "https"]),
    host=st.sampled_from(
        ["LEP.example.org.uk", "www.lep.example", "127.0.0.1:8080", "x.gov.uk:443"]
    ),
    path=st.lists(_SEGMENT, max_size=5),
    query=st.lists(st.tuples(_SEGMENT, _SEGMENT), max_size=4),
    fragment=_SEGMENT,
)
def test_normalising_is_idempotent(
    scheme: str, host: str, path: list[str], query: list[tuple[str, str]], fragment: str
) -> None:
    raw = f"{scheme}://{host}/{'/'.join(path)}"
    if query:
        raw += "?" + "&".join(f"{k}={v}" for k, v in query)
    raw += f"#{fragment}"
    once = normalise_url(raw)
    assert once is not None
    assert normalise_url(once) == once
    assert "#" not in once and " " not in once
