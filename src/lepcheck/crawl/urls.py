"""URL normalisation, so that one resource is fetched once whatever way it was linked."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that change nothing on the page: campaign tracking and session identifiers.
_DROPPED_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "igshid",
        "yclid",
        "phpsessid",
        "jsessionid",
        "sid",
        "sessionid",
        "session_id",
        "cfid",
        "cftoken",
        "aspsessionid",
        # WordPress: a comment-reply form and Jetpack share buttons on the same page.
        "replytocom",
        "share",
    }
)
_DROPPED_PREFIXES = ("utm_", "aspsessionid", "pk_", "hsa_")
# ";jsessionid=..." and ASP.NET cookieless sessions: "/(S(abc123))/page.aspx",
# "/(X(1)S(abc123))/page.aspx".
_PATH_SESSION = re.compile(
    r";(jsessionid|phpsessid|sid)=[^/?#]*|/\((?:[A-Z]\([^()/]*\))+\)(?=/)", re.IGNORECASE
)
_HOST = re.compile(r"[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters left as they are; anything else (spaces, non-ASCII) is percent-encoded.
_SAFE = "/:@!$&'()*+,;=-._~%?"


def _dropped(name: str) -> bool:
    lowered = unquote(name).lower()
    return lowered in _DROPPED_PARAMS or lowered.startswith(_DROPPED_PREFIXES)


def _tidy_escapes(text: str) -> str:
    """Decode escapes of unreserved characters and upper-case the rest (RFC 3986 6.2.2)."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else f"%{match.group(1).upper()}"

    return _PERCENT.sub(fix, quote(text, safe=_SAFE))


def _remove_dot_segments(path: str) -> str:
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
        if segment in (".", "..") and index == len(segments) - 1:
            output.append("")
    joined = "/".join(output)
    return joined if joined.startswith("/") else "/" + joined


def _clean_path(path: str) -> str:
    path = _PATH_SESSION.sub("", path)
    return _tidy_escapes(_remove_dot_segments(path or "/"))


def _clean_query(query: str) -> str:
    # Raw tokens are sorted and kept as written, so "?flag" does not become "?flag=".
    tokens = [t for t in query.split("&") if t and not _dropped(t.split("=", 1)[0])]
    return "&".join(sorted(_tidy_escapes(t) for t in tokens))


def normalise_url(url: str, base: str | None = None) -> str | None:
    """Canonical form of an http(s) URL, resolved against `base`; None if it is not one."""
    url = url.strip()
    if not url:
        return None
    try:
        absolute = urljoin(base, url) if base else url
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    if ":" in host:
        host = f"[{host}]"
    elif not _HOST.fullmatch(host):
        return None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _clean_path(parts.path), _clean_query(parts.query), ""))


def dedup_key(url: str) -> str:
    """Key under which spellings of one normalised URL count as one resource.

    http:// and https://, and a host with or without "www.", are one site's same page on
    all but vanishingly few servers; fetching both would double the crawl for nothing.
    """
    return url.split("://", 1)[-1].removeprefix("www.")
