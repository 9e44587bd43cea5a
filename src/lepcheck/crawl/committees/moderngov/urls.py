"""ModernGov URLs: what a URL of an install is, and the URLs the adapter asks for.

Real installs answer under a host and an optional folder (`democracy.council.gov.uk/`,
`council.county.gov.uk/`, `www.council.gov.uk/moderngov/`); pages are `mg*.aspx` and `ie*.aspx`,
the web service `mgWebService.asmx`, documents `documents/s<attachment id>/<file>` and
`documents/g<meeting id>/<pack>`. IIS is case-insensitive: `MId` and `MID` are one parameter.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

_PAGE = re.compile(r"^(?:mg|ie)[a-z0-9]+\.aspx$", re.IGNORECASE)
_SERVICE = "mgwebservice.asmx"
_DOCUMENT = re.compile(r"/documents/([sg])(\d+)/", re.IGNORECASE)

# Pages that belong to one committee, and the parameter naming it.
COMMITTEE_PARAMETER = {
    "mgcommitteedetails.aspx": "id",
    "ielistmeetings.aspx": "cid",
    "ielistdocuments.aspx": "cid",
    "mgcommitteemailinglist.aspx": "id",
}


def page_name(url: str) -> str:
    """ "ielistdocuments.aspx" for any spelling of an install's page; "" for other URLs."""
    name = unquote(urlsplit(url).path).rsplit("/", 1)[-1]
    return name.lower() if _PAGE.match(name) or name.lower() == _SERVICE else ""


def service_method(url: str) -> str:
    """ "GetMeeting" for mgWebService.asmx/GetMeeting?...; "" for the method list or others."""
    path = unquote(urlsplit(url).path)
    marker = path.lower().find("/" + _SERVICE + "/")
    if marker < 0:
        return ""
    return path[marker + len(_SERVICE) + 2 :].strip("/")


# Names that never resolve (RFC 2606, RFC 6761): a link to one is an illustration, not an
# install to walk (the sample site links "democracy.amberdale-cc.example").
_NEVER_RESOLVES = (".example", ".invalid", "example.com", "example.org", "example.net")


def is_install_url(url: str) -> bool:
    """A ModernGov page or the web service, by the shape of the URL alone."""
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith(_NEVER_RESOLVES):
        return False
    return bool(page_name(url) or service_method(url))


def install_base(url: str) -> str:
    """Where the install lives: the URL up to its page ("https://host/moderngov/")."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    lower = path.lower()
    cut = lower.find("/" + _SERVICE)
    if cut < 0:
        document = _DOCUMENT.search(path)
        cut = document.start() if document else path.rfind("/")
    return f"{parts.scheme}://{parts.netloc}{path[: cut + 1] or '/'}"


def query_value(url: str, name: str) -> str:
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key.lower() == name.lower():
            return value
    return ""


def _number(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def committee_id(url: str) -> int | None:
    parameter = COMMITTEE_PARAMETER.get(page_name(url))
    return _number(query_value(url, parameter)) if parameter else None


def meeting_id(url: str) -> int | None:
    """The meeting of a meeting page (MId or MID), or of a meeting pack (documents/g<id>/)."""
    if page_name(url) == "ielistdocuments.aspx":
        return _number(query_value(url, "mid"))
    found = _DOCUMENT.search(unquote(urlsplit(url).path))
    return int(found.group(2)) if found and found.group(1).lower() == "g" else None


def attachment_id(url: str) -> int | None:
    """One document under two URLs: mgConvert2PDF.aspx?ID=<id> and documents/s<id>/<file>."""
    if page_name(url) == "mgconvert2pdf.aspx":
        return _number(query_value(url, "id"))
    found = _DOCUMENT.search(unquote(urlsplit(url).path))
    return int(found.group(2)) if found and found.group(1).lower() == "s" else None


def is_pack(url: str) -> bool:
    """A meeting pack (agenda frontsheet, reports pack, printed minutes): documents/g<id>/."""
    found = _DOCUMENT.search(unquote(urlsplit(url).path))
    return bool(found and found.group(1).lower() == "g")


def uk(day: date) -> str:
    """Installs read dates as dd/mm/yyyy only: any other form is ignored and every meeting of
    the committee's history comes back (README of tests/fixtures/moderngov)."""
    return f"{day:%d/%m/%Y}"


def service_url(base: str, method: str = "", **parameters: str | int) -> str:
    url = f"{base}mgWebService.asmx" + (f"/{method}" if method else "")
    if not parameters:
        return url
    return url + "?" + urlencode({k: str(v) for k, v in parameters.items()}, safe="/")


def committee_page(base: str, committee: int) -> str:
    return f"{base}mgCommitteeDetails.aspx?ID={committee}"


def meetings_page(base: str, committee: int, year: int) -> str:
    return f"{base}ieListMeetings.aspx?CId={committee}&Year={year}"


def meeting_page(base: str, committee: int, meeting: int) -> str:
    return f"{base}ieListDocuments.aspx?CId={committee}&MId={meeting}"


def decision_page(base: str, item: int) -> str:
    return f"{base}ieDecisionDetails.aspx?AIId={item}"
