"""SSRF guard: refuse URLs whose host is, or resolves to, a non-public address.

One `NetworkGuard` serves one crawl. It resolves each host once and keeps the answer: the gate
checks the start URL, every URL and every redirect hop against it before any request, and every
connection goes to an address of that same answer, checked again (`pinned`). A DNS server that
answers a public address first and a private one later (DNS rebinding) therefore cannot move a
connection: the address the guard approved is the address the socket reaches.

Which addresses are public, and how a host spells an address, is `addresses`.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from lepcheck.crawl.addresses import (
    IPAddress,
    NotAnAddressError,
    address_problem,
    host_address,
    normalised_host,
)
from lepcheck.crawl.errors import BlockedAddressError

Resolver = Callable[[str, int], list[str]]
# Why an address may not be crawled ("a loopback address"), or None when it may.
AddressPolicy = Callable[[IPAddress], str | None]

_HINT = "pass --allow-private-network to crawl private or loopback addresses"


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class NetworkGuard:
    """The guard of one crawl: one resolution per host, every address checked by `policy`.

    `resolver` and `policy` are the seams tests use to answer for names and to treat a loopback
    address as public; the defaults are the system resolver and `addresses.address_problem`.
    """

    def __init__(
        self,
        *,
        allow_private_network: bool = False,
        resolver: Resolver = system_resolver,
        policy: AddressPolicy = address_problem,
    ) -> None:
        self.allow_private_network = allow_private_network
        self._resolver = resolver
        self._policy = policy
        # One answer per name, whatever the port: DNS knows nothing of ports.
        self._answers: dict[str, tuple[str, ...]] = {}

    def check_url(self, url: str) -> None:
        """Raise BlockedAddressError unless `url` is http(s) and its host's addresses are public.

        A resolution failure is not the guard's business: the fetch reports it as unreachable.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise BlockedAddressError(
                f"refused to fetch {url}: only http and https URLs are crawled"
            )
        host = normalised_host(parts.hostname or "")
        if not host:
            raise BlockedAddressError(f"refused to fetch {url}: the URL has no host")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise BlockedAddressError(f"refused to fetch {url}: invalid port") from error
        if self.allow_private_network:
            return
        try:
            self.addresses(host, port, url=url)
        except (OSError, UnicodeError):
            return

    def needs_lookup(self, host: str) -> bool:
        """Whether `addresses` would ask the resolver (a name not resolved yet), so that an
        event loop calls it in a thread only then."""
        name = normalised_host(host)
        try:
            literal = host_address(name)
        except NotAnAddressError:
            return False
        return literal is None and name not in self._answers

    def addresses(self, host: str, port: int, *, url: str | None = None) -> tuple[str, ...]:
        """The addresses a connection to `host`:`port` may use, every one checked.

        A name is resolved once per crawl; later calls get the same answer. Raises
        BlockedAddressError when an address is not public (unless private networks are
        allowed), OSError when the name does not resolve.
        """
        target = url or f"{host}:{port}"
        name = normalised_host(host)
        try:
            literal = host_address(name)
        except NotAnAddressError as error:
            raise BlockedAddressError(
                f"refused to fetch {target}: {host} ends in a number but is not an IPv4 address"
            ) from error
        if literal is not None:
            answer: tuple[str, ...] = (str(literal),)
        else:
            answer = self._answers.get(name) or self._resolve(name, port)
        if not self.allow_private_network:
            for address in answer:
                self._check(target, address, spelled=name if literal is not None else None)
        return answer

    def _resolve(self, name: str, port: int) -> tuple[str, ...]:
        resolved = tuple(self._resolver(name, port))
        if not resolved:
            raise OSError(f"{name} has no address")
        # Two workers may resolve one name at once: the first answer kept is everyone's.
        return self._answers.setdefault(name, resolved)

    def _check(self, target: str, address: str, *, spelled: str | None) -> None:
        try:
            parsed = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError as error:
            raise BlockedAddressError(
                f"refused to fetch {target}: the resolver answered {address!r}, not an address"
            ) from error
        problem = self._policy(parsed)
        if problem is None:
            return
        shown = f"{spelled} is {parsed}, {problem}" if spelled and spelled != str(parsed) else ""
        raise BlockedAddressError(
            f"refused to fetch {target}: {shown or f'{address} is {problem}'}; {_HINT}"
        )


def check_url(
    url: str, *, allow_private_network: bool, resolver: Resolver = system_resolver
) -> None:
    """`NetworkGuard.check_url` with a guard of its own (no answer shared with a crawl)."""
    NetworkGuard(allow_private_network=allow_private_network, resolver=resolver).check_url(url)
