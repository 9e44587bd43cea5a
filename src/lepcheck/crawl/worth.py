"""What a URL is worth to the audit before it is fetched (issue 17): a band, and a score within it.

A URL is judged by what names it (its link text and the words of its path), by the page it was
found on (a governance page's documents and sub-pages are its own business) and by whether it
belongs to a family of look-alike pages (lepcheck.crawl.families). Depth only breaks ties.

Bands, best first. A crawl stops when nothing plausible is left: bands up to SAMPLE always are,
GENERAL while some rule's evidence has not been met, WAITING and REMOTE never.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from urllib.parse import urlsplit

from lepcheck.crawl.families import FamilyKey
from lepcheck.vocab.web import EVIDENCE_WORDS, GOVERNANCE_WORDS

# A page that names nothing sought still counts while it is this near the home page: the
# site's main sections, where a governance hub is linked (WEB-01 looks two clicks deep).
GENERAL_DEPTH = 2


class Band(IntEnum):
    EVIDENCE = 0  # named like a document a rule still needs, or a committee adapter's request
    GOVERNANCE = 1  # a governance record's words; a governance page's documents or sub-pages
    TOPICAL = 2  # the broader governance words only (funds, projects, people, about)
    SAMPLE = 3  # a family member chosen for the sample
    GENERAL = 4  # names nothing sought, but near the home page or linked from governance
    WAITING = 5  # a family member not (yet) chosen
    REMOTE = 6  # names nothing sought, far from the home page and from governance

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Worth:
    band: Band
    score: int = 0  # within a band, higher first: open needs named, a governance page's link
    family: FamilyKey | None = None
    needs: tuple[int, ...] = ()  # the document needs (NeedBook indices) its name matches

    def key(self, depth: int, tier: int) -> tuple[int, ...]:
        """The frontier's order: band, then score, then depth, then links before sitemaps."""
        return (int(self.band), -self.score, depth, tier)

    def better_than(self, other: Worth) -> bool:
        return (self.band, -self.score) < (other.band, -other.score)


@dataclass(frozen=True)
class Link:
    """What is known of a URL before it is fetched."""

    url: str
    words: str  # its link text and path words (lepcheck.crawl.needs.naming_words)
    depth: int
    tier: int = 0
    is_document: bool = False


@dataclass(frozen=True)
class Source:
    """The page a link was found on: a governance page or not, a family member or not."""

    governance: bool = False
    family: FamilyKey | None = None


def section_of(url: str) -> str:
    """The section a page opens, or a document sits in: host and folder ("host/governance/")."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.netloc}{path}"


def under(url: str, sections: set[str]) -> bool:
    """Whether a URL sits in a governance section (under a governance page's folder); the home
    page's folder is no section, or every page would be in it."""
    prefix = section_of(url)
    while prefix.count("/") > 1:
        if prefix in sections:
            return True
        prefix = prefix[: prefix.rstrip("/").rfind("/") + 1]
    return False


def link_worth(
    link: Link,
    source: Source,
    *,
    open_needs: tuple[int, ...],
    met_needs: tuple[int, ...],
    family: FamilyKey | None,
    in_section: bool,
) -> Worth:
    """A link's worth, given the needs its name matches (open or met), its family (None for a
    document or a page of its own) and whether it sits in a governance section."""
    needs = (*open_needs, *met_needs)
    bonus = 1 if source.governance else 0
    if open_needs:
        return Worth(Band.EVIDENCE, 2 * len(open_needs) + bonus, needs=needs)
    strong = bool(met_needs) or bool(EVIDENCE_WORDS.search(link.words))
    if family is not None:
        return Worth(Band.WAITING, 1 if strong else 0, family=family, needs=needs)
    if strong or in_section or (link.is_document and source.governance):
        return Worth(Band.GOVERNANCE, bonus, needs=needs)
    if GOVERNANCE_WORDS.search(link.words):
        return Worth(Band.TOPICAL, bonus)
    near = link.tier == 0 and (link.depth <= GENERAL_DEPTH or source.governance)
    if link.is_document or near:
        return Worth(Band.GENERAL, bonus)
    return Worth(Band.REMOTE)
