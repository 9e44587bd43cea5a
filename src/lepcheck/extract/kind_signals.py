"""The evidence of a document's kind: named signals, each pointing at one kind with a value.

Where a kind is named: the title (strongest), the text of links pointing at the document, the
opening of its text, its headings and its URL path. What the body shows: register categories,
Nolan principles, a meeting's attendance and what it minuted, items put for decision, a table
of projects and amounts, a hub page of governance links, sums of money, many meeting dates.
Each signal is a fact about the document, not a verdict; lepcheck.extract.kind_model weighs
them (weights learned from the corpus's development part, starting from the hand-set points
these values carry) and lepcheck.extract.classify names the winner.

Every signal must mean the same on a crawled page and on a corpus excerpt: what needs links,
tables or HTML headings is read when they are there (a live crawl), and the counts over the
body are taken on its opening (`OPENING_CHARS`), the part a corpus excerpt keeps.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lepcheck.models import Document, DocumentKind
from lepcheck.vocab.kinds import (
    ACCOUNTS_BODY,
    AGENDA_AND_MINUTES,
    CONFLICT_PHRASES,
    CROSS_MENTIONS,
    DOCUMENT_POINTERS,
    FRAMEWORK_TOPICS,
    FUND_NAME,
    GOVERNANCE_LINK,
    GOVERNANCE_MATERIAL,
    KIND_NAMES,
    LISTING_NAME,
    MEETING_NAME,
    NEWS_NAME,
    NOLAN_PRINCIPLES,
    PAPER_BODY,
    PEOPLE_TABLE_FACT,
    PEOPLE_TABLE_NAME,
    POLICY_TITLE,
    RECRUITMENT_NAME,
    SPACED_LETTERS,
)
from lepcheck.vocab.meetings import (
    AGENDA_ITEM_PURPOSE,
    APOLOGIES,
    ATTENDANCE,
    ATTENDANCE_ANYWHERE,
    MEETING_DETAILS,
    MINUTED,
    MINUTES_PROSE,
    STANDING_ANYWHERE,
    STANDING_ITEMS,
)
from lepcheck.vocab.people import PERSON_NAME_HEADING
from lepcheck.vocab.projects import AMOUNT_TABLE_HEADER, PROJECT_TABLE_HEADER, SUM_OF_MONEY
from lepcheck.vocab.registers import CATEGORY_EVIDENCE
from lepcheck.vocab.roles import ROLE_LINE
from lepcheck.vocab.wording import SHORT_WORDS

OPENING_CHARS = 2_000  # what a corpus excerpt keeps; counts over the body are taken on this
_TOP_CHARS = 600
_TOP_LINES = 8
_TOP_LINE_WORDS = 10
_OPENING_NAME_CHARS = 400  # a kind named in the first words of the text, however long the line
_SHORT_LINE_WORDS = 8
_LISTING_LINKS = 3  # agenda or minutes links, and dates, of a page that lists meetings
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:]\s+|:\s+|\s*\|\s*")
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?"
    r"\s+(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b",
    re.IGNORECASE,
)
_MEETING_KINDS: tuple[DocumentKind, ...] = ("minutes", "agenda")
# Where a kind's name is read, in the order a reader trusts them.
NAME_PLACES = ("title", "link", "top", "opening", "heading", "url")


@dataclass(frozen=True)
class Signal:
    """One piece of evidence that `doc` is of `kind`: `name` says what it is, `value` how much
    (the hand-set points of the classifier before weights were learned), `reason` in words."""

    kind: DocumentKind
    name: str
    value: float
    reason: str


def unspaced(text: str) -> str:
    """ "A G E N D A" and "M I N U T E S" (letter-spaced headings) read as words."""
    return SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)


def segments(title: str) -> list[str]:
    """A title's parts: "Board | Acme LEP" and "Governance - Board" are two names each."""
    return [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]


def top_lines(doc: Document) -> list[str]:
    """The title block: the short lines before the first line of prose, where a document
    prints its own name. Lines that are link texts are menus, not names, and are skipped."""
    link_texts = {link.text for link in doc.links}
    found: list[str] = []
    for line in doc.text[:_TOP_CHARS].split("\n")[:_TOP_LINES]:
        if len(line.split()) > _TOP_LINE_WORDS:
            break
        if line.strip() and line not in link_texts:
            found.append(CROSS_MENTIONS.sub(" ", unspaced(line)))
    return found


