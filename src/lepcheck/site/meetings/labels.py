"""Which meeting a paper belongs to: its role (agenda, minutes, paper), body and date.

Sites name meeting files by hand: "Board-Agenda-14-March-2023.pdf", "2023-03-14 Minutes.pdf",
"Investment Committee minutes 14.03.23", link text "Printed minutes", a ModernGov page titled
"Agenda for LEP Board on Tuesday, 14th March, 2023, 10.00 am". These functions read those
labels; `reader` assembles them into meetings.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from lepcheck.models import Document
from lepcheck.site.day_dates import date_in_label, exact_dates
from lepcheck.site.labels import file_stem, file_stem_words, url_path
from lepcheck.site.meetings.notices import NOTICE_ROLES, notice_role
from lepcheck.vocab.dates import ABOUT_THE_FILE, HELD_ON
from lepcheck.vocab.meetings import (
    AGENDA_LABEL,
    APPROVED_AFTER,
    APPROVED_MINUTES,
    APPROVES_PREVIOUS,
    BODY_NAME,
    BODY_NOISE,
    DRAFT_MINUTES,
    LABEL_WORDS,
    MAIN_BOARD_WORDS,
    MINUTES_BEFORE,
    MINUTES_LABEL,
    PACK,
    PAPER_CUE,
    PREVIOUS_MINUTES_ITEM,
    PREVIOUS_MINUTES_MENTION,
    SELF_APPROVED,
)

Role = Literal[
    "agenda",
    "minutes",
    "paper",
    "notice",
    "private_notice",
    "private_notice_further",
    "decision_record",
]


def url_date(url: str) -> date | None:
    # "minutes_14_03_2023" and "Board-Agenda-14-March-2023": keep the date's own separators,
    # part the words from the numbers.
    stem = re.sub(r"(?<=\d)_(?=\d)", "-", file_stem(url)).replace("_", " ")
    stem = re.sub(r"(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])", " ", stem)
    return date_in_label(stem) or date_in_label(file_stem_words(url)) or _folder_date(url)


def _folder_date(url: str) -> date | None:
    """'/meetings/2023-03-14/agenda.pdf' or '/board/14-march-2023/papers.pdf': a folder per
    meeting. Upload folders ('/uploads/2023/03/') name no day and are not read."""
    folders = [f for f in url_path(url).split("/") if f][:-1]
    for folder in reversed(folders):
        found = date_in_label(re.sub(r"(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])", " ", folder))
        if found:
            return found
    return None


def own_labels(doc: Document) -> list[str]:
    """Title, link texts, file name: where a meeting file says what it is."""
    return [t for t in (doc.title, *doc.link_texts, file_stem_words(doc.url)) if t]


def label_date(doc: Document) -> date | None:
    """The meeting date from the file name, link texts, title or top headings."""
    found = url_date(doc.url)
    if found:
        return found
    for text in (*doc.link_texts, doc.title, *doc.headings[:2]):
        found = date_in_label(text)
        if found:
            return found
    return None


def text_date(doc: Document, role: Role | None = None) -> date | None:
    """The meeting date near the top of the text: 'held on 14 March 2023', else the first date.
    Not the date the papers were issued, nor the previous meeting's: 'Minutes of the last Board
    Meeting held on 30 November 2017' (any minutes an agenda names are an earlier meeting's),
    'the minutes of the meeting held on 8 April 2024 be approved'."""
    top = doc.pages[0].text[:800] if doc.pages else ""
    first: date | None = None
    cursor = 0
    for value, quote in exact_dates(top):
        at = top.find(quote, cursor)
        if at < 0:
            continue
        cursor = at + len(quote)
        before = top[max(0, at - 40) : at]
        if _previous_meetings(top[max(0, at - 80) : at], top[cursor : cursor + 60], role):
            continue
        if HELD_ON.search(before):
            return value
        if not ABOUT_THE_FILE.search(before):  # "Published 20 March 2023" is not the meeting
            first = first or value
    return first


def _previous_meetings(before: str, after: str, role: Role | None) -> bool:
    if PREVIOUS_MINUTES_MENTION.search(before) or APPROVED_AFTER.match(after):
        return True
    return role == "agenda" and MINUTES_BEFORE.search(before) is not None


def role_of_label(text: str) -> Role | None:
    notice = notice_role(text)
    if notice is not None:
        return notice
    if PREVIOUS_MINUTES_ITEM.search(text):
        return "paper"
    if AGENDA_LABEL.search(text) and not PACK.search(text):
        return "agenda"
    if MINUTES_LABEL.search(text):
        return "minutes"
    if AGENDA_LABEL.search(text) or PAPER_CUE.search(text):
        return "paper"
    return None


def role_of_document(doc: Document) -> Role | None:
    """agenda/minutes from the classifier or the document's own labels; paper from labels."""
    for text in own_labels(doc):
        role = role_of_label(text)
        if role in {"agenda", "minutes"} or role in NOTICE_ROLES:
            return role
    if doc.kind in {"agenda", "minutes"}:
        return "agenda" if doc.kind == "agenda" else "minutes"
    if any(role_of_label(t) == "paper" for t in own_labels(doc)):
        return "paper"
    return None


