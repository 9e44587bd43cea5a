"""The SSRF guard (with a resolver hook), on its own and at each hop of a fetch."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.fetch import Fetcher, FetchResult
from lepcheck.crawl.guard import NetworkGuard, check_url

from .crawl_site_server import Reply, Site, fetch_with_crawler_client

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
            fetcher = Fetcher(client, max_bytes=1000, timeout=2, deadline=1e12, pace=no_pause)
            return await fetcher.fetch(f"{site.base}/go", check_hop=check_hop)

    result = asyncio.run(fetch())
    assert result.skip_reason == "blocked"
    assert result.skip_url == "http://intranet.example/admin"
    assert [h.status for h in result.hops] == [302]


def test_connection_to_a_refused_address_is_never_opened(site: Site) -> None:
    """The crawler's own client connects only where the guard agrees, whatever hop check ran
    before (DNS rebinding: tests/hostile/test_dns_rebinding.py)."""
    site.page("/", "<p>secret admin page</p>")
    result = fetch_with_crawler_client(f"{site.base}/", NetworkGuard(allow_private_network=False))
    assert result.skip_reason == "blocked" and result.final is None
    assert "127.0.0.1 is a loopback address" in (result.error or "")
    assert site.log == []
