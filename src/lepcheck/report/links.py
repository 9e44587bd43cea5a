"""Which strings in a report may become links: a live link only to an http(s) URL with a host,
and an archived-copy link only to a file inside evidence/ beside the report.

An archive path is judged as a browser would resolve it: percent-decoded (repeatedly, so
`%252e` cannot survive as `%2e`), with `\\` taken as `/` (the WHATWG URL parser does so for
file: URLs), dot segments applied. Whatever does not then lie inside evidence/ is no link,
and a report.json naming one is refused (`lepcheck report`, `statement --report`), since
lepcheck itself only ever names evidence/<sha256>.<ext>.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urlsplit

EVIDENCE_DIR = "evidence"
LIVE_SCHEMES = ("http", "https")


def live_href(url: str | None) -> str | None:
    """`url` when it is an http(s) URL with a host and nothing a browser would strip first
    (leading spaces or control characters before a scheme); else None: shown as text."""
    if not url or not url.isprintable() or url != url.strip():
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() in LIVE_SCHEMES and parts.hostname:
        return url
    return None


def archive_path(value: str | None) -> str | None:
    """The file inside evidence/ that `value` names, normalised (`evidence/<name>`), or None
    when, percent-decoded and normalised, it is anything else."""
    if not value:
        return None
    decoded = value
    for _ in range(4):  # a few rounds undo any double encoding a crafted file tries
        decoded = unquote(decoded)
    if "\\" in decoded or not decoded.isprintable() or decoded.startswith("/"):
        return None
    if urlsplit(decoded).scheme or ":" in decoded.split("/")[0]:
        return None
    parts = PurePosixPath(decoded).parts  # drops empty and "." segments
    if len(parts) < 2 or parts[0] != EVIDENCE_DIR or ".." in parts:
        return None
    return "/".join(parts)


def archive_href(value: str | None) -> str | None:
    """A relative link to the archived copy, percent-encoded, or None (see archive_path)."""
    path = archive_path(value)
    return None if path is None else quote(path)
