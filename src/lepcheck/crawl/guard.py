"""SSRF guard: refuse URLs whose host resolves to a non-public address.

Checked on the start URL before any request, on every URL and on every redirect hop,
and once more on the address the connection actually reached (against DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from lepcheck.crawl.errors import BlockedAddressError

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_HINT = "pass --allow-private-network to crawl private or loopback addresses"


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _nat64_embedded(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    # A NAT64 gateway turns 64:ff9b::a.b.c.d into a connection to a.b.c.d.
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_problem(address: IPAddress) -> str | None:
    """Why an address is not a public one, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour or _nat64_embedded(address)
        if mapped is not None:
            inner = address_problem(mapped)
            return f"an IPv6 form of {mapped}, {inner}" if inner else None
    checks = (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-global", not address.is_global),
    )
    for name, hit in checks:
        if hit:
            article = "an" if name[0] in "aeiou" else "a"
            return f"{article} {name} address"
    return None


def _refusal(url: str, address: str, problem: str) -> BlockedAddressError:
    return BlockedAddressError(f"refused to fetch {url}: {address} is {problem}; {_HINT}")


def check_address(url: str, address: str, *, allow_private_network: bool) -> None:
    """Refuse a connection that reached a non-public address (after DNS, before trusting it)."""
    if allow_private_network:
        return
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return
    problem = address_problem(parsed)
    if problem:
        raise _refusal(url, address, problem)


def check_url(
    url: str, *, allow_private_network: bool, resolver: Resolver = system_resolver
) -> None:
    """Raise BlockedAddressError unless `url` is http(s) and its host resolves to public IPs.

    A resolution failure is not the guard's business: the fetch reports it as unreachable.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedAddressError(f"refused to fetch {url}: only http and https URLs are crawled")
    host = parts.hostname
    if not host:
        raise BlockedAddressError(f"refused to fetch {url}: the URL has no host")
    if allow_private_network:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise BlockedAddressError(f"refused to fetch {url}: invalid port") from error
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError):
            return
    for address in addresses:
        check_address(url, address, allow_private_network=False)
