"""Connections pinned to the addresses the guard checked: the defence against DNS rebinding.

Left to itself, httpx resolves a host again when it connects, so a name that resolved to a public
address for the guard could resolve to 127.0.0.1 for the socket. Here the crawler's connection
pool opens its sockets through `PinnedBackend`, which asks the crawl's `NetworkGuard` for the
host's checked addresses (one resolution per crawl) and connects to one of them by number. Only
the TCP connect is pinned: TLS still sends the name as SNI and checks the certificate against
it (httpcore passes the URL's host to `start_tls`), and the Host header is still the name. The
socket's peer is compared with the checked address before the stream is handed back, that is
before any byte of the request is sent.
"""

from __future__ import annotations

import asyncio
import ipaddress
import ssl
from collections.abc import Iterable

import httpcore
import httpx

from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.guard import NetworkGuard


def _same_address(peer: object, address: str) -> bool:
    if not isinstance(peer, tuple) or not peer:
        return False
    try:
        return ipaddress.ip_address(str(peer[0]).split("%", 1)[0]) == ipaddress.ip_address(
            address.split("%", 1)[0]
        )
    except ValueError:
        return False


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections only to addresses the guard approved, by number."""

    def __init__(
        self, guard: NetworkGuard, inner: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        self._guard = guard
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            if self._guard.needs_lookup(host):  # DNS blocks: a thread, only when it is asked
                addresses = await asyncio.to_thread(self._guard.addresses, host, port)
            else:
                addresses = self._guard.addresses(host, port)
        except (OSError, UnicodeError) as error:
            raise httpcore.ConnectError(f"could not resolve {host}: {error}") from error
        failure: Exception | None = None
        for address in addresses:
            try:
                stream = await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
                continue
            peer = stream.get_extra_info("server_addr")
            if not _same_address(peer, address):
                await stream.aclose()
                raise BlockedAddressError(
                    f"refused to fetch from {host}: the connection reached {peer!r}, "
                    f"not the checked address {address}"
                )
            return stream
        assert failure is not None  # the guard never answers with no address
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("the crawler connects over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool whose sockets go through `PinnedBackend`."""

    def __init__(
        self, guard: NetworkGuard, *, limits: httpx.Limits, ssl_context: ssl.SSLContext
    ) -> None:
        super().__init__(verify=ssl_context, limits=limits, trust_env=False)
        # httpx takes no network backend of its own (encode/httpx#3180): the pool it built is
        # replaced by the same pool over the pinned backend.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=PinnedBackend(guard),
        )