def body_in(
    text: str,
    organisation_words: frozenset[str] = frozenset(),
    main_board: frozenset[str] = MAIN_BOARD_WORDS,
) -> str | None:
    """'Agenda for Anytown LEP Investment Committee' -> 'Investment Committee'; 'LEP Board'
    and 'Board of Directors' -> 'Board'. `main_board`: the words that name the audited body's
    own board (a council's Business Board is a body of its own)."""
    for match in BODY_NAME.finditer(text):
        words = [w for w in match.group(1).lower().split() if w]
        while words and (
            words[0] in BODY_NOISE or words[0] in organisation_words or words[0].isdigit()
        ):
            words.pop(0)
        # "Minutes 14 March Board": what precedes a date or a label word is not the body's name;
        # "and" inside ("Employment and Skills Board") is.
        cuts = [i for i, w in enumerate(words) if w in LABEL_WORDS or w.isdigit()]
        if cuts:
            words = words[cuts[-1] + 1 :]
        kind = match.group(2).lower()
        if kind == "board" and all(w in main_board or w in organisation_words for w in words):
            return "Board"
        if kind == "group" and not words:
            continue  # "Group" alone is usually a company name's tail
        return " ".join(w.capitalize() if w not in {"&", "and"} else w for w in [*words, kind])
    return None


def document_body(
    doc: Document, organisation_words: frozenset[str], main_board: frozenset[str] = MAIN_BOARD_WORDS
) -> str | None:
    for text in (*own_labels(doc), *doc.headings[:2]):
        body = body_in(text, organisation_words, main_board)
        if body:
            return body
    return None


def minutes_status(
    doc: Document | None, label: str = ""
) -> Literal["draft", "approved", "unknown"]:
    """From the minutes' own labels and the top of their text (not the body, which approves the
    previous meeting's minutes)."""
    texts = [label]
    if doc is not None:
        texts.extend(own_labels(doc))
        top = doc.pages[0].text[:300] if doc.pages else ""
        # "The minutes of the meeting held on ... were approved" is about the previous meeting.
        texts.append(APPROVES_PREVIOUS.sub(" ", _cut_previous(top)))
    joined = " | ".join(texts)
    if DRAFT_MINUTES.search(joined):
        return "draft"
    if APPROVED_MINUTES.search(joined):
        return "approved"
    if doc is not None and SELF_APPROVED.search(doc.text):
        return "approved"  # "These minutes were approved by the Board on 14 June 2022."
    return "unknown"


def _cut_previous(text: str) -> str:
    found = PREVIOUS_MINUTES_MENTION.search(text)
    return text[: found.start()] if found else text


def approved_meeting_dates(doc: Document) -> list[date]:
    """Meetings whose minutes these minutes approve ('the minutes of the meeting held on
    14 March 2023 were approved as a correct record'): MEET-03 counts from that approval."""
    found: list[date] = []
    for match in APPROVES_PREVIOUS.finditer(doc.text):
        when = date_in_label(match.group("when"))
        if when:
            found.append(when)
    return found
