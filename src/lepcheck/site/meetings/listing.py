"""Pages that list many meetings: which meeting each document link sits under, read from
where the link's words fall between the meeting dates written on the page."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from lepcheck.models import Document
from lepcheck.site.day_dates import exact_dates
from lepcheck.site.labels import file_stem_words, is_document_link
from lepcheck.site.meetings.labels import body_in, role_of_label
from lepcheck.site.source import collapse
from lepcheck.vocab.dates import FORMER_DATE
from lepcheck.vocab.meetings import MAIN_BOARD_WORDS, MEETING_LINE


def placements(
    doc: Document,
    organisation_words: frozenset[str],
    main_board: frozenset[str] = MAIN_BOARD_WORDS,
) -> dict[str, tuple[date, str | None]]:
    """On a page listing many meetings, which meeting each document link sits under.

    Links carry no position, but their texts appear in the page text in link order: each
    link is placed under the nearest meeting date written before it ("Board Meeting – 10th
    March 2022", "March 2022 board meeting (2022-03-15): agenda, paper 4, minutes").
    """
    text = "\n".join(collapse(line) for line in doc.text.splitlines())
    anchors: list[tuple[int, date, str | None]] = []
    cursor = 0
    for value, quote in exact_dates(text):
        at = text.find(quote, cursor)
        if at < 0:
            continue
        cursor = at + len(quote)
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        # The body is named in the date's own cell ("Investment Panel, 2 May 2023 | Agenda").
        cell_start = text.rfind(" | ", line_start, at)
        cell = text[cell_start + 3 if cell_start >= 0 else line_start : at + len(quote)]
        if FORMER_DATE.search(text[max(line_start, at - 40) : at]):
            continue  # "13 September 2022 (moved from 6 September 2022)": not the meeting's date
        if MEETING_LINE.search(line):
            anchors.append((at, value, body_in(cell, organisation_words, main_board)))
    if not anchors:
        return {}
    starts = [at for at, _value, _body in anchors]
    placed: dict[str, tuple[date, str | None]] = {}
    # A link's words also head its table's column ("Date | Agenda | Minutes"): not the link.
    headers = {" | ".join(collapse(c) for c in t.header) for t in doc.tables if t.header}
    cursor = anchors[0][0]  # links before the first meeting (menus, table headers) sit under none
    for link in doc.links:
        label = collapse(link.text)
        if (
            not label
            or not is_document_link(link.url)
            or role_of_label(f"{label} | {file_stem_words(link.url)}") is None
        ):
            continue
        at = _find_outside_headers(text, label, cursor, headers)
        if at < 0 and ": " in label:
            # "Papers: Download": the extract stage named a generic link by its table column;
            # the page text shows the link's own words.
            label = label.split(": ", 1)[1]
            at = text.find(label, cursor)
        if at < 0 and label == collapse(link.text) and ":" not in label:
            # An icon link named only by its column ("Papers"): its words are not in the text,
            # it sits where the link before it did.
            at = cursor
            label = ""
        if at < 0:
            continue
        cursor = at + len(label)
        # The last meeting date written at or before the link (anchors are in text order):
        # found by bisection, as a listing of thousands of meetings has thousands of links.
        before = bisect_right(starts, at)
        if before:
            _at, value, body = anchors[before - 1]
            placed.setdefault(link.url, (value, body))
    return placed


def _find_outside_headers(text: str, label: str, start: int, headers: set[str]) -> int:
    """Where `label` is next written in `text` from `start`, skipping table header lines."""
    at = text.find(label, start)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = line_end if line_end >= 0 else len(text)
        if text[line_start:line_end].strip() not in headers:
            return at
        at = text.find(label, line_end)
    return at
