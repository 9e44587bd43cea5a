"""The web archives lepcheck knows by name, and any other Wayback-compatible collection by URL.

A collection answers its CDX API at `ARCHIVE/cdx` and replays a capture's bytes as they were
captured at `ARCHIVE/{timestamp}id_/{url}` (pywb and OpenWayback; the Internet Archive's CDX
API lives apart, at /cdx/search/cdx). The default rates are deliberately below what public
archives tolerate: the Internet Archive's CDX API allows a few dozen queries a minute per
address and blocks clients that ignore 429s; EDGI's `wayback` client defaults to 24 CDX queries
and 480 replays a minute. lepcheck asks ia for at most 20 index queries and 60 replays a minute,
and the two national archives (no published limit) for 12 and 30.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lepcheck.errors import UsageError

# A Location in a replayed redirect that points back into the archive: "{collection}/
# {14-digit timestamp}{modifier}/{original URL}" (the Internet Archive rewrites them so).
_REWRITTEN = re.compile(r"/(\d{4,14})(?:[a-z]{2}_)?/(https?://.+)$", re.IGNORECASE)


class UnknownArchiveError(UsageError):
    """--archive names no bundled archive and is not a URL."""


@dataclass(frozen=True)
class ArchiveProfile:
    name: str  # "ia", or the collection URL as given
    collection: str  # replay base: {collection}/{timestamp}id_/{url}
    cdx: str  # the CDX API
    index_per_minute: float  # default rate of CDX queries
    replays_per_minute: float  # default rate of replays
    # Field names for `fl=` when the dialect is known (the IA answer is much smaller with
    # them); a pywb collection drops names it does not know, so none are asked of it.
    fields: str = ""

    def replay_url(self, timestamp: str, url: str) -> str:
        return f"{self.collection}/{timestamp}id_/{url}"

    def host(self) -> str:
        return urlsplit(self.cdx).netloc

    def original_of(self, location: str) -> str:
        """A redirect's Location as the site sent it: archives may point it back into
        themselves (the Internet Archive does), which is undone here."""
        if location.startswith(self.collection) or urlsplit(location).netloc == self.host():
            match = _REWRITTEN.search(location)
            if match:
                return match.group(2)
        return location


BUNDLED: dict[str, ArchiveProfile] = {
    # The Internet Archive's Wayback Machine (https://archive.org/help/wayback_api.php).
    "ia": ArchiveProfile(
        name="ia",
        collection="https://web.archive.org/web",
        cdx="https://web.archive.org/cdx/search/cdx",
        index_per_minute=20,
        replays_per_minute=60,
        fields="urlkey,timestamp,original,mimetype,statuscode,digest",
    ),
    # The UK Web Archive (British Library and the legal deposit libraries), a pywb service.
    "ukwa": ArchiveProfile(
        name="ukwa",
        collection="https://www.webarchive.org.uk/wayback/archive",
        cdx="https://www.webarchive.org.uk/wayback/archive/cdx",
        index_per_minute=12,
        replays_per_minute=30,
    ),
    # The UK Government Web Archive (The National Archives).
    "ukgwa": ArchiveProfile(
        name="ukgwa",
        collection="https://webarchive.nationalarchives.gov.uk/ukgwa",
        cdx="https://webarchive.nationalarchives.gov.uk/ukgwa/cdx",
        index_per_minute=12,
        replays_per_minute=30,
    ),
}
# Any other collection (a pywb on an intranet or loopback): polite, and configurable.
OTHER_INDEX_PER_MINUTE = 30.0
OTHER_REPLAYS_PER_MINUTE = 120.0


def resolve_archive(spec: str, option: str = "--archive") -> ArchiveProfile:
    """The archive `spec` names: a bundled name (any case) or a collection URL."""
    given = spec.strip()
    bundled = BUNDLED.get(given.lower())
    if bundled is not None:
        return bundled
    parts = urlsplit(given)
    if parts.scheme in ("http", "https") and parts.netloc:
        collection = given.rstrip("/")
        return ArchiveProfile(
            name=collection,
            collection=collection,
            cdx=f"{collection}/cdx",
            index_per_minute=OTHER_INDEX_PER_MINUTE,
            replays_per_minute=OTHER_REPLAYS_PER_MINUTE,
        )
    raise UnknownArchiveError(
        f"{option} '{spec}': unknown archive; give {', '.join(BUNDLED)} or the URL of a "
        "Wayback-compatible collection (e.g. http://127.0.0.1:8080/lep)"
    )
