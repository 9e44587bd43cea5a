"""Class 6 of issue 11: every non-global address is private, however the URL spells it.

The guard follows the standard library's notion of a global address plus the special-purpose
ranges Python still calls global (crawl/addresses.py); an IPv6 address that carries an IPv4 one
is judged by the IPv4 address; a host that ends in a number is the IPv4 address browsers and the
C library read in it; a trailing dot changes nothing.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from lepcheck.cli import main
from lepcheck.crawl.errors import BlockedAddressError
from lepcheck.crawl.guard import check_url
from tests.crawl.crawl_site_server import Site, serve

# A resolver that knows a few names and nothing else: numeric hosts reach it as names, as they
# would reach a resolver that is not the C library's.
NAMES = {
    "intranet.example": ["10.1.2.3"],
    "lep.example": ["93.184.216.34"],
    "v6.lep.example": ["2606:4700::1111"],
}


def resolver(host: str, port: int) -> list[str]:
    if host not in NAMES:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return NAMES[host]


def refusal(url: str, *, hint: bool = True) -> str:
    with pytest.raises(BlockedAddressError) as refused:
        check_url(url, allow_private_network=False, resolver=resolver)
    message = str(refused.value)
    assert "\n" not in message and ("--allow-private-network" in message) is hint
    return message


@pytest.mark.parametrize(
    ("url", "words"),
    [
        # Special ranges Python's is_global calls global.
        ("http://[fec0::1]/", "site-local address (fec0::/10"),
        ("http://192.0.0.9/", "IETF protocol assignment address (192.0.0.0/24"),
        ("http://192.88.99.1/", "6to4 relay anycast address (192.88.99.0/24"),
        ("http://[64:ff9b:1::a00:1]/", "local-use NAT64 address"),
        ("http://[3fff::1]/", "documentation address"),
        # IPv6 forms that carry a private IPv4 address, named by the address they carry.
        ("http://[::ffff:10.0.0.1]/", "IPv6 form of 10.0.0.1, a private address (IPv4-mapped)"),
        ("http://[::7f00:1]/", "IPv6 form of 127.0.0.1, a loopback address (IPv4-compatible)"),
        ("http://[64:ff9b::c0a8:1]/", "IPv6 form of 192.168.0.1, a private address (NAT64)"),
        (
            "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
            "IPv6 form of 127.0.0.1, a loopback address (Teredo)",
        ),
    ],
)
def test_non_global_addresses_are_refused(url: str, words: str) -> None:
    assert words in refusal(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",  # decimal
        "http://0x7f.1/",  # hex and a short form
        "http://017700000001/",  # octal
        "http://0x7f000001/",
        "http://127.1/",
        "http://0177.0.0.1/",
        "http://127.0.0.1./",  # a trailing dot
    ],
)
def test_numeric_spellings_of_loopback_are_recognised(url: str) -> None:
    message = refusal(url)
    assert "127.0.0.1" in message and "a loopback address" in message


def test_a_host_that_ends_in_a_number_but_is_no_address_is_refused() -> None:
    assert "ends in a number" in refusal("http://1.2.3.4.5/", hint=False)
    assert "ends in a number" in refusal("http://0x7g.1/", hint=False)


def test_a_trailing_dot_is_normalised_before_the_check() -> None:
    assert "10.1.2.3 is a private address" in refusal("http://intranet.example./board")
    assert "10.1.2.3 is a private address" in refusal("http://INTRANET.example../")


@pytest.mark.parametrize(
    "url",
    [
        "https://lep.example./governance",
        "https://v6.lep.example/",
        "http://8.8.8.8/",
        "http://[2606:4700::1111]/",
        # Forms that carry a public IPv4 address go to that address: as public as it is.
        "http://[::ffff:8.8.8.8]/",
        "http://[64:ff9b::808:808]/",  # NAT64, as DNS64 answers on IPv6-only networks
        "http://[2002:808:808::1]/",  # 6to4
        # Names that only look numeric are names.
        "https://www.2gether-lep.example/",
        "http://lep.example/0x7f.1/",
    ],
)
def test_public_addresses_and_names_are_not_refused(url: str) -> None:
    """No false refusals (these passed before the change too, and must keep passing)."""
    NAMES["www.2gether-lep.example"] = ["93.184.216.35"]
    check_url(url, allow_private_network=False, resolver=resolver)


@pytest.mark.parametrize(
    ("command", "spelling"),
    [("audit", "2130706433"), ("crawl", "0x7f.1"), ("crawl", "017700000001")],
)
def test_numeric_loopback_spellings_exit_3_before_any_request(
    tmp_path: Path, command: str, spelling: str
) -> None:
    """The one-line error says what the spelling is, so the user sees why it was refused."""
    with serve(Site()) as site:
        site.page("/", "<title>LEP</title><h1>Board</h1>")
        url = f"http://{spelling}:{site.port}/"
        result = CliRunner().invoke(main, [command, url, "--out", str(tmp_path / "out")])
        assert site.log == []
    assert result.exit_code == 3
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("lepcheck: error: refused to fetch")
    assert f"{spelling} is 127.0.0.1, a loopback address" in lines[0]
    assert "--allow-private-network" in lines[0]
