"""Class 5 of issue 11: DNS rebinding. The address the guard approved is the address the socket
reaches, before any byte is sent; TLS and the Host header still carry the name.

Two loopback servers share one port: 127.0.0.1 stands in for the public site (the test's
address policy calls it public) and 127.0.0.2 for the private one (loopback, as the real policy
says). A fake resolver, injected where the crawler resolves, answers the public address first
and the private one on later lookups, as a rebinding DNS server with a zero TTL does.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import httpcore
import pytest

from lepcheck.crawl.addresses import IPAddress, address_problem
from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.pinned import PinnedBackend
from tests.crawl.crawl_site_server import Reply, Site, fetch_with_crawler_client, serve

PUBLIC, PRIVATE = "127.0.0.1", "127.0.0.2"


def public_policy(address: IPAddress) -> str | None:
    """The real policy, except that the test's "public" server address is public."""
    return None if str(address) == PUBLIC else address_problem(address)


class RebindingResolver:
    """Answers PUBLIC for the first `honest` lookups of a name, PRIVATE ever after."""

    def __init__(self, honest: int) -> None:
        self.honest = honest
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        return [PUBLIC] if len(self.lookups) <= self.honest else [PRIVATE]


@pytest.fixture
def servers() -> Iterator[tuple[Site, Site]]:
    public, private = Site(), Site()
    private.fallback = lambda path: Reply(body=b"<p>internal admin console</p>")
    with serve(public, host=PUBLIC) as running, serve(private, host=PRIVATE, port=running.port):
        yield public, private


@pytest.mark.parametrize("honest", [1, 3])
def test_a_name_that_rebinds_to_a_private_address_never_reaches_it(
    servers: tuple[Site, Site], tmp_path: Path, honest: int
) -> None:
    """honest=1: the answer changes on the second lookup. honest=3: it changes once the checks
    of the start URL and robots.txt have looked the name up (the lookup a connection of its own
    would make next)."""
    public, private = servers
    public.page("/", '<a href="/board/">Board</a> <a href="/docs/register.pdf">Register</a>')
    public.page("/board/", "<h1>Our Board</h1><p>Jane Marsh, Chair</p>")
    public.routes["/docs/register.pdf"] = Reply(
        body=b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"
    )
    resolver = RebindingResolver(honest)
    guard = NetworkGuard(resolver=resolver, policy=public_policy)
    options = CrawlOptions(start_url=f"http://lep.example:{public.port}/", delay=0.0, timeout=2.0)
    crawl(options, tmp_path / "snap", target_id="t", guard=guard)
    assert private.log == []
    assert {path for path, _ in public.log} >= {"/robots.txt", "/", "/board/", "/docs/register.pdf"}
    # Resolved once for the whole crawl; the Host header is still the name.
    assert resolver.lookups == ["lep.example"]
    assert {headers["host"] for _, headers in public.log} == {f"lep.example:{public.port}"}


def test_one_resolution_serves_every_port_and_every_later_check() -> None:
    resolver = RebindingResolver(honest=1)
    guard = NetworkGuard(resolver=resolver, policy=public_policy)
    guard.check_url("https://lep.example/")
    assert guard.addresses("lep.example", 80) == (PUBLIC,)
    assert guard.addresses("LEP.example.", 8080) == (PUBLIC,)
    assert resolver.lookups == ["lep.example"]


def test_a_name_whose_first_answer_is_private_is_refused_before_any_request(
    servers: tuple[Site, Site], tmp_path: Path
) -> None:
    _, private = servers
    guard = NetworkGuard(resolver=RebindingResolver(honest=0), policy=public_policy)
    options = CrawlOptions(start_url=f"http://lep.example:{private.port}/", delay=0.0)
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.2 is a loopback address"):
        crawl(options, tmp_path / "snap", target_id="t", guard=guard)
    assert private.log == []


class MisdirectedBackend(httpcore.AnyIOBackend):
    """A network path that lands somewhere other than the address asked for (a NAT, a
    hijacked route): the socket's peer is PRIVATE whatever address the connect names."""

    async def connect_tcp(self, host: str, port: int, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        return await super().connect_tcp(PRIVATE, port)


def test_a_socket_whose_peer_is_not_the_checked_address_sends_nothing(
    servers: tuple[Site, Site],
) -> None:
    _, private = servers
    guard = NetworkGuard(resolver=lambda host, port: [PUBLIC], policy=public_policy)

    async def request() -> None:
        backend = PinnedBackend(guard, inner=MisdirectedBackend())
        async with httpcore.AsyncConnectionPool(network_backend=backend) as pool:
            await pool.request("GET", f"http://lep.example:{private.port}/")

    with pytest.raises(BlockedAddressError, match=r"not the checked address 127\.0\.0\.1"):
        asyncio.run(request())
    assert private.log == []


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, list[str | None]]]:
    """A TLS server on PUBLIC with a self-signed certificate for lep.example, which records the
    server name each client sent (SNI)."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=lep.example"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            *("-addext", "subjectAltName=DNS:lep.example", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)  # type: ignore[assignment,misc,return-value]
    listener = socket.create_server((PUBLIC, 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except OSError:
                continue
            raw.settimeout(5)
            try:
                with context.wrap_socket(raw, server_side=True):
                    pass
            except (OSError, ssl.SSLError):
                pass  # the client refuses the self-signed certificate

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1], names
    stop.set()
    thread.join(5)
    listener.close()


def test_tls_to_the_pinned_address_still_sends_the_name(
    tls_server: tuple[int, list[str | None]],
) -> None:
    port, names = tls_server
    guard = NetworkGuard(resolver=lambda host, p: [PUBLIC], policy=public_policy)
    result = fetch_with_crawler_client(f"https://lep.example:{port}/", guard, retry=False)
    # The certificate is checked against the name too: a self-signed one is refused.
    assert result.final is None and "CERTIFICATE_VERIFY_FAILED" in (result.error or "")
    assert names[:1] == ["lep.example"]
