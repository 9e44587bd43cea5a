"""Meetings: body, date, agenda, papers and minutes, each with when it was published.

MEET-01..04 and 08 (agenda and papers 5 clear working days ahead, minutes within 10, papers
not just the agenda front sheet, every decision-making body; Ney 9.1) are decided from these.
A meeting is assembled from three places: pages about one meeting (a ModernGov
ieListDocuments page, "Board meeting 14 March 2023") and the documents they link to; agenda and
minutes files dated by their own names or text; and links on listing pages to files the crawl
did not fetch (present, date of publication unknown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lepcheck.models import Document, Link, Meeting, PublicationDate, SourceRef
from lepcheck.site.day_dates import date_in_label, exact_dates
from lepcheck.site.labels import file_stem_words, is_document_link
from lepcheck.site.meetings.labels import (
    Role,
    approved_meeting_dates,
    body_in,
    document_body,
    label_date,
    minutes_status,
    own_labels,
    role_of_document,
    role_of_label,
    text_date,
    url_date,
)
from lepcheck.site.meetings.listing import placements
from lepcheck.site.meetings.notices import holds_private_business, meeting_notices
from lepcheck.site.meetings.publication import publication_date
from lepcheck.site.source import cite, short_quote
from lepcheck.vocab.kinds import AGENDA_AND_MINUTES
from lepcheck.vocab.meetings import (
    AGENDA_WITH_PAPERS,
    MAIN_BOARD_WORDS,
    MEETING_WORDS,
    PAPER_CUE,
    SITE_FURNITURE,
)

DEFAULT_BODY = "Board"
_LISTING_DATES = 2  # a page whose headings carry two or more dates lists meetings


@dataclass(frozen=True)
class MeetingItem:
    """One agenda, paper or minutes, placed at a meeting."""

    role: Role
    date: date
    body: str | None
    ref: SourceRef
    published: PublicationDate | None = None
    document: Document | None = None
    status_label: str = ""


@dataclass(frozen=True)
class _MeetingPage:
    doc: Document
    date: date
    body: str | None


def _single_meeting(
    doc: Document, organisation_words: frozenset[str], main_board: frozenset[str]
) -> _MeetingPage | None:
    """A web page about one meeting: its title or first heading names one date."""
    if doc.format != "html":
        return None
    heading_dates = {d for h in doc.headings for d, _q in exact_dates(h)}
    if len(heading_dates) >= _LISTING_DATES:
        return None
    labels = " | ".join([doc.title, *doc.headings[:2], *doc.link_texts])
    when = date_in_label(doc.title) or next(
        (d for h in doc.headings[:2] if (d := date_in_label(h))), None
    )
    if when is None and MEETING_WORDS.search(labels):
        # "Board meeting – March 2023" with "Date: 14 March 2023" at the top of the page.
        # A listing of meetings names many dates; a meeting's page one or two.
        top = {d for d, _q in exact_dates(doc.text[:400])}
        everywhere = {d for d, _q in exact_dates(doc.text)}
        when = top.pop() if len(top) == 1 and len(everywhere) <= 2 else None
    if when is None:
        return None
    if not (
        "ielistdocuments" in doc.url.lower()
        or PAPER_CUE.search(labels)
        or role_of_label(labels)
        or "meeting" in labels.lower()
    ):
        return None
    body = body_in(f"{doc.title} | {' | '.join(doc.headings[:2])}", organisation_words, main_board)
    return _MeetingPage(doc=doc, date=when, body=body)


def _link_ref(link: Link, page: Document) -> SourceRef:
    return SourceRef(url=link.url, locator=f"link on {page.url}", quote=short_quote(link.text))


def _doc_ref(doc: Document, role: Role) -> SourceRef:
    quote = doc.title or (doc.link_texts[0] if doc.link_texts else file_stem_words(doc.url))
    return cite(doc, "document" if role != "agenda" else "document (agenda)", quote)


def _items_from_page(
    page: _MeetingPage,
    by_url: dict[str, Document],
    organisation_words: frozenset[str],
    main_board: frozenset[str],
) -> tuple[list[MeetingItem], set[str]]:
    items: list[MeetingItem] = []
    used: set[str] = set()
    for link in page.doc.links:
        if not is_document_link(link.url) and link.url not in by_url:
            continue
        target = by_url.get(link.url)
        if target is not None and target.format == "html" and not is_document_link(link.url):
            continue  # navigation to other pages, not a meeting document
        label = f"{link.text} | {file_stem_words(link.url)}"
        role = role_of_label(label) or (role_of_document(target) if target else None)
        if role is None:
            if SITE_FURNITURE.search(label):
                continue  # the footer's privacy notice is not a meeting paper
            role = "paper"
        # An agenda or minutes that names its own date keeps it (the minutes of the previous
        # meeting are often linked from the next meeting's page); papers belong to this one.
        when = page.date
        if role != "paper":
            when = (
                url_date(link.url)
                or date_in_label(link.text)
                or (label_date(target) if target else None)
                or page.date
            )
        body = page.body or (
            document_body(target, organisation_words, main_board) if target else None
        )
        if target is not None:
            used.add(target.url)
            items.append(
                MeetingItem(
                    role,
                    when,
                    body,
                    _doc_ref(target, role),
                    publication_date(target),
                    target,
                    link.text,
                )
            )
        else:
            items.append(
                MeetingItem(role, when, body, _link_ref(link, page.doc), status_label=link.text)
            )
    # The meeting's own page gives its time and place: the website notice of the meeting.
    notice = _doc_ref(page.doc, "notice")
    items.append(
        MeetingItem("notice", page.date, page.body, notice, publication_date(page.doc), page.doc)
    )
    # A page that is itself the agenda or the minutes (ModernGov renders the agenda as HTML;
    # some sites publish minutes as a web page) counts unless a file does the same job.
    own_role = role_of_document(page.doc)
    if own_role in {"agenda", "minutes"} and not any(i.role == own_role for i in items):
        items.append(
            MeetingItem(
                own_role,
                page.date,
                page.body,
                _doc_ref(page.doc, own_role),
                publication_date(page.doc),
                page.doc,
            )
        )
    return items, used


def _items_from_document(
    doc: Document,
    pages: dict[str, _MeetingPage],
    placed: dict[str, tuple[date, str | None]],
    organisation_words: frozenset[str],
    main_board: frozenset[str],
) -> MeetingItem | None:
    role = role_of_document(doc)
    if role is None:
        return None
    via_page = pages.get(doc.via or "")
    place = placed.get(doc.url) or placed.get(doc.final_url)
    when = label_date(doc) or (place[0] if place else None)
    if when is None and role in {"agenda", "minutes"} and doc.format != "html":
        when = text_date(doc, role)
    if when is None and via_page is not None:
        when = via_page.date
    if when is None:
        return None
    own_body = document_body(doc, organisation_words, main_board)
    if role == "paper" and via_page is None and place is None and own_body is None:
        return None  # a dated "report" with no meeting cue is not a meeting paper
    # A paper's own title names its subject ("Investment Committee recommendations"), not
    # the meeting it went to: the listing that places it knows better.
    context = (place[1] if place else None) or (via_page.body if via_page else None)
    body = (context or own_body) if role == "paper" else (own_body or context)
    return MeetingItem(role, when, body, _doc_ref(doc, role), publication_date(doc), doc)


def _items_from_listing(
    doc: Document,
    fetched: set[str],
    placed: dict[str, tuple[date, str | None]],
    organisation_words: frozenset[str],
    main_board: frozenset[str],
) -> list[MeetingItem]:
    """Links on a listing page to agendas, papers and minutes the crawl did not fetch."""
    items: list[MeetingItem] = []
    page_body = body_in(doc.title, organisation_words, main_board)
    for link in doc.links:
        if link.url in fetched or not is_document_link(link.url):
            continue
        label = f"{link.text} | {file_stem_words(link.url)}"
        role = role_of_label(label)
        place = placed.get(link.url)
        when = url_date(link.url) or date_in_label(link.text) or (place[0] if place else None)
        if role is None or when is None or (role == "paper" and place is None):
            continue
        body = (
            body_in(label, organisation_words, main_board)
            or (place[1] if place else None)
            or page_body
        )
        items.append(MeetingItem(role, when, body, _link_ref(link, doc), status_label=link.text))
    return items


def meeting_items(
    documents: Sequence[Document],
    organisation_words: frozenset[str] = frozenset(),
    main_board: frozenset[str] = MAIN_BOARD_WORDS,
) -> list[MeetingItem]:
    """Every agenda, paper and minutes the site shows, each placed at a (body, date)."""
    docs = sorted(documents, key=lambda d: d.url)
    by_url: dict[str, Document] = {}
    for doc in docs:
        by_url.setdefault(doc.url, doc)
        by_url.setdefault(doc.final_url, doc)
    pages: dict[str, _MeetingPage] = {}
    for doc in docs:
        page = _single_meeting(doc, organisation_words, main_board)
        if page is not None:
            pages[doc.url] = page
            pages[doc.final_url] = page
    items: list[MeetingItem] = []
    used: set[str] = set()
    for url in sorted({p.doc.url for p in pages.values()}):
        page_items, page_used = _items_from_page(pages[url], by_url, organisation_words, main_board)
        items.extend(page_items)
        used |= page_used | {url}
    placed: dict[str, tuple[date, str | None]] = {}
    listings = [d for d in docs if d.format == "html" and d.url not in pages]
    for doc in listings:
        here = placements(doc, organisation_words, main_board)
        if len({when for when, _body in here.values()}) >= 2:
            used.add(doc.url)  # a page listing several meetings is none of them
        for url, place in here.items():
            placed.setdefault(url, place)
    for doc in docs:
        if doc.url in used:
            continue
        item = _items_from_document(doc, pages, placed, organisation_words, main_board)
        if item is not None:
            items.append(item)
    fetched = set(by_url)
    for doc in listings:
        items.extend(_items_from_listing(doc, fetched, placed, organisation_words, main_board))
    return items + _packs_as_papers(items) + _minutes_with_agendas(items)


def _packs_as_papers(items: list[MeetingItem]) -> list[MeetingItem]:
    """ "Agenda and papers" in one file is the agenda and a paper (MEET-08: the reports were
    published, not just the front sheet)."""
    packs: list[MeetingItem] = []
    for item in items:
        labels = [item.status_label, item.ref.quote]
        if item.document is not None:
            labels.extend(own_labels(item.document))
        if item.role == "agenda" and any(AGENDA_WITH_PAPERS.search(label) for label in labels):
            packs.append(
                MeetingItem("paper", item.date, item.body, item.ref, item.published, item.document)
            )
    return packs


def _minutes_with_agendas(items: list[MeetingItem]) -> list[MeetingItem]:
    """A committee system's "Agenda and minutes" page (ModernGov's ieListDocuments once the
    minutes are in) shows the minutes under each agenda item: it is the meeting's agenda and its
    minutes, so its declarations are read as any minutes' are (unless a minutes file that day is
    the record already)."""
    shown: list[MeetingItem] = []
    minuted = {item.date for item in items if item.role == "minutes"}
    for item in items:
        doc = item.document
        if item.role == "agenda" and doc is not None and doc.format == "html":
            if item.date in minuted:
                continue  # the printed minutes it links are the record
            if any(AGENDA_AND_MINUTES.search(label) for label in own_labels(doc)):
                ref = cite(doc, "document", item.ref.quote)
                shown.append(MeetingItem("minutes", item.date, item.body, ref, item.published, doc))
    return shown


def _resolve_bodies(items: list[MeetingItem]) -> list[MeetingItem]:
    """Items that name no body join the one body meeting that day, else the main Board."""
    named: dict[date, set[str]] = {}
    for item in items:
        if item.body:
            named.setdefault(item.date, set()).add(item.body)
    resolved: list[MeetingItem] = []
    for item in items:
        body = item.body
        if body is None:
            bodies = named.get(item.date, set())
            body = next(iter(bodies)) if len(bodies) == 1 else DEFAULT_BODY
        resolved.append(
            MeetingItem(
                item.role,
                item.date,
                body,
                item.ref,
                item.published,
                item.document,
                item.status_label,
            )
        )
    return resolved


def _prefer(items: list[MeetingItem]) -> MeetingItem:
    """A fetched document over a bare link; then the first by URL."""
    return sorted(items, key=lambda i: (i.document is None, i.ref.url))[0]


def _latest_first(item: MeetingItem) -> tuple[bool, int, str]:
    published = item.published
    return (published is None, -published.value.toordinal() if published else 0, item.ref.url)


def _latest(dates: list[PublicationDate]) -> PublicationDate | None:
    # Papers are only all published when the last of them is (MEET-01).
    return max(dates, key=lambda d: d.value) if dates else None


def read_meetings(
    documents: Sequence[Document],
    organisation_words: frozenset[str] = frozenset(),
    main_board: frozenset[str] = MAIN_BOARD_WORDS,
) -> list[Meeting]:
    items = _resolve_bodies(meeting_items(documents, organisation_words, main_board))
    approved_elsewhere = {
        when
        for i in items
        if i.role == "minutes" and i.document is not None
        for when in approved_meeting_dates(i.document)
    }
    grouped: dict[tuple[date, str], list[MeetingItem]] = {}
    for item in items:
        grouped.setdefault((item.date, item.body or DEFAULT_BODY), []).append(item)
    meetings: list[Meeting] = []
    for (when, body), group in sorted(grouped.items()):
        agendas = [i for i in group if i.role == "agenda"]
        minutes = [i for i in group if i.role == "minutes"]
        papers: dict[str, MeetingItem] = {}
        # The last-published paper first: papers_published is its date, so papers[0] is the
        # evidence for it (MEET-01); undated links last.
        for paper in sorted((i for i in group if i.role == "paper"), key=_latest_first):
            papers.setdefault(paper.ref.url, paper)
        agenda = _prefer(agendas) if agendas else None
        minute = _prefer(minutes) if minutes else None
        status = minutes_status(minute.document, minute.status_label) if minute else "unknown"
        if minute and status == "unknown" and when in approved_elsewhere:
            status = "approved"
        meetings.append(
            Meeting(
                body=body,
                date=when,
                agenda=agenda.ref if agenda else None,
                papers=tuple(p.ref for p in papers.values()),
                minutes=minute.ref if minute else None,
                minutes_status=status,
                agenda_published=agenda.published if agenda else None,
                papers_published=_latest(
                    [p.published for p in papers.values() if p.published is not None]
                ),
                minutes_published=minute.published if minute else None,
                private=any(
                    i.role.startswith("private") or holds_private_business(i.document)
                    for i in group
                    if i.role != "minutes"  # minutes record the past, not this meeting's plan
                ),
                notices=meeting_notices([(i.role, i.ref, i.published) for i in group]),
            )
        )
    return meetings


def minutes_documents(
    documents: Sequence[Document],
    organisation_words: frozenset[str] = frozenset(),
    main_board: frozenset[str] = MAIN_BOARD_WORDS,
) -> list[tuple[Document, date]]:
    """Each fetched minutes document with its meeting date, for reading declarations."""
    seen: set[str] = set()
    found: list[tuple[Document, date]] = []
    for item in meeting_items(documents, organisation_words, main_board):
        if item.role == "minutes" and item.document is not None and item.document.url not in seen:
            seen.add(item.document.url)
            found.append((item.document, item.date))
    return found
