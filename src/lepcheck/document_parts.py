"""The parts a Document is read into by the extract stage: its pages, tables, sections and
links, and the dates and period its own words give. Frozen like every cross-stage model;
models.py re-exports them, so stages import them from there."""

from __future__ import annotations

from datetime import date
from typing import Literal

from lepcheck.models_base import Frozen


class Link(Frozen):
    url: str
    text: str = ""


class PageText(Frozen):
    """Text of one page (PDF page, DOCX as a single page, HTML main text as page 1)."""

    number: int
    text: str


class Table(Frozen):
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    page: int | None = None
    name: str | None = None


class Section(Frozen):
    """A heading and the text under it, up to the next heading of the same or higher level.

    Board pages built from cards (h3 name, p role) and minutes with numbered items are read
    through these, so the site model never needs an HTML parser.
    """

    heading: str
    level: int = 2
    text: str = ""
    page: int | None = None


class DatedValue(Frozen):
    """A date with where it came from, so a check can say which evidence it used."""

    value: date
    provenance: Literal[
        "first_seen", "last_modified", "document_metadata", "printed", "url", "link_text"
    ]
    quote: str = ""


class CoveredPeriod(Frozen):
    """The period a document says it covers ("for the year ended 31 March 2019", "Delivery Plan
    2019/20"), read from its own words; `locator` says where (title, cover, text)."""

    start: date
    end: date
    quote: str
    locator: str = ""
    # False when the words only name a year ("Annual Report 2020"): the period is then a
    # reading, not a statement, and an approval the text records may date the document better.
    exact: bool = True