def url_words(url: str) -> str:
    path = unquote(urlsplit(url).path).lower()
    return re.sub(r"[/_\-.+]+", " ", path)


def _names(texts: Iterable[str], place: str) -> Iterator[Signal]:
    """A signal for each kind named in any of `texts` (matched one by one, so that a pattern
    anchored at both ends, such as a bare "Board", must be the whole segment)."""
    matched: dict[DocumentKind, str] = {}
    for text in texts:
        for kind, pattern in KIND_NAMES.items():
            match = pattern.search(text) if kind not in matched else None
            if match:
                matched[kind] = match.group(0).lower()
    for kind, words in matched.items():
        yield Signal(kind, f"name_{place}", 1.0, f"{place} mentions '{words}'")


def _whole_title(title_segments: list[str]) -> Iterator[Signal]:
    """A title segment that is little but a kind's name ("Governance", "Board Minutes 4 May
    2021") says more than one that mentions it ("LEP governance review")."""
    for kind, pattern in KIND_NAMES.items():
        for segment in title_segments:
            letters = len(re.sub(r"[^a-z]", "", _DATE.sub("", segment.lower())))
            match = pattern.search(segment)
            named = len(re.sub(r"[^a-z]", "", match.group(0).lower())) if match else 0
            if match and letters and named / letters >= 0.6:
                yield Signal(kind, "name_whole_title", 1.0, f"title is '{segment[:60]}'")
                break


def name_signals(doc: Document) -> list[Signal]:
    title = unspaced(doc.title)
    found = [*_names(segments(title), "title"), *_whole_title(segments(title))]
    found += _names([p for text in doc.link_texts for p in segments(text)], "link")
    found += _names(top_lines(doc), "top")
    opening = CROSS_MENTIONS.sub(" ", unspaced(doc.text[:_OPENING_NAME_CHARS]))
    found += _names([opening], "opening")
    headings = [CROSS_MENTIONS.sub(" ", unspaced(h)) for h in doc.headings[:40]]
    found += _names(headings, "heading")
    found += _names([url_words(doc.final_url or doc.url)], "url")
    return found


def _meeting_signals(doc: Document, opening: str) -> Iterator[Signal]:
    labels = " | ".join((unspaced(doc.title), *doc.link_texts, unspaced(opening[:300])))
    if MEETING_NAME.search(labels):
        for kind in _MEETING_KINDS:
            yield Signal(kind, "meeting_named", 1.0, "its name is a meeting's")
    if AGENDA_AND_MINUTES.search(f"{doc.title} | {opening[:120]}"):
        yield Signal("minutes", "agenda_and_minutes", 1.0, "an 'agenda and minutes' page")
    if LISTING_NAME.search(" | ".join((doc.title, *doc.link_texts))):
        # "Board papers, meetings and minutes" names what the page lists: the title's "minutes"
        # (4 points) is cancelled, so a listing cannot outscore one meeting's record on its name.
        for kind in _MEETING_KINDS:
            yield Signal(kind, "listing_named", -4.0, "its name lists meetings or papers")
    dates = len(set(_DATE.findall(opening)))
    if dates >= 4:
        for kind in _MEETING_KINDS:
            yield Signal(kind, "many_dates", min(dates, 12) / 4, f"its opening has {dates} dates")
    prose = len(MINUTES_PROSE.findall(opening))
    if prose:
        yield Signal("minutes", "minutes_prose", min(prose, 8) / 4, f"{prose} minuted phrases")
    if ATTENDANCE_ANYWHERE.search(opening):
        yield Signal("minutes", "attendance_named", 1.0, "its opening records attendance")
    standing = sum(1 for pattern in STANDING_ANYWHERE.values() if pattern.search(opening))
    details = len(MEETING_DETAILS.findall(opening[:800]))
    for kind in _MEETING_KINDS:
        if standing >= 2:
            yield Signal(kind, "standing_anywhere", standing / 2, f"{standing} standing items")
        if details:
            yield Signal(kind, "meeting_details", min(details, 3) / 2, "it says where and when")


