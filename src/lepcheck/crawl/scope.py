"""Which URLs belong to the LEP's own site, to a declared related site, or to neither.

Own site = the registrable domain of the start URL (www or bare, http or https), worked out
offline from a short list of public suffixes that matter for English public bodies. For an
IP-address host, own site = the same host and port.
"""

from __future__ import annotations

import ipaddress
from enum import Enum
from urllib.parse import urlsplit

from lepcheck.crawl.urls import dedup_key, normalise_url

# Second-level labels under a country code that are public suffixes (co.uk, org.uk, gov.uk,
# com.au, ...). Any two-letter TLD with one of these under it is treated as a suffix.
_CC_SECOND_LEVEL = frozenset(
    {
        "co",
        "org",
        "gov",
        "ac",
        "ltd",
        "plc",
        "me",
        "net",
        "sch",
        "nhs",
        "police",
        "mod",
        "com",
        "edu",
        "nic",
        "parliament",
        "judiciary",
        "nom",
        "govt",
    }
)
# Shared hosting where each customer owns a subdomain: the customer's site is the
# subdomain, never the whole platform.
_PLATFORM_SUFFIXES = frozenset(
    {
        "wordpress.com",
        "wixsite.com",
        "github.io",
        "azurewebsites.net",
        "herokuapp.com",
        "cloudfront.net",
        "amazonaws.com",
        "s3.amazonaws.com",
        "blogspot.com",
        "squarespace.com",
        "netlify.app",
        "pages.dev",
        "sharepoint.com",
        "web.app",
        "firebaseapp.com",
        "azureedge.net",
        "windows.net",
        "blob.core.windows.net",
        "webflow.io",
        "weebly.com",
        "godaddysites.com",
        "vercel.app",
        "cloudapp.net",
    }
)


class Zone(Enum):
    OWN = "own"
    RELATED = "related"
    OFFSITE = "off-site"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def registrable_domain(host: str) -> str:
    """The domain a single organisation controls: "www.lep.org.uk" -> "lep.org.uk"."""
    host = host.lower().rstrip(".")
    if _is_ip(host):
        return host
    labels = host.split(".")
    for size in (3, 2):
        suffix = ".".join(labels[-size:])
        if len(labels) > size and suffix in _PLATFORM_SUFFIXES:
            return ".".join(labels[-size - 1 :])
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _CC_SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _site_key(url: str) -> str | None:
    """What two URLs of one site share: the registrable domain, or host:port for an IP."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        return None
    if _is_ip(host):
        return f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    return registrable_domain(host)


class Scope:
    """Decides the zone of a normalised URL."""

    def __init__(self, start_url: str, related_sites: tuple[str, ...] = ()) -> None:
        self._own: set[str] = set()
        self.add_own_site(start_url)
        self._related: list[str] = []
        for site in related_sites:
            normal = normalise_url(site if "://" in site else f"https://{site}")
            if normal:
                prefix = dedup_key(normal)
                # "council.gov.uk/" covers the whole host.
                self._related.append(prefix[:-1] if prefix.endswith("/") else prefix)

    def add_own_site(self, url: str) -> None:
        """Widen the own site, e.g. when the start URL redirects to a new domain."""
        key = _site_key(url)
        if key:
            self._own.add(key)

    def zone(self, url: str) -> Zone:
        if _site_key(url) in self._own:
            return Zone.OWN
        key = dedup_key(url)
        for prefix in self._related:
            if key == prefix or (key.startswith(prefix) and key[len(prefix)] in "/?&"):
                return Zone.RELATED
        return Zone.OFFSITE
