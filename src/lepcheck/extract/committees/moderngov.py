"""ModernGov pages read into committee records: what a meeting page, a meeting list, a decision
page and a committee page declare (README of tests/fixtures/moderngov; the real fragments there).

The markup is ModernGov's: `h1.mgMainTitleTxt` (a meeting page's heading says whether its
minutes are draft: "Agenda and draft minutes", or approved: "Agenda and minutes"),
`h2.mgSubTitleTxt` ("<committee> - Tuesday, 15th March, 2022 4.30 pm", "- CANCELLED"),
`span.mgLabel` labels ("Publication date: 22&#47;10&#47;2015"), `table.mgItemTable` items with a
"Part II" row before the items kept from the public, `ul.mgActionList` packs and
`documents/s<id>/` papers. Older or reworked installs put the date in the main heading.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from lepcheck.committee_records import (
    CommitteeDecision,
    CommitteeInfo,
    CommitteeItem,
    CommitteeMeeting,
    CommitteePaper,
    CommitteeRecord,
)
from lepcheck.crawl.committees.moderngov import urls
from lepcheck.vocab.committees import (
    CANCELLED,
    EXEMPTION_SCHEDULE,
    FILE_SIZE_SUFFIX,
    HEADING_DRAFT,
    HEADING_MINUTES,
    LINK_TITLE_PREFIX,
    PACK_NAMES,
    PART_TWO,
)

PackKind = Literal["agenda", "reports", "minutes"]
_SPOKEN = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MARKERS = re.compile(r"id=[\"']?modgov\b|mgMainTitleTxt|mgSubTitleTxt", re.IGNORECASE)
_PACKS: tuple[tuple[PackKind, re.Pattern[str]], ...] = (
    ("agenda", PACK_NAMES["agenda"]),
    ("reports", PACK_NAMES["reports"]),
    ("minutes", PACK_NAMES["minutes"]),
)


def words(node: Tag | None) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def spoken_date(text: str) -> date | None:
    """ "Tuesday, 15th March, 2022 4.30 pm", "Monday, 6 June, 2022", "15 Mar 2022"."""
    found = _SPOKEN.search(text)
    if found is None:
        return None
    day, month, year = found.groups()
    for pattern, name in (("%d %B %Y", month), ("%d %b %Y", month[:3])):
        try:
            return datetime.strptime(f"{day} {name} {year}", pattern).date()
        except ValueError:
            continue
    return None


def slashed_date(text: str) -> date | None:
    found = _SLASHED.search(text)
    if found is None:
        return None
    try:
        return date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None


def labelled(soup: BeautifulSoup, label: str) -> tuple[str, Tag | None]:
    """The text after a `span.mgLabel` ("Publication date: ") and the element holding it."""
    for span in soup.select("span.mgLabel"):
        if words(span).lower().startswith(label.lower()):
            holder = span.parent if isinstance(span.parent, Tag) else None
            return words(holder)[len(words(span)) :].strip(" :"), holder
    return "", None


def _links(node: Tag, base: str) -> list[tuple[str, str, str]]:
    """(absolute URL, text, title attribute) of the links under a node."""
    found = []
    for anchor in node.find_all("a", href=True):
        href = str(anchor["href"])
        title = str(anchor.get("title") or "").removeprefix("Link to ").strip()
        found.append((urljoin(base, href), words(anchor), title))
    return found


def without_size(text: str) -> str:
    """ "Minutes PDF 119 KB" -> "Minutes": ModernGov prints the file size inside the link."""
    return FILE_SIZE_SUFFIX.sub("", text)


def _paper(url: str, text: str, title: str, item_title: str = "") -> CommitteePaper:
    # The link title names the document ("Link to document Minutes 11th May 2022"); the
    # text may be the item's title with the file size.
    name = LINK_TITLE_PREFIX.sub("", title) or without_size(text)
    return CommitteePaper(
        url=url, title=name, attachment_id=urls.attachment_id(url), item_title=item_title
    )


# ---------------------------------------------------------------- pages


def meeting_page(soup: BeautifulSoup, url: str) -> CommitteeRecord | None:
    mid, cid = urls.meeting_id(url), urls.committee_id(url)
    heading = words(soup.select_one("h1.mgMainTitleTxt"))
    subtitle = words(soup.select_one("h2.mgSubTitleTxt"))
    title_tag = words(soup.find("title"))
    when = spoken_date(subtitle) or spoken_date(heading) or spoken_date(title_tag)
    if mid is None or when is None:
        return None
    committee = subtitle.split(" - ")[0] if " - " in subtitle and spoken_date(subtitle) else ""
    packs = [
        _pack(u, text) for u, text, _ in _links(soup.select_one("ul.mgActionList") or soup, url)
    ]
    items, papers = _items(soup, url)
    lower = heading.lower()
    meeting = CommitteeMeeting(
        meeting_id=mid,
        date=when,
        committee_id=cid,
        committee=committee,
        cancelled=bool(CANCELLED.search(subtitle)),
        agenda_published=bool(items or any(p for p in packs if p)),
        minutes_published=HEADING_MINUTES in lower,
        # "Agenda and minutes" are approved, "Agenda and draft minutes" not; "Agenda": neither.
        minutes_approved=(HEADING_DRAFT not in lower) if HEADING_MINUTES in lower else None,
        items=tuple(items),
        papers=tuple(p for p in packs if p) + tuple(papers),
    )
    return CommitteeRecord(source="meeting page", meetings=(meeting,))


def _pack(url: str, text: str) -> CommitteePaper | None:
    if not urls.is_pack(url):
        return None
    for kind, pattern in _PACKS:
        if pattern.search(text) or pattern.search(url.rsplit("/", 1)[-1]):
            return CommitteePaper(url=url, title=without_size(text), pack=kind)
    return None


def _items(soup: BeautifulSoup, base: str) -> tuple[list[CommitteeItem], list[CommitteePaper]]:
    items: list[CommitteeItem] = []
    papers: list[CommitteePaper] = []
    table = soup.select_one("table.mgItemTable")
    if table is None:
        # Pages without an items table list their papers in a bullet list.
        for link, text, title in _links(soup.select_one(".mgContent") or soup, base):
            if urls.attachment_id(link) is not None:
                papers.append(_paper(link, text, title))
        return items, papers
    restricted = False
    for row in table.find_all("tr"):
        part = row.select_one("p.mgPartTitleTxt")
        if part is not None:
            restricted = bool(PART_TWO.search(words(part)))
            continue
        cells = row.find_all("td")
        if len(cells) < 2:
            continue
        title = words(cells[1].select_one("p.mgAiTitleTxt"))
        title = without_size(title)
        text, minutes = _item_texts(cells[1])
        number = words(cells[0]).rstrip(".")
        items.append(
            CommitteeItem(
                number=number, title=title, text=text, minutes=minutes, restricted=restricted
            )
        )
        for link, link_text, link_title in _links(cells[1], base):
            if urls.attachment_id(link) is not None:
                papers.append(_paper(link, link_text, link_title, item_title=title))
    return items, papers


def _item_texts(cell: Tag) -> tuple[str, str]:
    """The agenda text of an item and its minutes: the paragraph after "Minutes:" is minutes."""
    text: list[str] = []
    minutes: list[str] = []
    for para in cell.select("div.mgWordPara"):
        label = para.find_previous_sibling("p")
        after_minutes = (
            label is not None
            and HEADING_MINUTES in words(label).lower()
            and ("mgSubItemTitleTxt" in (label.get("class") or []))
        )
        (minutes if after_minutes else text).append(words(para))
    return "\n".join(text), "\n".join(minutes)


def decision_page(soup: BeautifulSoup, url: str) -> CommitteeRecord:
    published, _ = labelled(soup, "Publication date")
    decided, _ = labelled(soup, "Date of decision")
    _, meeting_holder = labelled(soup, "Decided at meeting")
    meeting_links = _links(meeting_holder, url) if meeting_holder is not None else []
    meeting_url = next(
        (u for u, _, _ in meeting_links if urls.page_name(u) == "ielistdocuments.aspx"), ""
    )
    documents = []
    for listed in soup.select("ul.mgBulletList"):
        for link, text, title in _links(listed, url):
            if urls.attachment_id(link) is not None:
                documents.append(_paper(link, text, title))
    restriction = next(
        (words(p) for p in soup.select("div.mgWordPara") if EXEMPTION_SCHEDULE in words(p).lower()),
        "",
    )
    decision = CommitteeDecision(
        url=url,
        title=words(soup.select_one("h2.mgSubTitleTxt")),
        meeting_id=urls.meeting_id(meeting_url) if meeting_url else None,
        committee_id=urls.committee_id(meeting_url) if meeting_url else None,
        published=slashed_date(published),
        decided=slashed_date(decided),
        documents=tuple(documents),
        restriction=restriction,
    )
    return CommitteeRecord(source="decision page", decisions=(decision,))


def meeting_list(soup: BeautifulSoup, url: str) -> CommitteeRecord:
    cid = urls.committee_id(url)
    title = words(soup.select_one("h2.mgSubTitleTxt"))
    meetings = []
    for link, text, title_attr in _links(soup.select_one(".mgContent") or soup, url):
        mid = urls.meeting_id(link)
        when = spoken_date(text) or spoken_date(title_attr)
        if urls.page_name(link) != "ielistdocuments.aspx" or mid is None or when is None:
            continue
        meetings.append(
            CommitteeMeeting(
                meeting_id=mid,
                date=when,
                committee_id=cid,
                committee=title,
                cancelled=bool(CANCELLED.search(text)),
            )
        )
    committees = (CommitteeInfo(id=cid, title=title),) if cid is not None and title else ()
    return CommitteeRecord(source="meeting list", committees=committees, meetings=tuple(meetings))


def committee_page(soup: BeautifulSoup, url: str) -> CommitteeRecord | None:
    cid = urls.committee_id(url)
    title = words(soup.select_one("h2.mgSubTitleTxt"))
    if cid is None or not title:
        return None
    return CommitteeRecord(
        source="committee page", committees=(CommitteeInfo(id=cid, title=title),)
    )


READERS = {
    "ielistdocuments.aspx": meeting_page,
    "iedecisiondetails.aspx": decision_page,
    "ielistmeetings.aspx": meeting_list,
    "mgcommitteedetails.aspx": committee_page,
}


def read_page(body: bytes, url: str) -> CommitteeRecord | None:
    """What a ModernGov page declares, or None for a page that is not one of them."""
    reader = READERS.get(urls.page_name(url))
    if reader is None or not _MARKERS.search(body[:200_000].decode("utf-8", "replace")):
        return None
    return reader(BeautifulSoup(body, "lxml"), url)