def meeting_body_signals(text: str) -> Iterator[Signal]:
    attendance = bool(ATTENDANCE.search(text))
    minuted = len(MINUTED.findall(text))
    if attendance and (minuted or APOLOGIES.search(text)):
        value = 2.0 + min(minuted, 4) * 0.25
        yield Signal("minutes", "body_attendance", value, "body records who was present")
    elif minuted >= 2:
        yield Signal("minutes", "body_minuted", 1.5, f"body records {minuted} decisions or notings")
    if attendance or minuted >= 2:
        return
    items = len(AGENDA_ITEM_PURPOSE.findall(text))
    if items >= 2:
        yield Signal(
            "agenda",
            "body_agenda_items",
            min(1.0 + 0.25 * items, 3.0),
            f"body lists {items} items for decision or information",
        )
    standing = sum(1 for pattern in STANDING_ITEMS.values() if pattern.search(text))
    if standing >= 3:
        yield Signal(
            "agenda",
            "body_standing_items",
            0.75 * standing,
            f"body lists {standing} standing agenda items",
        )


def policy_body_signals(text: str) -> Iterator[Signal]:
    found = sum(1 for pattern in CATEGORY_EVIDENCE.values() if pattern.search(text))
    if found >= 4:
        yield Signal(
            "register_of_interests",
            "body_register_categories",
            min(0.5 * found, 3.0),
            f"body has {found} of 8 register categories",
        )
    lowered = text.lower()
    nolan = sum(1 for word in NOLAN_PRINCIPLES if word in lowered)
    if nolan >= 5:
        yield Signal("code_of_conduct", "body_nolan", 1.5, f"body names {nolan} Nolan principles")
    conflicts = sum(lowered.count(phrase) for phrase in CONFLICT_PHRASES)
    if conflicts >= 4:
        yield Signal("coi_policy", "body_conflicts", 1.0, f"body mentions conflicts {conflicts}x")
    topics = sum(1 for pattern in FRAMEWORK_TOPICS.values() if pattern.search(text))
    if topics >= 3:
        yield Signal(
            "assurance_framework",
            "body_framework_topics",
            1.0,
            f"body covers {topics} of 4 framework topics",
        )
    if ACCOUNTS_BODY.search(text):
        yield Signal("accounts", "body_accounts", 2.0, "body has a balance sheet or audit report")


def _board_signals(doc: Document) -> Iterator[Signal]:
    role_lines = sum(
        1 for line in doc.text.splitlines() if len(line) <= 80 and ROLE_LINE.match(line)
    )
    people = sum(1 for section in doc.sections if PERSON_NAME_HEADING.match(section.heading))
    people += sum(
        len(table.rows)
        for table in doc.tables
        if any(PEOPLE_TABLE_NAME.search(h) for h in table.header)
        and any(PEOPLE_TABLE_FACT.search(h) for h in table.header)
    )
    if people >= 4 and role_lines >= 3:
        yield Signal(
            "board_page",
            "body_people",
            min(1.5 + 0.2 * people, 3.5),
            f"body lists {people} people with roles ({role_lines} role lines)",
        )


def _page_signals(doc: Document, opening: str) -> Iterator[Signal]:
    """Tables, links and short lines: a project list, a hub of governance material."""
    for table in doc.tables:
        header = " | ".join(table.header)
        if (
            PROJECT_TABLE_HEADER.search(header)
            and AMOUNT_TABLE_HEADER.search(header)
            and table.rows
        ):
            yield Signal(
                "funded_projects",
                "table_projects",
                3.0,
                f"table of {len(table.rows)} rows with project and amount columns",
            )
            break
    governance_links = {link.url for link in doc.links if GOVERNANCE_LINK.search(link.text)}
    if doc.format == "html" and len(governance_links) >= 6 and len(doc.text) < 4_000:
        yield Signal(
            "governance_page",
            "hub_links",
            min(1.0 + 0.25 * len(governance_links), 3.5),
            f"hub page: {len(governance_links)} links to governance documents, little own text",
        )
    material = [name for name, pattern in GOVERNANCE_MATERIAL.items() if pattern.search(opening)]
    if len(material) >= 3:
        yield Signal(
            "governance_page",
            "hub_material",
            min(len(material), 10) / 4,
            f"its opening names {len(material)} kinds of governance material",
        )
    short = [ln for ln in opening.splitlines() if 0 < len(ln.split()) <= _SHORT_LINE_WORDS]
    listed = sum(1 for line in short if GOVERNANCE_LINK.search(line))
    if listed >= 4:
        yield Signal(
            "governance_page",
            "hub_lines",
            min(listed, 12) / 4,
            f"{listed} short lines name governance documents",
        )
    pointers = len(DOCUMENT_POINTERS.findall(opening))
    if pointers:
        yield Signal(
            "governance_page",
            "document_pointers",
            min(pointers, 4) / 2,
            f"it points its reader at {pointers} documents",
        )
    money = len(SUM_OF_MONEY.findall(opening))
    if money >= 2:
        yield Signal(
            "funded_projects", "sums_of_money", min(money, 12) / 4, f"{money} sums of money"
        )
    if FUND_NAME.search(" | ".join((doc.title, *doc.link_texts, opening[:100]))):
        yield Signal("funded_projects", "fund_named", 1.0, "its name is a funding programme's")


