"""Whether a page gathers most of a set of kinds of material (a governance hub, WEB-01).

A page that lists meetings, or links a policy or two, names some governance material without
being the place where it is gathered: requirements.md (WEB-01, website evidence) lists what a
hub links to, "LAF, registers, policies, papers, funding", and a hub is a page that gathers
most of them (`min_kinds` of the named kinds). Each kind is a short list of patterns, read in
the page's text, the texts of its links and the words of their URLs (a hub often links a
register as "Board members' interests" at /documents/registers/...).
"""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from lepcheck.checks.common.selection import url_words
from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import Document


class Gathering(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    material: dict[str, tuple[str, ...]] = Field(
        description="each kind of material the page should gather, by name, with the patterns "
        "that show the page links to or mentions it"
    )
    min_kinds: int = Field(description="how many of those kinds the page must gather")
    not_at_urls: tuple[str, ...] = Field(
        default=(),
        description="pages at these URLs record one item, decision or meeting of a committee "
        "system and are never the hub, whatever they name",
    )

    @model_validator(mode="after")
    def _reachable(self) -> Self:
        if not 1 <= self.min_kinds <= len(self.material):
            raise ValueError(f"min_kinds must be between 1 and {len(self.material)}")
        return self


def page_words(doc: Document) -> str:
    """The page's text, its links' texts and the words of its links' URLs."""
    links = (f"{link.text} {url_words(link.url)}" for link in doc.links)
    return "\n".join((doc.text, *links))


def gathered_kinds(doc: Document, gathering: Gathering) -> list[str]:
    """The kinds of material the page links to or mentions, in the rule's order."""
    words = page_words(doc)
    return [name for name, patterns in gathering.material.items() if matches_any(words, patterns)]


def too_thin(doc: Document, gathering: Gathering) -> str | None:
    """Why the page does not gather enough of the material, or None when it does."""
    if doc.committee is not None or matches_any(doc.url, gathering.not_at_urls):
        # An agenda item or decision page ("LEP Governance and Transparency Paper") names
        # every kind of material it discusses without gathering any of it.
        return "it is a committee system's record of one item or meeting, not a page of the site"
    found = gathered_kinds(doc, gathering)
    if len(found) >= gathering.min_kinds:
        return None
    lacking = [name for name in gathering.material if name not in found]
    return (
        f"it gathers {len(found)} of the {len(gathering.material)} kinds of material a hub "
        f"gathers ({', '.join(found) or 'none'}; a hub gathers at least {gathering.min_kinds}; "
        f"not found: {', '.join(lacking)})"
    )
