"""The walk through a committee's own pages, when the web service is absent or refuses (and,
for what the service does not list, beside it).

Inside one committee only: its details page (members: the register pages of councillors), its
meeting list for each year of the audit window (`ieListMeetings.aspx?CId=&Year=`), each
meeting in the window that was not cancelled (`ieListDocuments.aspx?CId=&MId=`), and from a
meeting's page its packs (agenda frontsheet, printed minutes), its documents and its decision
pages; from a decision page the papers that accompany it (the approved minutes). Links to other
committees, the calendar, issue histories and mailing lists are never followed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from lepcheck.crawl.committees.ask import Ask
from lepcheck.crawl.committees.moderngov import urls
from lepcheck.crawl.committees.moderngov.state import Chosen, InstallState, Purpose
from lepcheck.crawl.links import extract_links
from lepcheck.models import FetchRecord
from lepcheck.vocab.committees import CANCELLED, COUNCILLOR_LINK, WHOLE_REPORTS_PACK

_LISTED_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")


def links(record: FetchRecord, body: bytes) -> list[tuple[str, str]]:
    return [
        (link.url, link.text) for link in extract_links(body, record.final_url, record.content_type)
    ]


def listed_date(text: str) -> date | None:
    """ "15 Mar 2022 4.30 pm", "Tuesday, 15th March, 2022": a meeting list's dates."""
    found = _LISTED_DATE.search(text)
    if found is None:
        return None
    day, month, year = found.groups()
    for pattern, name in (("%d %b %Y", month[:3]), ("%d %B %Y", month)):
        try:
            return datetime.strptime(f"{day} {name} {year}", pattern).date()
        except ValueError:
            continue
    return None


def walk_committee_pages(state: InstallState, cid: int) -> list[Ask | None]:
    """A committee's details page and its meeting lists for the years of the window."""
    if cid in state.walked or state.own:
        return []  # an own install's pages are the crawl's, read as the body's website
    state.walked.add(cid)
    why = state.hints.get(cid, "related_committees in the registry entry")
    state.committees.setdefault(cid, Chosen("", why))
    asks = [state.ask(urls.committee_page(state.base, cid), Purpose("committee page", cid))]
    for year in state.window.years:
        asks.append(
            state.ask(urls.meetings_page(state.base, cid, year), Purpose("meeting list", cid))
        )
    return asks


def on_committee_page(
    state: InstallState, record: FetchRecord, body: bytes, cid: int
) -> list[Ask | None]:
    asks: list[Ask | None] = []
    if not state.wanted(cid):
        return asks  # linked by the LEP, but related_committees names others
    if state.mode == "pages" and cid in state.committees:
        asks += walk_committee_pages(state, cid)
    for url, text in links(record, body):
        if urls.page_name(url) == "mguserinfo.aspx" and COUNCILLOR_LINK.match(text):
            # Board members who are councillors keep their register on the council's site.
            asks.append(state.ask(url, Purpose("member page"), text))
    return asks


def on_meeting_list(
    state: InstallState, record: FetchRecord, body: bytes, cid: int
) -> list[Ask | None]:
    asks: list[Ask | None] = []
    for url, text in links(record, body):
        if urls.page_name(url) != "ielistdocuments.aspx" or urls.committee_id(url) != cid:
            continue
        day, mid = listed_date(text), urls.meeting_id(url)
        if day is None or mid is None or not state.window.holds(day) or CANCELLED.search(text):
            continue
        state.meeting_committee[mid] = cid
        asks.append(
            state.ask(
                urls.meeting_page(state.base, cid, mid), Purpose("meeting page", cid, mid), text
            )
        )
    return asks


def on_meeting_page(
    state: InstallState, record: FetchRecord, body: bytes, purpose: Purpose
) -> list[Ask | None]:
    """Packs and documents; decision pages too when the service did not give the dates."""
    found = links(record, body)
    singles = any(urls.attachment_id(u) is not None for u, _ in found)
    asks: list[Ask | None] = []
    for url, text in found:
        name = urls.page_name(url)
        if urls.is_pack(url):
            if not (singles and WHOLE_REPORTS_PACK.search(f"{text} {url}")):
                asks.append(state.ask_document(url, purpose, text))
        elif urls.attachment_id(url) is not None:
            asks.append(state.ask_document(url, purpose, text))
        elif name == "iedecisiondetails.aspx" and state.mode != "service":
            asks.append(
                state.ask(url, Purpose("decision page", purpose.committee, purpose.meeting), text)
            )
    return asks


def on_decision_or_item(
    state: InstallState, record: FetchRecord, body: bytes, purpose: Purpose
) -> list[Ask | None]:
    """The papers of a decision page (the approved minutes, for an approval) or an item page;
    for one the LEP linked, its meeting too, whose committee is then the LEP's."""
    asks: list[Ask | None] = []
    for url, text in links(record, body):
        if urls.attachment_id(url) is not None:
            asks.append(state.ask_document(url, purpose, text))
        elif urls.page_name(url) == "ielistdocuments.aspx" and purpose.committee is None:
            cid, mid = urls.committee_id(url), urls.meeting_id(url)
            if cid is not None and mid is not None:
                state.hints.setdefault(cid, f"linked from the LEP's pages (a {purpose.kind})")
                page = urls.meeting_page(state.base, cid, mid)
                asks.append(state.ask(page, Purpose("meeting page", cid, mid), text))
    return asks


def on_member_page(state: InstallState, record: FetchRecord, body: bytes) -> list[Ask | None]:
    return [
        state.ask(url, Purpose("register"), text)
        for url, text in links(record, body)
        if urls.page_name(url) in ("mgrofi.aspx", "mgdeclarationsubmission.aspx")
    ]
