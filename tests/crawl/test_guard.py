"""The SSRF guard (with a resolver hook), on its own and at each hop of a fetch."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket

import httpx
import pytest

from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.fetch import Fetcher, FetchResult
from lepcheck.crawl.guard import NetworkGuard, check_url, system_resolver

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
        ("http://172.16.0.1/", "172.16.0.1 is a private address"),
        ("http://192.168.1.1/", "192.168.1.1 is a private address"),
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


class RecordingResolver:
    """Answers one address for every name, noting the names and ports it was asked."""

    def __init__(self, *answer: str, error: Exception | None = None) -> None:
        self.answer, self.error = list(answer), error
        self.asked: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        if self.error is not None:
            raise self.error
        return self.answer


@pytest.mark.parametrize(
    ("url", "port"),
    [
        ("https://lep.example/", 443),
        ("http://lep.example/", 80),
        ("http://lep.example:8080/", 8080),
    ],
)
def test_the_guard_resolves_the_port_the_request_will_use(url: str, port: int) -> None:
    resolver = RecordingResolver("93.184.216.34")
    check_url(url, allow_private_network=False, resolver=resolver)
    assert resolver.asked == [("lep.example", port)]


def test_an_ipv6_link_local_address_with_a_zone_is_refused() -> None:
    resolver = RecordingResolver("fe80::1%eth0")
    with pytest.raises(BlockedAddressError, match="link-local"):
        check_url("http://router.example/", allow_private_network=False, resolver=resolver)


def test_an_invalid_port_is_refused_in_one_line() -> None:
    with pytest.raises(BlockedAddressError, match="invalid port"):
        check_url("http://lep.example:99999/", allow_private_network=False, resolver=resolver)


@pytest.mark.parametrize(
    "error", [socket.gaierror(socket.EAI_NONAME, "unknown name"), UnicodeError("label too long")]
)
def test_a_name_that_does_not_resolve_is_left_to_the_fetch(error: Exception) -> None:
    """Not the guard's business: the fetch reports the site as unreachable."""
    check_url(
        "http://nowhere.example/",
        allow_private_network=False,
        resolver=RecordingResolver(error=error),
    )


def test_an_answer_that_is_no_address_never_crashes_the_guard() -> None:
    with contextlib.suppress(BlockedAddressError):
        check_url(
            "http://odd.example/",
            allow_private_network=False,
            resolver=RecordingResolver("not-an-address"),
        )


def test_the_system_resolver_gives_addresses() -> None:
    addresses = system_resolver("localhost", 80)
    assert addresses and {"127.0.0.1", "::1"} & set(addresses)
    for address in addresses:
        ipaddress.ip_address(address)