def other_signals(doc: Document, opening: str) -> Iterator[Signal]:
    """Evidence of a document that is about governance without being one of its records."""
    papers = len(PAPER_BODY.findall(opening))
    if papers:
        yield Signal("other", "paper_body", min(papers, 4) / 2, "it reads as a report to a meeting")
    if NEWS_NAME.search(f"{urlsplit(doc.final_url or doc.url).path} | {opening[:600]}"):
        yield Signal("other", "news", 1.0, "it reads as news")


def _meeting_links(doc: Document) -> int:
    """How many documents the page links as an agenda or minutes."""
    named = (KIND_NAMES["minutes"], KIND_NAMES["agenda"])
    return len({link.url for link in doc.links if any(p.search(link.text) for p in named)})


def _penalties(doc: Document, opening: str) -> Iterator[Signal]:
    # "Register of Interests Policy" or "Minutes publication procedure" is a policy, not the
    # record it is about.
    if any(POLICY_TITLE.search(t) for t in (doc.title, *doc.link_texts)):
        for kind in ("register_of_interests", "minutes", "agenda", "board_page"):
            yield Signal(kind, "policy_title", -2.0, "title names a policy, not the record")
    # "Board recruitment" or "/board-recruitment/" recruits members; it does not list them,
    # whatever the links to it say ("Join our Board").
    if any(RECRUITMENT_NAME.search(t) for t in (doc.title, url_words(doc.final_url or doc.url))):
        yield Signal("board_page", "recruitment", -4.0, "its name speaks of recruitment")
    # A page linking the agendas and minutes of several dated meetings lists them; it is none
    # of them, whatever the links to it say ("Board meetings, agendas and minutes").
    linked, dates = _meeting_links(doc), len(set(_DATE.findall(opening)))
    if linked >= _LISTING_LINKS and dates >= _LISTING_LINKS:
        for kind in _MEETING_KINDS:
            reason = f"it links {linked} agendas or minutes of {dates} dates: a listing"
            yield Signal(kind, "meeting_listing", -3.0, reason)


def kind_signals(doc: Document) -> list[Signal]:
    """Every signal the document gives, in a fixed order."""
    found = name_signals(doc)
    text = doc.text
    opening = unspaced(text[:OPENING_CHARS])
    if text:
        found += meeting_body_signals(text)
        found += policy_body_signals(text)
        found += _board_signals(doc)
        found += _meeting_signals(doc, opening)
    found += _page_signals(doc, opening)
    found += other_signals(doc, opening)
    found += _penalties(doc, opening)
    return found


_WORD = re.compile(r"[a-z][a-z'’]+")
_WORD_OPENING_CHARS = 400  # the words of a document's title block and first sentences


def _plain_words(text: str) -> list[str]:
    words = _WORD.findall(unspaced(text).lower().replace("’", "'"))
    return [w for w in words if len(w) >= 3 and w not in SHORT_WORDS]


def kind_words(doc: Document) -> frozenset[str]:
    """The words the model weighs beside the signals: the title's words and pairs of words
    ("title:board", "title:board_minutes"), and the words of the opening ("text:resolved")."""
    title = _plain_words(doc.title)
    found = {f"title:{w}" for w in title}
    found |= {f"title:{a}_{b}" for a, b in itertools.pairwise(title)}
    found |= {f"text:{w}" for w in _plain_words(doc.text[:_WORD_OPENING_CHARS])}
    return frozenset(found)
