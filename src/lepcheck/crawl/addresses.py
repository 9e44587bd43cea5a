"""Which addresses a crawl of public websites may connect to, and how a URL's host spells one.

An address is public only when the standard library calls it global (`ipaddress.is_global`,
which follows the IANA special-purpose registries) and it is in none of the ranges below that
Python still calls global although they are deprecated or special-use. An IPv6 address that
carries an IPv4 address (IPv4-mapped, IPv4-compatible, 6to4, NAT64, Teredo) is judged by the
IPv4 address it carries: `::ffff:127.0.0.1` reaches the loopback interface.

A host that ends in a number is an IPv4 address however it is spelled: browsers and the C
library read `2130706433`, `0x7f.1` and `017700000001` as 127.0.0.1 (the WHATWG URL standard,
"IPv4 parser"), so the guard must too.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class SpecialRange:
    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    name: str
    source: str


# Ranges Python's `is_global` (3.11) still calls global that no public website lives on.
# Examples: 192.0.0.9 (IETF protocol assignments), 192.88.99.1 (6to4 relay anycast),
# fec0::1 (site-local), 64:ff9b:1::a00:1 (local-use NAT64), 3fff::1 (documentation).
NOT_PUBLIC_RANGES: tuple[SpecialRange, ...] = (
    SpecialRange(ipaddress.ip_network("192.0.0.0/24"), "IETF protocol assignment", "RFC 6890"),
    SpecialRange(ipaddress.ip_network("192.88.99.0/24"), "6to4 relay anycast", "RFC 7526"),
    SpecialRange(ipaddress.ip_network("fec0::/10"), "site-local", "RFC 3879"),
    SpecialRange(ipaddress.ip_network("64:ff9b:1::/48"), "local-use NAT64", "RFC 8215"),
    SpecialRange(ipaddress.ip_network("3fff::/20"), "documentation", "RFC 9637"),
    SpecialRange(ipaddress.ip_network("5f00::/16"), "segment-routing", "RFC 9602"),
)

_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the well-known prefix
_COMPATIBLE = ipaddress.ip_network("::/96")  # RFC 4291 2.5.5.1 (deprecated)
# Forms whose packets go to the IPv4 address they carry: with a public one inside they are
# as public as it is. Teredo and IPv4-compatible addresses are never needed by a crawl.
_ROUTED_TO_CARRIED = frozenset({"IPv4-mapped", "NAT64", "6to4"})
# The names stdlib flags give a non-public address, most telling first.
_KINDS = ("loopback", "link_local", "multicast", "unspecified", "reserved", "private")


def carried_ipv4(address: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    """The IPv4 address an IPv6 address carries, with the name of the form, or None."""
    if address.ipv4_mapped is not None:
        return "IPv4-mapped", address.ipv4_mapped
    if address in _NAT64:
        return "NAT64", ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return "6to4", address.sixtofour
    if address.teredo is not None:
        return "Teredo", address.teredo[1]
    if address in _COMPATIBLE and int(address) > 1:  # not :: or ::1
        return "IPv4-compatible", ipaddress.IPv4Address(int(address))
    return None


def _article(words: str) -> str:
    return f"{'an' if words[0].lower() in 'aeiou' else 'a'} {words}"


def address_problem(address: IPAddress) -> str | None:
    """Why an address is not a public one ("a loopback address"), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        carried = carried_ipv4(address)
        if carried is not None:
            form, inner = carried
            problem = address_problem(inner)
            if problem:
                return f"an IPv6 form of {inner}, {problem} ({form})"
            if form in _ROUTED_TO_CARRIED:
                return None
    for special in NOT_PUBLIC_RANGES:
        if address.version == special.network.version and address in special.network:
            return _article(f"{special.name} address ({special.network}, {special.source})")
    for kind in _KINDS:
        if getattr(address, f"is_{kind}"):
            return _article(f"{kind.replace('_', '-')} address")
    if not address.is_global or address.is_multicast:
        return "a non-global address"
    return None


class NotAnAddressError(ValueError):
    """A host that ends in a number but is no valid IPv4 address (browsers refuse it too)."""


_DIGITS = {8: "01234567", 10: "0123456789", 16: "0123456789abcdef"}


def _ipv4_number(part: str) -> int:
    """One dot-separated part of an IPv4 host: decimal, 0x-hex or 0-octal (WHATWG)."""
    radix = 10
    if part[:2].lower() == "0x":
        radix, part = 16, part[2:]
    elif len(part) > 1 and part.startswith("0"):
        radix, part = 8, part[1:]
    if not part:
        return 0
    if not set(part.lower()) <= set(_DIGITS[radix]):
        raise NotAnAddressError(part)
    return int(part, radix)


def _ends_in_number(parts: list[str]) -> bool:
    last = parts[-1]
    if last.isdigit() and last.isascii():
        return True
    return last[:2].lower() == "0x" and set(last[2:].lower()) <= set(_DIGITS[16])


def _ipv4_host(host: str) -> ipaddress.IPv4Address | None:
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not parts[-1] or not _ends_in_number(parts):
        return None
    if len(parts) > 4 or "" in parts:
        raise NotAnAddressError(host)
    try:
        numbers = [_ipv4_number(part) for part in parts]
    except NotAnAddressError as error:
        raise NotAnAddressError(host) from error
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise NotAnAddressError(host)
    value = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    return ipaddress.IPv4Address(value)


def host_address(host: str) -> IPAddress | None:
    """The address a URL's host names literally, however spelled; None for a domain name.

    Raises NotAnAddressError for a host that ends in a number but is no valid IPv4 address.
    """
    bare = host.strip("[]").split("%", 1)[0]
    if ":" in bare:
        try:
            return ipaddress.IPv6Address(bare)
        except ValueError as error:
            raise NotAnAddressError(host) from error
    return _ipv4_host(bare)


def normalised_host(host: str) -> str:
    """A host name as the guard compares and resolves it: lower case, no trailing dot."""
    return host.lower().rstrip(".")
